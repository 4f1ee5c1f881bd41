/**
 * @file Flags wordy or officialese phrases ("in order to", "prior to", "commence") that have a
 * shorter, plainer form. write-good's `tooWordy` check (https://github.com/btford/write-good, MIT);
 * see _adapter.ts.
 */
import { defineCheck } from '../../core/defineCheck';
import { flaggedText, writeGoodSpans } from './_adapter';

export default defineCheck({
  meta: {
    id: 'write-good/too-wordy',
    category: 'clarity',
    description: 'Flag wordy phrases that have a plainer form ("in order to", "prior to") (write-good).',
    defaultSeverity: 'hint',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      wordy: "'{{actual}}' is wordy: say it more plainly.",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const span of writeGoodSpans(text, 'tooWordy')) {
      const actual = flaggedText(text, span);
      yield { messageId: 'wordy', data: { actual }, span, actual };
    }
  },
});
