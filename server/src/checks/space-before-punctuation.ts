/**
 * @file Flags a space before a comma, full stop, semicolon, colon, question or exclamation mark
 * ("the council , which"), and removes it. Ellipses set off by spaces, emoticons, numbers and
 * file endings (".5", ".com"), French spacing (no-break spaces, or a paragraph with guillemets)
 * and code are left alone.
 */
import { defineCheck } from '../core/defineCheck';
import { spacesBeforePunctuation } from '../core/spacing';

export default defineCheck({
  meta: {
    id: 'space-before-punctuation',
    category: 'style',
    description: "Flag a space before a comma, full stop, semicolon, colon, '?' or '!'.",
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      space: "Space before '{{marks}}' after '{{word}}': remove it.",
      remove: "Remove the space before '{{marks}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const block of text.blocks) {
      for (const { space, marks } of spacesBeforePunctuation(text, block)) {
        yield {
          messageId: 'space',
          data: { marks, word: wordBefore(text.text, space.start) },
          span: { start: space.start, end: space.end + marks.length },
          fix: { messageId: 'remove', data: { marks }, edits: [{ span: space, newText: '' }] },
        };
      }
    }
  },
});

function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 20 && /\S/u.test(text.charAt(i - 1))) i--;
  return text.slice(i, at);
}
