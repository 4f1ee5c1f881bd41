/**
 * @file Line arithmetic on offsets. Lines end at \n, \r\n or a lone \r, the same three endings LSP
 * recognises, so a line number here is the line number the editor shows.
 */
import type { DraftText } from './draftText';
import type { Offset } from './types';

export function computeLineStarts(text: string): Offset[] {
  const starts = [0];
  // Most drafts have no \r: then the engine's own search for \n (vectorised) does the walking.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 0-based line holding `offset` (binary search). */
export function lineIndexAt(lineStarts: readonly Offset[], offset: Offset): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offset where the content of line `index` ends, before its line break. */
export function lineContentEnd(text: DraftText, lineStarts: readonly Offset[], index: number): Offset {
  if (index + 1 >= lineStarts.length) return text.length;
  let end = lineStarts[index + 1]! - 1; // the \n or lone \r
  if (text.charCodeAt(end) === 10 && end > lineStarts[index]! && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** What a caller already knows about a new version of a draft (the server's open document does). */
export interface KnownVersion {
  /** The new text's line starts, as computeLineStarts gives them. */
  readonly lineStarts: readonly Offset[];
  /**
   * What changed since an earlier version, given as the very text the caller gave for it
   * (compared by identity, so neither text is read): [start, oldEnd) of it was replaced.
   * Undefined when the caller does not know that version.
   */
  readonly changeSince?: ((earlier: DraftText) => { readonly start: Offset; readonly oldEnd: Offset } | undefined) | undefined;
}

/** changedRange, or the change the caller knows. */
export function changeBetween(a: DraftText, b: DraftText, known: KnownVersion | undefined): { start: number; oldEnd: number } {
  return known?.changeSince?.(a) ?? changedRange(a, b);
}

/** Where two versions differ: from `start` to `oldEnd` in the old one (its common prefix and suffix left out). */
export function changedRange(a: DraftText, b: DraftText): { start: number; oldEnd: number } {
  const max = Math.min(a.length, b.length);
  // Native comparison of slices a chunk at a time, then character by character.
  let start = 0;
  while (start + CHUNK <= max && a.slice(start, start + CHUNK) === b.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let back = 0;
  const room = max - start;
  while (back + CHUNK <= room && a.slice(a.length - back - CHUNK, a.length - back) === b.slice(b.length - back - CHUNK, b.length - back)) back += CHUNK;
  while (back < room && a.charCodeAt(a.length - 1 - back) === b.charCodeAt(b.length - 1 - back)) back++;
  return { start, oldEnd: a.length - back };
}

const CHUNK = 4096;
