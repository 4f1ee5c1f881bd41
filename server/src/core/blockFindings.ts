/**
 * @file Every paragraph-scope finding of one draft in text order, block by block, kept from one
 * keystroke to the next and patched in place: the blocks an edit left alone keep their entries
 * (those after it moved by the edit's change in length, in one tight loop over flat arrays), and
 * only the edited blocks' findings are written again. Rebuilding the 27,000 entries of a 4 MB
 * draft on every keystroke cost fresh arrays of several hundred kilobytes each time, which this VM
 * pays for in page faults and the garbage collector in major collections.
 */
import { codeOf } from './findingList';
import type { Finding } from './types';

export class BlockFindings {
  /** Entries in use; the arrays have room for more. */
  length = 0;
  /** The findings as kept (relative to their block): `stored[i]` is placed in the draft by `shifts[i]`. */
  stored: Finding[];
  shifts: Int32Array;
  /** Draft offsets: `spans[2i]` to `spans[2i + 1]`. */
  spans: Int32Array;
  codes: Uint16Array;
  /** Blocks in use; `firsts[k]` is the index of block k's first entry, `firsts[blocks]` the length. */
  blocks = 0;
  firsts: Int32Array;

  private constructor(capacity: number, blockCapacity: number) {
    this.stored = new Array<Finding>(capacity);
    this.shifts = new Int32Array(capacity);
    this.spans = new Int32Array(2 * capacity);
    this.codes = new Uint16Array(capacity);
    this.firsts = new Int32Array(blockCapacity + 1);
  }

  /** The bundles of every block (`bundles[k]` relative to `offsets[k]`, each sorted, blocks in text order). */
  static of(bundles: readonly (readonly Finding[])[], offsets: ArrayLike<number>): BlockFindings {
    let n = 0;
    for (const bundle of bundles) n += bundle.length;
    const table = new BlockFindings(withRoom(n), withRoom(bundles.length));
    table.write(0, 0, bundles, offsets);
    table.length = n;
    table.blocks = bundles.length;
    return table;
  }

  /** A copy to patch while this one stays as it is (a run that may yet be cancelled). */
  clone(): BlockFindings {
    const copy = new BlockFindings(this.length, this.blocks);
    for (let i = 0; i < this.length; i++) copy.stored[i] = this.stored[i]!;
    copy.shifts.set(this.shifts.subarray(0, this.length));
    copy.spans.set(this.spans.subarray(0, 2 * this.length));
    copy.codes.set(this.codes.subarray(0, this.length));
    copy.firsts.set(this.firsts.subarray(0, this.blocks + 1));
    copy.length = this.length;
    copy.blocks = this.blocks;
    return copy;
  }

  /**
   * After an edit: the first `head` blocks stay, the last `tail` move by `delta`, and the blocks
   * between are replaced by `middle` (bundles relative to `offsets`, new draft offsets).
   */
  patch(head: number, tail: number, middle: readonly (readonly Finding[])[], offsets: ArrayLike<number>, delta: number): this {
    const { length: n, blocks } = this;
    if (head + tail > blocks) throw new Error(`patch keeps ${head} + ${tail} of ${blocks} blocks`);
    const from = this.firsts[head]!;
    const tailAt = this.firsts[blocks - tail]!;
    let count = 0;
    for (const bundle of middle) count += bundle.length;
    const moved = from + count - tailAt;
    const length = n + moved;
    const blockCount = head + middle.length + tail;
    this.reserve(length, blockCount);
    const { stored, shifts, spans, codes, firsts } = this;
    // The tail's entries, to where they now start, then moved in the draft.
    if (moved) {
      if (moved > 0) for (let i = n - 1; i >= tailAt; i--) stored[i + moved] = stored[i]!;
      else for (let i = tailAt; i < n; i++) stored[i + moved] = stored[i]!;
      shifts.copyWithin(tailAt + moved, tailAt, n);
      spans.copyWithin(2 * (tailAt + moved), 2 * tailAt, 2 * n);
      codes.copyWithin(tailAt + moved, tailAt, n);
      // Not kept alive by a slot past the end.
      for (let i = length; i < n; i++) stored[i] = undefined as unknown as Finding;
    }
    if (head + middle.length !== blocks - tail) firsts.copyWithin(head + middle.length, blocks - tail, blocks + 1);
    if (delta) {
      for (let i = tailAt + moved; i < length; i++) shifts[i]! += delta;
      for (let i = 2 * (tailAt + moved); i < 2 * length; i++) spans[i]! += delta;
    }
    if (moved) for (let k = head + middle.length; k <= blockCount; k++) firsts[k]! += moved;
    this.write(from, head, middle, offsets);
    this.length = length;
    this.blocks = blockCount;
    return this;
  }

  /** Block `k`'s findings relative to the block, as they were given. */
  bundle(k: number): Finding[] {
    return this.stored.slice(this.firsts[k]!, this.firsts[k + 1]!);
  }

  /** Writes `bundles` from entry `at` and block `block` on, and where the next block starts (the entries after are in place already). */
  private write(at: number, block: number, bundles: readonly (readonly Finding[])[], offsets: ArrayLike<number>): void {
    const { stored, shifts, spans, codes, firsts } = this;
    let i = at;
    for (let k = 0; k < bundles.length; k++) {
      firsts[block + k] = i;
      const bundle = bundles[k]!;
      const by = offsets[k]!;
      for (let j = 0; j < bundle.length; j++, i++) {
        const f = bundle[j]!;
        stored[i] = f;
        shifts[i] = by;
        spans[2 * i] = f.span.start + by;
        spans[2 * i + 1] = f.span.end + by;
        codes[i] = codeOf(f);
      }
    }
    firsts[block + bundles.length] = i;
  }

  /** Room for `length` entries and `blocks` blocks, moving to larger arrays (with room to spare) only when needed. */
  private reserve(length: number, blocks: number): void {
    if (length > this.shifts.length) {
      const capacity = withRoom(length);
      this.stored.length = capacity;
      this.shifts = grown(this.shifts, new Int32Array(capacity));
      this.spans = grown(this.spans, new Int32Array(2 * capacity));
      this.codes = grown(this.codes, new Uint16Array(capacity));
    }
    if (blocks + 1 > this.firsts.length) this.firsts = grown(this.firsts, new Int32Array(withRoom(blocks) + 1));
  }
}

/** Some room to grow: a few hundred findings or blocks more need no new arrays. */
function withRoom(n: number): number {
  return n + (n >> 4) + 64;
}

function grown<T extends Int32Array | Uint16Array>(old: T, into: T): T {
  into.set(old as never);
  return into;
}
