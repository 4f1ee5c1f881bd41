import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { NONE, PAIR_KEY, PAIR_NUMBER, PostingTable, runStarts } from '../../../server/src/core/postingTable';

type Op = readonly ['add' | 'remove', number, number] | readonly ['delete', number];

// Each case: operations in order, then what get must answer for each key asked.
const CASES: { name: string; ops: Op[]; want: [number, number[]][]; size: number }[] = [
  { name: 'a lone number', ops: [['add', 7, 3]], want: [[7, [3]], [8, []]], size: 1 },
  { name: 'zero is a value, not an empty slot', ops: [['add', 0, 0]], want: [[0, [0]]], size: 1 },
  { name: 'numbers kept ascending whatever the order they come in', ops: [['add', 7, 9], ['add', 7, 1], ['add', 7, 4]], want: [[7, [1, 4, 9]]], size: 1 },
  { name: 'a list grown past its first room', ops: [1, 2, 3, 4, 5, 6].map((n): Op => ['add', 7, n]), want: [[7, [1, 2, 3, 4, 5, 6]]], size: 1 },
  { name: 'a list removed down to a lone number', ops: [['add', 7, 1], ['add', 7, 4], ['remove', 7, 1]], want: [[7, [4]]], size: 1 },
  { name: 'the last number removed takes the key', ops: [['add', 7, 1], ['remove', 7, 1]], want: [[7, []]], size: 0 },
  { name: 'removing a number not there changes nothing', ops: [['add', 7, 1], ['add', 7, 4], ['remove', 7, 2], ['remove', 8, 1]], want: [[7, [1, 4]]], size: 1 },
  { name: 'a number added twice is there twice', ops: [['add', 7, 2], ['add', 7, 2]], want: [[7, [2, 2]]], size: 1 },
  { name: 'hashes above 2^31 and their int32 twins are one key', ops: [['add', 0xffffffff, 2]], want: [[0xffffffff, [2]], [-1, [2]]], size: 1 },
  { name: 'deleted', ops: [['add', 7, 1], ['add', 7, 3], ['add', 8, 2], ['delete', 7]], want: [[7, []], [8, [2]]], size: 1 },
];

function apply(table: PostingTable, ops: readonly Op[]): void {
  for (const op of ops) {
    if (op[0] === 'add') table.add(op[1], op[2]);
    else if (op[0] === 'remove') table.remove(op[1], op[2]);
    else table.delete(op[1]);
  }
}

/** What find, length and at say about `key`, as get's answer. */
function readByHandle(table: PostingTable, key: number): number[] {
  const h = table.find(key);
  if (h === NONE) return [];
  if (h >= 0) return [h];
  return Array.from({ length: table.length(h) }, (_, j) => table.at(h, j));
}

