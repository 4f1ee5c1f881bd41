/**
 * @file The words echo reads, per paragraph and remembered by its text: each word's key as a
 * number, its offsets, its sentence and whether it is a name, skipped (numbers, quotations, links)
 * or joined to the word before by space alone. A run then puts the paragraphs' arrays together
 * and works on numbers, so after a keystroke only the edited paragraph is read again.
 */
import { keyText } from './lexicon';
import { linksIn } from './protected';
import { blockSegments, type Offsets } from './segments';
import { int32s, uint8s } from './slab';
import { overlapsAnyRange, SpanSet } from './spans';
import { KeyTable } from './keyTable';
import { TextMemo } from './textMemo';
import type { BlockKind, Span } from './types';
import type { Vocabulary } from './echoes';

/** Capitalised in mid-sentence: a name ("Rapid City"); its word is then never an echo, even opening a sentence. */
export const NAME = 1;
/** A number, or inside a quotation, block quote or link: counted, never flagged. */
export const SKIP = 2;
/** Only space between this word and the one before, in the same sentence: the two can be one phrase. */
export const JOINED = 4;
/**
 * The first word of a sentence (every block's first word is). The passes only ever ask whether
 * words at most two apart share a sentence, which these marks answer: a sentence number per word
 * was 4 bytes a word twice over (in each paragraph's words and in the draft's tokens), 5 MB of a
 * 4 MB draft's heap.
 */
export const SENTENCE = 8;

/** One paragraph's words: keys as ids (see keyId), offsets from the block's start. */
export interface BlockWords {
  readonly ids: Int32Array;
  /** [start, end, start, end, …]: the segmentation's own array (blockSegments), not a copy. */
  readonly bounds: Offsets;
  readonly flags: Uint8Array;
}

/**
 * Word keys as small numbers, so three of them pack exactly into one number (17 bits each) and
 * a run compares numbers, not strings. Cleared with the memo when the vocabulary outgrows that.
 */
export const ID_BITS = 17;
const table = new KeyTable();
/** Every key by its id. */
export const keys: readonly string[] = table.keys;
/** By kind (a block quote's words are all quoted) and then by text, the same string object every memo is asked with. */
const blockMemo = { quoted: new TextMemo<BlockWords>(), other: new TextMemo<BlockWords>() };

/** Forgets every id once the vocabulary nears what packing allows (a server open for weeks): ids change, so every memo of them goes too. */
export function resetIdsIfFull(): boolean {
  if (table.size <= (1 << ID_BITS) - 50_000) return false;
  table.clear();
  blockMemo.quoted.clear();
  blockMemo.other.clear();
  classMemo = new WeakMap();
  return true;
}

/**
 * The words of the prose a reader meets once: headlines and copies are left out (their words still
 * count as uses). The arrays are longer than `count` (room to grow, see patchTokens).
 */
export interface Tokens {
  readonly count: number;
  readonly ids: Int32Array;
  readonly flags: Uint8Array;
  /** The first token of each block (and, last, the count): where an edited paragraph's words begin. */
  readonly blockStarts: Int32Array;
}

/** The words of the prose a reader meets once; `counted[k]` is block k's words, or undefined for a headline or a copy. */
export function tokens(counted: readonly (BlockWords | undefined)[]): Tokens {
  const blockStarts = new Int32Array(counted.length + 1);
  let count = 0;
  for (let index = 0; index < counted.length; index++) {
    blockStarts[index] = count;
    count += counted[index]?.ids.length ?? 0;
  }
  blockStarts[counted.length] = count;
  const { ids, flags } = arrays(withRoom(count));
  for (let index = 0; index < counted.length; index++) {
    const w = counted[index];
    if (w) place(ids, flags, w, blockStarts[index]!);
  }
  // The same literal as patchTokens': a first look and the keystrokes after it make tokens of one
  // shape, so the passes compiled for the first are not thrown away at the first keystroke ("wrong map").
  return { count, ids, flags, blockStarts };
}

/** Copies block words `w` into `ids` and `flags` from token `at` (its first word is marked SENTENCE: no sentence runs across blocks). */
function place(ids: Int32Array, flags: Uint8Array, w: BlockWords, at: number): void {
  ids.set(w.ids, at);
  flags.set(w.flags, at);
}

