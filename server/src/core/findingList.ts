/**
 * @file A draft's findings in text order, without a copy of each in draft offsets. Paragraph-scope
 * findings stay relative to their block (see blockFindings.ts, patched in place after an edit) and
 * are placed by the block's offset as they are read, so a keystroke creates no objects for the
 * paragraphs after it; the server resolves only the at most 1,000 it sends
 * (lsp/diagnosticBudget.ts), and the whole array only when something asks for it.
 */
import { BlockFindings } from './blockFindings';
import { shiftSpan } from './spans';
import type { Finding, Fix, RelatedLocation, Severity, Span } from './types';

export interface FindingList {
  readonly length: number;
  /**
   * The findings in text order as they are kept: `stored[i]` is placed in the draft by `shifts[i]`.
   * Only the first `length` entries (of this and the arrays below) belong to the list: a draft's
   * lists are written into arrays kept from one keystroke to the next (see FindingBuffers).
   */
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

/** @param shifts what places each finding (none: all in draft offsets) */
function keysOf(findings: readonly Finding[], shifts?: readonly number[]): Keys {
  const spans = new Int32Array(2 * findings.length);
  const codes = new Uint16Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const by = shifts ? shifts[i]! : 0;
    spans[2 * i] = f.span.start + by;
    spans[2 * i + 1] = f.span.end + by;
    codes[i] = codeOf(f);
  }
  return { spans, codes };
}

/** Findings in text order, in draft offsets or each placed by `shifts[i]`. */
export function findingArray(findings: readonly Finding[], shifts?: readonly number[]): FindingList {
  const { spans, codes } = keysOf(findings, shifts);
  const by = new Int32Array(findings.length);
  let placedAlready = true;
  for (let i = 0; shifts && i < findings.length; i++) if ((by[i] = shifts[i]!)) placedAlready = false;
  return listOf({ stored: findings as Finding[], shifts: by, spans, codes, gen: 0 }, findings.length, placedAlready ? findings : undefined);
}

/**
 * A draft's paragraph-scope findings (`blocks`) and its `loose` findings (in draft offsets, or each
 * placed by `looseShifts[i]`; sorted by compareFindings once placed) in one list, in text order, written into `into`'s arrays when given (reused
 * from keystroke to keystroke). The few loose findings are placed by binary search and the runs of
 * block findings between them copied in bulk: fast from the first keystroke, before the JIT has
 * compiled anything.
 */
