/**
 * @file One block of a segmented draft as a draft of its own, offsets starting at 0: what a
 * paragraph-scope rule sees when the engine runs it block by block, so that its findings for an
 * unchanged paragraph can be reused after an edit elsewhere (Harper's chunk caching). The views
 * are built lazily: after a keystroke only the edited block needs one.
 */
import { computeLineStarts } from './lines';
import { lastAtOrBefore } from './spans';
import type { Block, Segment, SourceTextView } from './types';

export interface BlockView {
  /** The block as a draft of its own (built on first use). */
  readonly view: SourceTextView;
  /** Where the block view's offset 0 is in the draft. */
  readonly offset: number;
  /** The block's extent from `offset`, markup included. */
  readonly length: number;
  /** What the block's findings depend on: its kind and its text, markup included. */
  readonly key: string;
}

export function blockViews(view: SourceTextView): BlockView[] {
  return view.blocks.map((block, index) => {
    const start = block.outer.start;
    let built: SourceTextView | undefined;
    return {
      offset: start,
      length: block.outer.end - start,
      key: `${block.kind}\u0000${block.span.start - start}\u0000${view.text.slice(start, block.outer.end)}`,
      get view() {
        return (built ??= buildBlockView(view, block, index));
      },
    };
  });
}

function buildBlockView(view: SourceTextView, block: Block, index: number): SourceTextView {
  const start = block.outer.start;
  const end = block.outer.end;
  const shift = <T extends Segment>(seg: T): T => ({ ...seg, span: { start: seg.span.start - start, end: seg.span.end - start } });
  const sentences = [];
  for (let i = Math.max(0, lastAtOrBefore(view.sentences, index - 1, (s) => s.block) + 1); i < view.sentences.length && view.sentences[i]!.block <= index; i++) {
    if (view.sentences[i]!.block === index) sentences.push({ ...shift(view.sentences[i]!), block: 0 });
  }
  const words = [];
  for (let i = Math.max(0, lastAtOrBefore(view.words, block.span.start, (w) => w.span.start)); i < view.words.length && view.words[i]!.span.start < block.span.end; i++) {
    if (view.words[i]!.span.end > block.span.start) words.push(shift(view.words[i]!));
  }
  // A quotation may run over several paragraphs: each block sees its own part of it.
  const quotes = [];
  for (let i = Math.max(0, lastAtOrBefore(view.quotes, start, (q) => q.span.start)); i < view.quotes.length && view.quotes[i]!.span.start < end; i++) {
    const quote = view.quotes[i]!;
    if (quote.span.end <= start) continue;
    const from = Math.max(quote.span.start, start);
    const to = Math.min(quote.span.end, end);
    quotes.push({ span: { start: from - start, end: to - start }, text: view.prose.slice(from, to) });
  }
  const text = view.text.slice(start, end);
  const local: Block = { ...shift(block), outer: { start: 0, end: end - start }, line: 1 };
  return { text, prose: view.prose.slice(start, end), blocks: [local], sentences, words, quotes, lineStarts: computeLineStarts(text) };
}
