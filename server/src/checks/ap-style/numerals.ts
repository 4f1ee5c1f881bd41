/**
 * @file AP numerals: spell out one through nine in a plain count ("3 ships" → "three ships"), use
 * figures for 10 and above ("twelve" → "12") and always for percentages, ages and millions ("five
 * percent" → "5 percent"), and spell out a number that starts a sentence (years excepted).
 * Headlines (AP uses figures there) and tables are left alone; anything that may be a label,
 * measure, score or age keeps its figure.
 */
import { defineCheck } from '../../core/defineCheck';
import { isProtected } from '../../core/protected';
import type { Report, SourceTextView } from '../../core/types';
import { AGE_UNITS, FIGURE_LABELS, FIGURE_ONLY_UNITS, FIGURE_UNITS, NOT_A_COUNT_AFTER_HYPHEN, OPENERS, SINGULAR_VERBS } from './_numeralContext';
import { NUMBER_WORD, SMALL_WORD, TEN_PLUS_WORD, numberToWords, wordsToNumber } from './_numbers';
import { blockBounds, blockKindAt, isCapitalised, opensSentence, proseMatches, replacement, wordBefore } from './_shared';

type Id = 'spellOut' | 'figures' | 'figuresUnit' | 'sentenceStart' | 'sentenceStartRecast' | 'replace';

