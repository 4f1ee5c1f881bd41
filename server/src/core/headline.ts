/**
 * @file Tells a headline or title line from a one-line paragraph in plain text: headlines are short
 * and carry no closing sentence punctuation ("Council Backs Harbour Plan" vs "The council met.").
 */
import { TextMemo } from './textMemo';

const MAX_HEADLINE_WORDS = 16;

/** Remembered by line: a plain-text draft of one paragraph per line asks for every line on every keystroke. */
export function classifyPlainLine(line: string): 'heading' | 'paragraph' {
  return memo.get(line, classify);
}

const memo = new TextMemo<'heading' | 'paragraph'>();

function classify(line: string): 'heading' | 'paragraph' {
  const trimmed = line.trim();
  // Closing punctuation, perhaps followed by an emoji or symbol ("…from noon. 🌊").
  if (/[.!?…,;"”’')\]][^\p{L}\p{N}]*$/u.test(trimmed)) return 'paragraph';
  const words = trimmed.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length > 0 && words.length <= MAX_HEADLINE_WORDS ? 'heading' : 'paragraph';
}
