/**
 * @file A draft's findings in text order, without a copy of each in draft offsets. Paragraph-scope
 * findings stay relative to their block (one sorted bundle per block, shared with the last version
 * for every block an edit left alone) and are placed by the block's offset as they are read, so a
 * keystroke creates no objects for the paragraphs after it; the server resolves only the at most
 * 1,000 it sends (lsp/diagnosticBudget.ts), and the whole array only when something asks for it.
 */
import type { Finding, Fix, Severity, Span } from './types';

export interface FindingList {
  readonly length: number;
  /** The findings in text order as they are kept: `stored[i]` is placed in the draft by `shifts[i]`. */
  readonly stored: readonly Finding[];
  /** What to add to `stored[i]`'s offsets (0 for those already in draft offsets). */
  readonly shifts: Int32Array;
  /**
   * Where each finding is in the draft, `spans[2i]` to `spans[2i + 1]`, and its rule and severity
   * as one number (`codes[i]`, see codeInfo): what the passes over every finding on every
   * keystroke read (the budget, the copies' echoes), in flat arrays rather than from 27,000
   * findings of a dozen shapes (each read of one of those is a slow, megamorphic property load).
   */
  readonly spans: Int32Array;
  readonly codes: Uint16Array;
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

/** Whether a finding at [start, end) of the draft is kept (inline directives, copies' echoes); asked in text order. */
export type Keep = (f: Finding, start: number, end: number) => boolean;

/** Rule-and-severity pairs by number, for FindingList.codes: a few hundred at most. */
const codeInfos: { readonly checkId: string; readonly severity: Severity }[] = [];
const codeNumbers = new Map<string, Partial<Record<Severity, number>>>();

/** The number standing for a finding's rule and severity. */
export function codeOf(f: Finding): number {
  let bySeverity = codeNumbers.get(f.checkId);
  if (!bySeverity) codeNumbers.set(f.checkId, (bySeverity = {}));
  let code = bySeverity[f.severity];
  if (code === undefined) {
    bySeverity[f.severity] = code = codeInfos.length;
    codeInfos.push({ checkId: f.checkId, severity: f.severity });
  }
  return code;
}

/** The rule and severity a code stands for. */
export function codeInfo(code: number): { readonly checkId: string; readonly severity: Severity } {
  return codeInfos[code]!;
}

/** A run of findings' spans (offsets as they are kept) and codes. */
interface Keys {
  readonly spans: Int32Array;
  readonly codes: Uint16Array;
}

/**
 * Each block bundle's keys, made once per bundle: an edit leaves every other block's bundle the
 * same array, so a keystroke reads their keys, not their findings.
 */
const bundleKeys = new WeakMap<readonly Finding[], Keys>();

function keysOf(findings: readonly Finding[]): Keys {
  const spans = new Int32Array(2 * findings.length);
  const codes = new Uint16Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    spans[2 * i] = f.span.start;
    spans[2 * i + 1] = f.span.end;
    codes[i] = codeOf(f);
  }
  return { spans, codes };
}

function bundleKeysOf(bundle: readonly Finding[]): Keys {
  let keys = bundleKeys.get(bundle);
  if (!keys) bundleKeys.set(bundle, (keys = keysOf(bundle)));
  return keys;
}

