import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PostingTable, type Posting } from '../../../server/src/core/postingTable';

type Op = readonly ['set', number, Posting] | readonly ['delete', number];

// Each case: operations in order, then what get must answer for each key asked.
const CASES: { name: string; ops: Op[]; want: [number, Posting | undefined][]; size: number }[] = [
  { name: 'a lone number', ops: [['set', 7, 3]], want: [[7, 3], [8, undefined]], size: 1 },
  { name: 'zero is a value, not an empty slot', ops: [['set', 0, 0]], want: [[0, 0]], size: 1 },
  { name: 'a list', ops: [['set', 7, [1, 4, 9]]], want: [[7, [1, 4, 9]]], size: 1 },
  { name: 'a list replaced by a number', ops: [['set', 7, [1, 4]], ['set', 7, 4]], want: [[7, 4]], size: 1 },
  { name: 'hashes above 2^31 and their int32 twins are one key', ops: [['set', 0xffffffff, 2]], want: [[0xffffffff, 2], [-1, 2]], size: 1 },
  { name: 'deleted', ops: [['set', 7, 1], ['set', 8, 2], ['delete', 7]], want: [[7, undefined], [8, 2]], size: 1 },
  { name: 'deleting a missing key', ops: [['set', 7, 1], ['delete', 9]], want: [[7, 1]], size: 1 },
];

function apply(table: PostingTable, ops: readonly Op[]): void {
  for (const op of ops) if (op[0] === 'set') table.set(op[1], op[2]);
  else table.delete(op[1]);
}

describe('PostingTable', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const table = new PostingTable();
      apply(table, c.ops);
      for (const [key, want] of c.want) assert.deepEqual(table.get(key), want, `key ${key}`);
      assert.equal(table.size, c.size);
    });
  }

  it('answers as a Map keyed by int32 does, through growth, collisions and deletions', () => {
    // Few distinct keys, many operations: slots are reused, runs of probes form and are cut by deletions.
    // Up to 1,500 keys: the table grows past its first 1,024 slots, and long probe runs form.
    const key = fc.oneof(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 0xffffffff }));
    const posting = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.array(fc.nat(1000), { minLength: 2, maxLength: 5 }));
    const op = fc.oneof(fc.tuple(fc.constant('set' as const), key, posting), fc.tuple(fc.constant('delete' as const), key));
    fc.assert(
      fc.property(fc.array(op, { minLength: 1000, maxLength: 4000 }), (ops) => {
        const table = new PostingTable();
        const map = new Map<number, Posting>();
        for (const o of ops) {
          if (o[0] === 'set') (table.set(o[1], o[2]), map.set(o[1] | 0, o[2]));
          else assert.equal(table.delete(o[1]), map.delete(o[1] | 0));
        }
        assert.equal(table.size, map.size);
        for (const [k, v] of map) assert.deepEqual(table.get(k), v);
        for (const o of ops) if (!map.has(o[1] | 0)) assert.equal(table.get(o[1]), undefined);
        table.trimLists();
        for (const [k, v] of map) assert.deepEqual(table.get(k), v);
      }),
      { numRuns: 40 },
    );
  });

  it('clear empties it', () => {
    const table = new PostingTable();
    for (let k = 0; k < 5000; k++) table.set(k * 7919, k % 3 ? k : [k, k + 1]);
    table.clear();
    assert.equal(table.size, 0);
    assert.equal(table.get(7919), undefined);
    table.set(7919, 1);
    assert.equal(table.get(7919), 1);
  });
});
