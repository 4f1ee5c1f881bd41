/**
 * @file Finds blocks that repeat an earlier block, exactly or nearly, in time linear in the draft:
 * exact copies by hashing each block's comparison key, near copies through an inverted index of
 * word shingles that only compares blocks sharing a distinctive shingle.
 */
import { comparisonWords, normalizeForComparison } from './normalize';
import { overlapCoefficient, shingleSet, type ShingleSet } from './shingles';
import { detached, TextMemo } from './textMemo';
import type { SourceTextView } from './types';

/** A later block and the earlier block it repeats. */
export interface Repeat {
  readonly copy: number;
  readonly original: number;
}
export interface NearRepeat extends Repeat {
  readonly similarity: number;
}
/** Consecutive copies of consecutive originals: the writer sees them as one repeated block. */
export interface RepeatRun {
  readonly copies: readonly Repeat[];
}

/** Word bigrams: one changed word costs two shingles, so a lightly edited copy stays close. */
export const SHINGLE_SIZE = 2;
/** A shingle found in more blocks than this is too common ("of the") to propose candidates. */
const MAX_POSTINGS = 8;
/** A block under half the other's length is a quoted sentence or two, not a version of it. */
const MIN_LENGTH_RATIO = 0.5;

/** Per-text results several checks share, computed once per segmentation. */
const shared = new WeakMap<SourceTextView, { keys?: { key: string; words: number }[]; shingles?: ShingleSet[]; near: Map<string, NearRepeat[]> }>();

function memo(view: SourceTextView): { keys?: { key: string; words: number }[]; shingles?: ShingleSet[]; near: Map<string, NearRepeat[]> } {
  let entry = shared.get(view);
  if (!entry) shared.set(view, (entry = { near: new Map() }));
  return entry;
}

/** Across versions of a draft: an unchanged paragraph is not folded or shingled again. */
const keyMemo = new TextMemo<{ key: string; words: number }>();
const shingleMemo = new TextMemo<ShingleSet>();

/** A paragraph's or sentence's comparison key and word count, remembered across versions of the draft. */
export function foldedKey(text: string): { key: string; words: number } {
  return keyMemo.get(text, (t) => ({ key: detached(normalizeForComparison(t)), words: comparisonWords(t).length }));
}

function blockKeys(view: SourceTextView): { key: string; words: number }[] {
  const m = memo(view);
  return (m.keys ??= view.blocks.map((b) => foldedKey(b.text)));
}

function blockShingles(view: SourceTextView): ShingleSet[] {
  const m = memo(view);
  return (m.shingles ??= view.blocks.map((b) => shingleMemo.get(b.text, (t) => shingleSet(t, SHINGLE_SIZE))));
}

/** Whether two blocks are close enough in length to be versions of each other. */
function comparableLengths(a: ShingleSet, b: ShingleSet): boolean {
  return Math.min(a.shingles.size, b.shingles.size) >= Math.max(a.shingles.size, b.shingles.size) * MIN_LENGTH_RATIO;
}

/** The similarity near-duplicate findings report: the overlap coefficient, 0 for blocks of too different length. */
export function pairSimilarity(a: ShingleSet, b: ShingleSet): number {
  return comparableLengths(a, b) ? overlapCoefficient(a, b) : 0;
}

export function exactRepeats(view: SourceTextView, minWords: number): Repeat[] {
  const firstByKey = new Map<string, number>();
  const repeats: Repeat[] = [];
  const keys = blockKeys(view);
  view.blocks.forEach((_, index) => {
    const { key, words } = keys[index]!;
    if (words < minWords) return;
    const original = firstByKey.get(key);
    if (original === undefined) firstByKey.set(key, index);
    else repeats.push({ copy: index, original });
  });
  return repeats;
}

/** Groups repeats into runs: copy k+1 follows copy k and repeats the block after k's original. */
export function repeatRuns(repeats: readonly Repeat[]): RepeatRun[] {
  const runs: Repeat[][] = [];
  for (const r of repeats) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && r.copy === last.copy + 1 && r.original === last.original + 1) run.push(r);
    else runs.push([r]);
  }
  return runs.map((copies) => ({ copies }));
}

