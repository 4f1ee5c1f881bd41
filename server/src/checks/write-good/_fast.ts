/**
 * @file write-good's sub-checks (https://github.com/btford/write-good, MIT) computed cheaply, with
 * exactly its results: the same spans, in the same order. write-good stays the reference:
 * test/unit/checks/write-good/_fast.test.ts and scripts/diff-write-good.ts compare the two.
 *
 * The word-list checks (weasel, passive, adverb, tooWordy, cliches, eprime) each run one regular
 * expression, `\b(entry|entry|…)\b` with the flags gi, through the text with `exec`, each search
 * starting where the last match ended. They cost because every entry is tried at every word (698
 * for the clichés), and because V8 gives up optimising an expression whose source passes 20 KB
 * (no-cliches' is 37 KB). Here, for each list:
 * 1. a prefilter, the entries' literal openings folded into one trie-shaped expression kept under
 *    that size, finds in one native scan the word starts where some entry's opening is present;
 * 2. at each such start, from the end of the last match on, the list's own expression is run there
 *    alone (flag y), restricted to the entries that begin with the letter found there.
 * This finds the matches the package does, in the same order, because
 * - every entry begins with an ASCII letter, so `\b` before it means a word start, and a text that an
 *   entry matches begins with the entry's literal opening (its characters up to the first regular
 *   expression operator, less a character that a quantifier follows: "cease?" → "ceas"; a space of
 *   too-wordy and no-cliches, which became `[\b\s\u200C]*`, stays that same class in the trie).
 *   Without the flag u, i folds an ASCII letter only to its other case and leaves other ASCII alone,
 *   so the opening can be lower-cased. The prefilter thus passes every position where a match can
 *   start, and the search visits them in order from where `exec` would resume;
 * - at one position an alternation tries its entries in order and takes the first that completes;
 *   an entry whose first letter is not the text's cannot complete there, so leaving it out changes
 *   nothing, and the others are tried in the same order inside the same `\b(?<!-)(…)\b`.
 * passive-voice's expression, `\b(am|are|…|be)\b\s*([\w]+ed|awoken|…)\b`, is run whole where one of
 * the forms of "to be" stands as a whole word. The other three sub-checks (illusion, so, thereIs)
 * follow write-good's expressions step by step; each function says how.
 */
import {
  ADVERB_STEMS,
  BE_FORMS,
  CLICHES,
  IRREGULAR_PARTICIPLES,
  PASSIVE_EXCEPTIONS,
  TO_BE,
  WEAKENERS,
  WEASELS,
  WEASEL_EXCEPTIONS,
  WORDY,
} from './_lists';
import generated from '../../data/write-good-prefilters.json';

/** write-good's option names for its sub-checks. */
export type SubCheck = 'passive' | 'illusion' | 'so' | 'thereIs' | 'weasel' | 'adverb' | 'tooWordy' | 'cliches' | 'eprime';

/** A flagged stretch, relative to the start of the text checked. */
export interface Hit {
  readonly start: number;
  readonly end: number;
}

// Character classes, as JavaScript regular expressions without the u flag define them.

/** `\w`: [A-Za-z0-9_]. */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** `\s`: ECMAScript WhiteSpace and LineTerminator. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * What too-wordy and no-cliches put in place of each space of an entry: any run of backspace
 * (`\b` in a class), white space and zero-width non-joiner, even an empty one ("allthumbs").
 */
export const SEPARATOR = '[\\b\\s\\u200C]*';
const separated = (entry: string): string => entry.replace(/ /g, SEPARATOR);

/** ASCII A–Z to a–z: the only case folding the flag i does for ASCII patterns without u. */
const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

const OPERATOR = new Set('\\^$.|?*+()[]{}');
const QUANTIFIER = new Set('?*+{');

/** One step of an entry's literal opening: a folded character, or a separator (too-wordy, no-cliches). */
type Token = string;
const SEP_TOKEN = 'SEP';

/**
 * The literal opening of one alternative's source, folded: its characters up to the first regular
 * expression operator, leaving out a character a quantifier follows ("cease?" → c e a s), with
 * each SEPARATOR as one token.
 */
