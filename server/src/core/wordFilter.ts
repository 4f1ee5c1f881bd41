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
export type StoredFilter = {
  readonly gate?: readonly string[];
  readonly need: StoredNeed;
  /** The expression's top-level alternatives, when each has its need (`need.some`, in the same order). */
  readonly alternatives?: readonly string[];
} | null;

/** The text's words as the filter compares them, or undefined when it cannot tell (see wordsOf). */
export type Words = TextWords | undefined;

/**
 * A text's words, and which of the table's gates they meet, one bit per expression: a rule asks
 * a dozen expressions of each sentence, and most sentences meet none of their gates (85% on BBC
 * news), so the gates are looked up once, not once per expression, and the words themselves are
 * read only for a text that meets one.
 *
 * Words are numbers here (wordNumber), read off the text's characters: no lower-cased copy and
 * no string per word is made. Two words with one number can only make a filter say "may match"
 * where it could have said "cannot" (and firstMatch try an alternative that then finds nothing):
 * the expression decides, as it would unfiltered, so no answer changes.
 */
export class TextWords {
  constructor(
    private readonly text: string,
    readonly gates: number,
    private built: WordNumbers | undefined,
  ) {}

  /** The numbers of the text's words: sorted when the text was read if it met a gate, else read on first use (which a text that meets no gate seldom has). */
  get set(): WordNumbers {
    if (this.built) return this.built;
    scratch.length = 0;
    readWords(this.text, scratch);
    return (this.built = new WordNumbers(scratch));
  }
}

/** Where a text's word numbers are read before they are sorted into their own array: reused, text after text. */
const scratch = { numbers: new Int32Array(256), length: 0 };

/**
 * A text's word numbers, sorted and each once, asked by binary search: a sentence has a few dozen
 * words, and a Set of them grew its table three or four times over (10 MB of a 1 MB first look).
 */
export class WordNumbers {
  private readonly list: number[];

  /** The numbers read into `read`, sorted, each once. */
  constructor(read: { readonly numbers: Int32Array; readonly length: number }) {
    const { numbers, length } = read;
    // A typed array sorts numerically in place, natively (Array.prototype.sort copies what it sorts and calls back per comparison).
    numbers.subarray(0, length).sort();
    let n = 0;
    for (let i = 0; i < length; i++) if (i === 0 || numbers[i] !== numbers[i - 1]) n++;
    const list = new Array<number>(n);
    n = 0;
    for (let i = 0; i < length; i++) if (i === 0 || numbers[i] !== numbers[i - 1]) list[n++] = numbers[i]!;
    this.list = list;
  }

  get size(): number {
    return this.list.length;
  }

