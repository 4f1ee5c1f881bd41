/**
 * @file Finds blocks that repeat an earlier block, exactly or nearly, in time linear in the draft:
 * exact copies by hashing each block's comparison key, near copies through an inverted index of
 * word shingles that only compares blocks sharing a distinctive shingle.
 */
import { foldedWordBounds, foldsAsLowerCase, ownComparisonKey } from './normalize';
import { overlapCoefficient, shingleSetOfFolded, shingleSetOfWords, type ShingleSet } from './shingles';
import { NONE, PAIR_KEY, PAIR_NUMBER, PostingTable, runStarts } from './postingTable';
import { BlockSummaries } from './blockSummaries';
import { detached, TextMemo } from './textMemo';
import { knownSegments, type Offsets } from './segments';
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

/** Per-view results several checks share, computed once per segmentation. */
const shared = new WeakMap<SourceTextView, { exact?: Repeat[]; near: Map<string, NearRepeat[]> }>();

function memo(view: SourceTextView): { exact?: Repeat[]; near: Map<string, NearRepeat[]> } {
  let entry = shared.get(view);
  if (!entry) shared.set(view, (entry = { near: new Map() }));
  return entry;
}

/** A comparison key with its word count and its number (see keyNumber). */
export interface FoldedKey {
  readonly key: string;
  readonly words: number;
  /** @internal keyNumber's answer and the numbering it belongs to. */
  id: number;
  /** @internal */
  generation: number;
}

/** Across versions of a draft: an unchanged paragraph is not folded or shingled again. */
const keyMemo = new TextMemo<FoldedKey>();
const shingleMemo = new TextMemo<ShingleSet>();

/** A paragraph's comparison key and word count, remembered across versions of the draft. */
export function foldedKey(text: string): FoldedKey {
  return keyMemo.get(text, makeParagraphKey);
}

/**
 * makeKey for a paragraph whose segmentation the paragraph rules have already made: when it folds
 * as lower case, its key is its lower case, trimmed, and its folded words are its segmentation's
 * (the same letters, digits and joiners), so neither the regular expressions nor a scan of the key.
 */
function makeParagraphKey(text: string): FoldedKey {
  const words = foldsAsLowerCase(text) ? knownSegments(text)?.words : undefined;
  if (words === undefined) return makeKey(text);
  // ownComparisonKey's answer, made as it makes it: a key that is not a lower-cased copy is detached.
  const key = text.toLowerCase().trim();
  return { key: text.includes(key) ? detached(key) : key, words: words.length / 2, id: -1, generation: -1 };
}

/**
 * The comparison key of the sentence from `start` to `end` of a paragraph's prose: the paragraph
 * memo's when the sentence is the whole paragraph (a headline), else made and not remembered. The
 * caller keeps each paragraph's sentence keys; a memo entry per sentence kept a copy of every
 * sentence of the draft as its key besides (a 4 MB draft's 30,000 sentences: ~4 MB of text and
 * two Map entries each), to spare folding the few sentences of an edited paragraph again. (Only a
 * whole paragraph is looked up: a lookup hashed every sentence of a first look, to find nothing.)
 */
export function sentenceKey(prose: string, start: number, end: number): FoldedKey {
  if (start === 0 && end === prose.length) return keyMemo.peek(prose) ?? makeKey(prose);
  return makeKey(prose.slice(start, end));
}

/**
 * sentenceKey of each sentence of a paragraph (`sentences` and `words` are its segmentation's
 * pairs, in text order). In a paragraph that folds as lower case (foldsAsLowerCase: most of a news
 * draft's), a sentence's key is its lower case, trimmed, and its folded words are the paragraph's
 * words that start in it: the same letters, digits and joiners, and no word runs across a
 * sentence's end (a stop before white space) or start (after it). No regular expressions and no
 * scan of the key per sentence: these were a quarter of duplicate-sentence's first look on 1 MB.
 */
