import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareFindings } from '../../../server/src/core/engine';
import { BlockFindings } from '../../../server/src/core/blockFindings';
import { findingArray, refinedFindings, shiftFinding, withLoose, type FindingList } from '../../../server/src/core/findingList';
import type { Finding } from '../../../server/src/core/types';

/** Block bundles (each relative to its block's offset) and loose findings in draft offsets, merged as the engine merges them. */
const mergedFindings = (bundles: readonly (readonly Finding[])[], offsets: ArrayLike<number>, loose: readonly Finding[]): FindingList => withLoose(BlockFindings.of(bundles, offsets), loose);

function at(checkId: string, start: number, end = start + 1): Finding {
  return { checkId, messageId: 'm', message: checkId, span: { start, end }, severity: 'warning', fix: { title: 't', edit: { span: { start, end }, newText: '' } }, suggestions: [], related: [{ span: { start, end }, message: 'r' }], tags: [] };
}

/** What the list should give: every bundle placed at its offset, then one stable sort. */
function expected(bundles: Finding[][], offsets: number[], loose: Finding[]): Finding[] {
  return [...bundles.flatMap((b, k) => b.map((f) => shiftFinding(f, offsets[k]!))), ...loose].sort(compareFindings);
}

describe('mergedFindings: block-relative bundles and draft-offset findings in text order', () => {
  const cases: { name: string; bundles: Finding[][]; offsets: number[]; loose: Finding[] }[] = [
    { name: 'no findings', bundles: [[], []], offsets: [0, 10], loose: [] },
    { name: 'bundles only', bundles: [[at('a', 0), at('b', 3)], [], [at('a', 1)]], offsets: [0, 10, 20], loose: [] },
    { name: 'loose only', bundles: [[]], offsets: [0], loose: [at('d', 2), at('d', 30)] },
    { name: 'loose between and around blocks', bundles: [[at('a', 1)], [at('a', 0), at('b', 4)]], offsets: [5, 20], loose: [at('d', 0), at('d', 6), at('d', 21), at('d', 99)] },
    { name: 'same span: rule id decides', bundles: [[at('b', 0, 3)]], offsets: [10], loose: [at('a', 10, 13), at('c', 10, 13)] },
    { name: 'same start: the shorter first', bundles: [[at('a', 0, 5)]], offsets: [10], loose: [at('z', 10, 12), at('z', 10, 20)] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const list = mergedFindings(c.bundles, c.offsets, c.loose);
      const want = expected(c.bundles, c.offsets, c.loose);
      assert.deepEqual(list.toArray(), want);
      assert.equal(list.length, want.length);
      const indices: number[] = [];
      list.forEach((f, by, i) => {
        indices.push(i);
        assert.deepEqual(by ? shiftFinding(f, by) : f, want[i]);
      });
      assert.deepEqual(indices, want.map((_, i) => i));
    });
  }
});

describe('refinedFindings: a filter on placed findings, and extra findings merged in', () => {
  const list = mergedFindings([[at('a', 0), at('b', 2)], [at('a', 0)]], [0, 10], [at('d', 5)]);
  const cases: { name: string; keep?: (f: Finding, start: number) => boolean; extra: Finding[]; asking?: { start: number; end: number }[]; want: [string, number][] }[] = [
    { name: 'nothing to do', extra: [], want: [['a', 0], ['b', 2], ['d', 5], ['a', 10]] },
    { name: 'dropped by placed offset', keep: (_, start) => start !== 10, extra: [], want: [['a', 0], ['b', 2], ['d', 5]] },
    { name: 'extra findings in text order', extra: [at('a', 2), at('x', 11)], want: [['a', 0], ['a', 2], ['b', 2], ['d', 5], ['a', 10], ['x', 11]] },
    { name: 'asked only about findings starting in a region', keep: (_, start) => start !== 10 && start !== 2, extra: [], asking: [{ start: 9, end: 12 }], want: [['a', 0], ['b', 2], ['d', 5]] },
    { name: 'regions at both ends, a start on a region\'s end asked', keep: () => false, extra: [], asking: [{ start: 0, end: 0 }, { start: 5, end: 5 }, { start: 10, end: 40 }], want: [['b', 2]] },
    { name: 'regions before and after every finding', keep: () => false, extra: [], asking: [{ start: 50, end: 60 }], want: [['a', 0], ['b', 2], ['d', 5], ['a', 10]] },
    { name: 'regions are ignored when there are extra findings', keep: (_, start) => start !== 2, extra: [at('x', 11)], asking: [{ start: 9, end: 12 }], want: [['a', 0], ['d', 5], ['a', 10], ['x', 11]] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const refined = refinedFindings(list, c.keep, c.extra, undefined, c.asking);
      assert.deepEqual(refined.toArray().map((f) => [f.checkId, f.span.start]), c.want);
      assert.equal(refined.length, c.want.length);
    });
  }
});

