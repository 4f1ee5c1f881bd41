/**
 * SpanSet answers the quotation questions of every wording rule: its merged extents must say what
 * the spans it was built from say, read one by one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lastAtOrBefore, lastIndexAtOrBefore, SpanSet } from '../../../server/src/core/spans';
import type { Span } from '../../../server/src/core/types';

const cases: { name: string; spans: Span[] }[] = [
  { name: 'none', spans: [] },
  { name: 'one', spans: [{ start: 3, end: 7 }] },
  { name: 'apart, out of order', spans: [{ start: 10, end: 12 }, { start: 2, end: 5 }] },
  { name: 'overlapping', spans: [{ start: 2, end: 6 }, { start: 4, end: 9 }] },
  { name: 'touching', spans: [{ start: 2, end: 4 }, { start: 4, end: 8 }] },
  { name: 'nested', spans: [{ start: 1, end: 12 }, { start: 3, end: 5 }] },
];

/** Each character's cover, the slow way: the spans as a set of offsets. */
function covered(spans: readonly Span[]): Set<number> {
  const at = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) at.add(i);
  return at;
}

describe('SpanSet', () => {
  it('merges touching and overlapping spans into one extent', () => {
    assert.deepEqual(new SpanSet([{ start: 4, end: 8 }, { start: 2, end: 4 }, { start: 6, end: 11 }]).within({ start: 0, end: 20 }), [{ start: 2, end: 11 }]);
    assert.deepEqual(new SpanSet([{ start: 2, end: 4 }, { start: 5, end: 6 }]).within({ start: 3, end: 20 }), [{ start: 3, end: 4 }, { start: 5, end: 6 }]);
  });

  for (const c of cases) {
    it(`within and contains agree with the spans: ${c.name}`, () => {
      const set = new SpanSet(c.spans);
      const cover = covered(c.spans);
      for (let start = 0; start <= 14; start++) {
        for (let end = start; end <= 14; end++) {
          const inside = set.within({ start, end });
          const want: number[] = [];
          for (let i = start; i < end; i++) if (cover.has(i)) want.push(i);
          assert.deepEqual([...covered(inside)].sort((a, b) => a - b), want, `within ${start}..${end}`);
          for (let k = 1; k < inside.length; k++) assert.ok(inside[k - 1]!.end < inside[k]!.start, `in order and merged at ${start}..${end}`);
          // A span is inside when one merged extent (touching spans merge) holds all of it.
          const extents = set.within({ start: 0, end: 100 });
          assert.equal(set.contains({ start, end }), extents.some((x) => x.start <= start && end <= x.end), `contains ${start}..${end}`);
        }
      }
    });
  }
});

describe('lastIndexAtOrBefore and lastAtOrBefore: the last index whose key is at most the target', () => {
  const keys = [0, 3, 3, 8, 12];
  const cases: { target: number; expected: number }[] = [
    { target: -1, expected: -1 },
    { target: 0, expected: 0 },
    { target: 2, expected: 0 },
    { target: 3, expected: 2 },
    { target: 7, expected: 2 },
    { target: 8, expected: 3 },
    { target: 100, expected: 4 },
  ];
  for (const { target, expected } of cases) {
    it(`${target} → ${expected}`, () => {
      assert.equal(lastIndexAtOrBefore(keys.length, target, (k) => keys[k]!), expected);
      assert.equal(lastAtOrBefore(keys, target), expected);
    });
  }
  it('an empty list: -1', () => assert.equal(lastIndexAtOrBefore(0, 5, () => 0), -1));
});
