/**
 * @file A document-scope rule's summary of each block (comparison key, shingles, sentence keys,
 * quote marks, echo words), in block order, kept from the last draft it was asked for. Block texts
 * are interned (textMemo.ts), so the blocks at both ends whose text is the very string it was last
 * time keep their summary after a pointer comparison: a keystroke computes the edited block's
 * summary, not a memo lookup for each block of a 10,000-paragraph draft.
 */
import type { Block, SourceTextView } from './types';

export class BlockSummaries<T> {
  /** The blocks the summaries were last made for (their texts and kinds are what is compared). */
  private blocks: readonly Block[] = [];
  private values: readonly T[] = [];
  private byView = new WeakMap<SourceTextView, readonly T[]>();

  /**
   * @param compute one block's summary, remembered by its text (each caller's own TextMemo): a
   *   block that moved or came back is found there
   * @param byKind whether the summary also depends on the block's kind (a block quote's words are all quoted)
   */
  constructor(
    private readonly compute: (block: Block) => T,
    private readonly byKind = false,
  ) {}

  /** The summary of every block of `view`, in block order (one array per view, shared by every rule that asks). */
  of(view: SourceTextView): readonly T[] {
    const known = this.byView.get(view);
    if (known) return known;
    const { blocks } = view;
    const { values, byKind } = this;
    const last = this.blocks;
    const same = (b: Block, k: number): boolean => b.text === last[k]!.text && (!byKind || b.kind === last[k]!.kind);
    const max = Math.min(blocks.length, last.length);
    let head = 0;
    while (head < max && same(blocks[head]!, head)) head++;
    let tail = 0;
    while (tail < max - head && same(blocks[blocks.length - 1 - tail]!, last.length - 1 - tail)) tail++;
    const out = new Array<T>(blocks.length);
    for (let k = 0; k < head; k++) out[k] = values[k]!;
    for (let k = head; k < blocks.length - tail; k++) out[k] = this.compute(blocks[k]!);
    for (let j = 1; j <= tail; j++) out[blocks.length - j] = values[values.length - j]!;
    this.blocks = blocks;
    this.values = out;
    this.byView.set(view, out);
    return out;
  }

  /** Forgets every summary (the ids they hold were reset). */
  clear(): void {
    this.blocks = [];
    this.values = [];
    this.byView = new WeakMap();
  }
}