/**
 * The tokens of a new version from the last one's, when blocks `from` to `from + counted.length`
 * (exclusive; `counted` holds their words) are the only ones of its `blocks` whose words changed and
 * the draft has as many blocks: the words after them are moved along in place (the arrays keep room
 * to grow). `old` is given up: its arrays are the new tokens'.
 */
export function patchTokens(old: Tokens, counted: readonly (BlockWords | undefined)[], blocks: number, from: number): Tokens {
  const to = from + counted.length;
  const oldFrom = old.blockStarts[from]!;
  const oldTo = old.blockStarts[to]!;
  let middle = 0;
  for (let k = 0; k < counted.length; k++) middle += counted[k]?.ids.length ?? 0;
  const count = old.count - (oldTo - oldFrom) + middle;
  const delta = middle - (oldTo - oldFrom);
  let t: Arrays = old;
  if (count > old.ids.length) {
    t = arrays(withRoom(count));
    copyTokens(old, 0, oldFrom, t, 0);
  }
  copyTokens(old, oldTo, old.count, t, oldFrom + middle);
  const blockStarts = new Int32Array(blocks + 1);
  blockStarts.set(old.blockStarts.subarray(0, from + 1));
  let at = oldFrom;
  for (let k = from; k < to; k++) {
    blockStarts[k] = at;
    const w = counted[k - from];
    if (w) place(t.ids, t.flags, w, at), (at += w.ids.length);
  }
  for (let k = to; k <= blocks; k++) blockStarts[k] = old.blockStarts[k]! + delta;
  return { count, ids: t.ids, flags: t.flags, blockStarts };
}

type Arrays = Pick<Tokens, 'ids' | 'flags'>;

function arrays(size: number): Arrays {
  return { ids: new Int32Array(size), flags: new Uint8Array(size) };
}

/** Room for a draft to grow by typing before the arrays are made again: about 1.5% more words. */
function withRoom(count: number): number {
  return count + (count >> 6) + 256;
}

/** Tokens `start` to `end` of `src` to `dst` from `at`; the same arrays may overlap (copyWithin moves them as memmove does). */
function copyTokens(src: Arrays, start: number, end: number, dst: Arrays, at: number): void {
  if (start === end || (src === dst && start === at)) return;
  if (src === dst) {
    for (const a of [src.ids, src.flags]) a.copyWithin(at, start, end);
    return;
  }
  dst.ids.set(src.ids.subarray(start, end), at);
  dst.flags.set(src.flags.subarray(start, end), at);
}

/** The block holding token `j`. */
export function blockOf(t: Tokens, j: number): number {
  // The last block starting at or before j (an empty block starts where the next one does).
  let lo = 0;
  let hi = t.blockStarts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.blockStarts[mid]! <= j) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function wordsOf(kind: BlockKind, prose: string): BlockWords {
  return (kind === 'blockquote' ? blockMemo.quoted : blockMemo.other).get(prose, () => readWords(kind, prose));
}

