/**
 * @file Flags weasel words ("many", "very", "significantly"): vague quantities and intensifiers that
 * sound like information and carry none. write-good's `weasel` check
 * (https://github.com/btford/write-good, MIT); see _adapter.ts.
 */
import { defineCheck } from '../../core/defineCheck';
import { flaggedText, writeGoodSpans } from './_adapter';

export default defineCheck({
  meta: {
    id: 'write-good/weasel',
    category: 'clarity',
    description: 'Flag vague words that stand in for a number or a fact ("many", "very", "significantly") (write-good).',
    defaultSeverity: 'hint',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      weasel: "'{{actual}}' is vague: give the number or the fact, or cut it.",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const span of writeGoodSpans(text, 'weasel')) {
      const actual = flaggedText(text, span);
      yield { messageId: 'weasel', data: { actual }, span, actual };
    }
  },
});
