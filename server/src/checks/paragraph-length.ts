/**
 * @file Flags body paragraphs with more sentences than news style allows. Wire paragraphs are one
 * to three sentences: short blocks are read on a phone and cut from the bottom without rewriting.
 */
import { defineCheck } from '../core/defineCheck';
import { quotationsOf } from '../core/protected';

export default defineCheck({
  meta: {
    id: 'paragraph-length',
    category: 'structure',
    description: 'Flag body paragraphs with more sentences than a set number (4 by default).',
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      long: 'Paragraph of {{count}} sentences (limit {{max}}): consider breaking it up.',
    },
    defaultOptions: { maxSentences: 4 },
  },
  validate({ maxSentences }) {
    return Number.isInteger(maxSentences) && maxSentences >= 1 ? [] : [`maxSentences: expected a whole number, at least 1, not ${maxSentences}`];
  },
  *run({ text, options }) {
    const max = Math.max(1, Math.floor(options.maxSentences));
    const quotations = quotationsOf(text);
    const counts = new Map<number, number>();
    for (const s of text.sentences) counts.set(s.block, (counts.get(s.block) ?? 0) + 1);
    for (const [index, count] of counts) {
      const block = text.blocks[index]!;
      // Headlines, list items, table cells and block quotes are not body paragraphs; nor is a
      // paragraph that is one long quotation (the source's words, broken where they spoke).
      if (count <= max || block.kind !== 'paragraph' || quotations.contains(block.span)) continue;
      yield {
        messageId: 'long',
        data: { count: String(count), max: String(max) },
        span: block.span,
        note: 'News paragraphs carry one idea each, usually in one to three sentences. Break where the subject or the speaker changes.',
      };
    }
  },
});
