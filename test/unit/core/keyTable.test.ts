import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { KeyTable } from '../../../server/src/core/keyTable';

// Each case: stretches [text, start, end] asked in order, and the numbers they must get.
const CASES: { name: string; ask: [string, number, number][]; want: number[] }[] = [
  { name: 'a new key gets the next number', ask: [['council', 0, 7], ['vote', 0, 4]], want: [0, 1] },
  { name: 'the same word from another text', ask: [['the council', 4, 11], ['council met', 0, 7]], want: [0, 0] },
  { name: 'a prefix is another key', ask: [['council', 0, 7], ['council', 0, 4]], want: [0, 1] },
  { name: 'the empty stretch is a key', ask: [['abc', 1, 1], ['xyz', 2, 2]], want: [0, 0] },
  { name: 'two-byte characters', ask: [['élan ‘quote’', 0, 4], ['un élan', 3, 7]], want: [0, 0] },
];

describe('KeyTable', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const table = new KeyTable();
      assert.deepEqual(c.ask.map(([text, start, end]) => table.idOf(text, start, end)), c.want);
      for (const [text, start, end] of c.ask) assert.equal(table.keys[table.idOf(text, start, end)], text.slice(start, end));
    });
  }

  it('clear forgets every number', () => {
    const table = new KeyTable();
    table.idOf('a', 0, 1);
    table.clear();
    assert.equal(table.size, 0);
    assert.equal(table.idOf('b', 0, 1), 0);
  });

  it('numbers words as a Map would, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3000 }), (words) => {
        const table = new KeyTable();
        const map = new Map<string, number>();
        for (const w of words) {
          if (!map.has(w)) map.set(w, map.size);
          assert.equal(table.idOf(`<${w}>`, 1, w.length + 1), map.get(w));
        }
        assert.equal(table.size, map.size);
      }),
      { numRuns: 50 },
    );
  });
});
