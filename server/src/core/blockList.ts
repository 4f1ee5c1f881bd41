/**
 * @file A plain draft's blocks as a keystroke leaves them: the blocks after an edit keep their
 * objects from an earlier layout and are placed by a shift kept per run of blocks, and a block is
 * made in draft offsets only when something reads it. A keystroke on a 4 MB draft then makes the
 * few hundred blocks the document-scope rules read, not the ~5,000 after the edit, each of which
 * lived until the next keystroke (~600 KB promoted a keystroke).
 */
import { lastAtOrBefore, lastIndexAtOrBefore, shiftSpan } from './spans';
import type { Block, BlockKind, Span } from './types';

/** Runs of blocks past this many (edits at many places) and the list is placed once, whole. */
const MAX_RUNS = 64;

/**
 * The blocks are kept in chunks of 256: a keystroke within a paragraph copies the array of
 * chunks and the one chunk it changed, not an array of the draft's 10,000 blocks (80 KB a
 * keystroke on the 4 MB draft, living until the next).
 */
const CHUNK_BITS = 8;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

export class BlockList {
  /** Every block placed (`all`), once something asked for them all. */
  private placed: Block[] | undefined = undefined;
  /** The blocks placed so far by `at`, by index (a few hundred at most, between two `all`s). */
  private moved: Map<number, Block> | undefined = undefined;

  /**
   * @param chunks each block as some earlier layout made it, to be moved by its run's shift, in
   *   chunks of CHUNK (the last one shorter); `length` blocks in all
   * @param starts the first block of each run, increasing from 0; `deltas` and `lineDeltas`, what
   *   moves that run's blocks' offsets and lines
   */
  constructor(
    private readonly chunks: readonly (readonly Block[])[],
    readonly length: number,
    private readonly starts: readonly number[],
    private readonly deltas: readonly number[],
    private readonly lineDeltas: readonly number[],
  ) {}

  /** Blocks laid out just now, in draft offsets already (`all` gives this very array). */
  static of(blocks: readonly Block[]): BlockList {
    const chunks: Block[][] = [];
    // Pushed one by one: every chunk the same kind of array, whatever kind `blocks` is.
    for (let k = 0; k < blocks.length; k++) {
      if ((k & IN_CHUNK) === 0) chunks.push([]);
      chunks[chunks.length - 1]!.push(blocks[k]!);
    }
    const list = new BlockList(chunks, blocks.length, ZERO, ZERO, ZERO);
    list.placed = blocks as Block[];
    return list;
  }

  /** Block `k` as its chunk keeps it. */
  private block(k: number): Block {
    return this.chunks[k >> CHUNK_BITS]![k & IN_CHUNK]!;
  }

  /** Block `k` in draft offsets: the same object each time it is asked for from this list. */
  at(k: number): Block {
    if (this.placed) return this.placed[k]!;
    const r = this.runOf(k);
    const by = this.deltas[r]!;
    const lines = this.lineDeltas[r]!;
    const b = this.block(k);
    if (!by && !lines) return b;
    const moved = (this.moved ??= new Map());
    let m = moved.get(k);
    if (!m) moved.set(k, (m = movedBlock(b, by, lines)));
    return m;
  }

  /** What at(k) would give's kind and text, without placing it. */
  kindAt(k: number): BlockKind {
    return this.block(k).kind;
  }

  textAt(k: number): string {
    return this.block(k).text;
  }

  /** at(k).span's offsets in a span of its own: the block placed only if it was already. */
  spanAt(k: number): Span {
    const placed = this.placed?.[k] ?? this.moved?.get(k);
    if (placed) return placed.span;
    return shiftSpan(this.block(k).span, this.deltas[this.runOf(k)]!);
  }

  /** at(k).line, without placing it. */
  lineAt(k: number): number {
    return this.block(k).line + this.lineDeltas[this.runOf(k)]!;
  }

  /** Where block `k`'s prose starts in the draft, without placing it. */
  startAt(k: number): number {
    return this.block(k).span.start + this.deltas[this.runOf(k)]!;
  }

  /** Where block `k`'s prose ends in the draft, without placing it. */
  endAt(k: number): number {
    return this.block(k).span.end + this.deltas[this.runOf(k)]!;
  }

