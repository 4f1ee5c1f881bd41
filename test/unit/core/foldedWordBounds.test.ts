import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldedWordBounds, foldedWords, foldsAsLowerCase, normalizeForComparison } from '../../../server/src/core/normalize';
import { blockSegments } from '../../../server/src/core/segments';
import { shingleSetOf, shingleSetOfFolded, shingleSetOfWords } from '../../../server/src/core/shingles';

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

describe('shingleSetOfWords', () => {
  // A paragraph that folds as lower case: its segmentation's words, moved by the space trim cut, are its key's.
  const piece = fc.constantFrom('a', 'Z', '7', ' ', "'", '-', '.', ',', '!', 'Ab', 'x.y', "it's");
  const paragraph = fc
    .array(piece, { maxLength: 40 })
    .map((p) => p.join(''))
    .filter(foldsAsLowerCase);

  it('shingles as shingleSetOfFolded over the key does', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 1, max: 3 }), (t, size) => {
        const key = normalizeForComparison(t);
        assert.deepEqual(shingleSetOfWords(key, blockSegments(t).words, t.startsWith(' ') ? 1 : 0, size), shingleSetOfFolded(key, size));
      }),
      { numRuns: 2000 },
    );
  });

  // Each case: a paragraph; its shingles must be its key's.
  for (const t of ['', ' ', ' The council met.', 'U.S. so-called "plans", o\'neill\'s. ', 'One', ' Two words']) {
    it(JSON.stringify(t), () => {
      const key = normalizeForComparison(t);
      assert.deepEqual(shingleSetOfWords(key, blockSegments(t).words, t.startsWith(' ') ? 1 : 0, 2), shingleSetOfFolded(key, 2));
    });
  }
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
