/**
 * @file Text folding for comparing paragraphs: two copies of a paragraph often differ only in what
 * a CMS or a paste changed, such as curly vs straight quotes, dash variants, case and spacing.
 */
import { detached } from './textMemo';

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/gu;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/gu;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu;
const ASCII = /^[\x20-\x7e\t\n\r]*$/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;
/**
 * What /\s+/ → ' ' changes, leaving a lone space alone: a paragraph with no other spacing then
 * comes back as it went in, not copied whole for nothing.
 */
const SPACING = /\s{2,}|[^\S ]/gu;

/**
 * What keeps foldsAsLowerCase from holding: a character that is not printable ASCII or a space
 * (Unicode folding, or a tab or line break SPACING makes a space), or two spaces (SPACING makes one).
 * One scan for ASCII and SPACING's two tests.
 */
const NOT_LOWER_CASE_FOLD = /[^\x21-\x7e ]| {2}/;

/**
 * Whether normalizeForComparison of any stretch of `text` is that stretch lower-cased and trimmed:
 * ASCII (no Unicode folding) with no spacing to fold (only lone spaces between words).
 */
export function foldsAsLowerCase(text: string): boolean {
  return !NOT_LOWER_CASE_FOLD.test(text);
}

/** The comparison key of a paragraph: equal keys mean "the same paragraph" to a reader. */
export function normalizeForComparison(text: string): string {
  // Most news copy is ASCII apart from quotes and dashes; only other text needs Unicode folding.
  if (ASCII.test(text)) return text.toLowerCase().replace(SPACING, ' ').trim();
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(SPACING, ' ')
    .trim();
}

/**
 * normalizeForComparison's answer as a string of its own, sharing no storage with `text` (memos
 * keep keys longer than the text they were read from). Most keys are one already: lower-casing
 * ASCII text that has a capital letter makes a new one-byte copy, and a key that is not found in
 * the text cannot be a cut of it. Only the others take detached's JSON round trip, which every
 * key of a draft's first look took (its paragraphs and sentences: ~11,000 calls on 1 MB), and
 * which also stores a two-byte paragraph's key at a byte a character where it can.
 */
export function ownComparisonKey(text: string): string {
  const key = normalizeForComparison(text);
  return ASCII.test(text) && !text.includes(key) ? key : detached(key);
}

/** Folded words of a text, punctuation dropped: the units of near-duplicate shingles. */
export function comparisonWords(text: string): string[] {
  return foldedWords(normalizeForComparison(text));
}

/** The words of a text already folded by normalizeForComparison (folding twice is most of the cost). */
export function foldedWords(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+(?:['\-.][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * Where foldedWords' words lie in `folded`: [start, end, …] in a buffer reused by the next call
 * (copy what is kept), and their count. Scanned by hand: the words of a draft's every paragraph
 * and sentence are counted and shingled, and foldedWords made a string per word for that.
 */
export function foldedWordBounds(folded: string): { readonly bounds: Int32Array; readonly count: number } {
  let count = 0;
  const length = folded.length;
  // ASCII characters (most of a news draft's) are looked up here, not through isWordChar and
  // charWidth: two calls per character of every paragraph and sentence key of a first look, most
  // of them before this is optimised, and the server turns inlining off (--no-turbo-inlining).
  for (let i = 0; i < length; ) {
    const c = folded.charCodeAt(i);
    if (c < 128 ? ASCII_WORD_CHARS[c] !== 1 : !isWordChar(folded, i)) {
      i += c < 128 ? 1 : charWidth(folded, i);
      continue;
    }
    const start = i;
    i += c < 128 ? 1 : charWidth(folded, i);
    while (i < length) {
      const d = folded.charCodeAt(i);
      if (d < 128 ? ASCII_WORD_CHARS[d] === 1 : isWordChar(folded, i)) i += d < 128 ? 1 : charWidth(folded, i);
      else if (isJoiner(d) && i + 1 < length && isWordChar(folded, i + 1)) i++;
      else break;
    }
    if (2 * count + 2 > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[2 * count] = start;
    scratch[2 * count + 1] = i;
    count++;
  }
  return { bounds: scratch, count };
}

let scratch = new Int32Array(1024);

/** ' - . : one of them between two runs of letters and digits keeps a word whole ("o'neill", "u.s"). */
function isJoiner(c: number): boolean {
  return c === 39 || c === 45 || c === 46;
}

function charWidth(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** Whether the code point at `i` is a letter or a number (\p{L}, \p{N}). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD_CHARS[c] === 1;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
  let known = bmpWordChars[c]!;
  if (known === 0) bmpWordChars[c] = known = WORD_CHAR.test(String.fromCharCode(c)) ? 2 : 1;
  return known === 2;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/**
 * ASCII letters and digits, as a table: the comparisons it replaces were compiled before a draft's
 * first look had met a digit in a folded key, and the first digit threw the compiled scan away.
 */
const ASCII_WORD_CHARS = new Uint8Array(128).map((_, c) => (WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0));
/** Per UTF-16 unit outside ASCII: 0 not asked yet, 1 no, 2 yes. */
const bmpWordChars = new Uint8Array(0x10000);
