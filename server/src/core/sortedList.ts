/**
 * @file Where a number goes in an ascending list: the posting lists of the repeat and sentence
 * indexes are kept sorted so an edit inserts or removes one block without a sort.
 */

/** The first index whose value is not below `value` (the list's length if none). */
export function insertionPoint(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