  /** Where block `k`'s whole construct starts and ends in the draft, without placing it. */
  outerStartAt(k: number): number {
    return this.block(k).outer.start + this.deltas[this.runOf(k)]!;
  }

  outerEndAt(k: number): number {
    return this.block(k).outer.end + this.deltas[this.runOf(k)]!;
  }

  /** The last block whose whole construct ends at or before `offset` (-1 if none): a binary search that places nothing. */
  lastEndingBy(offset: number): number {
    return lastIndexAtOrBefore(this.length, offset, (k) => this.outerEndAt(k));
  }

  /** The last block whose whole construct starts at or before `offset` (-1 if none). */
  lastStartingBy(offset: number): number {
    return lastIndexAtOrBefore(this.length, offset, (k) => this.outerStartAt(k));
  }

  /** Every block in draft offsets (SourceTextView.blocks): placed on the first ask, then kept. */
  all(): readonly Block[] {
    if (this.placed) return this.placed;
    const out: Block[] = [];
    for (let k = 0; k < this.length; k++) out.push(this.at(k));
    this.moved = undefined;
    return (this.placed = out);
  }

  /**
   * The next layout: this one's blocks before `head` and from `tail` on, with `middle` between,
   * those from `tail` on moved `delta` characters and `lineDelta` lines further.
   */
  replaced(head: number, tail: number, middle: readonly Block[], delta: number, lineDelta: number): BlockList {
    const length = this.length - (tail - head) + middle.length;
    let chunks: Block[][];
    if (middle.length === tail - head) {
      // As many blocks as before (a keystroke within a paragraph): the chunks it changed are copied.
      chunks = this.chunks.slice() as Block[][];
      for (let k = 0; k < middle.length; k++) {
        const c = (head + k) >> CHUNK_BITS;
        if (chunks[c] === this.chunks[c]) chunks[c] = chunks[c]!.slice();
        chunks[c]![(head + k) & IN_CHUNK] = middle[k]!;
      }
    } else {
      // The whole chunks before the edit are kept, the blocks from there on chunked again.
      const first = head >> CHUNK_BITS;
      chunks = this.chunks.slice(0, first) as Block[][];
      let at = first << CHUNK_BITS;
      const push = (b: Block): void => {
        if ((at++ & IN_CHUNK) === 0) chunks.push([]);
        chunks[chunks.length - 1]!.push(b);
      };
      for (let k = first << CHUNK_BITS; k < head; k++) push(this.block(k));
      for (let k = 0; k < middle.length; k++) push(middle[k]!);
      for (let k = tail; k < this.length; k++) push(this.block(k));
    }
    const starts: number[] = [];
    const deltas: number[] = [];
    const lineDeltas: number[] = [];
    const add = (start: number, by: number, lines: number): void => {
      const n = starts.length;
      if (n && deltas[n - 1] === by && lineDeltas[n - 1] === lines) return;
      starts.push(start);
      deltas.push(by);
      lineDeltas.push(lines);
    };
    for (let r = 0; r < this.starts.length && this.starts[r]! < head; r++) add(this.starts[r]!, this.deltas[r]!, this.lineDeltas[r]!);
    if (middle.length) add(head, 0, 0);
    const moveBy = head + middle.length - tail;
    for (let r = tail < this.length ? this.runOf(tail) : this.starts.length; r < this.starts.length; r++) {
      add(Math.max(this.starts[r]!, tail) + moveBy, this.deltas[r]! + delta, this.lineDeltas[r]! + lineDelta);
    }
    const next = new BlockList(chunks, length, starts, deltas, lineDeltas);
    return starts.length > MAX_RUNS ? BlockList.of(next.all()) : next;
  }

  /** The run block `k` is in: the last whose first block is at or before it (the first run starts at block 0). */
  private runOf(k: number): number {
    return lastAtOrBefore(this.starts, k);
  }
}

function movedBlock(b: Block, delta: number, lineDelta: number): Block {
  const span = shiftSpan(b.span, delta);
  return { span, outer: b.outer === b.span ? span : shiftSpan(b.outer, delta), line: b.line + lineDelta, text: b.text, kind: b.kind };
}

const ZERO: readonly number[] = [0];
