/**
 * @file A draft's findings in text order, without a copy of each in draft offsets. Paragraph-scope
 * findings stay relative to their block (one sorted bundle per block, shared with the last version
 * for every block an edit left alone) and are placed by the block's offset as they are read, so a
 * keystroke creates no objects for the paragraphs after it; the server resolves only the at most
 * 1,000 it sends (lsp/diagnosticBudget.ts), and the whole array only when something asks for it.
 */
import type { Finding, Fix, Span } from './types';

export interface FindingList {
  readonly length: number;
  /** The findings in text order as they are kept: `stored[i]` is placed in the draft by `shifts[i]`. */
  readonly stored: readonly Finding[];
  /** What to add to `stored[i]`'s offsets (0 for those already in draft offsets). */
  readonly shifts: Int32Array;
  /** Each finding in text order with the offset that places it: `f.span.start + by` is where it starts. */
  forEach(visit: (f: Finding, by: number, index: number) => void): void;
  /** Every finding in draft offsets, in text order (built on the first ask, then kept). */
  toArray(): readonly Finding[];
  /**
   * The findings touching [start, end] (a span ending at `start` or starting at `end` included),
   * in draft offsets and text order: a hover or a quick fix at one place places only those, not
   * every finding of a long draft.
   */
  within(start: number, end: number): Finding[];
}

/** Whether a finding placed at `by` is kept (inline directives, copies' echoes); asked in text order. */
export type Keep = (f: Finding, by: number) => boolean;

/** Findings already in draft offsets and in text order. */
export function findingArray(findings: readonly Finding[]): FindingList {
  return listOf(findings, new Int32Array(findings.length), findings);
}

/**
 * The merge of block bundles (`bundles[k]` relative to `offsets[k]`, blocks in text order and
 * disjoint, each sorted by compareFindings) with `loose` findings in draft offsets, sorted likewise.
 * One pass that copies references, not findings: a keystroke's cost does not grow with the
 * findings after it.
 */
export function mergedFindings(bundles: readonly (readonly Finding[])[], offsets: ArrayLike<number>, loose: readonly Finding[]): FindingList {
  let n = loose.length;
  for (const bundle of bundles) n += bundle.length;
  const stored = new Array<Finding>(n);
  const shifts = new Int32Array(n);
  let i = 0;
  let l = 0;
  for (let k = 0; k < bundles.length; k++) {
    const bundle = bundles[k]!;
    if (!bundle.length) continue;
    const by = offsets[k]!;
    for (const f of bundle) {
      // Loose findings that come first (ties broken as compareFindings breaks them).
      while (l < loose.length && before(loose[l]!, f, by)) stored[i++] = loose[l++]!;
      stored[i] = f;
      shifts[i++] = by;
    }
  }
  while (l < loose.length) stored[i++] = loose[l++]!;
  return listOf(stored, shifts);
}

/**
 * `list` without the findings `keep` turns down, and with `extra` (in draft offsets, sorted by
 * compareFindings) merged in.
 */
export function refinedFindings(list: FindingList, keep: Keep | undefined, extra: readonly Finding[]): FindingList {
  if (!keep && !extra.length) return list;
  const { stored: from, shifts: by } = list;
  const stored = new Array<Finding>(from.length + extra.length);
  const shifts = new Int32Array(from.length + extra.length);
  let n = 0;
  let e = 0;
  for (let i = 0; i < from.length; i++) {
    const f = from[i]!;
    if (keep && !keep(f, by[i]!)) continue;
    while (e < extra.length && before(extra[e]!, f, by[i]!)) stored[n++] = extra[e++]!;
    stored[n] = f;
    shifts[n++] = by[i]!;
  }
  while (e < extra.length) stored[n++] = extra[e++]!;
  stored.length = n;
  return listOf(stored, shifts.subarray(0, n));
}

function listOf(stored: readonly Finding[], shifts: Int32Array, placedAlready?: readonly Finding[]): FindingList {
  let array = placedAlready;
  /** The longest span: findings are sorted by start, so one touching `start` starts no earlier than this before it. */
  let longest = -1;
  return {
    within(start, end) {
      if (longest < 0) for (const f of stored) longest = Math.max(longest, f.span.end - f.span.start);
      let lo = 0;
      let hi = stored.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (stored[mid]!.span.start + shifts[mid]! < start - longest) lo = mid + 1;
        else hi = mid;
      }
      const out: Finding[] = [];
      for (let i = lo; i < stored.length && stored[i]!.span.start + shifts[i]! <= end; i++) {
        if (stored[i]!.span.end + shifts[i]! >= start) out.push(placed(stored[i]!, shifts[i]!));
      }
      return out;
    },
    length: stored.length,
    stored,
    shifts,
    forEach(visit) {
      for (let i = 0; i < stored.length; i++) visit(stored[i]!, shifts[i]!, i);
    },
    toArray() {
      if (!array) {
        const out = new Array<Finding>(stored.length);
        for (let i = 0; i < stored.length; i++) out[i] = placed(stored[i]!, shifts[i]!);
        array = out;
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
