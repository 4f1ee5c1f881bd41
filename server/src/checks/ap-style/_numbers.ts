/**
 * @file Whole numbers as English words and back, for the AP numeral rules: "three" ↔ 3,
 * "twenty-five" ↔ 25. Only 0–99: AP recasts a sentence rather than spell out bigger numbers.
 */
export const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'] as const;
export const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

/** 0–99 in words, hyphenated as AP writes them ("twenty-five"); undefined beyond. */
export function numberToWords(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 99) return undefined;
  if (n < 20) return ONES[n];
  const tens = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}

/** "twenty-five", "twenty five", "twelve" → the number; undefined for anything else. */
export function wordsToNumber(words: string): number | undefined {
  const [first, second, ...rest] = words.toLowerCase().split(/[\s-]+/u);
  if (first === undefined || rest.length) return undefined;
  const one = (ONES as readonly string[]).indexOf(first);
  if (second === undefined) return one >= 0 ? one : tensOf(first);
  const tens = tensOf(first);
  const unit = (ONES as readonly string[]).indexOf(second);
  return tens !== undefined && unit >= 1 && unit <= 9 ? tens + unit : undefined;
}

function tensOf(word: string): number | undefined {
  const i = (TENS as readonly string[]).indexOf(word);
  return i >= 2 ? i * 10 : undefined;
}

/** Alternation of the number words from one to ninety-nine, longest first, for regular expressions. */
export const NUMBER_WORD = `(?:(?:${TENS.slice(2).join('|')})(?:[-\\s](?:${ONES.slice(1, 10).join('|')}))?|${longestFirst(ONES.slice(1))})`;
/** Ten to ninety-nine. */
export const TEN_PLUS_WORD = `(?:(?:${TENS.slice(2).join('|')})(?:[-\\s](?:${ONES.slice(1, 10).join('|')}))?|${longestFirst(ONES.slice(10))})`;
/** One to nine. */
export const SMALL_WORD = `(?:${longestFirst(ONES.slice(1, 10))})`;

function longestFirst(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}
