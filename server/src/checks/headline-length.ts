/**
 * @file Flags headlines too long for a front page, a search result or a social card, which cut
 * display text at 60–110 characters.
 */
import { defineCheck } from '../core/defineCheck';
import { visibleLength } from '../core/measure';
import { quotationsOf } from '../core/protected';

export default defineCheck({
  meta: {
    id: 'headline-length',
    category: 'structure',
    description: 'Flag headlines longer than a set number of characters (100 by default).',
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      long: 'Headline of {{count}} characters (limit {{max}}): shorten it so it is not cut off.',
    },
    defaultOptions: { maxCharacters: 100 },
  },
  validate({ maxCharacters }) {
    return Number.isInteger(maxCharacters) && maxCharacters >= 20 ? [] : [`maxCharacters: expected a whole number, at least 20, not ${maxCharacters}`];
  },
  *run({ text, options }) {
    const max = Math.max(20, Math.floor(options.maxCharacters));
    const quotations = quotationsOf(text);
    for (const block of text.blocks) {
      if (block.kind !== 'heading' || quotations.contains(block.span)) continue;
      const count = visibleLength(block.text);
      if (count > max) {
        yield {
          messageId: 'long',
          data: { count: String(count), max: String(max) },
          span: block.span,
          note: 'Search results show about 60 characters of a title, social cards about 70–100, and a front-page slot fewer still. Keep the news in the first words.',
        };
      }
    }
  },
});
