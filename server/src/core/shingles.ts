/**
 * @file Word-shingle similarity between paragraphs, the measure behind near-duplicate findings.
 * Shingles are hashed to numbers so an index over a whole draft stays small and fast.
 */
import { comparisonWords, foldedWordBounds } from './normalize';
import type { Offsets } from './segments';
import { uint32s } from './slab';

export interface ShingleSet {
  readonly words: number;
  /**
   * The distinct shingles, ascending: a typed array is a tenth of the memory of a Set (a 4 MB
   * draft's paragraphs held 18 MB of Set tables), and two sorted lists intersect in one walk.
   */
  readonly list: Uint32Array;
}

export function shingleSet(text: string, size: number): ShingleSet {
  return shingleSetOf(comparisonWords(text), size);
}

/** The shingles of words already folded (comparisonWords). */
export function shingleSetOf(words: readonly string[], size: number): ShingleSet {
  const hashes: number[] = [];
  for (let i = 0; i + size <= words.length; i++) hashes.push(hashWords(words, i, size));
  if (words.length > 0 && words.length < size) hashes.push(hashWords(words, 0, words.length));
  return { words: words.length, list: distinctSorted(hashes) };
}

/** shingleSetOf(foldedWords(folded), size), from the words' offsets rather than a string per word. */
export function shingleSetOfFolded(folded: string, size: number): ShingleSet {
  const { bounds, count } = foldedWordBounds(folded);
  const length = count >= size ? count - size + 1 : count > 0 ? 1 : 0;
  const hashes = room(length);
  for (let i = 0; i + size <= count; i++) hashes[i] = hashRanges(folded, bounds, i, size);
  if (count > 0 && count < size) hashes[0] = hashRanges(folded, bounds, 0, count);
  return { words: count, list: distinctSortedInPlace(hashes, length) };
}

/**
 * shingleSetOfFolded(folded, size) when `words` are its words' [start, end] pairs in another text
 * that `folded` is a cut of from `shift` on (a paragraph's segmentation, whose lower case trimmed is
 * the paragraph's key): a paragraph's words are then not scanned for a second time.
 */
export function shingleSetOfWords(folded: string, words: Offsets, shift: number, size: number): ShingleSet {
  const count = words.length >> 1;
  const length = count >= size ? count - size + 1 : count > 0 ? 1 : 0;
  const hashes = room(length);
  for (let i = 0; i + size <= count; i++) hashes[i] = hashOffsets(folded, words, shift, i, size);
  if (count > 0 && count < size) hashes[0] = hashOffsets(folded, words, shift, 0, count);
  return { words: count, list: distinctSortedInPlace(hashes, length) };
}

/**
 * Where a paragraph's hashes are worked on before its list is carved (kept): one array, reused,
 * rather than one per paragraph, each with a backing store of its own to allocate and for the
 * collector to sweep (a 1 MB draft's first look made 2,500 of them).
 */
let scratch = new Uint32Array(1024);

function room(length: number): Uint32Array {
  if (scratch.length < length) scratch = new Uint32Array(Math.max(length, 2 * scratch.length));
  return scratch;
}

/**
 * hashWords over words given as [start, end] pairs of `text`: the same numbers, as int32 (stored
 * into a Uint32Array, the same bits): a uint32 past 2^31 was a boxed number per shingle in code
 * not yet optimised.
 */
function hashRanges(text: string, bounds: Int32Array, from: number, size: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + size; i++) {
    for (let j = bounds[2 * i]!; j < bounds[2 * i + 1]!; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    h = Math.imul(h ^ 0x20, 0x01000193);
  }
  return h | 0;
}

/** hashRanges over offsets `shift` past where the words are in `text`: a function of its own, so neither is compiled for two kinds of array. */
function hashOffsets(text: string, words: Offsets, shift: number, from: number, size: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + size; i++) {
    const end = words[2 * i + 1]! - shift;
    for (let j = words[2 * i]! - shift; j < end; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    h = Math.imul(h ^ 0x20, 0x01000193);
  }
  return h | 0;
}

/** The first `length` of `hashes`, sorted in place, each once, carved (kept). */
function distinctSortedInPlace(hashes: Uint32Array, length: number): Uint32Array {
  const sorted = hashes.subarray(0, length).sort();
  let n = 0;
  for (let i = 0; i < length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return kept(sorted, n);
}

function distinctSorted(hashes: readonly number[]): Uint32Array {
  const sorted = Uint32Array.from(hashes).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return kept(sorted, n);
}

/** The first `n` of `sorted` in an array carved from a shared buffer (slab.ts): a draft keeps one list per paragraph. */
function kept(sorted: Uint32Array, n: number): Uint32Array {
  const out = uint32s(n);
  out.set(sorted.subarray(0, n));
  return out;
}

/** Jaccard similarity: shared shingles over all distinct shingles of both texts. */
export function jaccard(a: ShingleSet, b: ShingleSet): number {
  const shared = intersectionSize(a.list, b.list);
  const union = a.list.length + b.list.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** Overlap coefficient: shared shingles over the smaller set, so a trimmed or extended copy still scores high. */
export function overlapCoefficient(a: ShingleSet, b: ShingleSet): number {
  const small = Math.min(a.list.length, b.list.length);
  return small === 0 ? 0 : intersectionSize(a.list, b.list) / small;
}

/** Containment of `a` in `b`: the share of a's shingles that b also has. */
export function containment(a: ShingleSet, b: ShingleSet): number {
  return a.list.length === 0 ? 0 : intersectionSize(a.list, b.list) / a.list.length;
}

/** Shared values of two ascending lists of distinct numbers. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) n++, i++, j++;
    else if (x < y) i++;
    else j++;
  }
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
