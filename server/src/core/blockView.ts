/**
 * @file One block of a segmented draft as a draft of its own, offsets starting at 0: what a
 * paragraph-scope rule sees when the engine runs it block by block, so that its findings for an
 * unchanged paragraph can be reused after an edit elsewhere (Harper's chunk caching).
 */
import { computeLineStarts } from './lines';
import type { Block, Segment, SourceTextView } from './types';

export interface BlockView {
  readonly view: SourceTextView;
  /** Where the block view's offset 0 is in the draft. */
  readonly offset: number;
  /** What the block's findings depend on: its kind and its text, markup included. */
  readonly key: string;
}

/**
 * Views of every block, built from the draft's segmentation in one pass (sentences, words and
 * quotations are sorted, so each block takes its own run of them).
 */
export function blockViews(view: SourceTextView): BlockView[] {
  const out: BlockView[] = [];
  let s = 0;
  let w = 0;
  let q = 0;
  view.blocks.forEach((block, index) => {
    const start = block.outer.start;
    const end = block.outer.end;
    const shift = <T extends Segment>(seg: T): T => ({ ...seg, span: { start: seg.span.start - start, end: seg.span.end - start } });
    const sentences = [];
    while (s < view.sentences.length && view.sentences[s]!.block < index) s++;
    for (let i = s; i < view.sentences.length && view.sentences[i]!.block === index; i++) sentences.push({ ...shift(view.sentences[i]!), block: 0 });
    while (w < view.words.length && view.words[w]!.span.end <= block.span.start) w++;
    const words = [];
    for (let i = w; i < view.words.length && view.words[i]!.span.start < block.span.end; i++) words.push(shift(view.words[i]!));
    // A quotation may run over several paragraphs: each block sees its own part of it.
    while (q < view.quotes.length && view.quotes[q]!.span.end <= start) q++;
    const quotes = [];
    for (let i = q; i < view.quotes.length && view.quotes[i]!.span.start < end; i++) {
      const quote = view.quotes[i]!;
      const from = Math.max(quote.span.start, start);
      const to = Math.min(quote.span.end, end);
      quotes.push({ span: { start: from - start, end: to - start }, text: view.prose.slice(from, to) });
    }
    const text = view.text.slice(start, end);
    const local: Block = { ...shift(block), outer: { start: 0, end: end - start }, line: 1 };
    out.push({
      view: { text, prose: view.prose.slice(start, end), blocks: [local], sentences, words, quotes, lineStarts: computeLineStarts(text) },
      offset: start,
      key: `${block.kind}\u0000${block.span.start - start}\u0000${text}`,
    });
  });
  return out;
}
