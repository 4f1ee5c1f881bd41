/**
 * @file How hard a draft is to read and how long it takes: the Flesch–Kincaid grade level and a
 * reading time. Syllables come from `syllable` (wooorm; English rules plus a list of exceptions),
 * which is an estimate, as every syllable counter without a pronouncing dictionary is.
 */
import { syllable } from 'syllable';

/** Average silent reading speed of adults for non-fiction (Brysbaert 2019, a meta-analysis of 190 studies). */
export const WORDS_PER_MINUTE = 238;

export const READABILITY_FORMULA = 'Flesch–Kincaid grade level';

/** Minutes to read `words`, rounded up: a 250-word brief is "2 min", not "1 min". */
export function readingMinutes(words: number): number {
  return words > 0 ? Math.ceil(words / WORDS_PER_MINUTE) : 0;
}

/**
 * Flesch–Kincaid grade level (Kincaid et al. 1975):
 * 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59, to one decimal.
 * Null when there is nothing to measure; never below 0 (very short sentences of short words
 * give negative values, which no reader can use).
 */
export function fleschKincaidGrade(words: number, sentences: number, syllables: number): number | null {
  if (words === 0 || sentences === 0) return null;
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  return Math.max(0, Math.round(grade * 10) / 10);
}

/** Syllables of one word, remembered per report; a figure or a symbol counts as one ("2019" is read, but its length varies). */
export function syllableCounter(): (word: string) => number {
  const memo = new Map<string, number>();
  return (word) => {
    const key = word.toLowerCase();
    let count = memo.get(key);
    if (count === undefined) memo.set(key, (count = Math.max(1, syllable(key))));
    return count;
  };
}
