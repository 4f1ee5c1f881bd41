/**
 * ownComparisonKey skips detached's copy where the folded key is already a string of its own: it
 * must still answer as normalizeForComparison does and keep nothing of the text it was read from.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForComparison, ownComparisonKey } from '../../../server/src/core/normalize';
import { heapGrowthKeeping, longText } from '../../helpers/heap';

describe('ownComparisonKey', () => {
  const cases: [string, string][] = [
    ['a capital to fold', 'The council met on Tuesday.'],
    ['nothing to fold', 'the council met on tuesday.'],
    ['spaces at both ends and nothing else to fold', '  the council met.  '],
    ['spacing to fold only', 'the council\n met'],
    ['curly quotes and dashes', '“The council” met — twice.'],
    ['non-ASCII with nothing to fold', 'élan vital'],
    ['empty', ''],
  ];
  for (const [name, text] of cases) {
    it(`answers as normalizeForComparison: ${name}`, () => {
      const cut = `xx${text}yy`.slice(2, 2 + text.length);
      assert.equal(ownComparisonKey(cut), normalizeForComparison(text));
    });
  }

  it('keeps nothing of the long text a piece was cut from', () => {
    // 20 texts of 4 M characters: 80 MB or more if the keys held on to them. The pieces have
    // nothing to fold, or only spaces at their ends, so normalizeForComparison's answer is the
    // piece itself or a cut of it.
    const { grownMB, kept } = heapGrowthKeeping((k) => {
      const long = longText(k, false);
      return [ownComparisonKey(long.slice(1000 + k, 1600)), ownComparisonKey(long.slice(2002 + k, 2600)), ownComparisonKey(long.slice(3000, 3600 + k))];
    });
    assert.ok(grownMB < 40, `the heap grew ${grownMB.toFixed(0)} MB for 60 keys`);
    assert.equal(kept, 60);
  });
});