export function sentenceKeysOf(prose: string, sentences: Offsets, words: Offsets): FoldedKey[] {
  const keys: FoldedKey[] = [];
  const plain = sentences.length > 2 && foldsAsLowerCase(prose);
  let w = 0;
  for (let i = 0; i < sentences.length; i += 2) {
    const start = sentences[i]!;
    const end = sentences[i + 1]!;
    if (!plain) {
      keys.push(sentenceKey(prose, start, end));
      continue;
    }
    while (2 * w < words.length && words[2 * w]! < start) w++;
    let count = 0;
    while (2 * (w + count) < words.length && words[2 * (w + count)]! < end) count++;
    // ownComparisonKey's answer, made as it makes it: a key that is not a lower-cased copy is detached.
    const text = prose.slice(start, end);
    const key = text.toLowerCase().trim();
    keys.push({ key: text.includes(key) ? detached(key) : key, words: count, id: -1, generation: -1 });
  }
  return keys;
}

function makeKey(text: string): FoldedKey {
  const key = ownComparisonKey(text);
  return { key, words: foldedWordBounds(key).count, id: -1, generation: -1 };
}

/**
 * Comparison keys as small numbers, so a pass over every paragraph or sentence of a draft finds
 * the first use of a key in a typed array, not a string-keyed Map (10,000 paragraphs, 40,000
 * sentences on a 4 MB draft). Numbers hold within one pass: `startKeyPass` may start a new
 * numbering (when the table is full), and a key's number is then asked for again.
 */
const keyNumbers = new Map<string, number>();
let generation = 0;
/** Characters of the keys numbered: every edited paragraph and sentence adds a key, and the table keeps it. */
let keyChars = 0;
const MAX_KEY_NUMBERS = 200_000;
/** About twice a 4 MB draft's paragraph and sentence keys: a long session's old keys are let go. */
const MAX_KEY_CHARS = 16_000_000;

/** Call before a pass that numbers keys: the only place a numbering ends. */
export function startKeyPass(): void {
  if (keyNumbers.size <= MAX_KEY_NUMBERS && keyChars <= MAX_KEY_CHARS) return;
  forgetKeyNumbers();
}

/** @internal Starts a new numbering (tests call it to prove that every index of numbers notices). */
export function forgetKeyNumbers(): void {
  keyNumbers.clear();
  keyChars = 0;
  generation++;
}

/** Which numbering key numbers are in now: an index of them is void once it changes. */
export function keyGeneration(): number {
  return generation;
}

export function keyNumber(k: FoldedKey): number {
  if (k.generation === generation) return k.id;
  let id = keyNumbers.get(k.key);
  if (id === undefined) keyNumbers.set(k.key, (id = keyNumbers.size)), (keyChars += k.key.length);
  k.id = id;
  k.generation = generation;
  return id;
}

/**
 * The first block (or sentence…) of each key in one pass: `firstOf(id)` is -1 until `setFirst`;
 * stamped, so a pass does not clear an array as long as the draft's keys.
 */
export class FirstUse {
  private at = new Int32Array(1024);
  private stamps = new Uint32Array(1024);
  private stamp = 0;

  /** Starts a pass (after startKeyPass). */
  begin(): void {
    if (++this.stamp === 0xffffffff) (this.stamps.fill(0), (this.stamp = 1));
  }

  get(id: number): number {
    return id < this.at.length && this.stamps[id] === this.stamp ? this.at[id]! : -1;
  }

  set(id: number, value: number): void {
    if (id >= this.at.length) this.grow(id + 1);
    this.at[id] = value;
    this.stamps[id] = this.stamp;
  }

  private grow(min: number): void {
    const size = Math.max(min, this.at.length * 2);
    const at = new Int32Array(size);
    const stamps = new Uint32Array(size);
    at.set(this.at);
    stamps.set(this.stamps);
    this.at = at;
    this.stamps = stamps;
  }
}

/** Each block's comparison key, kept aligned with the last draft's blocks. */
const blockKeys = new BlockSummaries((block) => foldedKey(block.text));
/**
 * Each block's shingles, or undefined under a rule's minWords, likewise, by minWords (a setting:
 * a few values at most).
 */
