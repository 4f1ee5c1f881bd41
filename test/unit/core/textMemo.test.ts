/**
 * detached() is what keeps the memos from holding every version of a long draft: its copies must
 * equal their originals character for character and keep nothing of the text they were cut from.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detached, detachedSlice, intern, ownedOutright, TextMemo } from '../../../server/src/core/textMemo';
import { heapGrowthKeeping, longText } from '../../helpers/heap';

describe('detached', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['one character', 'a'],
    ['short (below the length at which slices share storage)', 'council'],
    ['a paragraph', 'The council said on Tuesday that the harbour plan would go ahead, despite objections.'],
    ['two-byte', '“Quoted,” she said — twice.'],
    ['astral characters and a lone surrogate', 'emoji 😀 then \ud800 alone, and a trailing space '],
    ['JSON-special characters', 'a "quote", a \\ backslash,\nnew line\ttab\u0000nul'],
  ];
  for (const [name, text] of cases) {
    it(`copies ${name} exactly`, () => {
      const cut = `xx${text}yy`.slice(2, 2 + text.length);
      assert.equal(detached(cut), text);
      assert.equal(detached(cut).length, text.length);
    });
  }

  it('keeps nothing of the long text a piece was cut from', () => {
    // 20 texts of 4 M two-byte characters (8 MB each): 160 MB if the pieces held on to them.
    const { grownMB, kept } = heapGrowthKeeping((k) => {
      const long = longText(k, true);
      return [detached(long.slice(1000, 1600)), intern(long.slice(2000 + k, 2600)), detached(long.slice(3000 + k, 3012 + k)), detached(long.slice(3100, 3113)), detached(`${long.slice(3200, 3206)}${long.slice(3300, 3306)}`)];
    });
    assert.ok(grownMB < 40, `the heap grew ${grownMB.toFixed(0)} MB for 100 short copies`);
    assert.equal(kept, 100);
  });
});

describe('detachedSlice', () => {
  it('cuts what slice cuts, at every length around the one where V8 starts to share storage', () => {
    const text = 'The council said on Tuesday that the “harbour” plan would go ahead.';
    for (let length = 0; length <= 30; length++) for (const start of [0, 5, 30]) assert.equal(detachedSlice(text, start, start + length), text.slice(start, start + length));
  });

  it('keeps nothing of the long text a piece was cut from, short or long', () => {
    const { grownMB, kept } = heapGrowthKeeping((k) => {
      const long = longText(k, true);
      return [1, 5, 12, 13, 40].map((length) => detachedSlice(long, 1000 + k, 1000 + k + length));
    });
    assert.ok(grownMB < 40, `the heap grew ${grownMB.toFixed(0)} MB for 100 short copies`);
    assert.equal(kept, 100);
  });
});

describe('ownedOutright', () => {
  // Each case: a value, and whether it is certainly a string of its own (too short to point into another).
  const cases: [string, unknown, boolean][] = [
    ['empty', '', true],
    ['12 characters', 'x'.repeat(12), true],
    ['13 characters, as long as a slice can be', 'x'.repeat(13), false],
    ['a paragraph', 'The council said on Tuesday that the harbour plan would go ahead.', false],
    ['a number, not a string', 42, false],
  ];
  for (const [name, value, want] of cases) it(name, () => assert.equal(ownedOutright(value as string), want));

  it('keeps nothing of the long text its pieces were cut from, when it says so', () => {
    const { grownMB, kept } = heapGrowthKeeping((k) => {
      const long = longText(k, true);
      const pieces = [1, 5, 12].map((length) => long.slice(1000 + k, 1000 + k + length));
      assert.ok(pieces.every(ownedOutright));
      return pieces;
    });
    assert.ok(grownMB < 40, `the heap grew ${grownMB.toFixed(0)} MB for 60 short pieces`);
    assert.equal(kept, 60);
  });
});

describe('detached, memory', () => {
  it('stores plain text cut from a two-byte draft at a byte per character', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // One curly quote makes the whole draft two-byte; the pieces cut from it are plain ASCII.
    const draft = `“${'The council said on Tuesday that the harbour plan would go ahead. '.repeat(16_000)}`;
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: 20 }, (_, k) => detached(draft.slice(1 + k, 1_000_001 + k)));
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 1e6;
    // 20 MB at a byte per character, 40 MB at two.
    assert.ok(grown < 30, `20 copies of a million plain characters took ${grown.toFixed(0)} MB`);
    assert.equal(kept.length, 20);
  });
});

describe('TextMemo', () => {
  it('computes once per text and finds the text by its characters', () => {
    const memo = new TextMemo<number>();
    let calls = 0;
    const length = (t: string) => (calls++, t.length);
    const text = 'A paragraph of the draft, long enough to be a slice.';
    assert.equal(memo.get(`>${text}`.slice(1), length), text.length);
    assert.equal(memo.get(`<${text}`.slice(1), length), text.length);
    assert.equal(calls, 1);
    assert.equal(memo.peek(text), text.length);
  });

  it('lets the oldest entry go past its bound', () => {
    const memo = new TextMemo<string>(2);
    for (const t of ['first', 'second', 'third']) memo.get(t, (x) => x.toUpperCase());
    assert.equal(memo.peek('first'), undefined);
    assert.equal(memo.peek('third'), 'THIRD');
  });
});
