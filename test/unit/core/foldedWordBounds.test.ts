import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldedWordBounds, foldedWords, normalizeForComparison } from '../../../server/src/core/normalize';
import { shingleSetOf, shingleSetOfFolded } from '../../../server/src/core/shingles';

function words(folded: string): string[] {
  const { bounds, count } = foldedWordBounds(folded);
  return Array.from({ length: count }, (_, k) => folded.slice(bounds[2 * k], bounds[2 * k + 1]));
}

// Each case: a folded text and the words foldedWords finds in it.
const CASES: [string, string[]][] = [
  ['', []],
  ['the council met', ['the', 'council', 'met']],
  ["o'neill's u.s. so-called", ["o'neill's", 'u.s', 'so-called']],
  ["a--b 'quoted' x.", ['a', 'b', 'quoted', 'x']],
  ['café ٣ élan', ['café', '٣', 'élan']],
  ['𝐀𝐁 x', ['𝐀𝐁', 'x']],
  ['e\u0301t\u00e9', ['e', 't\u00e9']],
];

describe('foldedWordBounds', () => {
  for (const [text, want] of CASES) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(words(text), want);
      assert.deepEqual(foldedWords(text), want);
    });
  }

  const piece = fc.constantFrom('a', 'Z', '7', ' ', "'", '-', '.', 'é', '٣', '𝐀', '\u0301', '\ud835', '\udc00', ',', '\n');
  const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

  it('finds what foldedWords finds', () => {
    fc.assert(fc.property(text, (t) => assert.deepEqual(words(t), foldedWords(t))), { numRuns: 2000 });
  });

  it('shingles as shingleSetOf over foldedWords does', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 3 }), (t, size) => {
        const folded = normalizeForComparison(t);
        assert.deepEqual(shingleSetOfFolded(folded, size), shingleSetOf(foldedWords(folded), size));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normalizeForComparison spacing', () => {
  // Every run of spacing is one space, a lone space left as it is.
  for (const [text, want] of [
    ['a b', 'a b'],
    ['a  b', 'a b'],
    ['a\tb', 'a b'],
    ['a \n b', 'a b'],
    [' a\r\n', 'a'],
    ['é\u00a0 x', 'é x'],
  ]) {
    it(JSON.stringify(text), () => assert.equal(normalizeForComparison(text!), want));
  }
});