const SMALL_FIGURE = /(?<![\p{L}\p{N}$£€¥#.,:/\\'’+\-–—])[1-9](?![\p{L}\p{N}.,:/\\%°'’×\-–—])/gu;
const BIG_WORD = new RegExp(`(?<![\\p{L}\\p{N}'’-])${TEN_PLUS_WORD}(?![\\p{L}\\p{N}'’])`, 'gu');
const SMALL_WORD_BEFORE_UNIT = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])${SMALL_WORD}(?=\\s+(?:${FIGURE_ONLY_UNITS})(?![\\p{L}])|\\s+(?:years?|months?|weeks?|days?)\\s+old\\b|-(?:years?|months?|weeks?|days?)-old\\b)`,
  'gu',
);
const FIGURE_AT_START = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/u;
const SKIP = ['heading', 'table-row'] as const;

export default defineCheck({
  meta: {
    id: 'ap-style/numerals',
    category: 'style',
    description: "Spell out one through nine and use figures for 10 and above, with AP's exceptions (ages, percentages, money, measures, sentence starts).",
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      spellOut: "'{{actual}}' → '{{expected}}': AP spells out one through nine.",
      figures: "'{{actual}}' → '{{expected}}': AP uses figures for 10 and above.",
      figuresUnit: "'{{actual}}' → '{{expected}}': AP uses figures for ages, percentages, cents and millions.",
      sentenceStart: "'{{actual}}' starts a sentence: AP spells it out ('{{expected}}').",
      sentenceStartRecast: "'{{actual}}' starts a sentence: AP spells out a number there, or recasts the sentence (years excepted).",
      replace: "Replace with '{{replacement}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    yield* sentenceStarts(text);
    const { prose } = text;
    for (const { match, span } of proseMatches(text, SMALL_FIGURE, SKIP)) {
      if (opensSentence(text, span.start) || !plainCount(text, span.start, span.end)) continue;
      const expected = numberToWords(Number(match[0]))!;
      yield report('spellOut', match[0], expected, span);
    }
    for (const { match, span } of proseMatches(text, BIG_WORD, SKIP)) {
      const actual = match[0];
      if (isCapitalised(actual) || opensSentence(text, span.start) || !countWordInContext(prose, span.start, span.end)) continue;
      const n = wordsToNumber(actual);
      if (n !== undefined) yield report('figures', actual, String(n), span);
    }
    for (const { match, span } of proseMatches(text, SMALL_WORD_BEFORE_UNIT, SKIP)) {
      if (isCapitalised(match[0]) || opensSentence(text, span.start)) continue;
      yield report('figuresUnit', match[0], String(wordsToNumber(match[0])), span);
    }
  },
});

function report(messageId: Exclude<Id, 'replace' | 'sentenceStartRecast'>, actual: string, expected: string, span: { start: number; end: number }): Report<Id> {
  return { messageId, data: { actual, expected }, span, actual, expected: [expected], fix: replacement('replace', span, expected) };
}

/** A figure 1–9 followed by a lowercase noun that is not a unit, and not after a label or age word. */
function plainCount(view: SourceTextView, start: number, end: number): boolean {
  const { prose } = view;
  const next = /^ (\p{Ll}[\p{L}'’]*)(\.\p{L})?(?:\s+(\p{L}+))?(?:\s+(\p{L}+))?/u.exec(prose.slice(end, end + 60));
  if (!next) return false;
  const [, noun, dot, after, afterThat] = next;
  if (dot || noun!.length < 2 || FIGURE_UNITS.has(noun!) || SINGULAR_VERBS.has(noun!)) return false;
  if (AGE_UNITS.has(noun!) && (after === 'old' || (after === 'of' && afterThat === 'age'))) return false;
  const before = wordBefore(prose, start);
  // A capital is a label or a name ("Route 9", "Halo 2"), unless a plain word opens the sentence ("Only 3 ships").
  const labelled = isCapitalised(before) && !(OPENERS.has(before.toLowerCase()) && opensSentence(view, prose.lastIndexOf(before, start)));
  if (labelled || FIGURE_LABELS.has(before.toLowerCase()) || /\d/u.test(before)) return false;
  // The second figure of a score, ratio or range ("won 3 to 2", "1 in 5", "between 2 and 4").
  return !/\d\s*(?:to|and|or|in|of|out of|by|x|-|–)\s*$/u.test(prose.slice(Math.max(0, start - 12), start));
}

/** A number word from ten up that counts something: a noun or a compound follows, no bigger number around it. */
function countWordInContext(prose: string, start: number, end: number): boolean {
  const before = wordBefore(prose, start).toLowerCase();
  if (['hundred', 'thousand', 'in', 'of', 'point'].includes(before) || new RegExp(`^${NUMBER_WORD}$`, 'u').test(before)) return false;
  if (/(?:hundred|thousand) and\s+$/u.test(prose.slice(Math.max(0, start - 20), start))) return false;
  const rest = prose.slice(end, end + 40);
  const hyphenated = /^-(\p{L}+)/u.exec(rest);
  if (hyphenated) return !NOT_A_COUNT_AFTER_HYPHEN.has(hyphenated[1]!.toLowerCase()) && wordsToNumber(hyphenated[1]!) === undefined;
  const next = /^ (\p{Ll}+)(?![\p{L}'’]|\.\p{L})/u.exec(rest)?.[1];
  return next !== undefined && !['to', 'and', 'or', 'hundred', 'thousand', 'by', 'x'].includes(next) && wordsToNumber(next) === undefined;
}

/** "12 ships sank." → "Twelve ships sank."; bigger numbers are recast by hand. Years and list numbers are fine. */
function* sentenceStarts(view: SourceTextView): Iterable<Report<Id>> {
  for (const sentence of view.sentences) {
    const lead = /^["'“‘(\[]*/u.exec(sentence.text)![0].length;
    const m = FIGURE_AT_START.exec(sentence.text.slice(lead));
    if (!m) continue;
    const start = sentence.span.start + lead;
    const span = { start, end: start + m[0].length };
    // Within the paragraph: "5" alone, then "so-called…" in the next one, is not "5 so-called".
    const after = view.prose.slice(span.end, Math.min(span.end + 20, blockBounds(view, start).end));
    // "2024 was…" (AP's exception), "1. Point one", "1990s", "3D", "10 a.m. is…"
    if (/^\d{4}$/u.test(m[0]) || /^(?:[.):/\]]|['’]?s\b|\p{L})/u.test(after) || /^\s?[ap]\.?m\b/iu.test(after)) continue;
    const kind = blockKindAt(view, start);
    if (kind === undefined || (SKIP as readonly string[]).includes(kind) || isProtected(view, span)) continue;
    const n = Number(m[0]);
    // "3 Lleyton Hewitt (Australia)", "50 Cent": a ranking line or a name, not a count.
    if (/^\s+\p{Lu}/u.test(after) || SINGULAR_VERBS.has(/^\s+(\p{L}+)/u.exec(after)?.[1] ?? '')) continue;
    const words = /^\d{1,2}$/u.test(m[0]) && n > 0 && /^(?:\s+\p{L}|%|-\p{L})/u.test(after) ? numberToWords(n) : undefined;
    if (words === undefined) {
      yield { messageId: 'sentenceStartRecast', data: { actual: m[0] }, span, actual: m[0] };
      continue;
    }
    const expected = words.charAt(0).toUpperCase() + words.slice(1);
    yield { messageId: 'sentenceStart', data: { actual: m[0], expected }, span, actual: m[0], expected: [expected], fix: replacement('replace', span, expected) };
  }
}
