/**
 * @file The sentences, words and quotations of one block, remembered by the block's prose: they
 * depend on nothing outside it, so after a keystroke only the edited paragraph is segmented again.
 * Kept as offset pairs in typed arrays, relative to the block's start: a 4 MB draft has 700,000
 * words, and an object per word would cost tens of megabytes for as long as the draft is open.
 */
import { quoteBounds } from './quotes';
import { sentenceBounds } from './sentences';
import { uint16s, uint32s } from './slab';
import { TextMemo } from './textMemo';

export const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/**
 * Offsets into one block's prose: 16 bits when the block is shorter than 65,536 characters (every
 * paragraph of a news draft), which halves what a draft keeps of them (4 MB of a 4 MB draft's).
 */
export type Offsets = Uint16Array | Uint32Array;

export interface BlockSegments {
  /** [start, end, start, end, …] from the block's prose start. */
  readonly sentences: Offsets;
  readonly words: Offsets;
  readonly quotes: Offsets;
}

const memo = new TextMemo<BlockSegments>();

/** The segments of `prose` taken as one block (its text from the block's span start to end). */
export function blockSegments(prose: string): BlockSegments {
  return memo.get(prose, segment);
}

/** The segments of `prose` if a rule has asked for them already, without segmenting it. */
export function knownSegments(prose: string): BlockSegments | undefined {
  return memo.peek(prose);
}

function segment(prose: string): BlockSegments {
  const sentences: number[] = [];
  sentenceBounds(prose, 0, prose.length, sentences);
  scratch.length = 0;
  readWordBounds(prose, scratch);
  const words = scratch.numbers.subarray(0, scratch.length);
  const quotes: number[] = [];
  quoteBounds(prose, 0, prose.length, quotes);
  // One array for the three, cut in three and carved from a shared buffer (see slab.ts): a draft
  // keeps one set per paragraph.
  const size = sentences.length + words.length + quotes.length;
  const all = prose.length <= 0xffff ? uint16s(size, true) : uint32s(size, true);
  all.set(sentences, 0);
  all.set(words, sentences.length);
  all.set(quotes, sentences.length + words.length);
  const w = sentences.length;
  const q = w + words.length;
  return { sentences: all.subarray(0, w), words: all.subarray(w, q), quotes: all.subarray(q) };
}

/**
 * Where a block's word bounds are read before they are copied into its own array: reused, block
 * after block (a list grown word by word was 7 MB of a 1 MB first look's allocation).
 */
const scratch = { numbers: new Uint32Array(4096), length: 0 };

/**
 * The matches of WORD, as [start, end, …] appended to `into` (grown as needed), read character by
 * character: the same words, without the match object `matchAll` makes for each of a draft's words
 * (a third of the allocation of segmenting a 1 MB draft). WORD's greedy runs leave no choice to
 * backtrack into: a run of letters and digits, then again and again one joiner ('’-.) with the run
 * after it, if a run follows.
 */
function readWordBounds(prose: string, into: { numbers: Uint32Array; length: number }): void {
  const n = prose.length;
  for (let i = 0; i < n; ) {
    let w = letterOrDigitWidth(prose, i);
    if (!w) {
      i += widthAt(prose, i);
      continue;
    }
    const start = i;
    let end = i;
    for (;;) {
      while (w) (end += w), (w = letterOrDigitWidth(prose, end));
      // Never a read past the end: optimised code that met one (NaN) was thrown away, on the first
      // look and again on the first edit.
      const c = end < n ? prose.charCodeAt(end) : -1;
      if (!(c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2e) || !(w = letterOrDigitWidth(prose, end + 1))) break;
      end += 1;
    }
    if (into.length + 2 > into.numbers.length) {
      const bigger = new Uint32Array(into.numbers.length * 2);
      bigger.set(into.numbers);
      into.numbers = bigger;
    }
    into.numbers[into.length++] = start;
    into.numbers[into.length++] = end;
    i = end;
  }
}

/** Whether a letter or digit (\p{L}, \p{N}) starts at `i`, and how many UTF-16 units it takes: 0 if none. */
function letterOrDigitWidth(prose: string, i: number): number {
  if (i >= prose.length) return 0;
  const c = prose.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  const cp = prose.codePointAt(i)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** A character's width in UTF-16 units: a surrogate pair is one character, as under the u flag. */
function widthAt(prose: string, i: number): number {
  return prose.codePointAt(i)! > 0xffff ? 2 : 1;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
