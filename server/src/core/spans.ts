/**
 * @file Fast "is this span inside one of those?" questions over many segments (every quotation of a
 * book-length draft), by binary search over their merged, sorted extents.
 */
import type { Span } from './types';

export class SpanSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(spans: Iterable<Span>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    for (const { start, end } of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && start <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, end);
      else (this.starts.push(start), this.ends.push(end));
    }
  }

  /**
   * The merged extents overlapping `span`, cut to it, in text order. An array, not a generator:
   * asked of every sentence of a draft, most of which overlap none (one shared empty array).
   */
  within(span: Span): readonly Span[] {
    let out: Span[] | undefined;
    for (let i = Math.max(0, lastAtOrBefore(this.starts, span.start)); i < this.starts.length && this.starts[i]! < span.end; i++) {
      const start = Math.max(this.starts[i]!, span.start);
      const end = Math.min(this.ends[i]!, span.end);
      if (start < end) (out ??= []).push({ start, end });
    }
    return out ?? NO_SPANS;
  }

  /** Whether `span` lies wholly inside one merged extent. */
  contains(span: Span): boolean {
    return this.containsRange(span.start, span.end);
  }

  /** contains({ start, end }) without the object, for a caller asking once per word. */
  containsRange(start: number, end: number): boolean {
    const i = lastAtOrBefore(this.starts, start);
    return i >= 0 && end <= this.ends[i]!;
  }
}

/** `s` moved `by`; itself when `by` is 0 (spans are never changed in place): findings, related places and blocks placed by a shift. */
export function shiftSpan(s: Span, by: number): Span {
  return by ? { start: s.start + by, end: s.end + by } : s;
}

/** Of indexes 0 to `length` - 1, whose `keyAt` ascends, the last whose key is ≤ `target`, or -1: for lists read through an accessor. */
export function lastIndexAtOrBefore(length: number, target: number, keyAt: (index: number) => number): number {
  let lo = 0;
  let hi = length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) <= target) (found = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  return found;
}

/** Index of the last item whose key is ≤ `target` in an array sorted by that key, or -1. */
export function lastAtOrBefore<T>(items: readonly T[], target: number, key: (item: T) => number = identity as (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= target) (found = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  return found;
}

/** Whether `span` overlaps any of `sorted` (disjoint spans in text order): one binary search. */
export function overlapsAny(sorted: readonly Span[], span: Span): boolean {
  return overlapsAnyRange(sorted, span.start, span.end);
}

/** overlapsAny({ start, end }) without the object. */
export function overlapsAnyRange(sorted: readonly Span[], start: number, end: number): boolean {
  // The last span starting before end is the only candidate: the ones before it end before it starts.
  const i = lastAtOrBefore(sorted, end - 1, startOf);
  return i >= 0 && start < sorted[i]!.end;
}

const NO_SPANS: readonly Span[] = Object.freeze([]);

// Module-level, not written inline at each call: a default or inline arrow is a new closure per
// call, and these are asked once per word of a draft.
const identity = (item: unknown): number => item as number;
const startOf = (s: Span): number => s.start;