const blockShingles = new Map<number, BlockSummaries<ShingleSet | undefined>>();

/** Whether two blocks are close enough in length to be versions of each other. */
function comparableLengths(a: ShingleSet, b: ShingleSet): boolean {
  return Math.min(a.list.length, b.list.length) >= Math.max(a.list.length, b.list.length) * MIN_LENGTH_RATIO;
}

/** The similarity near-duplicate findings report: the overlap coefficient, 0 for blocks of too different length. */
export function pairSimilarity(a: ShingleSet, b: ShingleSet): number {
  return comparableLengths(a, b) ? overlapCoefficient(a, b) : 0;
}

/**
 * The same measure from counts: `shared` shingles between sets of `a` and `b` distinct shingles.
 * The workspace index (core/paragraphIndex.ts) keeps counts and sorted arrays, not sets; this is
 * what keeps its answers equal to pairSimilarity's.
 */
export function similarityFromCounts(shared: number, a: number, b: number): number {
  const small = Math.min(a, b);
  return small > 0 && small >= Math.max(a, b) * MIN_LENGTH_RATIO ? shared / small : 0;
}

/** A paragraph's or sentence's bigram shingles, remembered across versions of the draft. */
export function shinglesOf(text: string): ShingleSet {
  return shingleMemo.get(text, makeShingles);
}

function makeShingles(text: string): ShingleSet {
  // From the comparison key the duplicate rules have already folded, not folded a second time.
  const { key } = foldedKey(text);
  // A paragraph that folds as lower case has its segmentation's words in its key (see
  // makeParagraphKey), moved by the one space trim may have cut: its characters are not scanned
  // again for them (a 1 MB draft's every character on its first look).
  const words = foldsAsLowerCase(text) ? knownSegments(text)?.words : undefined;
  return words === undefined ? shingleSetOfFolded(key, SHINGLE_SIZE) : shingleSetOfWords(key, words, text.charCodeAt(0) === 32 ? 1 : 0, SHINGLE_SIZE);
}

/** Blocks of at least `minWords` words whose comparison key an earlier such block has. */
export function exactRepeats(view: SourceTextView, minWords: number): Repeat[] {
  // Equal keys have equal word counts: a higher floor only drops repeats of the lowest one.
  if (minWords < 1) return findExactRepeats(view, minWords);
  const m = memo(view);
  const all = (m.exact ??= findExactRepeats(view, 1));
  if (minWords === 1) return all;
  const keys = blockKeys.of(view);
  return all.filter((r) => keys[r.copy]!.words >= minWords);
}

const firstBlock = new FirstUse();

/**
 * The last answer: a keystroke within a paragraph leaves every repeat where it was, and each one
 * made again (and the array) lived until the next keystroke. Each repeat equal to the last
 * answer's (walked in step: both are in copy order) is that object, and when all are, so is the
 * array. Only ever read, by every caller.
 */
let lastRepeats: Repeat[] = [];

function findExactRepeats(view: SourceTextView, minWords: number): Repeat[] {
  const repeats: Repeat[] = [];
  const last = lastRepeats;
  let j = 0;
  let same = true;
  const keys = blockKeys.of(view);
  startKeyPass();
  firstBlock.begin();
  for (let index = 0; index < keys.length; index++) {
    const k = keys[index]!;
    if (k.words < minWords) continue;
    const id = keyNumber(k);
    const original = firstBlock.get(id);
    if (original < 0) {
      firstBlock.set(id, index);
      continue;
    }
    while (j < last.length && last[j]!.copy < index) j++;
    const was = j < last.length ? last[j]! : undefined;
    if (was !== undefined && was.copy === index && was.original === original) repeats.push(was);
    else (same = false), repeats.push({ copy: index, original });
  }
  if (same && repeats.length === last.length) return last;
  lastRepeats = repeats;
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
  // Pushed, not mapped: map's array is packed in the interpreter and holey in optimised code, and
  // duplicate-paragraph's loop over it was thrown away ("wrong map") when the kind changed a few keystrokes in.
  const out: RepeatRun[] = [];
  for (const copies of runs) out.push({ copies });
  return out;
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
  const sets = shingleSets(view, minWords);
  return nearIndexFor(sets, minWords, threshold).update(sets, exact);
}

