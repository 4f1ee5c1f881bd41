/**
 * @file Abbreviation-aware sentence boundaries inside one block of prose.
 *
 * A full stop ends a sentence unless the word before it is an abbreviation. Titles ("Sen.",
 * "Dr.") never end one; initials ("Michael E. Shifter"), acronyms with stops ("U.S.", "a.m.") and
 * short months ("Jan. 5") end one only when the next word is one that typically opens a sentence
 * ("U.S. This approach…" splits, "U.S. Senate" does not).
 */
import type { Span } from './types';

/** Abbreviations that precede a name or number and so never close a sentence. */
const TITLES = new Set(
  'mr mrs ms mx dr prof sen rep gov lt col capt cpt sgt gen adm maj cmdr cpl pvt rev hon pres supt atty insp det fr msgr st mt ft vs v cf e.g i.e approx dept'.split(' '),
);
/** Abbreviations that can end a sentence as easily as continue one. */
const AMBIGUOUS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec jr sr inc co corp ltd bros etc al p.m a.m'.split(' '));
/** Short months and "No.": before a number they never close a sentence ("Jan. 5", "No. 10"). */
const BEFORE_NUMBERS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec no nos fig'.split(' '));
/** Words that commonly open a sentence: after an ambiguous abbreviation they mean a new sentence. */
const OPENERS = new Set(
  ('the a an this that these those he she it they we i you his her its their our my your but and or so yet ' +
    'in on at for with after before as when while if there here what who why how now then still also however ' +
    'meanwhile some many most one no not both each all such since because although though despite during under ' +
    'over by from to officials later earlier last next today yesterday').split(' '),
);

// A run of stops is tried from its first one only: tried from each, a long run with no space after
// it is scanned once per stop (quadratic: 80,000 full stops took 30 s). Every start inside a run
// ends where the run does, so the first start decides for all (callers start at 0 or after a space).
const BOUNDARY = /((?<![.!?])(?:\.{3}|[.!?]+)|…)(["'”’»)\]]*)(\s+)/gu;

/** Sentence spans of `prose` between `start` and `end`, trimmed of surrounding space. */
export function splitSentences(prose: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  BOUNDARY.lastIndex = start;
  for (let m = BOUNDARY.exec(prose); m && m.index < end; m = BOUNDARY.exec(prose)) {
    const nextStart = m.index + m[0].length;
    if (nextStart >= end) break;
    if (!isBoundary(prose, m.index, m[1]!, m[2]!, nextStart, end)) continue;
    pushTrimmed(prose, spans, from, m.index + m[1]!.length + m[2]!.length);
    from = nextStart;
  }
  pushTrimmed(prose, spans, from, end);
  return spans;
}

function isBoundary(prose: string, at: number, punct: string, closers: string, next: number, end: number): boolean {
  const following = prose.slice(next, Math.min(end, next + 40)).replace(/^["'“‘«(\[]+/u, '');
  const first = following.charAt(0);
  if (!first || /\p{Ll}/u.test(first)) return false;
  if (punct !== '.' || closers) return true;
  const before = wordBefore(prose, at).toLowerCase();
  const nextWord = (/^[\p{L}\p{N}]+/u.exec(following)?.[0] ?? '').toLowerCase();
  if (TITLES.has(before)) return false;
  const initial = /^\p{L}$/u.test(before);
  const acronym = /^(\p{L}\.)+\p{L}$/u.test(before);
  if (BEFORE_NUMBERS.has(before) && /^\p{N}/u.test(first)) return false;
  if (initial || acronym || AMBIGUOUS.has(before)) return OPENERS.has(nextWord);
  return true;
}

/** The token just before a full stop: "U.S" in "the U.S.", "E" in "Michael E.". */
function wordBefore(prose: string, at: number): string {
  let i = at;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(prose.charAt(i - 1))) i--;
  return prose.slice(i, at);
}

function pushTrimmed(prose: string, spans: Span[], start: number, end: number): void {
  while (start < end && /\s/u.test(prose.charAt(start))) start++;
  while (end > start && /\s/u.test(prose.charAt(end - 1))) end--;
  if (end > start) spans.push({ start, end });
}
