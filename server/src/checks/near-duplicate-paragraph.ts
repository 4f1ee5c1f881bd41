/**
 * @file Flags a paragraph that is an edited version of an earlier one: most of its word pairs
 * (bigram shingles) also appear there. Left behind when a writer revises a paragraph by pasting
 * the new version without deleting the old one.
 */
import { defineCheck } from '../core/defineCheck';
import { blockRemovalSpan } from '../core/removal';
import { exactRepeats, nearRepeats } from '../core/repeats';
import { kindName } from './duplicate-paragraph';

export default defineCheck({
  meta: {
    id: 'near-duplicate-paragraph',
    category: 'structure',
    description: 'Flag a paragraph that is nearly the same as an earlier one.',
    defaultSeverity: 'warning',
    enabledByDefault: true,
    fixable: false,
    scope: 'document',
    messages: {
      nearDuplicate: '{{percent}}% the same as the {{kind}} at line {{line}}.',
      otherVersion: 'The other version ({{percent}}% the same).',
      removeThis: 'Remove this version',
      keepThis: 'Keep this version, remove the earlier one',
    },
    // Calibrated on the Clough–Stevenson text-reuse corpus: see docs/evaluation.md.
    defaultOptions: { threshold: 0.6, minWords: 8 },
  },
  validate(options) {
    const problems: string[] = [];
    // Below 0.3 unrelated paragraphs on one story start to match (docs/evaluation.md).
    if (!(options.threshold >= 0.3 && options.threshold <= 1)) problems.push(`threshold: expected a number from 0.3 to 1, not ${options.threshold}`);
    if (!(Number.isInteger(options.minWords) && options.minWords >= 1)) problems.push(`minWords: expected a whole number of at least 1, not ${options.minWords}`);
    return problems;
  },
  *run({ text, options }) {
    const exact = new Set(exactRepeats(text, 1).map((r) => r.copy));
    for (const { copy, original, similarity } of nearRepeats(text, options.threshold, options.minWords, exact)) {
      // Read without placing the blocks (SourceTextView.layout): most are after the edit.
      const data = { percent: String(Math.floor(similarity * 100)), kind: kindName(text.layout.kindAt(original)), line: String(text.layout.lineAt(original)) };
      yield {
        messageId: 'nearDuplicate',
        data,
        span: text.layout.spanAt(copy),
        related: [{ span: text.layout.spanAt(original), messageId: 'otherVersion', data }],
        suggestions: [
          { messageId: 'removeThis', edits: [{ span: blockRemovalSpan(text, copy, copy), newText: '' }] },
          { messageId: 'keepThis', edits: [{ span: blockRemovalSpan(text, original, original), newText: '' }] },
        ],
      };
    }
  },
});
