/**
 * @file One block of a segmented draft as a draft of its own, offsets starting at 0: what a
 * paragraph-scope rule sees when the engine runs it block by block, so that its findings for an
 * unchanged paragraph can be reused after an edit elsewhere (Harper's chunk caching). The views
 * are built lazily: after a keystroke only the edited block needs one.
 */
import { computeLineStarts } from './lines';
import { composeView } from './text';
import { intern } from './textMemo';
import type { Block, SourceTextView } from './types';

export interface BlockView {
  /** The block as a draft of its own (built on first use). */
  readonly view: SourceTextView;
  /** Where the block view's offset 0 is in the draft. */
  readonly offset: number;
  /** The block's extent from `offset`, markup included. */
  readonly length: number;
  /** What the block's findings depend on: its kind and where its prose starts ('paragraph\u00000')… */
  readonly shape: string;
  /** …and its text, markup included (interned: caches find it by identity). */
  readonly text: string;
}

export function blockViews(view: SourceTextView): BlockView[] {
  return blockViewsIn(view, 0, view.layout.length);
}

/** The views of blocks `from` to `to` (exclusive): after an edit, only the blocks it touched. */
export function blockViewsIn(view: SourceTextView, from: number, to: number): BlockView[] {
  // Compared once here, not per block: equal-length strings compare character by character.
  const { text: draft, prose } = view.source;
  const allProse = prose === draft;
  const views = new Array<BlockView>(to - from);
  for (let k = from; k < to; k++) {
    // One at a time: after an edit, only the blocks it touched are placed (see SourceTextView.layout).
    const block = view.layout.at(k);
    const start = block.outer.start;
    // The block's prose when that is its whole text (plain text): already interned.
    const text = block.outer.start === block.span.start && block.outer.end === block.span.end && allProse ? block.text : intern(draft.slice(start, block.outer.end));
    views[k - from] = new LazyBlockView(view, block, text);
  }
  return views;
}

/**
 * A class, not an object literal with a getter: a literal's getter is a new closure per block,
 * and each block then had a hidden class of its own (~700 bytes a block, every whole-draft run).
 */
class LazyBlockView implements BlockView {
  readonly offset: number;
  readonly length: number;
  readonly shape: string;
  private built: SourceTextView | undefined = undefined;

  constructor(
    private readonly draft: SourceTextView,
    private readonly block: Block,
    readonly text: string,
  ) {
    this.offset = block.outer.start;
    this.length = block.outer.end - block.outer.start;
    this.shape = shapeOf(block.kind, block.span.start - block.outer.start);
  }

  get view(): SourceTextView {
    return (this.built ??= buildBlockView(this.draft, this.block));
  }
}

/** Most blocks' shape is one of a few: those strings made once, not once per block and run. */
const commonShapes = new Map<string, string>();

function shapeOf(kind: string, proseAt: number): string {
  if (proseAt !== 0) return `${kind}\u0000${proseAt}`;
  let shape = commonShapes.get(kind);
  if (shape === undefined) commonShapes.set(kind, (shape = `${kind}\u00000`));
  return shape;
}

/** One block as a draft of its own, for a document-scope rule that looks at one paragraph (the lede). */
export function viewOfBlock(view: SourceTextView, index: number): { readonly view: SourceTextView; readonly offset: number } {
  const block = view.layout.at(index);
  return { view: buildBlockView(view, block), offset: block.outer.start };
}

/**
 * Blocks `from` to `to` (exclusive) as a draft of their own: a stretch a paragraph-scope rule can
 * read in one go. Not remembered: the engine's first look gives one stretch's view to every rule
 * in turn, then lets it go.
 */
export function viewOfBlocks(view: SourceTextView, from: number, to: number): { readonly view: SourceTextView; readonly offset: number } {
  if (from === 0 && to === view.layout.length) return { view, offset: 0 };
  return buildStretch(view, from, to);
}

function buildStretch(view: SourceTextView, from: number, to: number): { readonly view: SourceTextView; readonly offset: number } {
  const all = view.blocks;
  const start = all[from]!.outer.start;
  const end = all[to - 1]!.outer.end;
  const text = view.source.text.slice(start, end);
  const lineStarts = computeLineStarts(text);
  const firstLine = all[from]!.line;
  const blocks: Block[] = [];
  for (let k = from; k < to; k++) blocks.push(localBlock(all[k]!, start, firstLine));
  return { view: composeView(text, proseOf(view, text, start, end), blocks, lineStarts), offset: start };
}

function buildBlockView(view: SourceTextView, block: Block): SourceTextView {
  const start = block.outer.start;
  const end = block.outer.end;
  const text = view.source.text.slice(start, end);
  return composeView(text, proseOf(view, text, start, end), [localBlock(block, start, block.line)], computeLineStarts(text));
}

/**
 * Block `b` as a view starting at draft offset `at` and on line `firstLine` has it: one literal
 * for the open's stretches and the keystrokes' blocks alike, in one kind of array (pushed, or a
 * literal: packed). Each was a spread of the block, and a spread's result has one map while its
 * site has no type feedback and another once it has: sentence-length's run, optimised on the
 * open's stretches, was thrown away at the first keystroke's block ("wrong map" reading its kind).
 */
function localBlock(b: Block, at: number, firstLine: number): Block {
  return {
    span: { start: b.span.start - at, end: b.span.end - at },
    outer: { start: b.outer.start - at, end: b.outer.end - at },
    line: b.line - firstLine + 1,
    text: b.text,
    kind: b.kind,
  };
}

/** The prose of [start, end): `text` itself (that slice) when the draft is all prose, so the part is all prose too. */
function proseOf(view: SourceTextView, text: string, start: number, end: number): string {
  const { source } = view;
  return source.prose === source.text ? text : source.prose.slice(start, end);
}