  has(word: number): boolean {
    const { list } = this;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = list[mid]!;
      if (at === word) return true;
      if (at < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** The i-th smallest, for 0 <= i < size. */
  at(i: number): number {
    return this.list[i]!;
  }
}

/** Doubles the scratch list's room. */
function grow(into: { numbers: Int32Array; length: number }): void {
  const bigger = new Int32Array(into.numbers.length * 2);
  bigger.set(into.numbers);
  into.numbers = bigger;
}

export interface WordFilter {
  /** False only when the expression cannot match a text with these words. */
  mayMatch(words: Words): boolean;
  /** No word is required: mayMatch is always true, and a text's words need not be read for it. */
  readonly always: boolean;
}

/**
 * The words of a text, lower-cased: what `text.toLowerCase().match(/[a-z]+|[!-/:-@[-`{-~]/g)`
 * finds (runs of ASCII letters, and each ASCII mark alone), as wordNumber numbers them. ſ (long s)
 * and K (the Kelvin sign) match "s" and "k" under some flags and not others: a text with either
 * is never filtered.
 */
export function wordsOf(text: string): Words {
  if (/[\u017f\u212a]/u.test(text)) return undefined;
  // The numbers are kept from this one reading for a text that meets a gate: nearly all of them are
  // asked for their words (9,133 of 11,570 texts on a 1 MB first look), which were read again then
  // (1.5 M of the 3.7 M characters readWords went through).
  scratch.length = 0;
  const gates = readWords(text, scratch);
  return new TextWords(text, gates, gates !== 0 ? new WordNumbers(scratch) : undefined);
}

/** A sentence's words, read once for the rules that filter by them (by the sentence: views share their sentences). */
export function sentenceWords(sentence: Sentence): Words {
  let words = bySentence.get(sentence);
  if (words === undefined && !bySentence.has(sentence)) bySentence.set(sentence, (words = wordsOf(sentence.text)));
  return words;
}

const bySentence = new WeakMap<Sentence, Words>();

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
  return stored === undefined ? ALWAYS : filterFrom(stored, GATED.indexOf(key));
}

/** The table's expressions with a gate, each given a bit of TextWords.gates (as many as an int holds). */
const GATED = Object.keys(TABLE)
  .filter((key) => TABLE[key]?.gate)
  .slice(0, 31);

/**
 * The gates a text's words meet (see wordsOf), and (into `into`, if given) their numbers, read
 * off the characters with no string made per word.
 */
function readWords(text: string, into?: { numbers: Int32Array; length: number }): number {
  const { byWord, byMark, markNumbers } = (gateTable ??= gateTableOf());
  let gates = 0;
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c >= 97 && c <= 122) {
      h = Math.imul(h ^ c, FNV_PRIME);
      inWord = true;
      continue;
    }
    // No other character lower-cases to ASCII: "İ" becomes "i" and a combining dot, which ends the word.
    if (c === 0x130) {
      h = Math.imul(h ^ 105, FNV_PRIME);
      inWord = true;
    }
    // Stored here, not through a call: every word of every text a first look filters.
    if (inWord) {
      const word = h & SMALL;
      gates |= byWord.get(word) ?? 0;
      if (into) {
        if (into.length === into.numbers.length) grow(into);
        into.numbers[into.length++] = word;
      }
      h = FNV_OFFSET;
      inWord = false;
    }
    if (c < 128 && markNumbers[c] !== 0) {
      gates |= byMark[c]!;
      if (into) {
        if (into.length === into.numbers.length) grow(into);
        into.numbers[into.length++] = markNumbers[c]!;
      }
    }
  }
  if (inWord) {
    const word = h & SMALL;
    gates |= byWord.get(word) ?? 0;
    if (into) {
      if (into.length === into.numbers.length) grow(into);
      into.numbers[into.length++] = word;
    }
  }
  return gates;
}

