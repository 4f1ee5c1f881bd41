/**
 * @file Flags an echo: the same conspicuous word or phrase used twice close together ("a
 * significant move … a significant point", "amid a backdrop of … amidst a backdrop of"). Readers
 * hear the repeat; a copy editor would vary or cut one. Only the writer can reword it, so there is
 * no fix. Common words, names, the story's own subject words and repeated paragraphs are left alone.
 */
import commonWords from '../data/common-words.json';
import descriptiveWords from '../data/descriptive-words.json';
import exemptWords from '../data/echo-exempt.json';
import { defineCheck } from '../core/defineCheck';
import { findEchoes, type Vocabulary } from '../core/echoes';
import { lineIndexAt } from '../core/lines';
import nearDuplicateParagraph from './near-duplicate-paragraph';

let vocabulary: Vocabulary | undefined;

export default defineCheck({
  meta: {
    id: 'echo',
    category: 'style',
    description: 'Flag an uncommon word or phrase repeated close together ("significant … significant").',
    defaultSeverity: 'hint',
    enabledByDefault: true,
    fixable: false,
    scope: 'document',
    messages: {
      word: "'{{actual}}' again: also at line {{line}}, {{distance}} words earlier. Vary or cut one.",
      phrase: "'{{actual}}' again: the same phrase is at line {{line}}, {{distance}} words earlier. Vary or cut one.",
      earlier: "Earlier '{{actual}}'.",
    },
    defaultOptions: {
      /** Two uses at most this many words apart echo. */
      distance: 300,
      /** A word used this many times or more is what the story is about, not an echo. */
      topicUses: 3,
    },
  },
  validate(options) {
    const problems: string[] = [];
    if (!Number.isInteger(options.distance) || options.distance < 10 || options.distance > 5000) problems.push(`distance: expected a whole number of words from 10 to 5000, not ${JSON.stringify(options.distance)}`);
    if (!Number.isInteger(options.topicUses) || options.topicUses < 3) problems.push(`topicUses: expected a whole number of at least 3, not ${JSON.stringify(options.topicUses)}`);
    return problems;
  },
  *run({ text, options }) {
    const near = nearDuplicateParagraph.meta.defaultOptions;
    const found = findEchoes(text, (vocabulary ??= buildVocabulary()), {
      distance: Number.isFinite(options.distance) ? options.distance : 300,
      topicUses: Number.isFinite(options.topicUses) ? Math.max(3, options.topicUses) : 3,
      nearThreshold: near.threshold,
      nearMinWords: near.minWords,
    });
    for (const echo of found) {
      // From the text as kept: this runs on every keystroke (SourceTextView.source).
      const actual = text.source.text.slice(echo.span.start, echo.span.end);
      const earlierText = text.source.text.slice(echo.earlier.start, echo.earlier.end);
      yield {
        messageId: echo.kind,
        data: { actual, line: String(lineIndexAt(text.lineStarts, echo.earlier.start) + 1), distance: String(echo.distance) },
        span: echo.span,
        actual,
        related: [{ span: echo.earlier, messageId: 'earlier', data: { actual: earlierText } }],
      };
    }
  },
});

function buildVocabulary(): Vocabulary {
  const common = new Set([...commonWords.groups, ...exemptWords.groups].flatMap((g) => g.words));
  const descriptive = new Set(descriptiveWords.groups.flatMap((g) => g.words));
  const isCommon = (word: string) => common.has(word) || plainerForms(word).some((w) => common.has(w));
  return { isCommon, isDescriptive: (word) => descriptive.has(word) };
}

/** Made once: a literal in the loop was 15 new arrays for every distinct word of a draft (5.8 MB of a 1 MB first look). */
const PLAINER = [
  ['ically', ['ic', 'ical']],
  ['ily', ['y']],
  ['ly', ['', 'e', 'le']],
  ['iest', ['y']],
  ['ier', ['y']],
  ['est', ['', 'e']],
  ['er', ['', 'e']],
] as const;

/**
 * The adjective behind a comparative, superlative or -ly adverb ("lowest" → "low", "widely" →
 * "wide", "happily" → "happy"): the forms of an everyday word are everyday too.
 */
function plainerForms(word: string): string[] {
  const forms: string[] = [];
  for (let k = 0; k < PLAINER.length; k++) {
    const suffix = PLAINER[k]![0];
    const replacements = PLAINER[k]![1];
    if (!word.endsWith(suffix) || word.length <= suffix.length + 2) continue;
    const stem = word.slice(0, -suffix.length);
    for (const r of replacements) forms.push(stem + r);
    // "biggest" → "big"
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) forms.push(stem.slice(0, -1));
  }
  return forms;
}
