/**
 * @file Abbreviation-aware sentence boundaries inside one block of prose.
 *
 * A full stop ends a sentence unless the word before it is an abbreviation. Titles ("Sen.",
 * "Dr.") never end one; initials ("Michael E. Shifter"), acronyms with stops ("U.S.", "a.m.") and
 * short months ("Jan. 5") end one only when the next word is one that typically opens a sentence
 * ("U.S. This approach…" splits, "U.S. Senate" does not).
 */

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

/**
 * The sentences of `prose` between `start` and `end`, trimmed of surrounding space, as
 * [start, end, …] pairs appended to `out`: a draft's segmentation keeps only offsets, and an
 * object per sentence made there was thrown away at once.
 */
export function sentenceBounds(prose: string, start: number, end: number, out: number[]): void {
  let from = start;
  BOUNDARY.lastIndex = start;
  for (let m = BOUNDARY.exec(prose); m && m.index < end; m = BOUNDARY.exec(prose)) {
    const nextStart = m.index + m[0].length;
    if (nextStart >= end) break;
    if (!isBoundary(prose, m.index, m[1]!, m[2]!, nextStart, end)) continue;
    pushTrimmed(prose, out, from, m.index + m[1]!.length + m[2]!.length);
    from = nextStart;
  }
  pushTrimmed(prose, out, from, end);
}

/**
 * Read off the characters, not a slice of the 40 after the stop with its opening marks replaced
 * away: the slice, the replacement and a regular expression per question were most of a draft's
 * sentence splitting. The same answers: only the 40 characters after the stop are looked at.
 */
function isBoundary(prose: string, at: number, punct: string, closers: string, next: number, end: number): boolean {
  const windowEnd = Math.min(end, next + 40);
  let first = next;
  while (first < windowEnd && isOpener(prose.charCodeAt(first))) first++;
  if (first >= windowEnd) return false;
  const c = prose.charCodeAt(first);
  if (c < 0x80 ? c >= 0x61 && c <= 0x7a : LOWER.test(prose.charAt(first))) return false;
  if (punct !== '.' || closers) return true;
  const before = wordBefore(prose, at).toLowerCase();
  if (TITLES.has(before)) return false;
  // Only a word of one letter (one code point, two units at most) or with a stop in it can be an initial or an acronym.
  const short = before.length <= 2 || before.indexOf('.') >= 0;
  const initial = short && /^\p{L}$/u.test(before);
  const acronym = short && /^(\p{L}\.)+\p{L}$/u.test(before);
  if (BEFORE_NUMBERS.has(before) && (c < 0x80 ? c >= 0x30 && c <= 0x39 : DIGIT.test(prose.charAt(first)))) return false;
  if (initial || acronym || AMBIGUOUS.has(before)) return OPENERS.has(wordAfter(prose, first, windowEnd).toLowerCase());
  return true;
}

const LOWER = /\p{Ll}/u;
const DIGIT = /^\p{N}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD_OR_STOP = /[\p{L}\p{N}.]/u;
const SPACE = /\s/u;

/** " ' “ ‘ « ( [: the marks skipped before the word after a stop. */
function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x28 || c === 0x5b;
}

/**
 * The letters and digits from `from` on, up to `limit`: the word after a stop. A letter outside the
 * BMP counts when both its halves are before `limit` (as \p{L} under the u flag reads a slice).
 */
function wordAfter(prose: string, from: number, limit: number): string {
  let i = from;
  while (i < limit) {
    const c = prose.charCodeAt(i);
    if (c < 0x80) {
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) break;
      i++;
      continue;
    }
    const cp = prose.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (i + width > limit || !WORD_CHAR.test(String.fromCodePoint(cp))) break;
    i += width;
  }
  return prose.slice(from, i);
}

/** The token just before a full stop: "U.S" in "the U.S.", "E" in "Michael E.". */
function wordBefore(prose: string, at: number): string {
  let i = at;
  while (i > 0) {
    const c = prose.charCodeAt(i - 1);
    if (c < 0x80 ? !((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e) : !WORD_OR_STOP.test(prose.charAt(i - 1))) break;
    i--;
  }
  return prose.slice(i, at);
}

function pushTrimmed(prose: string, out: number[], start: number, end: number): void {
  while (start < end && isSpace(prose, start)) start++;
  while (end > start && isSpace(prose, end - 1)) end--;
  if (end > start) out.push(start, end);
}

function isSpace(prose: string, i: number): boolean {
  const c = prose.charCodeAt(i);
  return c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : SPACE.test(prose.charAt(i));
}
