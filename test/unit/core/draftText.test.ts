/**
 * PieceText against the string it stands for: after each replacement (at both ends, inside a
 * surrogate pair's neighbourhood, deleting everything, typing a run in one place, edits in many
 * places) its length, every character, every slice and toString agree with the flat string, and
 * typing in one place does not add a piece per keystroke.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PieceText } from '../../../server/src/core/draftText';

function agree(t: PieceText, want: string): void {
  assert.equal(t.length, want.length);
  for (let i = -1; i <= want.length; i++) assert.deepEqual(t.charCodeAt(i), want.charCodeAt(i), `charCodeAt(${i})`);
  for (let a = -2; a <= want.length + 1; a++) for (let b = a - 1; b <= want.length + 2; b += 3) assert.equal(t.slice(a, b), want.slice(Math.max(0, a), Math.max(0, b)), `slice(${a}, ${b})`);
  assert.equal(t.toString(), want);
  assert.equal(String(t), want);
}

const CASES: { name: string; start: string; edits: [number, number, string][]; want: string }[] = [
  { name: 'insert in the middle', start: 'abcdef', edits: [[3, 3, 'X']], want: 'abcXdef' },
  { name: 'insert at the start and the end', start: 'abc', edits: [[0, 0, '<'], [4, 4, '>']], want: '<abc>' },
  { name: 'delete across pieces', start: 'abcdef', edits: [[2, 2, 'XY'], [1, 5, '']], want: 'adef' },
  { name: 'replace everything', start: 'abc', edits: [[0, 3, 'xyz']], want: 'xyz' },
  { name: 'delete everything', start: 'abc', edits: [[0, 3, '']], want: '' },
  { name: 'from an empty text', start: '', edits: [[0, 0, 'a'], [1, 1, 'b']], want: 'ab' },
  { name: 'next to a surrogate pair', start: 'a🚢b', edits: [[3, 3, 'é'], [1, 1, 'x']], want: 'ax🚢éb' },
];

describe('PieceText', () => {
  for (const c of CASES) {
    it(c.name, () => {
      let t = new PieceText([c.start]);
      for (const [start, end, text] of c.edits) t = t.replaced(start, end, text);
      agree(t, c.want);
    });
  }

  it('reads past either end as a string does, in any order', () => {
    // Jumps between pieces and past the end: the last piece's end marker (length + 1) must not be read as a piece.
    const t = new PieceText(['ab', 'cd', 'ef']);
    for (const i of [9, 6, 7, 0, 5, 2, -3, 4, 100, 1]) assert.deepEqual(t.charCodeAt(i), 'abcdef'.charCodeAt(i), `charCodeAt(${i})`);
    t.toString();
    for (const i of [9, 6, 0, -1, 5]) assert.deepEqual(t.charCodeAt(i), 'abcdef'.charCodeAt(i), `joined, charCodeAt(${i})`);
  });

  it('leaves the version it was made from as it was', () => {
    const before = new PieceText(['one two']);
    before.replaced(3, 4, '-');
    agree(before, 'one two');
  });

  it('keeps a run typed in one place as one piece', () => {
    const long = 'x'.repeat(10_000);
    let t = new PieceText([long]);
    for (let i = 0; i < 300; i++) t = t.replaced(5_000 + i, 5_000 + i, 'y');
    // Two slices of the first version and the typed run, not 302 pieces.
    assert.equal((t as unknown as { pieces: readonly string[] }).pieces.length, 3);
    agree(t, `${long.slice(0, 5_000)}${'y'.repeat(300)}${long.slice(5_000)}`);
  });

  it('agrees with a string after random replacements', () => {
    const chunk = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '🚢', 'é'), { maxLength: 5 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(chunk, fc.array(fc.record({ a: fc.nat(), b: fc.nat(), text: chunk, read: fc.boolean() }), { maxLength: 12 }), (start, edits) => {
        let t = new PieceText([start]);
        let want = start;
        for (const { a, b, text, read } of edits) {
          const from = Math.min(a, b) % (want.length + 1);
          const to = from + (Math.max(a, b) % (want.length - from + 1));
          t = t.replaced(from, to, text);
          want = want.slice(0, from) + text + want.slice(to);
          if (read) assert.equal(t.toString(), want);
        }
        agree(t, want);
      }),
      { numRuns: 200 },
    );
  });
});