export function literalTokens(source: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < source.length; ) {
    if (source.startsWith(SEPARATOR, i)) {
      tokens.push(SEP_TOKEN);
      i += SEPARATOR.length;
      continue;
    }
    const ch = source[i]!;
    if (OPERATOR.has(ch) || ch.charCodeAt(0) > 127 || QUANTIFIER.has(source[i + 1] ?? '')) break;
    tokens.push(String.fromCharCode(fold(ch.charCodeAt(0))));
    i++;
  }
  return tokens;
}

interface TokenTrie {
  readonly next: Map<Token, TokenTrie>;
  end: boolean;
}

/** An ASCII character as a regular expression atom: letters and digits as they are, the rest as \xHH. */
const atom = (t: Token): string => (t === SEP_TOKEN ? SEPARATOR : /^[a-z0-9]$/.test(t) ? t : `\\x${t.charCodeAt(0).toString(16).padStart(2, '0')}`);

/**
 * The openings, each cut to `depth` tokens, as one factored expression (a trie written as nested
 * groups) for the flag i: it matches where at least one opening does, trying a few characters per
 * position where the list's own alternation tries every entry. With `boundaryAfter`, an opening
 * must be followed by a word boundary (right only when every opening is its whole entry, uncut,
 * and the list's expression puts `\b` after each entry).
 */
function openingsExpression(root: TokenTrie, depth: number, boundaryAfter: boolean): string {
  const write = (node: TokenTrie, left: number): string => {
    // Reaching the end of an opening, or the depth, is enough: the rest is moot.
    if ((node.end && !boundaryAfter) || left === 0) return '';
    const parts = node.end ? ['\\b'] : [];
    for (const [t, child] of node.next) parts.push(atom(t) + write(child, left - 1));
    return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
  };
  return write(root, depth);
}

/**
 * V8 compiles a regular expression whose source is over 20 KB (kRegExpTooLargeToOptimize) without
 * its optimisations: that, more than the number of clichés as such, is why no-cliches' 37 KB
 * expression runs at about 0.5 MB/s where too-wordy's 6 KB one runs at 10. A prefilter stays under it.
 */
const OPTIMISED_SOURCE_LIMIT = 16_000;

/**
 * `\b` and the openings: matches at the word starts where some opening starts. Every opening in
 * full if that fits under the limit, else each cut to the longest length that does (a cut opening
 * lets more through, never less). Written ahead of time (data/write-good-prefilters.json) for the
 * lists here: worked out on a draft's first look, the clichés' alone took about 100 ms.
 */
function prefilterOf(name: ListName, openings: readonly (readonly Token[])[], boundaryAfter: boolean): RegExp {
  const stored = GENERATED[name];
  // The stored source is used only for the very openings it was written for.
  const source = stored?.fingerprint === fingerprintOf(openings, boundaryAfter) ? stored.source : prefilterSource(openings, boundaryAfter);
  return new RegExp(source, 'gi');
}

/** The lists with a prefilter, as data/write-good-prefilters.json names them. */
type ListName = 'weasel' | 'passive' | 'adverb' | 'tooWordy' | 'cliches' | 'eprime';

const GENERATED = (generated as unknown as { readonly prefilters: Readonly<Partial<Record<ListName, { readonly fingerprint: string; readonly source: string }>>> }).prefilters;

/** What a prefilter is written from, in short: its boundary and a hash of its openings. */
function fingerprintOf(openings: readonly (readonly Token[])[], boundaryAfter: boolean): string {
  let hash = 0x811c9dc5;
  for (const tokens of openings) {
    for (const t of tokens) for (let i = 0; i < t.length; i++) hash = Math.imul(hash ^ t.charCodeAt(i), 0x01000193) >>> 0;
    hash = Math.imul(hash ^ 0x0a, 0x01000193) >>> 0;
  }
  return `${boundaryAfter ? 'b' : ''}${openings.length}:${hash.toString(16)}`;
}

