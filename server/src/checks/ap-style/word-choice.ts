/**
 * @file Flags word forms AP does not use where a one-word swap keeps the meaning ("amidst" → "amid",
 * "towards" → "toward", "whilst" → "while"), from a data list with the Stylebook entry for each.
 */
import list from '../../data/ap-word-choice.json';
import { matchCase } from '../../core/casing';
import { defineCheck } from '../../core/defineCheck';
import { isCapitalised, opensSentence, proseMatches, replacement } from './_shared';

interface WordChoice {
  readonly term: string;
  readonly replacement: string;
  readonly apEntry: string;
  readonly note: string;
  readonly onlyAfter?: readonly string[];
}

const entries = new Map((list.entries as readonly WordChoice[]).map((e) => [e.term, e]));
const WORDS = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${[...entries.keys()].join('|')})(?![\\p{L}\\p{N}'’-])`, 'giu');

export default defineCheck({
  meta: {
    id: 'ap-style/word-choice',
    category: 'style',
    description: "Use AP's word forms: 'amid', 'among', 'while', 'toward', 'afterward', 'backward', 'forward', 'upward', 'downward'.",
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      wordChoice: "'{{actual}}' → '{{expected}}' (AP style).",
      replace: "Replace with '{{replacement}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const { match, span, block } of proseMatches(text, WORDS)) {
      const actual = match[0];
      const entry = entries.get(actual.toLowerCase());
      if (!entry) continue;
      // "Towards Zero Trust": a capital mid-sentence is a name or a title, not the writer's word.
      if (isCapitalised(actual) && block !== 'heading' && !opensSentence(text, span.start) && actual !== actual.toUpperCase()) continue;
      if (entry.onlyAfter && !follows(text.prose, span.start, entry.onlyAfter)) continue;
      const expected = matchCase(entry.replacement, actual);
      yield {
        messageId: 'wordChoice',
        data: { actual, expected },
        span,
        actual,
        expected: [expected],
        note: `${entry.note} (AP Stylebook, ${entry.apEntry})`,
        fix: replacement('replace', span, expected),
      };
    }
  },
});

function follows(prose: string, offset: number, before: readonly string[]): boolean {
  const preceding = prose.slice(Math.max(0, offset - 40), offset).toLowerCase();
  return before.some((b) => new RegExp(`(?:^|[^\\p{L}])${b}\\s+$`, 'u').test(preceding));
}
