/**
 * @file A cheap test that a regular expression cannot match a sentence, read off the expression
 * itself: the words any match must contain ("poised" in `(?:is|are) poised for`). A sentence
 * holding none of them skips the expression, which for long cue alternations is most sentences
 * and most of their cost. The test is sound: it says "cannot match" only when that is so.
 *
 * Words here are runs of ASCII letters, and ASCII marks count one character each ("%" in "5% of").
 */
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';
import type { Sentence } from './types';

/** A condition on a text's words that every match of the expression meets. */
type Need = { readonly words: ReadonlySet<string> } | { readonly all: readonly Need[] } | { readonly some: readonly Need[] };

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
const LETTERS = /[a-z]+/g;
const MARK = /^[!-/:-@[-`{-~]$/u;
const isLetter = (c: string): boolean => c >= 'a' && c <= 'z';

export function wordFilter(re: RegExp): WordFilter {
  let need: Need | undefined;
  try {
    const { pattern } = parseRegExpLiteral(re);
    const flags = re.flags.replace(/[gy]/gu, '');
    need = someOf(pattern.alternatives.map((a) => sequenceNeed(a, false, false, flags)));
  } catch {
    need = undefined;
  }
  if (need === undefined) return { mayMatch: () => true, always: true };
  // One flat set checked first: most sentences hold none of its words and stop there, without
  // walking the conditions of a few hundred alternatives.
  const gate = gateOf(need);
  const first: Need | undefined = gate && { words: gate };
  const full = need;
  return { mayMatch: (words) => words === undefined || ((first === undefined || meets(first, words)) && meets(full, words)), always: false };
}

/**
 * Words at least one of which every match contains: the union of one condition per alternative,
 * the one with the fewest everyday words ("is|are" + "eager|keen|…" gives "eager|keen|…").
 */
function gateOf(need: Need): ReadonlySet<string> | undefined {
  if ('words' in need) return need.words;
  if ('all' in need) {
    const gates = need.all.map(gateOf).filter((g) => g !== undefined);
    return gates.length ? gates.reduce((a, b) => (breadth(b) < breadth(a) ? b : a)) : undefined;
  }
  const out = new Set<string>();
  for (const child of need.some) {
    const gate = gateOf(child);
    if (!gate) return undefined;
    for (const w of gate) out.add(w);
  }
  return out;
}

/** How often a set of words is likely to be met: everyday words count for many. */
function breadth(words: ReadonlySet<string>): number {
  let n = words.size;
  for (const w of words) if (COMMON.has(w)) n += 1000;
  return n;
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

/** Any of the needs; undefined (no condition) when one alternative has none. */
function someOf(needs: readonly (Need | undefined)[]): Need | undefined {
  if (!needs.length || needs.some((n) => n === undefined)) return undefined;
  return needs.length === 1 ? needs[0] : { some: needs as Need[] };
}

/**
 * The strings an element can match, each character written as the filter sees it (charOf);
 * undefined when there are too many, or infinitely many, to list.
 */
type Strings = readonly string[];
const MAX_STRINGS = 512;

function stringsOf(node: AST.Node): Strings | undefined {
  // Asked again for the same node by every edge and join: listed once.
  if (listed.has(node)) return listed.get(node);
  const strings = list(node);
  listed.set(node, strings);
  return strings;
}

const listed = new WeakMap<AST.Node, Strings | undefined>();

function list(node: AST.Node): Strings | undefined {
  switch (node.type) {
    case 'Character':
      return [charOf(node.value)];
    case 'CharacterSet':
      return node.kind === 'space' && !node.negate ? [' '] : undefined;
    case 'CharacterClass':
      return classOf(node);
    case 'Group':
    case 'CapturingGroup': {
      const out = new Set<string>();
      for (const alt of node.alternatives) {
        const strings = stringsOf(alt);
        if (!strings) return undefined;
        for (const s of strings) out.add(s);
        if (out.size > MAX_STRINGS) return undefined;
      }
      return [...out];
    }
    case 'Alternative': {
      let out: Strings = [''];
      for (const element of node.elements) {
        const strings = element.type === 'Assertion' ? [''] : stringsOf(element);
        const next = strings && product(out, strings);
        if (!next) return undefined;
        out = next;
      }
      return out;
    }
    case 'Quantifier': {
      if (node.max > 4) return undefined;
      const one = stringsOf(node.element);
      if (!one) return undefined;
      const out = new Set<string>(node.min === 0 ? [''] : []);
      let run: Strings = [''];
      for (let k = 1; k <= node.max; k++) {
        const next = product(run, one);
        if (!next) return undefined;
        run = next;
        if (k >= node.min) for (const s of run) out.add(s);
      }
      return [...out];
    }
    default:
      return undefined;
  }
}

/**
 * A literal character as the filter sees it: an ASCII letter in lower case, an ASCII mark as
 * itself, anything else (digits, spaces, other scripts) as a space, which only separates words.
 */
function charOf(code: number): string {
  const lower = String.fromCodePoint(code).toLowerCase();
  return lower.length === 1 && (isLetter(lower) || MARK.test(lower)) ? lower : ' ';
}

function classOf(node: AST.CharacterClass): Strings | undefined {
  if (node.negate || node.unicodeSets) return undefined;
  const out = new Set<string>();
  for (const element of node.elements) {
    if (element.type === 'Character') out.add(charOf(element.value));
    else if (element.type === 'CharacterClassRange') {
      if (element.max.value - element.min.value > 8) return undefined;
      for (let c = element.min.value; c <= element.max.value; c++) out.add(charOf(c));
    } else if (element.type === 'CharacterSet' && element.kind === 'space' && !element.negate) out.add(' ');
    else return undefined;
  }
  return out.size <= 16 ? [...out] : undefined;
}

/** Every string of `a` followed by every string of `b`; undefined (not built) past MAX_STRINGS. */
function product(a: Strings, b: Strings): Strings | undefined {
  if (a.length * b.length > MAX_STRINGS) return undefined;
  if (b.length === 1) return a.map((s) => s + b[0]);
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return [...new Set(out)];
}

/** An element of a sequence, or a run of consecutive listable elements joined into one. */
type Piece =
  | { readonly kind: 'strings'; readonly strings: Strings }
  /** No letter on either side (`\b`, `^`, `$`), before what follows (`(?<![\p{L}])`), after what precedes (`(?![\p{L}])`). */
  | { readonly kind: 'boundary' }
  | { readonly kind: 'boundaryBefore' }
  | { readonly kind: 'boundaryAfter' }
  | { readonly kind: 'node'; readonly node: AST.Element };

/**
 * What every match of a sequence contains. `left`/`right`: whether the text just outside the
 * sequence is known not to be a letter (or to be the text's edge).
 */
function sequenceNeed(alt: AST.Alternative, left: boolean, right: boolean, flags: string): Need | undefined {
  // Every condition found holds, so all are kept: element by element ("is|are", "a|an", "bid|move",
  // "to" each required), and joined where a word spans elements ("tend" + "s?").
  const needs: Need[] = [];
  for (const join of [false, true]) {
    const pieces = piecesOf(alt, join, flags);
    pieces.forEach((piece, i) => {
      const before = edgeBefore(pieces, i, left);
      const after = edgeAfter(pieces, i, right);
      const need = piece.kind === 'strings' ? stringsNeed(piece.strings, before, after) : piece.kind === 'node' ? elementNeed(piece.node, before, after, flags) : undefined;
      if (need && !needs.some((n) => sameNeed(n, need))) needs.push(need);
    });
  }
  if (!needs.length) return undefined;
  // The rarest condition first: most texts fail it and the rest are not asked.
  needs.sort((a, b) => rarity(a) - rarity(b));
  return needs.length === 1 ? needs[0] : { all: needs };
}

function rarity(need: Need): number {
  const gate = gateOf(need);
  return gate ? breadth(gate) : Number.MAX_SAFE_INTEGER;
}

function sameNeed(a: Need, b: Need): boolean {
  return 'words' in a && 'words' in b && a.words.size === b.words.size && [...a.words].every((w) => b.words.has(w));
}

/**
 * The sequence's elements, lookarounds dropped (they consume nothing). Single strings (the letters
 * of a word) are always joined; with `join`, so are alternatives while their combinations stay few.
 */
function piecesOf(alt: AST.Alternative, join: boolean, flags: string): Piece[] {
  const pieces: Piece[] = [];
  let run: Strings | undefined;
  const flush = () => {
    if (run) pieces.push({ kind: 'strings', strings: run });
    run = undefined;
  };
  for (const element of alt.elements) {
    if (element.type === 'Assertion') {
      if (element.kind === 'lookahead' || element.kind === 'lookbehind') {
        if (excludesLetters(element, flags)) {
          flush();
          pieces.push({ kind: element.kind === 'lookbehind' ? 'boundaryBefore' : 'boundaryAfter' });
        }
        continue;
      }
      flush();
      // `\b` and `^`/`$` (line edges under the m flag) put a non-word character, or the text's
      // edge, next to a letter; `\B` says nothing usable.
      pieces.push(element.kind === 'word' && element.negate ? { kind: 'node', node: element } : { kind: 'boundary' });
      continue;
    }
    const strings = stringsOf(element);
    if (!strings) {
      flush();
      pieces.push({ kind: 'node', node: element });
      continue;
    }
    const joined = run ? product(run, strings) : strings;
    if (!joined || (!join && run && (run.length > 1 || strings.length > 1))) {
      flush();
      run = strings;
    } else run = joined;
  }
  flush();
  return pieces;
}

/** Whether a letter starting piece i must follow a non-letter (or the text's start). */
function edgeBefore(pieces: readonly Piece[], i: number, outer: boolean): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const p = pieces[j]!;
    if (p.kind === 'boundary' || p.kind === 'boundaryBefore') return true;
    if (p.kind === 'boundaryAfter') continue;
    const edge = p.kind === 'node' ? nodeEdge(p.node, 'last') : stringsEdge(p.strings, 'last');
    if (!edge.safe) return false;
    if (!edge.empty) return true;
  }
  return outer;
}

function edgeAfter(pieces: readonly Piece[], i: number, outer: boolean): boolean {
  for (let j = i + 1; j < pieces.length; j++) {
    const p = pieces[j]!;
    if (p.kind === 'boundary' || p.kind === 'boundaryAfter') return true;
    if (p.kind === 'boundaryBefore') continue;
    const edge = p.kind === 'node' ? nodeEdge(p.node, 'first') : stringsEdge(p.strings, 'first');
    if (!edge.safe) return false;
    if (!edge.empty) return true;
  }
  return outer;
}

/** Whether every non-empty match ends (or starts) with a non-letter, and whether a match can be empty. */
interface Edge {
  readonly safe: boolean;
  readonly empty: boolean;
}

function stringsEdge(strings: Strings, side: 'first' | 'last'): Edge {
  return { safe: strings.every((s) => s === '' || !isLetter(side === 'first' ? s[0]! : s.at(-1)!)), empty: strings.includes('') };
}

function nodeEdge(node: AST.Node, side: 'first' | 'last'): Edge {
  const listed = stringsOf(node);
  if (listed) return stringsEdge(listed, side);
  switch (node.type) {
    case 'CharacterSet':
      // Digits, spaces and \W are never ASCII letters.
      return { safe: node.kind === 'digit' ? !node.negate : node.kind === 'space' ? !node.negate : node.kind === 'word' && node.negate, empty: false };
    case 'CharacterClass':
      return { safe: !node.negate && !node.unicodeSets && node.elements.every((e) => (e.type === 'CharacterSet' ? e.kind === 'digit' || e.kind === 'space' ? !e.negate : false : e.type === 'Character' ? !isLetter(charOf(e.value)) : e.type === 'CharacterClassRange' && (e.max.value < 0x41 || (e.min.value > 0x5a && e.max.value < 0x61) || (e.min.value > 0x7a && e.max.value < 0x80)))), empty: false };
    case 'Quantifier': {
      const inner = nodeEdge(node.element, side);
      return { safe: inner.safe, empty: inner.empty || node.min === 0 };
    }
    case 'Group':
    case 'CapturingGroup': {
      const edges = node.alternatives.map((a) => nodeEdge(a, side));
      return { safe: edges.every((e) => e.safe), empty: edges.some((e) => e.empty) };
    }
    case 'Alternative': {
      const elements = side === 'first' ? node.elements : [...node.elements].reverse();
      for (const element of elements) {
        if (element.type === 'Assertion') continue;
        const edge = nodeEdge(element, side);
        if (!edge.safe || !edge.empty) return edge;
      }
      return { safe: true, empty: true };
    }
    default:
      return { safe: false, empty: true };
  }
}

/** Words so common they filter nothing: a string's other words are preferred. */
const COMMON = new Set(
  'a about after all also an and are as at be been but by can could did do does for from had has have he her his i if in into is it its may might more most no not now of on one only or out over said says she so some than that the their them then there these they this those to two up was we were what when which who will with would you'.split(' '),
);

/**
 * One whole word from each string (a letter run with a non-letter, or a known edge, on both sides)
 * or a mark, chosen so that as few distinct and as few common words as possible cover every string.
 */
function stringsNeed(strings: Strings, before: boolean, after: boolean): Need | undefined {
  const candidates = strings.map((s) => wholeWords(s, before, after));
  if (candidates.some((c) => !c.length)) return undefined;
  const counts = new Map<string, number>();
  for (const c of candidates) for (const w of new Set(c)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const score = (w: string) => (COMMON.has(w) ? 0 : 1e6) + counts.get(w)! * 100 + w.length;
  const chosen = new Set<string>();
  for (const c of candidates) {
    if (c.some((w) => chosen.has(w))) continue;
    chosen.add(c.reduce((best, w) => (score(w) > score(best) ? w : best)));
  }
  return { words: chosen };
}

function wholeWords(s: string, before: boolean, after: boolean): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(LETTERS)) {
    const end = m.index + m[0].length;
    if ((m.index > 0 || before) && (end < s.length || after)) out.push(m[0]);
  }
  for (const c of s) if (MARK.test(c)) out.push(c);
  return out;
}

function elementNeed(node: AST.Element, before: boolean, after: boolean, flags: string): Need | undefined {
  if (node.type === 'Group' || node.type === 'CapturingGroup') return someOf(node.alternatives.map((a) => sequenceNeed(a, before, after, flags)));
  // At least one repetition: what one needs, its edges unknown unless it is the only one.
  if (node.type === 'Quantifier' && node.min >= 1) return node.max === 1 ? elementNeed(node.element, before, after, flags) : elementNeed(node.element, false, false, flags);
  return undefined;
}

/**
 * A negative lookaround of one character class that every ASCII letter is in ("(?<![\p{L}.])",
 * "(?![\p{L}\p{N}'’-])"): no letter on that side, as with `\b`. Asked of the class itself.
 */
function excludesLetters(node: AST.LookaroundAssertion, flags: string): boolean {
  const only = node.alternatives.length === 1 && node.alternatives[0]!.elements.length === 1 ? node.alternatives[0]!.elements[0]! : undefined;
  if (!node.negate || !only || (only.type !== 'CharacterClass' && only.type !== 'CharacterSet')) return false;
  try {
    const re = new RegExp(`^${only.raw}$`, flags);
    return [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].every((c) => re.test(c));
  } catch {
    return false;
  }
}
