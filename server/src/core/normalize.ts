/**
 * @file Text folding for comparing paragraphs: two copies of a paragraph often differ only in what
 * a CMS or a paste changed, such as curly vs straight quotes, dash variants, case and spacing.
 */
const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/gu;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/gu;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu;
const ASCII = /^[\x20-\x7e\t\n\r]*$/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;

/** The comparison key of a paragraph: equal keys mean "the same paragraph" to a reader. */
export function normalizeForComparison(text: string): string {
  // Most news copy is ASCII apart from quotes and dashes; only other text needs Unicode folding.
  if (ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Folded words of a text, punctuation dropped: the units of near-duplicate shingles. */
export function comparisonWords(text: string): string[] {
  return foldedWords(normalizeForComparison(text));
}

/** The words of a text already folded by normalizeForComparison (folding twice is most of the cost). */
export function foldedWords(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+(?:['\-.][\p{L}\p{N}]+)*/gu) ?? [];
}
