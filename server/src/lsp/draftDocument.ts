/**
 * @file The server's open documents: vscode-languageserver-textdocument's TextDocument, without
 * its cost per keystroke on a long draft. The library builds each version's text by concatenation
 * and then reads a character of it, which makes V8 copy the whole draft (8 MB for 4 M two-byte
 * characters, ~25 ms) on every edit. Here a version is a PieceText (slices of earlier versions and
 * the inserted text): an edit reads only the characters at its ends, line starts are updated
 * around the edit, and the engine reads the version through `text` without ever joining it; the
 * flat text is put together only when someone asks getText() for it.
 */
import { PieceText, type DraftText } from '../core/draftText';
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
  /** This version's text (one object per version: the engine tells versions apart by identity). */
  private current: PieceText;
  private lines: number[];
  /** Per earlier version, what changed from it to this one. */
  private since: { version: number; range: ChangedRange }[] = [];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    // A client may send anything (`text: null`): the lint then fails and says so, as with the library's document.
    const text: unknown = content;
    this.notText = typeof text !== 'string';
    this.current = new PieceText(this.notText ? [] : [content]);
    this.lines = this.notText ? [0] : computeLineStarts(content);
  }

  /** Whether the client opened the draft with something other than a string (until a whole-text change). */
  private notText: boolean;

  /** This version's text, read without putting it together (it stays the same object until the next update). */
  get text(): DraftText {
    if (this.notText) throw new TypeError(`${this.uri} was opened without text`);
    return this.current;
  }

  private get size(): number {
    return this.current.length;
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
    if (range) {
      // As the library's substring: a range given end first still means the text between.
      const a = this.offsetAt(range.start);
      const b = this.offsetAt(range.end);
      return this.current.slice(Math.min(a, b), Math.max(a, b));
    }
    return this.current.toString();
  }

  /** Characters [from, to) without putting the whole text together. */
  slice(from: number, to: number): string {
    return this.current.slice(from, to);
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
    const next = line + 1 < this.lines.length ? this.lines[line + 1]! : this.size;
    // Only a line's last two characters can be its break ("\r\n"): an offset before them is placed
    // without reading the text (a keystroke's 1,000 diagnostics read none of its pieces).
    return { line, character: (offset < next - 1 ? offset : this.beforeEol(offset, lineStart)) - lineStart };
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
        this.current = new PieceText([change.text]);
        this.notText = false;
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
    const old = this.lines;
    // Old line starts before the change (0 at least), then those in it, then the old ones after it, moved.
    const head = Math.max(1, firstAbove(old, start - 1));
    const fresh: number[] = [];
    const newSize = this.size + delta;
    for (let p = Math.max(start, 1); p <= newEnd && p <= newSize; p++) {
      const c = charAt(p - 1);
      if (c === 10 || (c === 13 && (p >= newSize || charAt(p) !== 10))) fresh.push(p);
    }
    const after = Math.max(head, firstAbove(old, end));
    let lines: number[];
    if (fresh.length === after - head) {
      // As many line breaks as before (a keystroke within a line): one copy of the array, changed in place.
      lines = old.slice();
      for (let i = 0; i < fresh.length; i++) lines[head + i] = fresh[i]!;
      if (delta) for (let i = after; i < lines.length; i++) lines[i]! += delta;
    } else {
      lines = old.slice(0, head).concat(fresh);
      for (let k = after; k < old.length; k++) lines.push(old[k]! + delta);
    }
    this.current = this.current.replaced(start, end, text);
    this.lines = lines;
    return { start, oldEnd: end, newEnd };
  }

  private charAt(offset: number): number {
    return this.current.charCodeAt(offset);
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

/** The index of the first of `starts` (ascending) above `offset`. */
function firstAbove(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
