/**
 * @file A draft's findings in text order, without a copy of each in draft offsets. Paragraph-scope
 * findings stay relative to their block (one sorted bundle per block, shared with the last version
 * for every block an edit left alone) and are placed by the block's offset as they are read, so a
 * keystroke creates no objects for the paragraphs after it; the server resolves only the at most
 * 1,000 it sends (lsp/diagnosticBudget.ts), and the whole array only when something asks for it.
 */
import type { Finding, Fix, Span } from './types';

export interface FindingList {
  /** How many findings; counted on the first ask. */
  readonly length: number;
  /**
   * Each finding in text order with the offset that places it in the draft (0 for those already
   * in draft offsets): `f.span.start + by` is where it starts. `index` counts from 0 in that order.
   */
  forEach(visit: (f: Finding, by: number, index: number) => void): void;
  /** Every finding in draft offsets, in text order (built on the first ask, then kept). */
  toArray(): readonly Finding[];
}

/** Whether a block-relative finding placed at `by` is kept (inline directives, copies' echoes). */
export type Keep = (f: Finding, by: number) => boolean;

/** Findings already in draft offsets and in text order. */
export function findingArray(findings: readonly Finding[]): FindingList {
  return {
    length: findings.length,
    forEach: (visit) => findings.forEach((f, i) => visit(f, 0, i)),
    toArray: () => findings,
  };
}

/**
 * The merge of block bundles (`bundles[k]` relative to `offsets[k]`, blocks in text order and
 * disjoint, each sorted by compareFindings) with `loose` findings in draft offsets, sorted likewise.
 */
export function mergedFindings(bundles: readonly (readonly Finding[])[], offsets: ArrayLike<number>, loose: readonly Finding[]): FindingList {
  return lazyList((visit) => {
    let index = 0;
    let l = 0;
    for (let k = 0; k < bundles.length; k++) {
      const bundle = bundles[k]!;
      if (!bundle.length) continue;
      const by = offsets[k]!;
      for (const f of bundle) {
        // Loose findings that come first (ties broken as compareFindings breaks them).
        while (l < loose.length && before(loose[l]!, f, by)) visit(loose[l++]!, 0, index++);
        visit(f, by, index++);
      }
    }
    while (l < loose.length) visit(loose[l++]!, 0, index++);
  });
}

/**
 * `list` without the findings `keep` turns down, and with `extra` (in draft offsets, sorted by
 * compareFindings) merged in.
 */
export function refinedFindings(list: FindingList, keep: Keep | undefined, extra: readonly Finding[]): FindingList {
  if (!keep && !extra.length) return list;
  return lazyList((visit) => {
    let index = 0;
    let e = 0;
    list.forEach((f, by) => {
      if (keep && !keep(f, by)) return;
      while (e < extra.length && before(extra[e]!, f, by)) visit(extra[e++]!, 0, index++);
      visit(f, by, index++);
    });
    while (e < extra.length) visit(extra[e++]!, 0, index++);
  });
}

function lazyList(forEach: FindingList['forEach']): FindingList {
  let count: number | undefined;
  let array: readonly Finding[] | undefined;
  return {
    get length() {
      if (count === undefined) {
        let n = 0;
        forEach(() => n++);
        count = n;
      }
      return count;
    },
    forEach,
    toArray() {
      if (!array) {
        const out: Finding[] = [];
        forEach((f, by) => out.push(placed(f, by)));
        array = out;
        count = out.length;
      }
      return array;
    },
  };
}

/** Whether draft-offset `a` sorts before relative `b` placed at `by` (compareFindings < 0). */
function before(a: Finding, b: Finding, by: number): boolean {
  const bs = b.span.start + by;
  if (a.span.start !== bs) return a.span.start < bs;
  const be = b.span.end + by;
  if (a.span.end !== be) return a.span.end < be;
  return a.checkId < b.checkId;
}

/** `f` in draft offsets: itself when `by` is 0. */
export function placed(f: Finding, by: number): Finding {
  return by ? shiftFinding(f, by) : f;
}

export function shiftFinding(f: Finding, by: number): Finding {
  return {
    ...f,
    span: shiftSpan(f.span, by),
    ...(f.fix ? { fix: shiftFix(f.fix, by) } : {}),
    suggestions: f.suggestions.length ? f.suggestions.map((x) => shiftFix(x, by)) : f.suggestions,
    related: f.related.length ? f.related.map((r) => (r.document === undefined ? { span: shiftSpan(r.span, by), message: r.message } : r)) : f.related,
  };
}

function shiftSpan(s: Span, by: number): Span {
  return { start: s.start + by, end: s.end + by };
}

function shiftFix(x: Fix, by: number): Fix {
  return { title: x.title, edit: { span: shiftSpan(x.edit.span, by), newText: x.edit.newText } };
}