/** A word's number: FNV-1a over its characters, in a small integer's 30 bits (no boxed numbers in a set). */
function wordNumber(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h & SMALL;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const SMALL = 0x3fffffff;

interface GateTable {
  /** Each gate word's number with the bits of the gates it is in. */
  readonly byWord: Map<number, number>;
  /** The same for each ASCII mark, a word of its own ("%"), by its code. */
  readonly byMark: Int32Array;
  /** Each ASCII mark's number, by its code (0 for a letter, digit, space or control character). */
  readonly markNumbers: Int32Array;
}

let gateTable: GateTable | undefined;

function gateTableOf(): GateTable {
  const byWord = new Map<number, number>();
  const byMark = new Int32Array(128);
  const markNumbers = new Int32Array(128);
  for (let c = 33; c < 127; c++) if (MARK.test(String.fromCharCode(c))) markNumbers[c] = wordNumber(String.fromCharCode(c));
  GATED.forEach((key, bit) => {
    for (const word of TABLE[key]!.gate!) {
      if (/^[a-z]+$/u.test(word)) byWord.set(wordNumber(word), (byWord.get(wordNumber(word)) ?? 0) | (1 << bit));
      // Any other gate word is never one of a text's words (see wordsOf).
      else if (MARK.test(word)) byMark[word.charCodeAt(0)]! |= 1 << bit;
    }
  });
  return { byWord, byMark, markNumbers };
}

/** An ASCII mark, a word of its own (see wordsOf). */
const MARK = /^[!-/:-@[-`{-~]$/u;

/** The expressions wordFilter was asked about in this process. */
export function expressionsAsked(): readonly RegExp[] {
  return [...asked.values()];
}

/** A table entry as a filter; `bit`, its gate's bit in TextWords.gates, if it has one (else -1). */
export function filterFrom(stored: StoredFilter, bit = -1): WordFilter {
  if (stored === null) return ALWAYS;
  const full = needOf(stored.need);
  if (bit >= 0) {
    const mask = 1 << bit;
    return { mayMatch: (words) => words === undefined || ((words.gates & mask) !== 0 && meets(full, words.set)), always: false };
  }
  const first: Need | undefined = stored.gate && needOf(stored.gate);
  return { mayMatch: (words) => words === undefined || ((first === undefined || meets(first, words.set)) && meets(full, words.set)), always: false };
}

/** Words by wordNumber; `list` holds `words` again: an array is walked without the iterator a Set needs. */
type Need = { readonly words: ReadonlySet<number>; readonly list: readonly number[] } | { readonly all: readonly Need[] } | { readonly some: readonly Need[] };

function needOf(stored: StoredNeed): Need {
  if (Array.isArray(stored)) {
    const words = new Set((stored as readonly string[]).map(wordNumber));
    return { words, list: [...words] };
  }
  const mixed = stored as { readonly all?: readonly StoredNeed[]; readonly some?: readonly StoredNeed[] };
  return mixed.all ? { all: mixed.all.map(needOf) } : { some: mixed.some!.map(needOf) };
}

function meets(need: Need, words: WordNumbers): boolean {
  if ('words' in need) {
    if (need.words.size > words.size) {
      for (let i = 0; i < words.size; i++) if (need.words.has(words.at(i))) return true;
      return false;
    }
    const { list } = need;
    for (let i = 0; i < list.length; i++) if (words.has(list[i]!)) return true;
    return false;
  }
  // Loops, not every/some: no closure made per sentence and expression.
  if ('all' in need) {
    for (let i = 0; i < need.all.length; i++) if (!meets(need.all[i]!, words)) return false;
    return true;
  }
  for (let i = 0; i < need.some.length; i++) if (meets(need.some[i]!, words)) return true;
  return false;
}

/** A match's place and text: all firstMatch tells (not its groups). */
export interface FirstMatch {
  readonly index: number;
  readonly text: string;
}

/**
 * `re.exec(text)`'s match (re not global), found by trying only the top-level alternatives whose
 * words the text has, each alone: a long alternation tried in full at every character cost the
 * cue rules most of their time, when one or two of its twenty alternatives could match. The same
 * match: the leftmost of the alternatives' matches and, at one place, the first alternative's.
 */
export function firstMatch(re: RegExp, text: string, words: Words): FirstMatch | null {
  let parts = splits.get(re);
  if (parts === undefined) splits.set(re, (parts = splitOf(re)));
  if (parts === null || words === undefined) {
    const m = re.exec(text);
    return m && { index: m.index, text: m[0] };
  }
  let best: FirstMatch | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!meets(part.need, words.set)) continue;
    const m = part.re.exec(text);
    if (m && (best === null || m.index < best.index)) best = { index: m.index, text: m[0] };
  }
  return best;
}

const splits = new Map<RegExp, readonly { readonly re: RegExp; readonly need: Need }[] | null>();

function splitOf(re: RegExp): readonly { readonly re: RegExp; readonly need: Need }[] | null {
  const stored = TABLE[filterKey(re)];
  if (!stored?.alternatives) return null;
  const flags = re.flags.replace(/[gy]/gu, '');
  const needs = (stored.need as { readonly some: readonly StoredNeed[] }).some;
  return stored.alternatives.map((source, i) => ({ re: new RegExp(source, flags), need: needOf(needs[i]!) }));
}