function readWords(kind: BlockKind, prose: string): BlockWords {
  const segments = blockSegments(prose);
  const pairs = segments.words;
  const n = pairs.length / 2;
  // Carved from shared buffers (see slab.ts): a draft keeps one set per paragraph for as long as it is open.
  const w = { ids: int32s(n), bounds: pairs, flags: uint8s(n) };
  const sentences = segments.sentences;
  // Most paragraphs quote no one: no set to build for them.
  let quotations: SpanSet | undefined;
  if (segments.quotes.length > 0) {
    const quoted: Span[] = [];
    for (let i = 0; i < segments.quotes.length; i += 2) quoted.push({ start: segments.quotes[i]!, end: segments.quotes[i + 1]! });
    quotations = new SpanSet(quoted);
  }
  const links = linksIn(prose);
  const keyed = keyText(prose);
  let sentence = 0;
  // Whether a word of the current sentence came before: every letter and digit is in some word, so
  // this says what scanning the prose from the sentence's start would, without the quadratic scan.
  let wordsInSentence = 0;
  let counted = -1;
  let previousSentence = -1;
  for (let k = 0; k < n; k++) {
    const start = pairs[2 * k]!;
    const end = pairs[2 * k + 1]!;
    while (2 * (sentence + 1) < sentences.length && sentences[2 * sentence + 1]! <= start) sentence++;
    if (counted !== sentence) (counted = sentence), (wordsInSentence = 0);
    const sentenceStart = sentences[2 * sentence] ?? 0;
    const opensSentence = start <= sentenceStart || wordsInSentence === 0;
    if (start >= sentenceStart) wordsInSentence++;
    // Offsets into the prose and its lower-cased copy rather than a slice, a span and a lower case
    // per word: this runs for every word of a draft's first look.
    let flags = 0;
    if (startsUpperAt(prose, start, end) && (!opensSentence || isUpperCase(prose.slice(start, end)))) flags |= NAME;
    if (hasDigit(prose, start, end) || kind === 'blockquote' || (quotations !== undefined && quotations.containsRange(start, end)) || (links.length > 0 && overlapsAnyRange(links, start, end))) flags |= SKIP;
    // The one space between most words answered here: a call per word costs in code not yet optimised.
    const gap = k > 0 ? pairs[2 * k - 1]! : 0;
    if (k > 0 && previousSentence === sentence && ((start - gap === 1 && prose.charCodeAt(gap) === 32) || onlySpace(prose, gap, start))) flags |= JOINED;
    if (k === 0 || previousSentence !== sentence) flags |= SENTENCE;
    w.ids[k] = keyed === undefined ? keyId(keyOf(prose.slice(start, end))) : table.idOf(keyed, start, possessive(keyed, start, end) ? end - 2 : end);
    w.flags[k] = flags;
    previousSentence = sentence;
  }
  return w;
}

/** Run for every word of a draft's first look: the common ASCII cases answered without a regular expression. */
function startsUpperAt(prose: string, start: number, end: number): boolean {
  const c = prose.charCodeAt(start);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(prose.slice(start, end));
}

function isUpperCase(word: string): boolean {
  return word === word.toUpperCase();
}

/** Whether /\d/ matches the word: ASCII digits only, with or without the u flag. */
function hasDigit(prose: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = prose.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function onlySpace(prose: string, from: number, to: number): boolean {
  if (to - from === 1 && prose.charCodeAt(from) === 32) return true;
  return to > from && /^\s+$/u.test(prose.slice(from, to));
}

/** Lower case, curly apostrophes straight, a possessive 's dropped: "Council’s" and "council" are one word. */
function keyOf(word: string): string {
  let key = word.toLowerCase();
  if (key.indexOf('’') >= 0) key = key.replace(/’/g, "'");
  return key.endsWith("'s") ? key.slice(0, -2) : key;
}

function keyId(key: string): number {
  return table.idOf(key, 0, key.length);
}

/** Whether the keyed word from `start` to `end` ends in "'s", which keyOf drops. */
function possessive(keyed: string, start: number, end: number): boolean {
  return end - start >= 2 && keyed.charCodeAt(end - 1) === 115 && keyed.charCodeAt(end - 2) === 39;
}

/** Each key's common/descriptive answer, asked of the vocabulary once per key, not once per use. */
let classMemo = new WeakMap<Vocabulary, { readonly common: (id: number) => boolean; readonly descriptive: (id: number) => boolean }>();

export function wordClasses(vocabulary: Vocabulary) {
  let memo = classMemo.get(vocabulary);
  if (!memo) {
    const answers = (ask: (word: string) => boolean) => {
      // Indexed by id (0 not asked, 1 no, 2 yes): asked for every word of the draft, where a Map
      // lookup was a cost of its own.
      let known = new Uint8Array(1024);
      return (id: number): boolean => {
        if (id >= known.length) {
          const grown = new Uint8Array(Math.max(id + 1, known.length * 2));
          grown.set(known);
          known = grown;
        }
        let answer = known[id]!;
        if (answer === 0) known[id] = answer = ask(keys[id]!) ? 2 : 1;
        return answer === 2;
      };
    };
    memo = { common: answers(vocabulary.isCommon), descriptive: answers(vocabulary.isDescriptive) };
    classMemo.set(vocabulary, memo);
  }
  return memo;
}
