/**
 * @file What text to delete so that a block disappears cleanly: its whole lines and one of the
 * separators around it (the line breaks and blank lines between it and its neighbours), so no
 * blank-line debris is left and nothing else changes. It takes the smaller separator, keeping the
 * larger break that usually marks structure ("Headline\n\nCopy of headline\nLede" keeps the
 * blank line after the headline); on a tie, the one before it, which keeps the draft's final line
 * break. Removals of two neighbouring blocks can claim the same separator: fixes.ts applies such
 * sets in passes.
 */
import type { DraftText } from './draftText';
import { lineContentEnd, lineIndexAt } from './lines';
import type { SourceTextView, Span } from './types';

/** The span that removes blocks `first`..`last` (inclusive) and their separator. */
export function blockRemovalSpan(view: SourceTextView, first: number, last: number): Span {
  // A few lines around the blocks are read: the whole draft is not put together (SourceTextView.source).
  const { lineStarts, blocks } = view;
  const text = view.source.text;
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
  let before = firstLine - 1;
  while (before >= 0 && isBlankLine(text, lineStarts, before)) before--;
  let after = lastLine + 1;
  while (after < lineStarts.length && isBlankLine(text, lineStarts, after)) after++;
  const hasBefore = before >= 0;
  const hasAfter = after < lineStarts.length;
  const takeBefore = hasBefore && (!hasAfter || firstLine - before <= after - lastLine);
  if (takeBefore) return { start: lineContentEnd(text, lineStarts, before), end: lineContentEnd(text, lineStarts, lastLine) };
  return { start: lineStarts[firstLine]!, end: hasAfter ? lineStarts[after]! : text.length };
}

/** What may stand before a block on its first line: indentation and container markers ("> ", "- ", "1. "). */
const CONTAINER_PREFIX = /^[\s>\uFEFF]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?$/u;

/** A line with nothing but spaces and block-quote markers separates blocks. */
function isBlankLine(text: DraftText, lineStarts: readonly number[], index: number): boolean {
  // Read character by character, not sliced out: a paragraph's line is read up to its first letter
  // (duplicate-paragraph asks this of every copy on every keystroke).
  for (let i = lineStarts[index]!, end = lineContentEnd(text, lineStarts, index); i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? !ASCII_BLANK.test(String.fromCharCode(c)) : !OTHER_BLANK.test(String.fromCharCode(c))) return false;
  }
  return true;
}

const ASCII_BLANK = /^[\s>]$/u;
/** One UTF-16 unit: \s holds no character outside the BMP, so half a surrogate pair is never blank, as before. */
const OTHER_BLANK = /^[\s\uFEFF\u200B]$/u;
