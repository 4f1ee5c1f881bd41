/**
 * @file What the length rules count: the words of a span, as a reader counts them (a URL or an
 * address is one word, however many tokens it breaks into), and the characters of a line as a
 * reader sees them (a flag emoji or an accented letter typed as two code points is one).
 */
import { linksOf } from './protected';
import { lastAtOrBefore } from './spans';
import type { SourceTextView, Span } from './types';

export function wordCount(view: SourceTextView, span: Span): number {
  const all = linksOf(view);
  const links: Span[] = [];
  // Links come in text order; start from the last one opening before the span.
  for (let i = Math.max(0, lastAtOrBefore(all, span.start, (l) => l.start)); i < all.length && all[i]!.start < span.end; i++) {
    if (all[i]!.end > span.start) links.push(all[i]!);
  }
  let count = links.length;
  const { words } = view;
  // Words and links both come in text order: one walk through each, not every link per word.
  let k = 0;
  for (let i = lastAtOrBefore(words, span.start - 1, (w) => w.span.start) + 1; i < words.length; i++) {
    const w = words[i]!.span;
    if (w.start >= span.end) break;
    while (k < links.length && links[k]!.end <= w.start) k++;
    const inLink = k < links.length && links[k]!.start < w.end;
    if (w.end <= span.end && !inLink) count++;
  }
  return count;
}

let graphemes: Intl.Segmenter | undefined;

/** Characters of prose with each run of white space (markup and code blanked by the view included) counted as one. */
export function visibleLength(prose: string): number {
  const flat = prose.replace(/\s+/gu, ' ').trim();
  // Pure ASCII needs no segmenter: one unit is one character.
  if (!/[^\x00-\x7f]/u.test(flat)) return flat.length;
  return [...(graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(flat)].length;
}
