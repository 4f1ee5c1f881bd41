/**
 * @file Flags passive voice ("the request has been rejected"): in news copy it can hide who acted, and
 * who acted is often the story. write-good's `passive` check (https://github.com/btford/write-good,
 * MIT); see _adapter.ts.
 */
import { defineCheck } from '../../core/defineCheck';
import { flaggedText, writeGoodSpans } from './_adapter';

export default defineCheck({
  meta: {
    id: 'write-good/passive',
    category: 'clarity',
    description: 'Flag passive voice, which can hide who acted (write-good).',
    defaultSeverity: 'hint',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      passive: "'{{actual}}' may be passive voice: say who did it, if you know.",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const span of writeGoodSpans(text, 'passive')) {
      const actual = flaggedText(text, span);
      yield { messageId: 'passive', data: { actual }, span, actual };
    }
  },
});