/**
 * Each block's shingles, or undefined under `minWords`: BlockSummaries' array (a slice with the
 * edited blocks' entries written, or pushed and concatenated), never a map's, which is packed in
 * the interpreter and holey once optimised: the index compares each keystroke's array with the
 * last one's, and a change of kind threw changedBlocks and patch away ("wrong map") some 30
 * keystrokes in. One array a keystroke, kept until the next, where a copy of every block's
 * shingles was made again for each minWords (10,000 entries on the 4 MB draft).
 */
function shingleSets(view: SourceTextView, minWords: number): readonly (ShingleSet | undefined)[] {
  let summaries = blockShingles.get(minWords);
  if (!summaries) {
    if (blockShingles.size >= 4) blockShingles.clear();
    blockShingles.set(minWords, (summaries = new BlockSummaries((block) => aboveMinWords(shinglesOf(block.text), minWords))));
  }
  return summaries.of(view);
}

function aboveMinWords(set: ShingleSet, minWords: number): ShingleSet | undefined {
  return set.words < minWords ? undefined : set;
}

/** The same answer without any index kept from earlier versions: what every incremental update must equal. */
export function nearRepeatsFromScratch(view: SourceTextView, threshold: number, minWords: number, exact: ReadonlySet<number>): NearRepeat[] {
  const sets = shingleSets(view, minWords);
  return new NearIndex(minWords, threshold).update(sets, exact);
}

/** A few drafts' indexes (by their settings), so switching between two open drafts does not rebuild each. */
const indexes: NearIndex[] = [];
const MAX_INDEXES = 2;
/** An edit touching more blocks than this rebuilds the index: cheaper than unpicking it. */
const MAX_CHANGED = 64;

function nearIndexFor(sets: readonly (ShingleSet | undefined)[], minWords: number, threshold: number): NearIndex {
  let best: NearIndex | undefined;
  let fewest = MAX_CHANGED + 1;
  for (const index of indexes) {
    if (index.minWords !== minWords || index.threshold !== threshold) continue;
    const changed = index.changedBlocks(sets, fewest);
    if (changed !== undefined && changed < fewest) (best = index), (fewest = changed);
  }
  if (best) {
    indexes.splice(indexes.indexOf(best), 1);
    indexes.unshift(best);
    return best;
  }
  const fresh = new NearIndex(minWords, threshold);
  indexes.unshift(fresh);
  indexes.length = Math.min(indexes.length, MAX_INDEXES);
  return fresh;
}

/**
 * Shingle → the blocks holding it, kept across versions of a draft: a keystroke changes one
 * block's shingles, so only that block and the blocks sharing a shingle with its old or new text
 * are searched again. A shingle held by more than MAX_POSTINGS blocks of the draft is too common
 * ("of the") to propose candidates; it still counts in every similarity.
 */
class NearIndex {
  private sets: (ShingleSet | undefined)[] = [];
  /** Shingle → the blocks holding it, ascending. */
  private readonly postings = new PostingTable();
  private results: (NearRepeat | undefined)[] = [];
  private exact = new Set<number>();
  private built = false;
  private shared = new Int32Array(0);

  constructor(
    readonly minWords: number,
    readonly threshold: number,
  ) {}

  /** How many blocks differ from the indexed version, or undefined when the drafts differ in length or by `limit` or more blocks. */
  changedBlocks(sets: readonly (ShingleSet | undefined)[], limit: number): number | undefined {
    if (sets.length !== this.sets.length) return undefined;
    let changed = 0;
    for (let i = 0; i < sets.length; i++) if (sets[i] !== this.sets[i] && ++changed >= limit) return undefined;
    return changed;
  }

