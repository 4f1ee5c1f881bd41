/**
 * @file Flags two or more spaces between words, and after a full stop (a typewriter habit: AP and
 * every news website set one space). Only spaces between two typed characters on one line count:
 * indentation, Markdown's trailing-space line break, code and tables keep theirs.
 */
import { defineCheck } from '../core/defineCheck';
import { isProtected } from '../core/protected';
import { spacesBeforePunctuation } from '../core/spacing';
import type { Block, SourceTextView } from '../core/types';

const RUN = / {2,}/gu;
/** A list marker at the start of a line ("1.  First", "-  item"): the spaces after it are layout. */
const LIST_MARKER = /^[ \t]*(?:\d{1,3}[.)]|[-*•+]|\(?[a-z]\))$/u;

export default defineCheck({
  meta: {
    id: 'double-space',
    category: 'style',
    description: 'Flag two or more spaces between words or after a full stop.',
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      between: "{{count}} spaces between '{{left}}' and '{{right}}': use one.",
      afterSentence: "{{count}} spaces after '{{left}}': use one after a full stop (AP style).",
      fix: 'Replace with one space',
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const block of text.blocks) {
      if (block.kind === 'table-row' || alignedColumns(text.text, block)) continue;
      // "word  ," is space-before-punctuation's: one finding, one fix for the same spaces.
      const beforePunctuation = new Set(spacesBeforePunctuation(text, block).map((s) => s.space.start));
      // Searched within the block only: a search from the block's start through the whole text would
      // run on to the next double space anywhere, once per block (quadratic on a long, tidy draft).
      for (const m of text.text.slice(block.span.start, block.span.end).matchAll(RUN)) {
        const span = { start: block.span.start + m.index, end: block.span.start + m.index + m[0].length };
        if (span.end >= block.span.end || beforePunctuation.has(span.start) || !betweenTyped(text, span.start, span.end)) continue;
        if (afterListMarker(text.text, span.start, block)) continue;
        if (isProtected(text, span)) continue;
        const left = wordBefore(text.text, span.start);
        const right = wordAfter(text.text, span.end);
        yield {
          messageId: /[.!?]["'”’)\]]*$/u.test(left) ? 'afterSentence' : 'between',
          data: { count: String(m[0].length), left, right },
          span,
          fix: { messageId: 'fix', edits: [{ span, newText: ' ' }] },
        };
      }
    }
  },
});

/** Both neighbours are visible characters the writer typed as prose (not blanked markup or code). */
function betweenTyped(view: SourceTextView, start: number, end: number): boolean {
  const before = view.text.charAt(start - 1);
  const after = view.text.charAt(end);
  return /\S/u.test(before) && /\S/u.test(after) && view.prose.charAt(start - 1) === before && view.prose.charAt(end) === after;
}

/**
 * Whether the run's line holds only a list marker before it, perhaps indented. Read backwards a
 * few characters only: finding the line's start for every run costs the whole line each time
 * (quadratic on a long line full of double spaces).
 */
function afterListMarker(text: string, at: number, block: Block): boolean {
  let start = at;
  // No marker is longer than four characters ("123.", "(a)").
  while (start > block.span.start && at - start <= 4 && !/[ \t\n\r]/u.test(text.charAt(start - 1))) start--;
  let indent = start;
  while (indent > block.span.start && (text.charAt(indent - 1) === ' ' || text.charAt(indent - 1) === '\t')) indent--;
  const lineStart = indent === block.span.start || text.charAt(indent - 1) === '\n' || text.charAt(indent - 1) === '\r';
  return lineStart && LIST_MARKER.test(text.slice(indent, at));
}

/**
 * A plain-text table or aligned list: two lines of the block with a run of spaces ending at the
 * same column. Spaces there line up columns, and collapsing them would break the layout.
 */
function alignedColumns(text: string, block: Block): boolean {
  const lines = text.slice(block.span.start, block.span.end).split(/\r\n|\r|\n/u);
  if (lines.length < 2) return false;
  const seen = new Set<number>();
  for (const line of lines) {
    for (const m of line.matchAll(/ {2,}(?=\S)/gu)) {
      const column = m.index + m[0].length;
      if (seen.has(column)) return true;
      seen.add(column);
    }
  }
  return false;
}

function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 20 && /\S/u.test(text.charAt(i - 1))) i--;
  return text.slice(i, at);
}

function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && i - at < 20 && /\S/u.test(text.charAt(i))) i++;
  return text.slice(at, i);
}
