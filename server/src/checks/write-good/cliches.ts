/**
 * @file Flags clichés ("perfect storm", "tip of the iceberg"): stock phrases that stand in for a
 * precise description. write-good's `cliches` check (https://github.com/btford/write-good, MIT); see
 * _adapter.ts.
 */
import { defineCheck } from '../../core/defineCheck';
import { flaggedText, writeGoodSpans } from './_adapter';

export default defineCheck({
  meta: {
    id: 'write-good/cliches',
    category: 'style',
    description: 'Flag clichés ("perfect storm", "tip of the iceberg") (write-good).',
    defaultSeverity: 'hint',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      cliche: "'{{actual}}' is a cliché: say what actually happened.",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const span of writeGoodSpans(text, 'cliches')) {
      const actual = flaggedText(text, span);
      yield { messageId: 'cliche', data: { actual }, span, actual };
    }
  },
});
