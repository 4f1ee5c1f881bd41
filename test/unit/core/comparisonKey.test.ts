/**
 * ownComparisonKey skips detached's copy where the folded key is already a string of its own: it
 * must still answer as normalizeForComparison does and keep nothing of the text it was read from.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { normalizeForComparison, ownComparisonKey } from '../../../server/src/core/normalize';

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
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const kept: string[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    // 20 texts of 4 M characters: 80 MB or more if the keys held on to them. The pieces have
    // nothing to fold, or only spaces at their ends, so normalizeForComparison's answer is the
    // piece itself or a cut of it.
    for (let k = 0; k < 20; k++) {
      const long = `${'the council said on tuesday that the harbour plan would go ahead. '.repeat(62_000)}${k}`;
      kept.push(ownComparisonKey(long.slice(1000 + k, 1600)), ownComparisonKey(long.slice(2002 + k, 2600)), ownComparisonKey(long.slice(3000, 3600 + k)));
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 1e6;
    assert.ok(grown < 40, `the heap grew ${grown.toFixed(0)} MB for 60 keys`);
    assert.equal(kept.length, 60);
  });
});
