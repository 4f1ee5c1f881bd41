/**
 * @file What the length rules count: the words of a span, as a reader counts them (a URL or an
 * address is one word, however many tokens it breaks into), and the characters of a line as a
 * reader sees them (a flag emoji or an accented letter typed as two code points is one).
 */
import { linksOf } from './protected';
import { blockSegments } from './segments';
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
  const { blocks } = view;
  // The words of the blocks the span is in, read from their offsets (core/segments.ts) rather than
  // view.words, whose objects a long draft's first look would make only for this. Words and links
  // both come in text order: one walk through each, not every link per word.
  let k = 0;
  for (let b = Math.max(0, lastAtOrBefore(blocks, span.start, (x) => x.span.start)); b < blocks.length && blocks[b]!.span.start < span.end; b++) {
    const { text, span: at } = blocks[b]!;
    const pairs = blockSegments(text).words;
    for (let i = 0; i < pairs.length; i += 2) {
      const start = at.start + pairs[i]!;
      const end = at.start + pairs[i + 1]!;
      if (start < span.start) continue;
      if (start >= span.end) break;
      while (k < links.length && links[k]!.end <= start) k++;
      const inLink = k < links.length && links[k]!.start < end;
      if (end <= span.end && !inLink) count++;
    }
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
