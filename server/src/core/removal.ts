/**
 * @file What text to delete so that a block disappears cleanly: its whole lines and the blank lines
 * after it, or, for the last block of the draft, the blank lines before it. Nothing else changes,
 * so removing a copy leaves exactly the draft without that copy.
 */
import { lineContentEnd, lineIndexAt } from './lines';
import type { SourceTextView, Span } from './types';

/** The span that removes blocks `first`..`last` (inclusive) and their separator. */
export function blockRemovalSpan(view: SourceTextView, first: number, last: number): Span {
  const { text, lineStarts, blocks } = view;
  const startBlock = blocks[first]!;
  const endBlock = blocks[last]!;
  const firstLine = lineIndexAt(lineStarts, startBlock.outer.start);
  const lastLine = lineIndexAt(lineStarts, endBlock.outer.end);
  const prev = blocks[first - 1];
  const next = blocks[last + 1];
  const sharesLine =
    (prev && lineIndexAt(lineStarts, prev.outer.end) === firstLine) || (next && lineIndexAt(lineStarts, next.outer.start) === lastLine);
  if (sharesLine || !CONTAINER_PREFIX.test(text.slice(lineStarts[firstLine]!, startBlock.outer.start))) {
    return { start: startBlock.outer.start, end: endBlock.outer.end };
  }

  let after = lastLine + 1;
  while (after < lineStarts.length && isBlankLine(text, lineStarts, after)) after++;
  if (after < lineStarts.length) return { start: lineStarts[firstLine]!, end: lineStarts[after]! };

  // Last content of the draft: take the separator before it instead, keeping the final line break.
  let before = firstLine - 1;
  while (before >= 0 && isBlankLine(text, lineStarts, before)) before--;
  const end = lineContentEnd(text, lineStarts, lastLine);
  return before < 0 ? { start: lineStarts[firstLine]!, end } : { start: lineContentEnd(text, lineStarts, before), end };
}

/** What may stand before a block on its first line: indentation and container markers ("> ", "- ", "1. "). */
const CONTAINER_PREFIX = /^[\s>\uFEFF]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?$/u;

/** A line with nothing but spaces and block-quote markers separates blocks. */
function isBlankLine(text: string, lineStarts: readonly number[], index: number): boolean {
  return /^[\s>\uFEFF\u200B]*$/u.test(text.slice(lineStarts[index]!, lineContentEnd(text, lineStarts, index)));
}
