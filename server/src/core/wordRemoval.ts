/**
 * @file Removing one word from a sentence without leaving debris: the comma pair around an aside
 * ("The plan, obviously, failed" → "The plan failed"), the comma after an opener, the doubled
 * space, and the capital a sentence-opening word leaves behind ("Sadly, the…" → "The…").
 */
import { lastAtOrBefore } from './spans';
import type { SourceTextView, Span, TextEdit } from './types';

export function wordRemovalEdit(view: SourceTextView, span: Span): TextEdit {
  // Only the word's own block, as the rule sees it when it runs block by block (BlockCache):
  // reading the spaces after the paragraph gave a different edit on a first look than after a keystroke.
  const block = view.blocks[lastAtOrBefore(view.blocks, span.start, (b) => b.outer.start)];
  const text = block ? view.text.slice(0, Math.max(block.outer.end, span.end)) : view.text;
  const floor = block ? Math.min(block.outer.start, span.start) : 0;
  const sentence = view.sentences[lastAtOrBefore(view.sentences, span.start, (s) => s.span.start)];
  const opensSentence = sentence !== undefined && sentence.span.end >= span.end && /^["'“‘(\s]*$/u.test(text.slice(sentence.span.start, span.start));
  let end = span.end;
  if (text.charAt(end) === ',') end++;
  const spaceAfter = /^[ \t]+/.exec(text.slice(end, end + 20))?.[0].length ?? 0;

  if (opensSentence) {
    end += spaceAfter;
    const next = text.charAt(end);
    return next && next !== next.toUpperCase() ? { span: { start: span.start, end: end + 1 }, newText: next.toUpperCase() } : { span: { start: span.start, end }, newText: '' };
  }
  if (span.start - 2 >= floor && text.slice(span.start - 2, span.start) === ', ' && text.charAt(span.end) === ',') return { span: { start: span.start - 2, end: span.end + 1 }, newText: '' };
  if (spaceAfter > 0 && end === span.end) return { span: { start: span.start, end: end + spaceAfter }, newText: '' };
  // Before punctuation or a line break: take the space before the word instead.
  let start = span.start;
  while (start > floor && /[ \t]/.test(text.charAt(start - 1))) start--;
  return { span: { start, end: span.end }, newText: '' };
}
