/**
 * @file A draft's text as its owner keeps it. The server keeps an open draft as pieces (slices of
 * earlier versions and the text typed since, lsp/draftDocument.ts): joining them into one string
 * costs a 4 MB draft 8 MB of fresh memory and ~30 ms per keystroke, most of it page faults. So
 * the engine's edit path reads a draft through DraftText, a few characters at a time, and only a
 * reader that needs all of it at once (a first look, Markdown, a directive) puts it together.
 */
import { lineIndexAt } from './lines';

/**
 * The characters of a draft. Every string is one; PieceText is the other kind. `toString()` gives
 * the whole text (joined on the first ask, then kept).
 */
export interface DraftText {
  readonly length: number;
  charCodeAt(offset: number): number;
  slice(start: number, end: number): string;
  toString(): string;
}

/** Above this many pieces a version is joined into one string once, so reading stays a short search. */
const MAX_PIECES = 64;
/**
 * The typed text joins a neighbour when both together are shorter than this: typing in one place
 * adds a piece per 4,000 characters, not per keystroke, and no long piece is ever copied.
 */
const SMALL = 4096;

/** An immutable version of a text, kept as the pieces it was edited from. */
export class PieceText implements DraftText {
  readonly length: number;
  /** The text in order; starts[k] is where pieces[k] begins. One piece once joined. */
  private pieces: readonly string[];
  /**
   * One more than the pieces: the last entry is past the end (length + 1, so that reading at the
   * very end still falls in the last piece). pieceAt then always compares with the next piece's
   * start: with the single piece of an open, a test it skipped there left V8 no type feedback, and
   * its optimised code deoptimised at the first keystroke's second piece.
   */
  private starts: readonly number[];
  /** The piece the last read fell in: reads come in runs along one place. */
  private recent = 0;

  constructor(pieces: readonly string[]) {
    this.pieces = pieces.length ? pieces : [''];
    // Pushed, not mapped: map's array is packed in the interpreter and holey once this is
    // optimised, and pieceAt, compiled for one kind, was thrown away ("wrong map") on the other.
    const starts: number[] = [];
    let at = 0;
    for (const piece of this.pieces) starts.push(at), (at += piece.length);
    starts.push(at + 1);
    this.starts = starts;
    this.length = at;
  }

  /** This text with [start, end) replaced by `text`: the pieces around it are shared, not copied. */
  replaced(start: number, end: number, text: string): PieceText {
    const pieces: string[] = [];
    const { starts } = this;
    this.pieces.forEach((piece, k) => {
      const at = starts[k]!;
      if (at < start) pieces.push(piece.substring(0, start - at));
    });
    let middle = pieces.length;
    pieces.push(text);
    this.pieces.forEach((piece, k) => {
      const at = starts[k]!;
      if (at + piece.length > end) pieces.push(piece.substring(Math.max(0, end - at)));
    });
    // The typed text joins a short neighbour on either side (a keystroke after a keystroke).
    if (middle > 0 && pieces[middle - 1]!.length + text.length < SMALL) pieces.splice(middle - 1, 2, pieces[middle - 1]! + pieces[middle]!), middle--;
    if (middle + 1 < pieces.length && pieces[middle]!.length + pieces[middle + 1]!.length < SMALL) pieces.splice(middle, 2, pieces[middle]! + pieces[middle + 1]!);
    const kept = pieces.filter((piece) => piece.length);
    return new PieceText(kept.length > MAX_PIECES ? [kept.join('')] : kept);
  }

  charCodeAt(offset: number): number {
    const k = this.pieceAt(offset);
    return this.pieces[k]!.charCodeAt(offset - this.starts[k]!);
  }

  slice(start: number, end: number): string {
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    if (start === end) return '';
    let k = this.pieceAt(start);
    let out = '';
    while (k < this.pieces.length && this.starts[k]! < end) {
      const at = this.starts[k]!;
      out += this.pieces[k]!.substring(Math.max(0, start - at), end - at);
      k++;
    }
    return out;
  }

  toString(): string {
    if (this.pieces.length > 1) {
      this.pieces = [this.pieces.join('')];
      this.starts = [0, this.length + 1];
      this.recent = 0;
    }
    return this.pieces[0]!;
  }

  /** The piece holding `offset`: the last one starting at or before it (past the end: the last piece). */
  private pieceAt(offset: number): number {
    const { starts } = this;
    const r = this.recent;
    if (starts[r]! <= offset && starts[r + 1]! > offset) return r;
    return (this.recent = Math.min(lineIndexAt(starts, offset), this.pieces.length - 1));
  }
}
