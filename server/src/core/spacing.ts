/**
 * @file Stray spaces in prose: a space before a comma or full stop ("word ,"), and runs of spaces
 * between words. Shared by space-before-punctuation and double-space so that the same spaces are
 * never reported (and fixed) by both.
 */
import { isProtected } from './protected';
import type { Block, SourceTextView, Span } from './types';

export interface SpaceBeforePunctuation {
  /** The spaces to delete. */
  readonly space: Span;
  /** The punctuation after them ("," or "?!"). */
  readonly marks: string;
}

// Only from the first space of a run: tried from every space, a long run with no mark after it is
// scanned once per space (quadratic: 40,000 spaces took 5 s).
const SPACE_THEN_MARKS = /(?<![ \t])[ \t]+([,.;:!?]+)/gu;
/** What a word or a closed quotation or bracket ends with; a space after anything else is layout. */
const WORD_END = /[\p{L}\p{N}"'”’»)\]%]/u;
/** What may follow punctuation that closes a word: space, the end, or a closing quote or bracket. */
const AFTER_MARKS = /^(?:$|[\s"'”’»)\]])/u;
/** ":)", ";-)", ":D": a face, not punctuation. */
const EMOTICON = /^[-'^]?[()[\]DPpOo/|\\*3]/u;

export function spacesBeforePunctuation(view: SourceTextView, block: Block): SpaceBeforePunctuation[] {
  const { text, prose } = view;
  const found: SpaceBeforePunctuation[] = [];
  // French sets ; : ! ? off with a space; a paragraph with guillemets is taken to follow that style.
  const french = /[«»]/u.test(block.text);
  // Within the block only: searching on through the whole text from each block is quadratic.
  for (const m of text.slice(block.span.start, block.span.end).matchAll(SPACE_THEN_MARKS)) {
    const at = block.span.start + m.index;
    const markEnd = at + m[0].length;
    const space = { start: at, end: markEnd - m[1]!.length };
    const marks = m[1]!;
    if (markEnd > block.span.end || space.start === block.span.start) continue;
    // Everything from the word before to the marks must be prose the writer typed, not markup or code ("`x` .").
    if (prose.slice(space.start - 1, markEnd) !== text.slice(space.start - 1, markEnd) || !WORD_END.test(text.charAt(space.start - 1))) continue;
    const rest = prose.slice(markEnd, Math.min(block.span.end, markEnd + 3));
    if (!AFTER_MARKS.test(rest) || (/[:;]$/u.test(marks) && EMOTICON.test(rest))) continue;
    // An ellipsis is set off by spaces ("word ... word", "word . . . word").
    if (marks.startsWith('..') || (marks === '.' && /^ \./u.test(rest))) continue;
    if (french && /^[;:!?]/u.test(marks)) continue;
    if (isProtected(view, { start: space.start, end: markEnd })) continue;
    found.push({ space, marks });
  }
  return found;
}
