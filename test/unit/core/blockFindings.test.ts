import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BlockFindings } from '../../../server/src/core/blockFindings';
import { FindingBuffers, withLoose } from '../../../server/src/core/findingList';
import type { Finding } from '../../../server/src/core/types';

function at(checkId: string, start: number, end = start + 1): Finding {
  return { checkId, messageId: 'm', message: checkId, span: { start, end }, severity: 'warning', suggestions: [], related: [], tags: [] };
}

/** Everything a table holds, entry by entry: what a table built afresh from the same bundles must hold too. */
function contents(t: BlockFindings) {
  return {
    blocks: t.blocks,
    firsts: [...t.firsts.subarray(0, t.blocks + 1)],
    entries: [...t.stored.slice(0, t.length).keys()].map((i) => [t.stored[i]!.checkId, t.shifts[i], t.spans[2 * i], t.spans[2 * i + 1], t.codes[i]]),
  };
}

type Bundles = Finding[][];

/** Three blocks 10 characters apart: two findings, none, one. */
const three: Bundles = [[at('a', 0), at('b', 2, 5)], [], [at('c', 1)]];
const threeAt = [0, 10, 20];

describe('BlockFindings.patch: the same table as one built afresh from the new bundles', () => {
  const cases: { name: string; bundles: Bundles; offsets: number[]; head: number; tail: number; middle: Bundles; middleAt: number[]; delta: number }[] = [
    { name: 'edit in the first block', bundles: three, offsets: threeAt, head: 0, tail: 2, middle: [[at('a', 0), at('d', 3)]], middleAt: [0], delta: 1 },
    { name: 'edit in the last block', bundles: three, offsets: threeAt, head: 2, tail: 0, middle: [[]], middleAt: [20], delta: -1 },
    { name: 'edit in a middle block with no findings, same length', bundles: three, offsets: threeAt, head: 1, tail: 1, middle: [[]], middleAt: [10], delta: 0 },
    { name: 'a finding more in the middle: the tail moves on', bundles: three, offsets: threeAt, head: 1, tail: 1, middle: [[at('x', 0), at('y', 4, 9)]], middleAt: [10], delta: 2 },
    { name: 'a block split in two', bundles: three, offsets: threeAt, head: 0, tail: 2, middle: [[at('a', 0)], [at('b', 0, 3)]], middleAt: [0, 4], delta: 2 },
    { name: 'two blocks merged into one', bundles: three, offsets: threeAt, head: 0, tail: 1, middle: [[at('a', 0), at('b', 2, 5)]], middleAt: [0], delta: -2 },
    { name: 'a deletion taking blocks and findings away', bundles: three, offsets: threeAt, head: 0, tail: 1, middle: [], middleAt: [], delta: -20 },
    { name: 'every block replaced', bundles: three, offsets: threeAt, head: 0, tail: 0, middle: [[at('z', 1)]], middleAt: [0], delta: -25 },
    { name: 'nothing replaced, everything moved', bundles: three, offsets: threeAt, head: 0, tail: 3, middle: [], middleAt: [], delta: 7 },
    { name: 'no blocks at all', bundles: [], offsets: [], head: 0, tail: 0, middle: [], middleAt: [], delta: 0 },
    { name: 'no findings at all', bundles: [[], []], offsets: [0, 10], head: 1, tail: 0, middle: [[], []], middleAt: [10, 15], delta: 4 },
    { name: 'more findings than the arrays have room for', bundles: three, offsets: threeAt, head: 1, tail: 1, middle: [Array.from({ length: 500 }, (_, i) => at('w', i))], middleAt: [10], delta: 490 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const bundles = [...c.bundles.slice(0, c.head), ...c.middle, ...c.bundles.slice(c.bundles.length - c.tail)];
      const offsets = [...c.offsets.slice(0, c.head), ...c.middleAt, ...c.offsets.slice(c.offsets.length - c.tail).map((o) => o + c.delta)];
      const table = BlockFindings.of(c.bundles, c.offsets);
      const kept = contents(table);
      const copy = table.clone().patch(c.head, c.tail, c.middle, c.middleAt, c.delta);
      assert.deepEqual(contents(table), kept, 'a clone is patched, not the table it came from');
      assert.deepEqual(contents(copy), contents(BlockFindings.of(bundles, offsets)));
      table.patch(c.head, c.tail, c.middle, c.middleAt, c.delta);
      assert.deepEqual(contents(table), contents(BlockFindings.of(bundles, offsets)));
      bundles.forEach((b, k) => assert.deepEqual(table.bundle(k), b, `block ${k}`));
    });
  }
  it('refuses to keep more blocks than it has', () => {
    assert.throws(() => BlockFindings.of(three, threeAt).patch(2, 2, [], [], 0));
  });

  it('edit after edit, anywhere: the same table as one built afresh', () => {
    const bundle = fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.nat(8)), { maxLength: 3 }).map((xs) => xs.map(([id, s]) => at(id, s)).sort((x, y) => x.span.start - y.span.start));
    const edit = fc.record({ head: fc.nat(), tail: fc.nat(), middle: fc.array(bundle, { maxLength: 3 }), delta: fc.integer({ min: -5, max: 5 }) });
    fc.assert(
      fc.property(fc.array(bundle, { maxLength: 6 }), fc.array(edit, { maxLength: 5 }), (start, edits) => {
        let bundles = start;
        let offsets = start.map((_, k) => 10 * k);
        const table = BlockFindings.of(bundles, offsets);
        for (const e of edits) {
          const head = e.head % (bundles.length + 1);
          const tail = e.tail % (bundles.length - head + 1);
          const middleAt = e.middle.map((_, k) => 10 * (head + k));
          table.patch(head, tail, e.middle, middleAt, e.delta);
          bundles = [...bundles.slice(0, head), ...e.middle, ...bundles.slice(bundles.length - tail)];
          offsets = [...offsets.slice(0, head), ...middleAt, ...offsets.slice(offsets.length - tail).map((o) => o + e.delta)];
          assert.deepEqual(contents(table), contents(BlockFindings.of(bundles, offsets)));
        }
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});

describe('FindingBuffers: a draft\'s lists written into the same arrays in turn', () => {
  const table = BlockFindings.of(three, threeAt);
  it('a list stays readable while the next is written, and throws once its arrays are written again', () => {
    const buffers = new FindingBuffers();
    const first = withLoose(table, [at('l', 12)], buffers);
    const want = first.toArray().map((f) => [f.checkId, f.span.start]);
    const second = withLoose(table, [], buffers);
    assert.deepEqual(first.within(0, 100).map((f) => [f.checkId, f.span.start]), want);
    assert.equal(second.length, 3);
    withLoose(table, [], buffers);
    assert.deepEqual(first.toArray().map((f) => [f.checkId, f.span.start]), want, 'placed before, kept');
    assert.throws(() => first.within(0, 100), /reused/);
    assert.throws(() => first.spans, /reused/);
    assert.equal(second.within(0, 100).length, 3);
  });
  it('a shorter list leaves no finding of a longer one in its arrays', () => {
    const buffers = new FindingBuffers();
    withLoose(table, [at('l', 12), at('l', 30)], buffers);
    withLoose(table, [], buffers);
    const shorter = withLoose(table, [], buffers);
    assert.equal(shorter.length, 3);
    assert.equal(shorter.stored[3], undefined);
  });
});
