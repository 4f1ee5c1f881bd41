import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RecentPositions } from '../../../server/src/core/numberTable';

describe('RecentPositions', () => {
  // Each case: keys set at positions 0, 1, 2, … in turn, then a key asked after them.
  const CASES: { name: string; window: number; keys: number[]; ask: number; want: number }[] = [
    { name: 'never set', window: 4, keys: [1, 2, 3], ask: 9, want: -1 },
    { name: 'the latest of several uses', window: 4, keys: [7, 1, 7, 2], ask: 7, want: 2 },
    { name: 'kept from the older table', window: 3, keys: [7, 1, 2, 3], ask: 7, want: 0 },
    { name: 'past 2^32 (packed three-word keys)', window: 4, keys: [2 ** 40 + 5, 1], ask: 2 ** 40 + 5, want: 0 },
    { name: 'forgotten once two windows behind', window: 2, keys: [7, 1, 2, 3, 4, 5], ask: 7, want: -1 },
  ];
  for (const c of CASES) {
    it(c.name, () => {
      const table = new RecentPositions(c.window);
      c.keys.forEach((key, position) => table.set(key, position));
      assert.equal(table.get(c.ask), c.want);
    });
  }

  it('cleared, answers as a new table does', () => {
    const used = new RecentPositions(2);
    [7, 1, 2, 3, 4, 5].forEach((key, position) => used.set(key, position));
    used.clear();
    assert.equal(used.get(5), -1);
    // Positions start again from 0: the first is not taken as a window past the last one set.
    const fresh = new RecentPositions(2);
    for (const table of [used, fresh]) [9, 8, 9, 6, 5].forEach((key, position) => table.set(key, position));
    for (const key of [9, 8, 7, 5]) assert.equal(used.get(key), fresh.get(key), `key ${key}`);
  });

  it('answers as a Map does for every key set within the window, through many turns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 3 })), { minLength: 200, maxLength: 2000 }), (window, steps) => {
        const table = new RecentPositions(window);
        const map = new Map<number, number>();
        let position = 0;
        for (const [key, step] of steps) {
          position += step;
          const got = table.get(key);
          const want = map.get(key);
          if (want !== undefined && position - want <= window) assert.equal(got, want);
          else assert.ok(got === -1 || got === want);
          table.set(key, position);
          map.set(key, position);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('swap answers as get then set do, through many turns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 3 })), { minLength: 200, maxLength: 2000 }), (window, steps) => {
        const swapped = new RecentPositions(window);
        const plain = new RecentPositions(window);
        let position = 0;
        for (const [key, step] of steps) {
          position += step;
          const want = plain.get(key);
          plain.set(key, position);
          assert.equal(swapped.swap(key, position), want);
        }
      }),
      { numRuns: 100 },
    );
  });
});