  update(sets: readonly (ShingleSet | undefined)[], exact: ReadonlySet<number>): NearRepeat[] {
    const changed = this.changedBlocks(sets, MAX_CHANGED + 1);
    if (changed === undefined || !this.built) this.rebuild(sets, exact);
    else if (changed > 0 || !sameSet(exact, this.exact)) this.patch(sets, exact);
    // Pushed, not filtered: the three rules that loop over this array were thrown away ("wrong
    // map") together once update was optimised and made it another way (some 35 keystrokes in).
    const out: NearRepeat[] = [];
    for (const r of this.results) if (r !== undefined) out.push(r);
    return out;
  }

  private rebuild(sets: readonly (ShingleSet | undefined)[], exact: ReadonlySet<number>): void {
    this.sets = [...sets];
    this.exact = new Set(exact);
    this.built = true;
    // Every block's shingles into the postings at once, sorted natively (see PostingTable.fill),
    // and every block's search answered from the same sorted pairs and their runs.
    const pairs = shinglePairs(sets).sort();
    const starts = runStarts(pairs);
    this.postings.fill(pairs, starts);
    this.results = this.searchAll(new Uint32Array(pairs.buffer), starts);
  }

  /**
   * Every block's search at once, from the (shingle, block) pairs sorted: each shingle's blocks
   * are a run of them, so the counts search gathers shingle by shingle through the postings (of
   * shared shingles per earlier block, and of common ones) come from one walk of the runs, and the
   * (block, earlier block) pairs sharing a shingle that proposes candidates, sorted natively, give
   * each block its candidates in order. The same answers: search keeps the most similar earlier
   * block and the first on a tie, whatever the order candidates come in.
   */
  private searchAll(halves: Uint32Array, starts: Int32Array): (NearRepeat | undefined)[] {
    const { sets } = this;
    const common = new Int32Array(sets.length);
    const candidates = candidatePairs(halves, starts, common).sort();
    const results = new Array<NearRepeat | undefined>(sets.length).fill(undefined);
    const pairs = new Uint32Array(candidates.buffer);
    const n = candidates.length;
    for (let p = 0; p < n; ) {
      const block = pairs[2 * p + PAIR_KEY]!;
      const set = sets[block]!;
      const searched = !this.exact.has(block);
      let best: NearRepeat | undefined;
      while (p < n && pairs[2 * p + PAIR_KEY] === block) {
        const earlier = pairs[2 * p + PAIR_NUMBER]!;
        let count = 0;
        for (; p < n && pairs[2 * p + PAIR_KEY] === block && pairs[2 * p + PAIR_NUMBER] === earlier; p++) count++;
        if (searched) best = this.better(best, block, set, earlier, count, common[block]!);
      }
      results[block] = best;
    }
    return results;
  }

  /** `best`, or the earlier block when it shares `count` shingles that propose candidates with `block` and is a closer match (search's test). */
  private better(best: NearRepeat | undefined, block: number, set: ShingleSet, earlier: number, count: number, common: number): NearRepeat | undefined {
    const other = this.sets[earlier]!;
    // The common shingles are the only ones the count can have missed: skip hopeless pairs unverified.
    if (!comparableLengths(set, other) || count + common < this.threshold * Math.min(set.list.length, other.list.length)) return best;
    const similarity = overlapCoefficient(set, other);
    return similarity >= this.threshold && (!best || similarity > best.similarity || (similarity === best.similarity && earlier < best.original)) ? { copy: block, original: earlier, similarity } : best;
  }