describe('PostingTable', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const table = new PostingTable();
      apply(table, c.ops);
      for (const [key, want] of c.want) {
        assert.deepEqual(table.get(key), want, `key ${key}`);
        assert.deepEqual(readByHandle(table, key), want, `key ${key} by handle`);
      }
      assert.equal(table.size, c.size);
    });
  }

  it('answers as a Map of sorted arrays does, through growth, moves, compaction, collisions and deletions', () => {
    // Few keys and small numbers: lists grow, shrink to lone numbers, move within the pool and are
    // let go, so the pool fills with left-behind regions and is compacted; up to 1,500 keys grow
    // the hash table past its first 1,024 slots.
    const key = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 0xffffffff }));
    const op = fc.oneof(
      { arbitrary: fc.tuple(fc.constant('add' as const), key, fc.nat(60)), weight: 6 },
      { arbitrary: fc.tuple(fc.constant('remove' as const), key, fc.nat(60)), weight: 3 },
      { arbitrary: fc.tuple(fc.constant('delete' as const), key), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1000, maxLength: 5000 }), fc.nat(5000), (ops, trimAt) => {
        const table = new PostingTable();
        const map = new Map<number, number[]>();
        ops.forEach((o, i) => {
          if (i === trimAt) table.trimLists();
          const k = o[1] | 0;
          if (o[0] === 'delete') return assert.equal(table.delete(o[1]), map.delete(k));
          apply(table, [o]);
          const list = map.get(k) ?? [];
          if (o[0] === 'add') {
            list.push(o[2]);
            list.sort((a, b) => a - b);
          } else if (list.includes(o[2])) list.splice(list.indexOf(o[2]), 1);
          if (list.length) map.set(k, list);
          else map.delete(k);
        });
        assert.equal(table.size, map.size);
        for (const [k, v] of map) assert.deepEqual(readByHandle(table, k), v);
        for (const o of ops) if (!map.has(o[1] | 0)) assert.equal(table.find(o[1]), NONE);
        table.trimLists();
        for (const [k, v] of map) assert.deepEqual(table.get(k), v);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps every list through the pool being compacted', () => {
    // 300 lists grown side by side move along the pool as they fill; two thirds are then let go,
    // and growing the rest needs room that only compacting the pool gives.
    const table = new PostingTable();
    const want = new Map<number, number[]>();
    const add = (k: number, n: number): void => {
      table.add(k, n);
      want.set(k, [...(want.get(k) ?? []), n].sort((a, b) => a - b));
    };
    for (let round = 0; round < 20; round++) for (let k = 0; k < 300; k++) add(k, 2 * round);
    for (let k = 0; k < 300; k++) if (k % 3) (table.delete(k), want.delete(k));
    for (let round = 0; round < 40; round++) for (let k = 0; k < 300; k += 3) add(k, 2 * round + 1);
    for (const [k, v] of want) assert.deepEqual(readByHandle(table, k), v, `key ${k}`);
    assert.equal(table.size, 100);
  });

  it('filled from sorted pairs, holds and goes on as one built by adds', () => {
    // Few keys and small numbers, so lists of every length; hashes above 2^31 too. After the fill,
    // the same edits on both tables (lists grown past their trimmed room, let go, moved).
    const key = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 0xffffffff }));
    const pair = fc.tuple(key, fc.nat(60));
    const op = fc.tuple(fc.constantFrom('add' as const, 'remove' as const), key, fc.nat(60));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 3000 }), fc.array(op, { maxLength: 300 }), (pairs, ops) => {
        const sorted = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        const wide = new BigUint64Array(sorted.length);
        const halves = new Uint32Array(wide.buffer);
        sorted.forEach(([k, n], i) => ((halves[2 * i + PAIR_KEY] = k), (halves[2 * i + PAIR_NUMBER] = n)));
        assert.deepEqual([...wide], [...wide].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'pairs read as numbers sort as the (key, number) tuples do');
        const filled = new PostingTable();
        filled.add(5, 5); // emptied by the fill
        filled.fill(wide);
        const added = new PostingTable();
        for (const [k, n] of pairs) added.add(k, n);
        added.trimLists();
        const keys = new Set([5, ...pairs.map((p) => p[0]), ...ops.map((o) => o[1])]);
        const same = (): void => {
          assert.equal(filled.size, added.size);
          for (const k of keys) assert.deepEqual(readByHandle(filled, k), readByHandle(added, k), `key ${k}`);
        };
        same();
        for (const o of ops) apply(filled, [o]), apply(added, [o]);
        same();
      }),
      { numRuns: 60 },
    );
  });

  it('filled with nothing is empty', () => {
    const table = new PostingTable();
    table.add(7, 1);
    table.fill(new BigUint64Array(0));
    assert.equal(table.size, 0);
    assert.equal(table.find(7), NONE);
    table.add(7, 2);
    assert.deepEqual(table.get(7), [2]);
  });

  it('clear empties it', () => {
    const table = new PostingTable();
    for (let k = 0; k < 5000; k++) {
      table.add(k * 7919, k);
      if (k % 3 === 0) table.add(k * 7919, k + 1);
    }
    table.clear();
    assert.equal(table.size, 0);
    assert.deepEqual(table.get(7919), []);
    table.add(7919, 1);
    assert.deepEqual(table.get(7919), [1]);
  });
});

/** Sorted (key, number) pairs as fill and runStarts take them. */
function pairsOf(pairs: readonly (readonly [number, number])[]): BigUint64Array {
  const wide = new BigUint64Array(pairs.length);
  const halves = new Uint32Array(wide.buffer);
  pairs.forEach(([k, n], i) => ((halves[2 * i + PAIR_KEY] = k), (halves[2 * i + PAIR_NUMBER] = n)));
  return wide;
}

describe('runStarts', () => {
  // Each case: sorted pairs, then where each key's run starts and, last, the number of pairs.
  const RUNS: { name: string; pairs: [number, number][]; want: number[] }[] = [
    { name: 'no pairs', pairs: [], want: [0] },
    { name: 'one pair', pairs: [[7, 3]], want: [0, 1] },
    { name: 'one key', pairs: [[7, 1], [7, 2], [7, 9]], want: [0, 3] },
    { name: 'a run per key', pairs: [[1, 0], [2, 0], [3, 0]], want: [0, 1, 2, 3] },
    { name: 'runs of several lengths', pairs: [[1, 0], [1, 4], [5, 2], [9, 0], [9, 1], [9, 2]], want: [0, 2, 3, 6] },
    { name: 'equal numbers of different keys do not join', pairs: [[1, 5], [2, 5]], want: [0, 1, 2] },
    // Compared as int32: a key past 2^31 and the key of its low bits must still differ.
    { name: 'keys past 2^31', pairs: [[0x7fffffff, 1], [0x80000000, 1], [0x80000000, 2], [0xffffffff, 0]], want: [0, 1, 3, 4] },
  ];
  for (const { name, pairs, want } of RUNS) it(name, () => assert.deepEqual([...runStarts(pairsOf(pairs))], want));

  it('fill given the runs builds what it builds finding them itself', () => {
    const pairs = pairsOf([[1, 0], [1, 4], [5, 2], [0xfffffff0, 0], [0xfffffff0, 1], [0xfffffff0, 2]]);
    const given = new PostingTable();
    given.fill(pairs, runStarts(pairs));
    const found = new PostingTable();
    found.fill(pairs);
    for (const k of [1, 5, 0xfffffff0, 2]) assert.deepEqual(readByHandle(given, k), readByHandle(found, k), `key ${k}`);
    assert.equal(given.size, 3);
  });
});
