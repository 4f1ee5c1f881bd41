/**
 * @file Finds blocks that repeat an earlier block, exactly or nearly, in time linear in the draft:
 * exact copies by hashing each block's comparison key, near copies through an inverted index of
 * word shingles that only compares blocks sharing a distinctive shingle.
 */
import { comparisonWords, normalizeForComparison } from './normalize';
import { intersectionSize, shingleSet, type ShingleSet } from './shingles';
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
const MAX_POSTINGS = 32;
/** A block under half the other's length is a quoted sentence or two, not a version of it. */
const MIN_LENGTH_RATIO = 0.5;

export function exactRepeats(view: SourceTextView, minWords: number): Repeat[] {
  const firstByKey = new Map<string, number>();
  const repeats: Repeat[] = [];
  view.blocks.forEach((block, index) => {
    if (comparisonWords(block.text).length < minWords) return;
    const key = normalizeForComparison(block.text);
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
  const postings = new Map<number, number[]>();
  const sets: (ShingleSet | undefined)[] = [];
  const found: NearRepeat[] = [];
  view.blocks.forEach((block, index) => {
    const set = shingleSet(block.text, SHINGLE_SIZE);
    if (set.words < minWords) return;
    sets[index] = set;
    if (!exact.has(index)) {
      const candidates = new Set<number>();
      for (const s of set.shingles) for (const earlier of postings.get(s) ?? []) candidates.add(earlier);
      let best: NearRepeat | undefined;
      for (const earlier of candidates) {
        const other = sets[earlier]!;
        const [small, large] = [Math.min(set.shingles.size, other.shingles.size), Math.max(set.shingles.size, other.shingles.size)];
        if (small < large * MIN_LENGTH_RATIO) continue;
        const similarity = intersectionSize(set.shingles, other.shingles) / small;
        if (similarity >= threshold && (!best || similarity > best.similarity)) best = { copy: index, original: earlier, similarity };
      }
      if (best) found.push(best);
    }
    for (const s of set.shingles) {
      const list = postings.get(s) ?? [];
      if (list.length < MAX_POSTINGS) list.push(index);
      postings.set(s, list);
    }
  });
  return found;
}
