/**
 * @file Flags adverbs and fillers ("really", "just", "extremely") that pad a sentence without adding a
 * fact. write-good's `adverb` check (https://github.com/btford/write-good, MIT); see _adapter.ts.
 */
import { defineCheck } from '../../core/defineCheck';
import { flaggedText, writeGoodSpans } from './_adapter';

export default defineCheck({
  meta: {
    id: 'write-good/adverb',
    category: 'style',
    description: 'Flag adverbs and filler words that weaken a sentence ("really", "just") (write-good).',
    defaultSeverity: 'hint',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      adverb: "'{{actual}}' can weaken the sentence: cut it or use a stronger word.",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const span of writeGoodSpans(text, 'adverb')) {
      const actual = flaggedText(text, span);
      // adverb-where builds "-ly" words from stems plus "y", and its stem "man" makes "many": not an
      // adverb, and write-good/weasel reports it already.
      if (actual.toLowerCase() === 'many') continue;
      yield { messageId: 'adverb', data: { actual }, span, actual };
    }
  },
});