/**
 * Blocks whose shingles overlap an earlier block's by at least `threshold` (overlap coefficient:
 * shared shingles over the smaller set, so a trimmed or extended copy still counts), skipping
 * exact copies and pairs where one is under half the other's length. Each block is matched to its most similar earlier block.
 */
export function nearRepeats(view: SourceTextView, threshold: number, minWords: number, exact: ReadonlySet<number>): NearRepeat[] {
  const cacheKey = `${threshold}:${minWords}:${[...exact].join(',')}`;
  const cached = memo(view).near.get(cacheKey);
  if (cached) return cached;
  const found = findNearRepeats(view, threshold, minWords, exact);
  memo(view).near.set(cacheKey, found);
  return found;
}

function findNearRepeats(view: SourceTextView, threshold: number, minWords: number, exact: ReadonlySet<number>): NearRepeat[] {
  const allSets = blockShingles(view);
  const postings = new Postings(allSets.reduce((n, set) => n + (set.words >= minWords ? set.shingles.size : 0), 0));
  const sets: (ShingleSet | undefined)[] = [];
  const found: NearRepeat[] = [];
  // Shared-shingle counts per earlier block, and the blocks touched in first-hit order (a Map per
  // block cost more than the rest of the search together).
  const shared = new Int32Array(view.blocks.length);
  const touched: number[] = [];
  const hit = (earlier: number): void => {
    if (shared[earlier]!++ === 0) touched.push(earlier);
  };
  view.blocks.forEach((_, index) => {
    const set = allSets[index]!;
    if (set.words < minWords) return;
    sets[index] = set;
    let best: NearRepeat | undefined;
    if (!exact.has(index)) {
      let common = 0;
      for (const s of set.list) if (!postings.forEach(s, hit)) common++;
      for (const earlier of touched) {
        const other = sets[earlier]!;
        const count = shared[earlier]!;
        shared[earlier] = 0;
        // The common shingles are the only ones the count can have missed: skip hopeless pairs unverified.
        if (!comparableLengths(set, other) || count + common < threshold * Math.min(set.shingles.size, other.shingles.size)) continue;
        const similarity = overlapCoefficient(set, other);
        if (similarity >= threshold && (!best || similarity > best.similarity)) best = { copy: index, original: earlier, similarity };
      }
      touched.length = 0;
    }
    if (best) found.push(best);
    for (const s of set.list) postings.add(s, index);
  });
  return found;
}

/**
 * Shingle → the blocks holding it, in block order, or "too common" once more than MAX_POSTINGS do.
 * In typed arrays (open addressing, lists chained through one array): rebuilt on every run, it
 * would otherwise allocate an entry and an array for each of a book's 600,000 shingles.
 */
class Postings {
  private readonly keys: Uint32Array;
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private readonly counts: Int32Array;
  private readonly blocks: Int32Array;
  private readonly next: Int32Array;
  private entries = 0;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Uint32Array(size);
    this.heads = new Int32Array(size).fill(-1);
    this.tails = new Int32Array(size);
    this.counts = new Int32Array(size);
    this.blocks = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  /** Calls `visit` with each block holding `shingle`, earliest first; false when the shingle is too common. */
  forEach(shingle: number, visit: (block: number) => void): boolean {
    const slot = this.slotOf(shingle);
    if (this.counts[slot]! > MAX_POSTINGS) return false;
    for (let e = this.heads[slot]!; e >= 0; e = this.next[e]!) visit(this.blocks[e]!);
    return true;
  }

  add(shingle: number, block: number): void {
    const slot = this.slotOf(shingle);
    const count = this.counts[slot]!;
    if (count > MAX_POSTINGS) return;
    this.keys[slot] = shingle;
    this.counts[slot] = count + 1;
    if (count === MAX_POSTINGS) return; // now too common: its list is never read again
    const e = this.entries++;
    this.blocks[e] = block;
    this.next[e] = -1;
    if (count === 0) this.heads[slot] = e;
    else this.next[this.tails[slot]!] = e;
    this.tails[slot] = e;
  }

  private slotOf(shingle: number): number {
    let slot = Math.imul(shingle, 0x9e3779b1) & this.mask;
    while (this.counts[slot]! > 0 && this.keys[slot] !== shingle) slot = (slot + 1) & this.mask;
    return slot;
  }
}