  private patch(sets: readonly (ShingleSet | undefined)[], exact: ReadonlySet<number>): void {
    let changed = -1;
    let count = 0;
    for (let block = 0; block < sets.length && count < 2; block++) if (sets[block] !== this.sets[block]) (changed = block), count++;
    if (count === 1 && sameSet(exact, this.exact)) return this.patchOne(changed, sets[changed]);
    const affected = new Set<number>();
    const touch = (set: ShingleSet | undefined): void => {
      for (const s of set?.list ?? []) {
        const h = this.postings.find(s);
        // Blocks sharing a shingle that proposes candidates, or whose shingle has just become
        // (un)common: their candidates or counts may have changed.
        if (h >= 0) affected.add(h);
        else if (h !== NONE && this.postings.length(h) <= MAX_POSTINGS + 1) for (let j = 0; j < this.postings.length(h); j++) affected.add(this.postings.at(h, j));
      }
    };
    for (let block = 0; block < sets.length; block++) {
      const before = this.sets[block];
      const after = sets[block];
      if (before === after) continue;
      affected.add(block);
      touch(before);
      if (before) this.remove(before, block);
      if (after) this.add(after, block);
      touch(after);
      this.sets[block] = after;
    }
    for (const b of exact) if (!this.exact.has(b)) affected.add(b);
    for (const b of this.exact) if (!exact.has(b)) affected.add(b);
    this.exact = new Set(exact);
    for (const block of affected) this.results[block] = this.search(block);
  }

  /**
   * One block's new shingles (a keystroke). A block's answer depends on the earlier blocks sharing
   * a shingle with it that proposes candidates, and on which shingles are too common to: so an
   * earlier block is searched again only if one of its shingles just crossed that line, and a later
   * one only if the changed block was its answer; otherwise the changed block is merely weighed
   * against the later block's answer, one list intersection instead of a search.
   */
  private patchOne(c: number, after: ShingleSet | undefined): void {
    const before = this.sets[c];
    const shingles = [...(before?.list ?? []), ...(after?.list ?? [])];
    // Counts, not copies of the postings: a common shingle's ("of the") lists thousands of blocks.
    // Typed, not mapped: map's array is packed in the interpreter and holey once optimised, and the
    // loop below, compiled for one, was thrown away ("wrong map") on the other.
    const was = new Int32Array(shingles.length);
    for (let i = 0; i < shingles.length; i++) was[i] = this.holderCount(shingles[i]!);
    if (before) this.remove(before, c);
    if (after) this.add(after, c);
    this.sets[c] = after;
    const again = new Set<number>([c]);
    const later = new Set<number>();
    const candidates = new Set<number>();
    shingles.forEach((s, i) => {
      const count = this.holderCount(s);
      // Crossing the line, a posting holds at most MAX_POSTINGS + 1 blocks: copied only then or below it.
      if (was[i]! <= MAX_POSTINGS !== count <= MAX_POSTINGS) for (const b of this.holders(s)) again.add(b);
      else if (count <= MAX_POSTINGS) {
        const holders = this.holders(s);
        for (const b of holders) if (b > c) later.add(b);
        if (i >= (before?.list.length ?? 0)) for (const b of holders) if (b > c) candidates.add(b);
      }
    });
    for (const b of later) {
      if (again.has(b)) continue;
      const best = this.results[b];
      if (best?.original === c) {
        again.add(b);
        continue;
      }
      const set = this.sets[b];
      if (!after || !set || !candidates.has(b) || this.exact.has(b) || !comparableLengths(set, after)) continue;
      const similarity = overlapCoefficient(set, after);
      if (similarity >= this.threshold && (!best || similarity > best.similarity || (similarity === best.similarity && c < best.original))) this.results[b] = { copy: b, original: c, similarity };
    }
    for (const block of again) this.results[block] = this.search(block);
  }

  /** How many blocks hold shingle `s`. */
  private holderCount(s: number): number {
    const h = this.postings.find(s);
    return h === NONE ? 0 : h >= 0 ? 1 : this.postings.length(h);
  }

  /** The blocks holding shingle `s`, ascending. */
  private holders(s: number): readonly number[] {
    return this.postings.get(s);
  }

