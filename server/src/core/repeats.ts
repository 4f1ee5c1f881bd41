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
  // Shingle → blocks holding it; null once it is too common to single out candidates.
  const postings = new Map<number, number[] | null>();
  const sets: (ShingleSet | undefined)[] = [];
  const found: NearRepeat[] = [];
  view.blocks.forEach((_, index) => {
    const set = allSets[index]!;
    if (set.words < minWords) return;
    sets[index] = set;
    const hits = new Map<number, number>();
    let common = 0;
    for (const s of set.shingles) {
      const list = postings.get(s);
      if (list === null) common++;
      else if (list) for (const earlier of list) hits.set(earlier, (hits.get(earlier) ?? 0) + 1);
    }
    let best: NearRepeat | undefined;
    if (!exact.has(index)) {
      for (const [earlier, shared] of hits) {
        const other = sets[earlier]!;
        // The common shingles are the only ones the count can have missed: skip hopeless pairs unverified.
        if (!comparableLengths(set, other) || shared + common < threshold * Math.min(set.shingles.size, other.shingles.size)) continue;
        const similarity = overlapCoefficient(set, other);
        if (similarity >= threshold && (!best || similarity > best.similarity)) best = { copy: index, original: earlier, similarity };
      }
    }
    if (best) found.push(best);
    for (const s of set.shingles) {
      const list = postings.get(s);
      if (list === undefined) postings.set(s, [index]);
      else if (list !== null) {
        if (list.length >= MAX_POSTINGS) postings.set(s, null);
        else list.push(index);
      }
    }
  });
  return found;
}