/** data/write-good-prefilters.json as scripts/generate-write-good-prefilters.ts writes it. */
export function prefilterTableText(): string {
  const inputs: Record<ListName, { openings: Token[][]; boundaryAfter: boolean }> = {
    weasel: listOpenings(WEASELS),
    passive: { openings: BE_FORMS.map(literalTokens), boundaryAfter: true },
    adverb: listOpenings(ADVERBS),
    tooWordy: listOpenings(WORDY_ENTRIES),
    cliches: listOpenings(CLICHE_ENTRIES),
    eprime: listOpenings(TO_BE),
  };
  const lines = Object.entries(inputs).map(([name, { openings, boundaryAfter }]) => `    ${JSON.stringify(name)}: ${JSON.stringify({ fingerprint: fingerprintOf(openings, boundaryAfter), source: prefilterSource(openings, boundaryAfter) })}`);
  const comment = 'Generated by scripts/generate-write-good-prefilters.ts from checks/write-good/_fast.ts and _lists.ts; test/unit/checks/write-good/_fast.test.ts fails when it is out of date.';
  return `{\n  "$comment": ${JSON.stringify(comment)},\n  "prefilters": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/** A list's openings, and whether each is its whole entry (see `alternation`). */
function listOpenings(entries: readonly string[]): { openings: Token[][]; boundaryAfter: boolean } {
  const openings = entries.map(literalTokens);
  // In the lists without separators or operators every opening is its whole entry.
  const whole = openings.every((tokens, i) => !tokens.includes(SEP_TOKEN) && tokens.join('') === entries[i]!.toLowerCase());
  return { openings, boundaryAfter: whole };
}

/** The prefilter's source, worked out (see prefilterOf). */
function prefilterSource(openings: readonly (readonly Token[])[], boundaryAfter: boolean): string {
  const root: TokenTrie = { next: new Map(), end: false };
  for (const tokens of openings) {
    if (!/^[a-z]$/.test(tokens[0] ?? '')) throw new Error('every entry must begin with a letter');
    let node = root;
    for (const t of tokens) {
      let child = node.next.get(t);
      if (!child) node.next.set(t, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const longest = Math.max(...openings.map((tokens) => tokens.length));
  const sourceAt = (depth: number): string => `\\b${openingsExpression(root, depth, boundaryAfter && depth === longest)}`;
  // The source grows with the depth: the deepest that fits, by bisection.
  let [fits, tooLong] = [1, longest + 1];
  if (sourceAt(longest).length < OPTIMISED_SOURCE_LIMIT) fits = longest;
  else {
    while (tooLong - fits > 1) {
      const mid = (fits + tooLong) >> 1;
      if (sourceAt(mid).length < OPTIMISED_SOURCE_LIMIT) fits = mid;
      else tooLong = mid;
    }
  }
  return sourceAt(fits);
}

/** A list check's global expression, run only where the prefilter says it can match (see the file comment). */
class PrefilteredRegex {
  constructor(
    private readonly prefilter: RegExp,
    /** The sticky (flag y) expression to try at a position whose character is `first`, folded. */
    private readonly stickyAt: (first: number) => RegExp | undefined,
  ) {}

  /** The matches `exec` with the flag g finds in `text`, in order. */
  matches(text: string): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    const { prefilter } = this;
    prefilter.lastIndex = 0;
    for (let candidate = prefilter.exec(text); candidate; candidate = prefilter.exec(text)) {
      const p = candidate.index;
      const sticky = this.stickyAt(fold(text.charCodeAt(p)));
      let m: RegExpExecArray | null = null;
      if (sticky) {
        sticky.lastIndex = p;
        m = sticky.exec(text);
        if (m) found.push(m);
      }
      // On from the end of the match, as `exec` would; else from the next character, which the
      // prefilter's own match may have run past.
      prefilter.lastIndex = m ? p + m[0].length : p + 1;
    }
    return found;
  }
}

/** `before(entry|entry|…)\b`, as a list check builds it (`before` is `\b`, or `\b(?<!-)` in too-wordy). */
function alternationSource(entries: readonly string[], before = '\\b'): string {
  return `${before}(${entries.join('|')})\\b`;
}

/** `alternationSource(entries, before)`'s matches, found with a prefilter. */
function alternation(name: ListName, entries: readonly string[], before = '\\b'): PrefilteredRegex {
  const { openings, boundaryAfter } = listOpenings(entries);
  const chunks = new Map<number, string[]>();
  openings.forEach((tokens, i) => {
    const first = tokens[0]!.charCodeAt(0);
    chunks.set(first, [...(chunks.get(first) ?? []), entries[i]!]);
  });
  const byFirstLetter = new Map([...chunks].map(([first, chunk]) => [first, new RegExp(alternationSource(chunk, before), 'iy')]));
  return new PrefilteredRegex(prefilterOf(name, openings, boundaryAfter), (first) => byFirstLetter.get(first));
}

/** Built on first use, so that starting the server compiles nothing a draft does not need. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

// The sub-checks' entries and expressions, as their packages build them.

/** adverb-where's `\b((stem|…)(y)|(weakener|…))\b` matches as `\b(stemy|…|weakener|…)\b`: the same trials in the same order. */
const ADVERBS = [...ADVERB_STEMS.map((stem) => `${stem}y`), ...WEAKENERS];
const WORDY_ENTRIES = WORDY.map(separated);
const CLICHE_ENTRIES = CLICHES.map(separated);
const PASSIVE_SOURCE = `\\b(${BE_FORMS.join('|')})\\b\\s*([\\w]+ed|${IRREGULAR_PARTICIPLES.join('|')})\\b`;

/** The packages' expressions rebuilt from our lists, for the test to compare with theirs. */
export const PACKAGE_SOURCES = {
  weasel: alternationSource(WEASELS),
  passive: PASSIVE_SOURCE,
  adverb: `\\b((${ADVERB_STEMS.join('|')})(y)|(${WEAKENERS.join('|')}))\\b`,
  tooWordy: alternationSource(WORDY_ENTRIES, '\\b(?<!-)'),
  cliches: alternationSource(CLICHE_ENTRIES),
  eprime: alternationSource(TO_BE),
} as const;

const weasel = once(() => alternation('weasel', WEASELS));
const adverb = once(() => alternation('adverb', ADVERBS));
const tooWordy = once(() => alternation('tooWordy', WORDY_ENTRIES, '\\b(?<!-)'));
const cliches = once(() => alternation('cliches', CLICHE_ENTRIES));
const eprime = once(() => alternation('eprime', TO_BE));
/** passive-voice's expression can only match where a form of "to be", a whole word, starts. */
const passive = once(() => {
  const sticky = new RegExp(PASSIVE_SOURCE, 'iy');
  return new PrefilteredRegex(prefilterOf('passive', BE_FORMS.map(literalTokens), true), () => sticky);
});

const asHit = (m: RegExpExecArray, length: number): Hit => ({ start: m.index, end: m.index + length });

/** What write-good reports with only `check` on, as spans of `text`, in order. */
export function fastHits(check: SubCheck, text: string): Hit[] {
  switch (check) {
    case 'weasel':
      // weasel-words drops "many" and "few" after "too " (case-sensitive, and substr's negative start kept).
      return weasel()
        .matches(text)
        .filter((m) => !WEASEL_EXCEPTIONS.includes(m[0].toLowerCase()) || text.substr(m.index - 4, 4) !== 'too ')
        .map((m) => asHit(m, m[0].toLowerCase().length));
    case 'passive':
      // A match on an exception still moves the search past it, as in passive-voice.
      return passive()
        .matches(text)
        .filter((m) => !PASSIVE_EXCEPTIONS.includes(m[2]!.toLowerCase()))
        .map((m) => asHit(m, m[0].length));
    case 'adverb':
      return adverb().matches(text).map((m) => asHit(m, m[0].length));
    case 'tooWordy':
      return tooWordy().matches(text).map((m) => asHit(m, m[0].length));
    case 'cliches':
      return cliches().matches(text).map((m) => asHit(m, m[0].length));
    case 'eprime':
      // e-prime reads typographic single quotes as "'" (same length, so the offsets hold).
      return eprime()
        .matches(text.replace(/[\u2018\u2019]/g, "'"))
        .map((m) => asHit(m, m[0].toLowerCase().length));
    case 'illusion':
      return illusionHits(text);
    case 'so':
    case 'thereIs':
      return sentenceOpenerHits(check, text);
  }
}

/**
 * write-good's lexical-illusions: /(\s*)([^\s]+)/g cuts the text into runs of non-space; a run
 * containing a `\w` character that equals the run before it, lower-cased, is flagged.
 */
function illusionHits(text: string): Hit[] {
  // In ASCII text a hit needs a run equal, in either case, to the run before it: one native search
  // rules that out for nearly every paragraph, which the loop below, run uncompiled through most
  // of a first look, would otherwise read character by character. (Beyond ASCII, lower-casing
  // and the flag i part ways: "Straße"/"STRASSE", final sigma; there the loop alone decides.)
  if (!NON_ASCII.test(text) && !REPEATED_RUN.test(text)) return [];
  const hits: Hit[] = [];
  const n = text.length;
  let previousStart = -1;
  let previousEnd = -1;
  let previousAscii = true;
  for (let i = 0; i < n; ) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i === n) break;
    const start = i;
    let hasWord = false;
    let ascii = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) break;
      if (c > 127) ascii = false;
      else if (!hasWord && isWordChar(c)) hasWord = true;
    }
    if (hasWord && previousStart >= 0 && sameLowerCase(text, previousStart, previousEnd, start, i, previousAscii && ascii)) hits.push({ start, end: i });
    previousStart = start;
    previousEnd = i;
    previousAscii = ascii;
  }
  return hits;
}

const NON_ASCII = /[^\x00-\x7f]/;
/** Two runs of non-space in a row, the second the first again in either case (ASCII only: see illusionHits). */
const REPEATED_RUN = /(?:^|\s)(\S+)\s+\1(?!\S)/i;

/** `text.slice(a, b).toLowerCase() === text.slice(c, d).toLowerCase()`, without slicing when both are ASCII. */
function sameLowerCase(text: string, a: number, b: number, c: number, d: number, ascii: boolean): boolean {
  if (!ascii) return text.slice(a, b).toLowerCase() === text.slice(c, d).toLowerCase();
  if (b - a !== d - c) return false;
  for (let i = 0; i < b - a; i++) if (fold(text.charCodeAt(a + i)) !== fold(text.charCodeAt(c + i))) return false;
  return true;
}

/**
 * write-good's starts-with-so and there-is. /([^\n.;!?]+)([.;!?]+)/g yields every maximal run of
 * characters other than "\n.;!?" that a ".;!?" follows (a run that a line break or the end follows
 * yields nothing), and each run is tested:
 * - so: /^(\s)*so\b[\s\S]/i, flagged from the run's start plus the length of the last captured
 *   space (one if the run opens with white space, else none), 2 long;
 * - thereIs: /^(\s)*there\b\s(is|are)\b/i, from the same start to the end of "is" or "are".
 * Either needs the words themselves, with a boundary either side, so a native search for them
 * finds every place one can fire, and each is then checked against the run around it.
 */
const SO = /\bso\b/gi;
const THERE_IS = /\bthere\s(?:is|are)\b/gi;
const RUN_END = /[\n.;!?]/g;

function sentenceOpenerHits(check: 'so' | 'thereIs', text: string): Hit[] {
  const hits: Hit[] = [];
  const words = check === 'so' ? SO : THERE_IS;
  words.lastIndex = 0;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const at = m.index;
    const length = m[0].length;
    // "there\nis": the line break ends the run before "is".
    if (check === 'thereIs' && text.charCodeAt(at + 5) === 10) continue;
    // The run must open here, after nothing but white space (a line break ends a run).
    let start = at;
    while (start > 0 && text.charCodeAt(start - 1) !== 10 && isSpace(text.charCodeAt(start - 1))) start--;
    if (start > 0 && !isRunEnd(text.charCodeAt(start - 1))) continue;
    // The run must end at ".;!?", and "so" must have one more of its characters after it.
    // Only a run's first word gets this far, so the runs are searched once each: linear time.
    RUN_END.lastIndex = at;
    const end = RUN_END.exec(text)?.index ?? text.length;
    if (end === text.length || text.charCodeAt(end) === 10) continue;
    if (check === 'so' && at + 2 >= end) continue;
    const from = start + (at > start ? 1 : 0);
    hits.push({ start: from, end: check === 'so' ? from + 2 : at + length });
  }
  return hits;
}

/** "\n.;!?": where write-good's sentence runs stop. */
function isRunEnd(c: number): boolean {
  return c === 10 || c === 46 || c === 59 || c === 33 || c === 63;
}