  /** The earlier block `block` repeats most closely, at or above the threshold. */
  private search(block: number): NearRepeat | undefined {
    const set = this.sets[block];
    if (!set || this.exact.has(block)) return undefined;
    // Shared-shingle counts per earlier block in one reused array, and the blocks touched in
    // first-hit order: a Map per block cost more than the rest of the search.
    if (this.shared.length < this.sets.length) this.shared = new Int32Array(this.sets.length * 2);
    const { shared } = this;
    const touched: number[] = [];
    let common = 0;
    // Indexed loops over the typed arrays here and in add: a for-of made an iterator result per
    // shingle (10 MB of a 1 MB draft's first look).
    const shingles = set.list;
    const { postings } = this;
    for (let i = 0; i < shingles.length; i++) {
      const h = postings.find(shingles[i]!);
      if (h >= 0) continue; // only this block
      const length = postings.length(h);
      if (length > MAX_POSTINGS) {
        common++;
        continue;
      }
      for (let j = 0; j < length; j++) {
        const earlier = postings.at(h, j);
        if (earlier >= block) break;
        if (shared[earlier]!++ === 0) touched.push(earlier);
      }
    }
    let best: NearRepeat | undefined;
    for (let t = 0; t < touched.length; t++) {
      const earlier = touched[t]!;
      const count = shared[earlier]!;
      shared[earlier] = 0;
      best = this.better(best, block, set, earlier, count, common);
    }
    return best;
  }

  private add(set: ShingleSet, block: number): void {
    const shingles = set.list;
    for (let i = 0; i < shingles.length; i++) this.postings.add(shingles[i]!, block);
  }

  private remove(set: ShingleSet, block: number): void {
    for (const s of set.list) this.postings.remove(s, block);
  }
}

/** Every (shingle, block) pair as shingle * 2^32 + block, in block order (written by halves: no BigInt per pair). */
function shinglePairs(sets: readonly (ShingleSet | undefined)[]): BigUint64Array {
  let total = 0;
  for (let block = 0; block < sets.length; block++) total += sets[block]?.list.length ?? 0;
  const wide = new BigUint64Array(total);
  const halves = new Uint32Array(wide.buffer);
  let at = 0;
  for (let block = 0; block < sets.length; block++) {
    const list = sets[block]?.list;
    if (list) for (let i = 0; i < list.length; i++, at += 2) (halves[at + PAIR_NUMBER] = block), (halves[at + PAIR_KEY] = list[i]!);
  }
  return wide;
}

/**
 * From the sorted (shingle, block) pairs and their runs (runStarts): each block's count of common
 * shingles (held by more than MAX_POSTINGS blocks) into `common`, and a (block, earlier block) pair,
 * as block * 2^32 + earlier, for each shingle that proposes candidates and both hold (two blocks
 * sharing k such shingles: k equal pairs).
 */
function candidatePairs(halves: Uint32Array, starts: Int32Array, common: Int32Array): BigUint64Array {
  let total = 0;
  for (let r = 0; r + 1 < starts.length; r++) {
    const i = starts[r]!;
    const j = starts[r + 1]!;
    if (j - i > MAX_POSTINGS) for (let p = i; p < j; p++) common[halves[2 * p + PAIR_NUMBER]!]!++;
    else total += ((j - i) * (j - i - 1)) / 2;
  }
  return pairsWithin(halves, starts, total);
}

/** candidatePairs' second pass: the pairs of blocks in each run of at most MAX_POSTINGS. */
function pairsWithin(halves: Uint32Array, starts: Int32Array, total: number): BigUint64Array {
  const wide = new BigUint64Array(total);
  const out = new Uint32Array(wide.buffer);
  let at = 0;
  for (let r = 0; r + 1 < starts.length; r++) {
    const i = starts[r]!;
    const j = starts[r + 1]!;
    if (j - i > MAX_POSTINGS) continue;
    for (let b = i + 1; b < j; b++) {
      for (let a = i; a < b; a++, at += 2) (out[at + PAIR_KEY] = halves[2 * b + PAIR_NUMBER]!), (out[at + PAIR_NUMBER] = halves[2 * a + PAIR_NUMBER]!);
    }
  }
  return wide;
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
