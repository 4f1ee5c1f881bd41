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
  // A few lines around the blocks are read: the whole draft is not put together (SourceTextView.source),
  // nor are its blocks placed (SourceTextView.layout), only their ends read.
  const { lineStarts, layout } = view;
  const text = view.source.text;
  const start = layout.outerStartAt(first);
  const end = layout.outerEndAt(last);
  const firstLine = lineIndexAt(lineStarts, start);
  const lastLine = lineIndexAt(lineStarts, end);
  const sharesLine =
    (first > 0 && lineIndexAt(lineStarts, layout.outerEndAt(first - 1)) === firstLine) || (last + 1 < layout.length && lineIndexAt(lineStarts, layout.outerStartAt(last + 1)) === lastLine);
  if (sharesLine || !CONTAINER_PREFIX.test(text.slice(lineStarts[firstLine]!, start))) {
    return { start, end };
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
