/**
 * quoteBounds finds the next quote mark with a regular expression instead of asking of every
 * character: over many texts of marks, letters, spaces and surrogates it must give what the
 * character-by-character loop gave, for whole texts and for ranges inside them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoteBounds } from '../../../server/src/core/quotes';

const OPENS_AFTER = /[\s([{\u2014\u2013\-"“‘'«]/u;

/** The loop quoteBounds replaced, kept as the reference. */
function byCharacter(prose: string, start: number, end: number): number[] {
  const out: number[] = [];
  let double = -1;
  let single = -1;
  for (let i = start; i < end; i++) {
    const c = prose.charAt(i);
    if (!'"\'“”‘’«»'.includes(c)) continue;
    const prev = i > start ? prose.charAt(i - 1) : ' ';
    const next = i + 1 < end ? prose.charAt(i + 1) : ' ';
    const opening = OPENS_AFTER.test(prev);
    if (c === '“' || c === '«' || (c === '"' && opening && double < 0)) {
      if (double < 0) double = i;
    } else if (c === '”' || c === '»' || c === '"') {
      if (double >= 0) (out.push(double, i + 1), (double = -1));
    } else if ((c === '‘' || c === "'") && opening && /\S/u.test(next) && double < 0 && single < 0) {
      single = i;
    } else if ((c === '’' || c === "'") && single >= 0 && !/[\p{L}\p{N}]/u.test(next) && double < 0) {
      out.push(single, i + 1);
      single = -1;
    }
  }
  const open = double >= 0 ? double : single;
  if (open >= 0) out.push(open, end);
  return out;
}

const bounds = (prose: string, start = 0, end = prose.length): number[] => {
  const out: number[] = [];
  quoteBounds(prose, start, end, out);
  return out;
};

describe('quoteBounds', () => {
  const table: [string, number[]][] = [
    ['no marks at all', []],
    ['«Non», dit-il.', [0, 5]],
    ['“ok 😀” then ‘x’ 😀', [0, 7, 13, 16]],
    ['"', [0, 1]],
    ['end "', [4, 5]],
  ];
  for (const [text, want] of table) it(text, () => assert.deepEqual(bounds(text), want));

  it('gives what the character-by-character loop gave, whole texts and ranges', () => {
    // A small generator with a fixed seed: the same texts every run.
    let seed = 7;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const alphabet = ['"', "'", '“', '”', '‘', '’', '«', '»', 'a', 'B', '1', ' ', ' ', '-', '(', '.', '\n', '😀', '\ud800', 'é'];
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let n = random(24); n > 0; n--) text += alphabet[random(alphabet.length)];
      assert.deepEqual(bounds(text), byCharacter(text, 0, text.length), JSON.stringify(text));
      const start = random(text.length + 1);
      const end = start + random(text.length - start + 1);
      assert.deepEqual(bounds(text, start, end), byCharacter(text, start, end), `${JSON.stringify(text)} ${start}..${end}`);
    }
  });
});