export function withLoose(blocks: BlockFindings, loose: readonly Finding[], into?: FindingBuffers, looseShifts?: readonly number[]): FindingList {
  const n = blocks.length + loose.length;
  const out = into ? into.take(n) : fresh(n);
  const free = keysOf(loose, looseShifts);
  const src = sourceOf(blocks);
  let i = 0;
  let j = 0;
  for (let l = 0; l < loose.length; l++) {
    const start = free.spans[2 * l]!;
    const end = free.spans[2 * l + 1]!;
    // The first block finding this one comes before (ties broken as compareFindings breaks them).
    let lo = j;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(start, end, blocks.spans[2 * mid]!, blocks.spans[2 * mid + 1]!, loose[l]!, blocks.stored[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    i = copyRun(src, j, lo, out, i);
    j = lo;
    out.stored[i] = loose[l]!;
    out.shifts[i] = looseShifts ? looseShifts[l]! : 0;
    out.spans[2 * i] = start;
    out.spans[2 * i + 1] = end;
    out.codes[i++] = free.codes[l]!;
  }
  copyRun(src, j, blocks.length, out, i);
  clearFrom(out.stored, n);
  return listOf(out, n);
}

/** A list's arrays as copyRun reads them: one shape whichever list they come from. */
interface Source {
  stored: readonly Finding[];
  shifts: Int32Array;
  spans: Int32Array;
  codes: Uint16Array;
}

/**
 * The arrays of `src` in a Source: copyRun reads a BlockFindings at a draft's open and a list's
 * arrays at its keystrokes, and two shapes there cost its compiled code ("wrong map") at the first.
 */
function sourceOf(src: { readonly stored: readonly Finding[]; readonly shifts: Int32Array; readonly spans: Int32Array; readonly codes: Uint16Array }): Source {
  return { stored: src.stored, shifts: src.shifts, spans: src.spans, codes: src.codes };
}

/** Copies entries `from` to `to` of `src` to `out` from `at`; returns where they end there. */
function copyRun(src: Source, from: number, to: number, out: Buffers, at: number): number {
  if (to <= from) return at;
  if (to - from < 32) {
    // A few: one by one, without making views of the arrays.
    for (let k = from; k < to; k++, at++) {
      out.stored[at] = src.stored[k]!;
      out.shifts[at] = src.shifts[k]!;
      out.spans[2 * at] = src.spans[2 * k]!;
      out.spans[2 * at + 1] = src.spans[2 * k + 1]!;
      out.codes[at] = src.codes[k]!;
    }
    return at;
  }
  out.shifts.set(src.shifts.subarray(from, to), at);
  out.spans.set(src.spans.subarray(2 * from, 2 * to), 2 * at);
  out.codes.set(src.codes.subarray(from, to), at);
  const { stored } = out;
  const kept = src.stored;
  for (let k = from; k < to; k++) stored[at++] = kept[k]!;
  return at;
}

/**
 * `list` without the findings `keep` turns down, and with `extra` (in draft offsets, sorted by
 * compareFindings) merged in; written into `into`'s arrays when given. With `asking` (sorted,
 * disjoint spans), `keep` is asked only about findings starting inside one of them (the others are
 * kept), and the runs between are copied in bulk.
 */
export function refinedFindings(list: FindingList, keep: Keep | undefined, extra: readonly Finding[], into?: FindingBuffers, asking?: readonly Span[]): FindingList {
  if (!keep && !extra.length) return list;
  const { stored: from, shifts: by, spans: at, codes: code, length } = list;
  const size = length + extra.length;
  const out = into ? into.take(size) : fresh(size);
  if (keep && asking && !extra.length) {
    const src = sourceOf(list);
    let n = 0;
    let i = 0;
    for (const region of asking) {
      const lo = firstStartingFrom(at, i, length, region.start);
      n = copyRun(src, i, lo, out, n);
      for (i = lo; i < length && at[2 * i]! <= region.end; i++) {
        if (keep(from[i]!, at[2 * i]!, at[2 * i + 1]!)) n = copyRun(src, i, i + 1, out, n);
      }
    }
    n = copyRun(src, i, length, out, n);
    clearFrom(out.stored, n);
    return listOf(out, n);
  }
  const { stored, shifts, spans, codes } = out;
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
  for (let i = 0; i < length; i++) {
    const start = at[2 * i]!;
    const end = at[2 * i + 1]!;
    if (keep && !keep(from[i]!, start, end)) continue;
    while (e < extra.length && before(more.spans[2 * e]!, more.spans[2 * e + 1]!, start, end, extra[e]!, from[i]!)) copy(extra[e]!, 0, more.spans[2 * e]!, more.spans[2 * e + 1]!, more.codes[e++]!);
    copy(from[i]!, by[i]!, start, end, code[i]!);
  }
  while (e < extra.length) copy(extra[e]!, 0, more.spans[2 * e]!, more.spans[2 * e + 1]!, more.codes[e++]!);
  clearFrom(stored, n);
  return listOf(out, n);
}

/** Slots past a list's end keep no finding of an earlier version alive (up to the first already empty). */
function clearFrom(stored: Finding[], n: number): void {
  for (let i = n; i < stored.length && stored[i] !== undefined; i++) stored[i] = undefined as unknown as Finding;
}

/** Arrays a list is written into; `gen` changes each time they are written again. */
interface Buffers {
  readonly stored: Finding[];
  readonly shifts: Int32Array;
  readonly spans: Int32Array;
  readonly codes: Uint16Array;
  gen: number;
}

function fresh(n: number): Buffers {
  return { stored: new Array<Finding>(n), shifts: new Int32Array(n), spans: new Int32Array(2 * n), codes: new Uint16Array(n), gen: 0 };
}

/**
 * Two sets of a list's arrays, used in turn: one draft's lists of one kind are written into them
 * keystroke after keystroke instead of into new arrays each time (27,000 findings on a 4 MB draft:
 * arrays of 100–200 KB, fresh pages and large-object garbage on every keystroke). A list stays
 * readable until the list after next is written over it: the server reads a version's list right
 * after its lint, with no await in between (session.ts, lsp/report.ts), and the linter keeps one
 * version per draft. A list read later than that throws rather than give another version's findings.
 */
export class FindingBuffers {
  private readonly sets: (Buffers | undefined)[] = [undefined, undefined];
  private turn = 0;

  /** @internal The set to write `n` entries into; the list last written there is stale from now on. */
  take(n: number): Buffers {
    this.turn ^= 1;
    let set = this.sets[this.turn];
    if (!set || set.shifts.length < n) {
      this.sets[this.turn] = set = fresh(n + (n >> 4) + 64);
      // Both sets at the first list (a draft's open), not the second at its first keystroke: that
      // keystroke then writes into arrays already touched instead of faulting in fresh ones.
      this.sets[this.turn ^ 1] ??= fresh(n + (n >> 4) + 64);
    }
    set.gen++;
    return set;
  }
}

function listOf(out: Buffers, length: number, placedAlready?: readonly Finding[]): FindingList {
  let array = placedAlready;
  const gen = out.gen;
  const { stored, shifts, spans, codes } = out;
  const current = (): void => {
    if (out.gen !== gen) throw new Error('A FindingList was read after its arrays were reused for a later version of the draft');
  };
  /** The longest span: findings are sorted by start, so one touching `start` starts no earlier than this before it. */
  let longest = -1;
  return {
    within(start, end) {
      current();
      if (longest < 0) for (let i = 0; i < length; i++) longest = Math.max(longest, spans[2 * i + 1]! - spans[2 * i]!);
      const lo = firstStartingFrom(spans, 0, length, start - longest);
      const found: Finding[] = [];
      for (let i = lo; i < length && spans[2 * i]! <= end; i++) {
        if (spans[2 * i + 1]! >= start) found.push(placed(stored[i]!, shifts[i]!));
      }
      return found;
    },
    length,
    get stored() {
      current();
      return stored;
    },
    get shifts() {
      current();
      return shifts;
    },
    get spans() {
      current();
      return spans;
    },
    get codes() {
      current();
      return codes;
    },
    forEach(visit) {
      current();
      for (let i = 0; i < length; i++) visit(stored[i]!, shifts[i]!, i);
    },
    toArray() {
      if (!array) {
        current();
        const all = new Array<Finding>(length);
        for (let i = 0; i < length; i++) all[i] = placed(stored[i]!, shifts[i]!);
        array = all;
      }
      return array;
    },
  };
}

/** The first of entries [lo, hi) (sorted by start) whose span starts at or after `offset`; `hi` if none does. */
function firstStartingFrom(spans: Int32Array, lo: number, hi: number, offset: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/**
 * Written in the order every stored finding's properties have (toFinding's, kept by the engine's
 * detach), with loops instead of map: reading a whole 4 MB draft's findings places 27,000
 * of them, and a spread of a dozen shapes of finding made each copy through the slow path with an
 * out-of-object property store (~280 bytes a finding, ~8 MB a read) instead of one object of ~100.
 */
export function shiftFinding(f: Finding, by: number): Finding {
  const span = shiftSpan(f.span, by);
  const suggestions = f.suggestions.length ? shiftFixes(f.suggestions, by) : f.suggestions;
  const related = f.related.length ? shiftRelated(f.related, by) : f.related;
  // Whole literals for the two common shapes (with a fix or without): a literal's properties are
  // stored in the object itself, those added later in a second array.
  const out = (
    f.fix
      ? { checkId: f.checkId, messageId: f.messageId, message: f.message, span, severity: f.severity, fix: shiftFix(f.fix, by), suggestions, related, tags: f.tags }
      : { checkId: f.checkId, messageId: f.messageId, message: f.message, span, severity: f.severity, suggestions, related, tags: f.tags }
  ) as { -readonly [K in keyof Finding]: Finding[K] };
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.note !== undefined) out.note = f.note;
  return out;
}

function shiftFixes(fixes: readonly Fix[], by: number): Fix[] {
  const out = new Array<Fix>(fixes.length);
  for (let i = 0; i < fixes.length; i++) out[i] = shiftFix(fixes[i]!, by);
  return out;
}

/** Places in other drafts keep their offsets (and their object): theirs are that draft's. Also the engine's detach. */
export function shiftRelated(related: readonly RelatedLocation[], by: number): RelatedLocation[] {
  const out = new Array<RelatedLocation>(related.length);
  for (let i = 0; i < related.length; i++) {
    const r = related[i]!;
    out[i] = r.document === undefined ? { span: shiftSpan(r.span, by), message: r.message } : r;
  }
  return out;
}


function shiftFix(x: Fix, by: number): Fix {
  return { title: x.title, edit: { span: shiftSpan(x.edit.span, by), newText: x.edit.newText } };
}
