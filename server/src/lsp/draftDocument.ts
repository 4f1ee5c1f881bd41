/**
 * @file The server's open documents: vscode-languageserver-textdocument's TextDocument, without
 * its cost per keystroke on a long draft. The library builds each version's text by concatenation
 * and then reads a character of it, which makes V8 copy the whole draft (8 MB for 4 M two-byte
 * characters, ~25 ms) on every edit. Here a version is a list of pieces (slices of earlier
 * versions and the inserted text): an edit reads only the characters at its ends, line starts are
 * updated around the edit, and the flat text is put together once, when someone asks for it.
 */
import { computeLineStarts, lineIndexAt } from '../core/lines';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** Where versions differ: [start, oldEnd) of the older became [start, newEnd) of the newer. */
export interface ChangedRange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Versions back for which changeSince can tell what changed. */
const KEPT_VERSIONS = 16;

export class DraftDocument implements TextDocument {
  /** The text in order; starts[k] is where pieces[k] begins. One flat piece once getText ran. */
  private pieces: string[];
  private starts: number[];
  private size: number;
  private lines: number[];
  /** Per earlier version, what changed from it to this one. */
  private since: { version: number; range: ChangedRange }[] = [];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.pieces = [content];
    this.starts = [0];
    // A client may send anything (`text: null`): the lint then fails and says so, as with the library's document.
    const text: unknown = content;
    this.size = typeof text === 'string' ? text.length : 0;
    this.lines = typeof text === 'string' ? computeLineStarts(text) : [0];
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Line starts, as core/lines.ts computeLineStarts gives them; a new array per version, never changed after. */
  get lineStarts(): readonly number[] {
    return this.lines;
  }

  get length(): number {
    return this.size;
  }

  getText(range?: Range): string {
    if (this.pieces.length > 1) {
      const flat = this.pieces.join('');
      this.pieces = [flat];
      this.starts = [0];
    }
    const text = this.pieces[0]!;
    if (!range) return text;
    return text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** Characters [from, to) without putting the whole text together. */
  slice(from: number, to: number): string {
    from = Math.max(0, from);
    to = Math.min(this.size, to);
    if (from >= to) return '';
    let k = this.pieceAt(from);
    let out = '';
    while (k < this.pieces.length && this.starts[k]! < to) {
      const at = this.starts[k]!;
      out += this.pieces[k]!.substring(Math.max(0, from - at), to - at);
      k++;
    }
    return out;
  }

  /** What changed since `version`, if it is one of the last few versions (undefined otherwise). */
  changeSince(version: number): ChangedRange | undefined {
    if (version === this.version) return { start: 0, oldEnd: 0, newEnd: 0 };
    return this.since.find((s) => s.version === version)?.range;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.size), 0);
    const line = lineIndexAt(this.lines, offset);
    const lineStart = this.lines[line]!;
    return { line, character: this.beforeEol(offset, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines.length) return this.size;
    if (position.line < 0) return 0;
    const lineStart = this.lines[position.line]!;
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < this.lines.length ? this.lines[position.line + 1]! : this.size;
    return this.beforeEol(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= this.lines.length) {
      const last = this.lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.size - this.lines[last]! } };
    }
    const start = this.lines[line]!;
    const next = line + 1 < this.lines.length ? this.lines[line + 1]! : this.size;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lines.length) return '';
    const next = line + 1 < this.lines.length ? this.lines[line + 1]! : this.size;
    return this.slice(this.beforeEol(next, this.lines[line]!), next);
  }

  /** Applies the changes in order (as TextDocument.update does) and moves to `version`. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const before = this.version;
    let total: ChangedRange | undefined;
    const carried = this.since;
    for (const change of changes) {
      let range: ChangedRange;
      if ('range' in change) {
        const r = wellFormed(change.range);
        const start = this.offsetAt(r.start);
        const end = this.offsetAt(r.end);
        range = this.replace(start, end, change.text);
      } else {
        range = { start: 0, oldEnd: this.size, newEnd: change.text.length };
        this.pieces = [change.text];
        this.starts = [0];
        this.size = change.text.length;
        this.lines = computeLineStarts(change.text);
      }
      total = total ? compose(total, range) : range;
    }
    this.version = version;
    if (!total) return;
    this.since = [{ version: before, range: total }, ...carried.slice(0, KEPT_VERSIONS - 1).map((s) => ({ version: s.version, range: compose(s.range, total!) }))];
  }

  private replace(start: number, end: number, text: string): ChangedRange {
    const delta = text.length - (end - start);
    const newEnd = start + text.length;
    // A line start at p depends on the characters at p - 1 and p: those from start to newEnd (new offsets) are looked at again.
    const charAt = (p: number): number => (p < start ? this.charAt(p) : p < newEnd ? text.charCodeAt(p - start) : this.charAt(p - delta));
    const lines: number[] = [];
    const old = this.lines;
    let k = 0;
    while (k < old.length && old[k]! < start) lines.push(old[k++]!);
    if (!lines.length) lines.push(0);
    const newSize = this.size + delta;
    for (let p = Math.max(start, 1); p <= newEnd && p <= newSize; p++) {
      const c = charAt(p - 1);
      if (c === 10 || (c === 13 && (p >= newSize || charAt(p) !== 10))) lines.push(p);
    }
    while (k < old.length && old[k]! <= end) k++;
    while (k < old.length) lines.push(old[k++]! + delta);
    this.splice(start, end, text);
    this.lines = lines;
    this.size = newSize;
    return { start, oldEnd: end, newEnd };
  }

  private splice(start: number, end: number, text: string): void {
    const pieces: string[] = [];
    this.pieces.forEach((piece, k) => {
      const at = this.starts[k]!;
      if (at < start) pieces.push(piece.substring(0, start - at));
    });
    pieces.push(text);
    this.pieces.forEach((piece, k) => {
      const at = this.starts[k]!;
      if (at + piece.length > end) pieces.push(piece.substring(Math.max(0, end - at)));
    });
    this.pieces = pieces.filter((piece) => piece.length);
    if (!this.pieces.length) this.pieces.push('');
    let at = 0;
    this.starts = this.pieces.map((piece) => ((at += piece.length), at - piece.length));
  }

  /** The piece holding `offset`: the last one starting at or before it (line starts and piece starts are searched alike). */
  private pieceAt(offset: number): number {
    return lineIndexAt(this.starts, offset);
  }

  private charAt(offset: number): number {
    const k = this.pieceAt(offset);
    return this.pieces[k]!.charCodeAt(offset - this.starts[k]!);
  }

  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart && isEol(this.charAt(offset - 1))) offset--;
    return offset;
  }
}

/** `a` then `b` as one change from a's older version to b's newer one. */
export function compose(a: ChangedRange, b: ChangedRange): ChangedRange {
  const start = Math.min(a.start, b.start);
  const reach = Math.max(a.newEnd, b.oldEnd);
  return { start, oldEnd: a.oldEnd + (reach - a.newEnd), newEnd: reach + (b.newEnd - b.oldEnd) };
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

function isEol(c: number): boolean {
  return c === 13 || c === 10;
}
