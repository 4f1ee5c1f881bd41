/**
 * @file Flags sentences too long to read in one breath. Wire style aims at an average under 20
 * words and treats anything past 30–35 as a candidate for splitting; the limit is an option.
 */
import { defineCheck } from '../core/defineCheck';
import { wordCount } from '../core/measure';
import { quotationsOf } from '../core/protected';

export default defineCheck({
  meta: {
    id: 'sentence-length',
    category: 'clarity',
    description: 'Flag sentences longer than a set number of words (35 by default).',
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      long: 'Sentence of {{count}} words (limit {{max}}): consider splitting it.',
    },
    defaultOptions: { max: 35 },
  },
  validate({ max }) {
    return Number.isInteger(max) && max >= 5 ? [] : [`max: expected a whole number of words, at least 5, not ${max}`];
  },
  *run({ text, options }) {
    const max = Math.max(5, Math.floor(options.max));
    const quotations = quotationsOf(text);
    for (const sentence of text.sentences) {
      // A headline has its own limit (headline-length); a table cell is not a sentence; a sentence
      // wholly inside a quotation is the source's. A URL in a sentence is one word, not a reason to skip it.
      const kind = text.blocks[sentence.block]!.kind;
      if (kind === 'heading' || kind === 'table-row' || quotations.contains(sentence.span)) continue;
      const count = wordCount(text, sentence.span);
      if (count > max) {
        yield {
          messageId: 'long',
          data: { count: String(count), max: String(max) },
          span: sentence.span,
          note: 'Long sentences make readers hold too much at once. Split at a conjunction, a semicolon or a clause that can stand alone; move background to its own sentence.',
        };
      }
    }
  },
});
