/**
 * @file Flags every form of "to be" (E-Prime). Off by default: far too noisy for everyday copy, useful
 * as an exercise. write-good's `eprime` check (https://github.com/btford/write-good, MIT); see
 * _adapter.ts.
 */
import { defineCheck } from '../../core/defineCheck';
import { flaggedText, writeGoodSpans } from './_adapter';

export default defineCheck({
  meta: {
    id: 'write-good/e-prime',
    category: 'style',
    description: 'Flag every form of "to be", for writers practising E-Prime (write-good; off by default).',
    defaultSeverity: 'hint',
    enabledByDefault: false,
    fixable: false,
    scope: 'paragraph',
    messages: {
      toBe: "'{{actual}}' is a form of 'to be': an active verb may say more.",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const span of writeGoodSpans(text, 'eprime')) {
      const actual = flaggedText(text, span);
      yield { messageId: 'toBe', data: { actual }, span, actual };
    }
  },
});
