import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReportIds, sameJson } from '../../../server/src/lsp/reportIds';

const diagnostic = (character: number, message = 'm') => ({ range: { start: { line: 0, character }, end: { line: 0, character: character + 1 } }, message });

describe('sameJson: equal as the client reads them', () => {
  const cases: [string, unknown, unknown, boolean][] = [
    ['the same numbers', 1, 1, true],
    ['a number and its text', 1, '1', false],
    ['null and an empty object', null, {}, false],
    ['an array and an object with its keys', ['a'], { 0: 'a' }, false],
    ['arrays of different length', [1, 2], [1], false],
    ['keys in another order', { a: 1, b: 2 }, { b: 2, a: 1 }, true],
    ['one key more', { a: 1 }, { a: 1, b: 2 }, false],
    ['a key swapped for another', { a: 1 }, { b: 1 }, false],
    ['the same diagnostic built twice', diagnostic(4), diagnostic(4), true],
    ['a range moved by one', diagnostic(4), diagnostic(5), false],
    ['another message', diagnostic(4), diagnostic(4, 'n'), false],
    ['an inherited key is not one of its own (JSON leaves it out)', Object.create({ a: 1 }) as object, {}, true],
    ['nothing but a key of its own more', { a: 1, b: undefined }, { a: 1 }, false],
  ];
  for (const [name, a, b, same] of cases) it(name, () => assert.equal(sameJson(a, b), same));
});

describe('ReportIds', () => {
  it('unchanged only for the id it last gave that draft, with equal items', () => {
    const ids = new ReportIds();
    const first = ids.report('a', [diagnostic(1)], undefined);
    assert.equal(first.kind, 'full');
    assert.deepEqual(ids.report('a', [diagnostic(1)], first.resultId), { kind: 'unchanged', resultId: first.resultId });
    assert.equal(ids.report('b', [diagnostic(1)], first.resultId).kind, 'full', "another draft's id");
    const moved = ids.report('a', [diagnostic(2)], first.resultId);
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, first.resultId);
    assert.equal(ids.report('a', [diagnostic(2)], first.resultId).kind, 'full', 'an older id');
    ids.forget('a');
    assert.equal(ids.report('a', [diagnostic(2)], moved.resultId).kind, 'full', 'after the draft was closed');
  });

  it("hands back the last report's object for each equal item, in place", () => {
    const ids = new ReportIds();
    const first = ids.report('a', [diagnostic(1), diagnostic(2), diagnostic(3)], undefined);
    assert.equal(first.kind, 'full');
    const items = [diagnostic(1), diagnostic(7), diagnostic(3), diagnostic(4)];
    const next = ids.report('a', items, first.resultId);
    assert.equal(next.kind, 'full');
    if (first.kind !== 'full' || next.kind !== 'full') return;
    assert.deepEqual(next.items, [diagnostic(1), diagnostic(7), diagnostic(3), diagnostic(4)]);
    assert.deepEqual([0, 1, 2, 3].map((i) => next.items[i] === first.items[i]), [true, false, true, false]);
  });

  it('freezes every item it keeps, to the innermost object, first report included', () => {
    const ids = new ReportIds();
    const first = ids.report('a', [diagnostic(1)], undefined);
    const next = ids.report('a', [diagnostic(1), diagnostic(2)], first.resultId);
    if (first.kind !== 'full' || next.kind !== 'full') return assert.fail('full reports expected');
    for (const item of [...first.items, ...next.items]) {
      assert.ok(Object.isFrozen(item) && Object.isFrozen(item.range) && Object.isFrozen(item.range.start) && Object.isFrozen(item.range.end));
    }
  });
});
