/**
 * @file 1-based line and column (in UTF-16 code units, as editors count) for CLI reports.
 */
import { lineIndexAt } from '../core/lines';

export function lineColumn(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  const index = lineIndexAt(lineStarts, offset);
  return { line: index + 1, column: offset - lineStarts[index]! + 1 };
}
