/**
 * @file Word-shingle similarity between paragraphs, the measure behind near-duplicate findings.
 * Shingles are hashed to numbers so an index over a whole draft stays small and fast.
 */
import { comparisonWords } from './normalize';

export interface ShingleSet {
  readonly words: number;
  readonly shingles: ReadonlySet<number>;
  /** The same shingles in an array: an index over a whole draft walks them on every run. */
  readonly list: Uint32Array;
}

export function shingleSet(text: string, size: number): ShingleSet {
  return shingleSetOf(comparisonWords(text), size);
}

/** The shingles of words already folded (comparisonWords). */
export function shingleSetOf(words: readonly string[], size: number): ShingleSet {
  const shingles = new Set<number>();
  for (let i = 0; i + size <= words.length; i++) shingles.add(hashWords(words, i, size));
  if (words.length > 0 && words.length < size) shingles.add(hashWords(words, 0, words.length));
  return { words: words.length, shingles, list: Uint32Array.from(shingles) };
}

/** Jaccard similarity: shared shingles over all distinct shingles of both texts. */
export function jaccard(a: ShingleSet, b: ShingleSet): number {
  const shared = intersectionSize(a.shingles, b.shingles);
  const union = a.shingles.size + b.shingles.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Overlap coefficient: shared shingles over the smaller set, so a trimmed or extended copy still scores high. */
export function overlapCoefficient(a: ShingleSet, b: ShingleSet): number {
  const small = Math.min(a.shingles.size, b.shingles.size);
  return small === 0 ? 0 : intersectionSize(a.shingles, b.shingles) / small;
}

/** Containment of `a` in `b`: the share of a's shingles that b also has. */
export function containment(a: ShingleSet, b: ShingleSet): number {
  return a.shingles.size === 0 ? 0 : intersectionSize(a.shingles, b.shingles) / a.shingles.size;
}

export function intersectionSize(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** FNV-1a over the shingle's words, joined by a separator no word contains. */
function hashWords(words: readonly string[], from: number, size: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + size; i++) {
    const w = words[i]!;
    for (let j = 0; j < w.length; j++) h = Math.imul(h ^ w.charCodeAt(j), 0x01000193);
    h = Math.imul(h ^ 0x20, 0x01000193);
  }
  return h >>> 0;
}
