/**
 * @file Flags a lede (the story's first paragraph) too long to take in at a glance. Wire desks aim
 * for 25–35 words: one sentence, one news point, the rest further down.
 */
import { viewOfBlock } from '../core/blockView';
import { defineCheck } from '../core/defineCheck';
import { wordCount } from '../core/measure';
import { quotationsOf } from '../core/protected';
import type { SourceTextView } from '../core/types';

export default defineCheck({
  meta: {
    id: 'lede-length',
    category: 'structure',
    description: "Flag a lede (the story's first paragraph) longer than a set number of words (40 by default).",
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: false,
    scope: 'document',
    messages: {
      long: 'Lede of {{count}} words (limit {{max}}): keep the first paragraph to the one main point.',
    },
    defaultOptions: { maxWords: 40 },
  },
  validate({ maxWords }) {
    return Number.isInteger(maxWords) && maxWords >= 10 ? [] : [`maxWords: expected a whole number of words, at least 10, not ${maxWords}`];
  },
  *run({ text, options }) {
    const max = Math.max(10, Math.floor(options.maxWords));
    const index = ledeIndex(text);
    if (index === undefined) return;
    const { span } = text.layout.at(index);
    // The lede alone, not the whole draft's quotations and words: this runs on every keystroke.
    const lede = viewOfBlock(text, index);
    const local = lede.view.blocks[0]!.span;
    if (quotationsOf(lede.view).contains(local)) return;
    const count = wordCount(lede.view, local);
    if (count > max) {
      yield {
        messageId: 'long',
        data: { count: String(count), max: String(max) },
        span,
        note: 'The lede tells the one thing a reader must know: who did what, when, where. Move the second point, background and qualifications to the following paragraphs.',
      };
    }
  },
});

/**
 * The first paragraph after the headline. The headline is the first heading if at most one
 * paragraph (a kicker, slug or summary line) stands above it; a heading further down is a
 * subhead, and then the draft has no headline and its first paragraph is the lede. Headings right
 * after the headline (a repeated headline, a dek set as a heading, a byline) are passed over.
 */
export function ledeIndex(view: SourceTextView): number | undefined {
  // A walk that stops at the headline, not a list of every paragraph: this runs on every keystroke.
  // Kinds read without placing the blocks (SourceTextView.layout).
  const blocks = view.layout;
  let first = -1;
  let before = 0;
  for (let i = 0; i < blocks.length; i++) {
    const kind = blocks.kindAt(i);
    if (kind === 'heading') {
      if (before > 1) return first;
      for (let j = i + 1; j < blocks.length; j++) if (blocks.kindAt(j) === 'paragraph') return j;
      return undefined;
    }
    if (kind === 'paragraph' && before++ === 0) first = i;
  }
  return first < 0 ? undefined : first;
}
