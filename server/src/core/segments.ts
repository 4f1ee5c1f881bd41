/**
 * @file The sentences, words and quotations of one block, remembered by the block's prose: they
 * depend on nothing outside it, so after a keystroke only the edited paragraph is segmented again.
 * Kept as offset pairs in typed arrays, relative to the block's start: a 4 MB draft has 700,000
 * words, and an object per word would cost tens of megabytes for as long as the draft is open.
 */
import { findQuotes } from './quotes';
import { splitSentences } from './sentences';
import { TextMemo } from './textMemo';
import type { Block } from './types';

export const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

export interface BlockSegments {
  /** [start, end, start, end, …] from the block's prose start. */
  readonly sentences: Uint32Array;
  readonly words: Uint32Array;
  readonly quotes: Uint32Array;
}

const memo = new TextMemo<BlockSegments>();

/** The segments of `prose` taken as one block (its text from the block's span start to end). */
export function blockSegments(prose: string): BlockSegments {
  return memo.get(prose, segment);
}

function segment(prose: string): BlockSegments {
  const sentences = splitSentences(prose, 0, prose.length).flatMap((s) => [s.start, s.end]);
  const words: number[] = [];
  for (const m of prose.matchAll(WORD)) words.push(m.index, m.index + m[0].length);
  const whole: Block = { kind: 'paragraph', span: { start: 0, end: prose.length }, outer: { start: 0, end: prose.length }, text: prose, line: 1 };
  const quotes = findQuotes(prose, [whole]).flatMap((q) => [q.span.start, q.span.end]);
  // One buffer for the three: an ArrayBuffer and its backing store cost more than the few dozen
  // offsets of a typical paragraph, and a draft keeps one set per paragraph.
  const all = new Uint32Array(sentences.length + words.length + quotes.length);
  all.set(sentences, 0);
  all.set(words, sentences.length);
  all.set(quotes, sentences.length + words.length);
  const w = sentences.length;
  const q = w + words.length;
  return { sentences: all.subarray(0, w), words: all.subarray(w, q), quotes: all.subarray(q) };
}