/** Findings already in draft offsets and in text order. */
export function findingArray(findings: readonly Finding[]): FindingList {
  const { spans, codes } = keysOf(findings);
  return listOf(findings, new Int32Array(findings.length), spans, codes, findings);
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
  const spans = new Int32Array(2 * n);
  const codes = new Uint16Array(n);
  const free = keysOf(loose);
  let i = 0;
  let l = 0;
  const takeLoose = (): void => {
    stored[i] = loose[l]!;
    spans[2 * i] = free.spans[2 * l]!;
    spans[2 * i + 1] = free.spans[2 * l + 1]!;
    codes[i++] = free.codes[l++]!;
  };
  for (let k = 0; k < bundles.length; k++) {
    const bundle = bundles[k]!;
    if (!bundle.length) continue;
    const by = offsets[k]!;
    const keys = bundleKeysOf(bundle);
    for (let j = 0; j < bundle.length; j++) {
      const start = keys.spans[2 * j]! + by;
      const end = keys.spans[2 * j + 1]! + by;
      // Loose findings that come first (ties broken as compareFindings breaks them).
      while (l < loose.length && before(free.spans[2 * l]!, free.spans[2 * l + 1]!, start, end, loose[l]!, bundle[j]!)) takeLoose();
      stored[i] = bundle[j]!;
      shifts[i] = by;
      spans[2 * i] = start;
      spans[2 * i + 1] = end;
      codes[i++] = keys.codes[j]!;
    }
  }
  while (l < loose.length) takeLoose();
  return listOf(stored, shifts, spans, codes);
}

/**
 * `list` without the findings `keep` turns down, and with `extra` (in draft offsets, sorted by
 * compareFindings) merged in.
 */
export function refinedFindings(list: FindingList, keep: Keep | undefined, extra: readonly Finding[]): FindingList {
  if (!keep && !extra.length) return list;
  const { stored: from, shifts: by, spans: at, codes: code } = list;
  const size = from.length + extra.length;
  const stored = new Array<Finding>(size);
  const shifts = new Int32Array(size);
  const spans = new Int32Array(2 * size);
  const codes = new Uint16Array(size);
  const more = keysOf(extra);
  let n = 0;
  let e = 0;
  const copy = (f: Finding, shift: number, start: number, end: number, c: number): void => {
    stored[n] = f;
    shifts[n] = shift;
    spans[2 * n] = start;
    spans[2 * n + 1] = end;
    codes[n++] = c;
  };
  for (let i = 0; i < from.length; i++) {
    const start = at[2 * i]!;
    const end = at[2 * i + 1]!;
    if (keep && !keep(from[i]!, start, end)) continue;
    while (e < extra.length && before(more.spans[2 * e]!, more.spans[2 * e + 1]!, start, end, extra[e]!, from[i]!)) copy(extra[e]!, 0, more.spans[2 * e]!, more.spans[2 * e + 1]!, more.codes[e++]!);
    copy(from[i]!, by[i]!, start, end, code[i]!);
  }
  while (e < extra.length) copy(extra[e]!, 0, more.spans[2 * e]!, more.spans[2 * e + 1]!, more.codes[e++]!);
  stored.length = n;
  return listOf(stored, shifts.subarray(0, n), spans.subarray(0, 2 * n), codes.subarray(0, n));
}

function listOf(stored: readonly Finding[], shifts: Int32Array, spans: Int32Array, codes: Uint16Array, placedAlready?: readonly Finding[]): FindingList {
  let array = placedAlready;
  /** The longest span: findings are sorted by start, so one touching `start` starts no earlier than this before it. */
  let longest = -1;
  return {
    within(start, end) {
      if (longest < 0) for (let i = 0; i < stored.length; i++) longest = Math.max(longest, spans[2 * i + 1]! - spans[2 * i]!);
      let lo = 0;
      let hi = stored.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (spans[2 * mid]! < start - longest) lo = mid + 1;
        else hi = mid;
      }
      const out: Finding[] = [];
      for (let i = lo; i < stored.length && spans[2 * i]! <= end; i++) {
        if (spans[2 * i + 1]! >= start) out.push(placed(stored[i]!, shifts[i]!));
      }
      return out;
    },
    length: stored.length,
    stored,
    shifts,
    spans,
    codes,
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

/** Whether `a` at [aStart, aEnd) sorts before `b` at [bStart, bEnd) (compareFindings < 0); their rules are read only on a tie. */
function before(aStart: number, aEnd: number, bStart: number, bEnd: number, a: Finding, b: Finding): boolean {
  if (aStart !== bStart) return aStart < bStart;
  if (aEnd !== bEnd) return aEnd < bEnd;
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
