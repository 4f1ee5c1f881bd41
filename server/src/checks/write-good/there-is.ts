/**
 * @file Flags sentences that open with "There is" / "There are", which push the subject back.
 * write-good's `thereIs` check (https://github.com/btford/write-good, MIT); see _adapter.ts.
 */
import { defineCheck } from '../../core/defineCheck';
import { flaggedText, writeGoodSpans } from './_adapter';

export default defineCheck({
  meta: {
    id: 'write-good/there-is',
    category: 'clarity',
    description: 'Flag sentences that open with "There is" or "There are" (write-good).',
    defaultSeverity: 'hint',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      thereIs: "'{{actual}}' delays the subject: start with who or what.",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const span of writeGoodSpans(text, 'thereIs')) {
      const actual = flaggedText(text, span);
      yield { messageId: 'thereIs', data: { actual }, span, actual };
    }
  },
});
