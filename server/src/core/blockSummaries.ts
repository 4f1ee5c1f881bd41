/**
 * @file A document-scope rule's summary of each block (comparison key, shingles, sentence keys,
 * quote marks, echo words), in block order, kept from the last draft it was asked for. Block texts
 * are interned (textMemo.ts), so the blocks at both ends whose text is the very string it was last
 * time keep their summary after a pointer comparison: a keystroke computes the edited block's
 * summary, not a memo lookup for each block of a 10,000-paragraph draft.
 */
import { BlockList } from './blockList';
import { derivationOf } from './plaintext';
import type { Block, SourceTextView } from './types';

export class BlockSummaries<T> {
  /** The blocks the summaries were last made for (their texts and kinds are what is compared). */
  private blocks: BlockList = NO_BLOCKS;
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
    // Read one by one, as the edit left them: only the blocks between its ends are placed.
    const blocks = view.layout;
    // A first look fills an array as long as the draft, as a keystroke within a paragraph fills its
    // copy: the open then runs (and V8 compiles) the code the keystrokes run, on arrays of the one
    // kind they meet (holey, any element: what no store changes). The open's own path met an empty
    // literal (small integers) where a keystroke met the open's array, and a branch the open never
    // took: thrown away at the first keystroke ("wrong map", then "insufficient type feedback").
    if (this.blocks === NO_BLOCKS) this.values = new Array<T | undefined>(blocks.length).fill(undefined) as T[];
    const { values } = this;
    const { head, tail } = alignment(this.blocks, blocks, this.byKind);
    let out: T[];
    if (values.length === blocks.length) {
      // As many blocks as before (a keystroke within a paragraph): one copy, the changed ones replaced in it.
      out = values.slice();
      for (let k = head; k < blocks.length - tail; k++) out[k] = this.compute(blocks.at(k));
    } else {
      const middle: T[] = [];
      for (let k = head; k < blocks.length - tail; k++) middle.push(this.compute(blocks.at(k)));
      // Whole stretches copied, not element by element: a 4 MB draft has 10,000 blocks.
      out = values.slice(0, head).concat(middle, values.slice(values.length - tail));
    }
    this.blocks = blocks;
    this.values = out;
    this.byView.set(view, out);
    return out;
  }

  /** Forgets every summary (the ids they hold were reset). */
  clear(): void {
    this.blocks = NO_BLOCKS;
    this.values = [];
    this.byView = new WeakMap();
  }
}

/**
 * How many blocks at the start (`head`) and at the end (`tail`) of `now` are those of `last`: the
 * same text, and the same kind when `byKind`. Every kind of summary asks with the same two
 * drafts, so the answer is kept for the last pair.
 */
function alignment(last: BlockList, now: BlockList, byKind: boolean): { head: number; tail: number } {
  const asked = lastAlignment;
  if (asked && asked.last === last && asked.now === now && asked.byKind === byKind) return asked;
  const max = Math.min(last.length, now.length);
  // Blocks an edit left alone are known equal (the same objects, or moved): only the blocks between are compared.
  const derived = derivationOf(now);
  const known = derived?.from === last ? derived : undefined;
  let head = known ? known.head : 0;
  while (head < max && now.textAt(head) === last.textAt(head) && (!byKind || now.kindAt(head) === last.kindAt(head))) head++;
  let tail = known ? Math.min(known.kept, max - head) : 0;
  for (let a = now.length - 1 - tail, b = last.length - 1 - tail; tail < max - head && now.textAt(a) === last.textAt(b) && (!byKind || now.kindAt(a) === last.kindAt(b)); a--, b--) tail++;
  lastAlignment = { last, now, byKind, head, tail };
  return lastAlignment;
}

let lastAlignment: { last: BlockList; now: BlockList; byKind: boolean; head: number; tail: number } | undefined;

const NO_BLOCKS = BlockList.of([]);
