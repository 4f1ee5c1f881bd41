/**
 * @file A cheap test that a regular expression cannot match a sentence: the words any match must
 * contain ("poised" in `(?:is|are) poised for`). A sentence holding none of them skips the
 * expression, which for long cue alternations is most sentences and most of their cost. The test
 * is sound: it says "cannot match" only when that is so.
 *
 * The words are read off each expression when the extension is built (core/wordNeed.ts, through
 * scripts/generate-word-filters.ts, into data/word-filters.json), not on a draft's first look,
 * where reading them cost 100 ms. An expression missing from the table is simply not filtered.
 *
 * Words here are runs of ASCII letters, and ASCII marks count one character each ("%" in "5% of").
 */
import generated from '../data/word-filters.json';
import type { Sentence } from './types';

/** A stored condition on a text's words: any of these words, or all (some) of several conditions. */
export type StoredNeed = readonly string[] | { readonly all: readonly StoredNeed[] } | { readonly some: readonly StoredNeed[] };
/** An expression's entry in the table: the words every match needs (`gate`: a flat set tried first), or null when a match may need none. */
export type StoredFilter = { readonly gate?: readonly string[]; readonly need: StoredNeed } | null;

/** The text's words as the filter compares them, or undefined when it cannot tell (see wordsOf). */
export type Words = ReadonlySet<string> | undefined;

export interface WordFilter {
  /** False only when the expression cannot match a text with these words. */
  mayMatch(words: Words): boolean;
  /** No word is required: mayMatch is always true, and a text's words need not be read for it. */
  readonly always: boolean;
}

/**
 * The words of a text, lower-cased. ſ (long s) and K (the Kelvin sign) match "s" and "k" under
 * some flags and not others: a text with either is never filtered.
 */
export function wordsOf(text: string): Words {
  if (/[\u017f\u212a]/u.test(text)) return undefined;
  return new Set(text.toLowerCase().match(TOKEN));
}

/** A sentence's words, read once for the rules that filter by them (by the sentence: views share their sentences). */
export function sentenceWords(sentence: Sentence): Words {
  let words = bySentence.get(sentence);
  if (words === undefined && !bySentence.has(sentence)) bySentence.set(sentence, (words = wordsOf(sentence.text)));
  return words;
}

const bySentence = new WeakMap<Sentence, Words>();

const TOKEN = /[a-z]+|[!-/:-@[-`{-~]/g;

/** How the table names an expression: its source and the flags that change what it matches. */
export function filterKey(re: RegExp): string {
  return `/${re.source}/${re.flags.replace(/[gy]/gu, '')}`;
}

const TABLE = (generated as unknown as { readonly filters: Readonly<Record<string, StoredFilter>> }).filters;
const ALWAYS: WordFilter = { mayMatch: () => true, always: true };
/** Every expression asked for, by key: what scripts/generate-word-filters.ts writes the table for. */
const asked = new Map<string, RegExp>();

/** The filter of an expression, from the generated table (callers keep it: one lookup per expression). */
export function wordFilter(re: RegExp): WordFilter {
  const key = filterKey(re);
  if (!asked.has(key)) asked.set(key, re);
  const stored = TABLE[key];
  return stored === undefined ? ALWAYS : filterFrom(stored);
}

/** The expressions wordFilter was asked about in this process. */
export function expressionsAsked(): readonly RegExp[] {
  return [...asked.values()];
}

/** A table entry as a filter. */
export function filterFrom(stored: StoredFilter): WordFilter {
  if (stored === null) return ALWAYS;
  const first: Need | undefined = stored.gate && { words: new Set(stored.gate) };
  const full = needOf(stored.need);
  return { mayMatch: (words) => words === undefined || ((first === undefined || meets(first, words)) && meets(full, words)), always: false };
}

type Need = { readonly words: ReadonlySet<string> } | { readonly all: readonly Need[] } | { readonly some: readonly Need[] };

function needOf(stored: StoredNeed): Need {
  if (Array.isArray(stored)) return { words: new Set(stored as readonly string[]) };
  const mixed = stored as { readonly all?: readonly StoredNeed[]; readonly some?: readonly StoredNeed[] };
  return mixed.all ? { all: mixed.all.map(needOf) } : { some: mixed.some!.map(needOf) };
}

function meets(need: Need, words: ReadonlySet<string>): boolean {
  if ('words' in need) {
    if (need.words.size > words.size) {
      for (const w of words) if (need.words.has(w)) return true;
      return false;
    }
    for (const w of need.words) if (words.has(w)) return true;
    return false;
  }
  if ('all' in need) return need.all.every((n) => meets(n, words));
  return need.some.some((n) => meets(n, words));
}