describe('FindingList.within: the findings touching a span, as a filter of toArray gives them', () => {
  const long = at('long', 2, 40);
  const bundles = [[at('a', 0, 2), at('b', 3, 4)], [at('a', 0, 0), at('c', 1, 6)], []];
  const offsets = [5, 20, 30];
  const loose = [at('d', 0, 1), long, at('d', 22, 22), at('d', 50, 60)];
  const lists = { merged: mergedFindings(bundles, offsets, loose), array: findingArray(expected(bundles, offsets, loose)) };
  const cases: { name: string; start: number; end: number }[] = [
    { name: 'before every finding but the first', start: 0, end: 0 },
    { name: 'inside the long one only', start: 41, end: 41 },
    { name: 'a point where a finding ends', start: 7, end: 7 },
    { name: 'a point where an empty finding is', start: 20, end: 20 },
    { name: 'a span over two blocks', start: 8, end: 21 },
    { name: 'after every finding', start: 61, end: 70 },
    { name: 'the whole draft', start: 0, end: 100 },
  ];
  for (const [kind, list] of Object.entries(lists)) {
    for (const c of cases) {
      it(`${kind}: ${c.name}`, () => {
        const want = list.toArray().filter((f) => f.span.start <= c.end && f.span.end >= c.start);
        assert.deepEqual(list.within(c.start, c.end), want);
      });
    }
  }
  it('a refined list too', () => {
    const list = refinedFindings(lists.merged, (f) => f.checkId !== 'b', [at('e', 9, 12)]);
    for (let p = 0; p <= 62; p++) assert.deepEqual(list.within(p, p), list.toArray().filter((f) => f.span.start <= p && f.span.end >= p), `at ${p}`);
  });
});

describe('shiftFinding: a finding moved into draft offsets, properties in the order stored findings have', () => {
  const base = { checkId: 'c', messageId: 'm', message: 'msg', span: { start: 1, end: 3 }, severity: 'warning' as const };
  const fix = { title: 't', edit: { span: { start: 1, end: 3 }, newText: 'x' } };
  const elsewhere = { span: { start: 0, end: 2 }, message: 'there', document: 'other.md' };
  const cases: { name: string; f: Finding; want: Finding }[] = [
    {
      name: 'no fix, nothing optional',
      f: { ...base, suggestions: [], related: [], tags: [] },
      want: { ...base, span: { start: 11, end: 13 }, suggestions: [], related: [], tags: [] },
    },
    {
      name: 'a fix, suggestions and every optional property',
      f: { ...base, fix, suggestions: [fix], related: [{ span: { start: 0, end: 1 }, message: 'r' }], tags: ['unnecessary'], actual: 'ab', expected: ['x'], note: 'n' },
      want: {
        ...base,
        span: { start: 11, end: 13 },
        fix: { title: 't', edit: { span: { start: 11, end: 13 }, newText: 'x' } },
        suggestions: [{ title: 't', edit: { span: { start: 11, end: 13 }, newText: 'x' } }],
        related: [{ span: { start: 10, end: 11 }, message: 'r' }],
        tags: ['unnecessary'],
        actual: 'ab',
        expected: ['x'],
        note: 'n',
      },
    },
    {
      name: 'a place in another draft keeps its offsets',
      f: { ...base, suggestions: [], related: [elsewhere], tags: [], note: 'n' },
      want: { ...base, span: { start: 11, end: 13 }, suggestions: [], related: [elsewhere], tags: [], note: 'n' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      // JSON text, not deepEqual: the order of the properties is part of what is checked.
      assert.equal(JSON.stringify(shiftFinding(c.f, 10)), JSON.stringify(c.want));
      assert.equal(JSON.stringify(c.f.span), '{"start":1,"end":3}');
    });
  }
});
