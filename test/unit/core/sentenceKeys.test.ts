import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldedWordBounds, foldsAsLowerCase, ownComparisonKey } from '../../../server/src/core/normalize';
import { foldedKey, sentenceKey, sentenceKeysOf } from '../../../server/src/core/repeats';
import { blockSegments } from '../../../server/src/core/segments';

/** Each sentence's key and word count, from sentenceKeysOf and from sentenceKey one by one. */
function both(prose: string): { got: [string, number][]; want: [string, number][] } {
  const { sentences, words } = blockSegments(prose);
  const got = sentenceKeysOf(prose, sentences, words).map((k): [string, number] => [k.key, k.words]);
  const want: [string, number][] = [];
  for (let i = 0; i < sentences.length; i += 2) {
    const k = sentenceKey(prose, sentences[i]!, sentences[i + 1]!);
    want.push([k.key, k.words]);
  }
  return { got, want };
}

// Each case: a paragraph and its sentences' keys and word counts.
const CASES: [string, [string, number][]][] = [
  ['The council met. It voted.', [['the council met.', 3], ['it voted.', 2]]],
  ["O'Neill met U.S. officials. The so-called deal held.", [["o'neill met u.s. officials.", 4], ['the so-called deal held.', 4]]],
  // Folded spacing, quotes and dashes: the general folding, as before.
  ['He left.  Then  she came.', [['he left.', 2], ['then she came.', 3]]],
  ['“Yes,” he said. She didn’t.', [['"yes," he said.', 3], ["she didn't.", 2]]],
  ['Prices rose 3.5%. Wages did not.', [['prices rose 3.5%.', 3], ['wages did not.', 3]]],
  ['one sentence only', [['one sentence only', 3]]],
  // A sentence already in lower case: its key is the same text, copied (detached) all the same.
  ['it was lower case. Then it was not.', [['it was lower case.', 4], ['then it was not.', 4]]],
];

describe('sentenceKeysOf', () => {
  for (const [prose, want] of CASES) {
    it(JSON.stringify(prose), () => {
      const { got, want: one } = both(prose);
      assert.deepEqual(got, want);
      assert.deepEqual(one, want);
    });
  }

  const piece = fc.constantFrom('The', 'council', 'U.S.', "o'neill", 'so-called', '3.5', 'a', 'Mr.', '. ', '! ', '? ', ' ', '  ', '\t', '\n', '"', '“', '’', 'é', '—', '-', '.', 'e.g.Next');
  const prose = fc.array(piece, { maxLength: 30 }).map((p) => p.join(' '));
  const tight = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

  it('keys every sentence as sentenceKey does', () => {
    fc.assert(
      fc.property(fc.oneof(prose, tight), (p) => {
        const { got, want } = both(p);
        assert.deepEqual(got, want);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('foldsAsLowerCase', () => {
  // ASCII, and no spacing that normalizeForComparison would fold.
  const byDefinition = (t: string) => /^[\x20-\x7e\t\n\r]*$/.test(t) && !/\s{2,}|[^\S ]/u.test(t);
  const CASES: [string, boolean][] = [
    ['', true],
    ['The U.S. council met.', true],
    [' lead and trail ', true],
    ['two  spaces', false],
    ['a\ttab', false],
    ['a\nbreak', false],
    ['café', false],
    ['“quoted”', false],
    ['a\u00a0b', false],
    ['bell\u0007', false],
  ];
  for (const [text, want] of CASES) {
    it(JSON.stringify(text), () => {
      assert.equal(foldsAsLowerCase(text), want);
      assert.equal(byDefinition(text), want);
    });
  }

  it('holds exactly where ASCII and no spacing to fold do', () => {
    const piece = fc.constantFrom('a', 'Z', '.', ' ', '  ', '\t', '\n', '\r', '\u000b', '\u00a0', '\u2003', 'é', '~', '\u007f', '\u0001');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (p) => {
        const t = p.join('');
        assert.equal(foldsAsLowerCase(t), byDefinition(t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('foldedKey of a paragraph already segmented', () => {
  // The key and word count makeKey gives any text.
  const byFolding = (t: string): [string, number] => {
    const key = ownComparisonKey(t);
    return [key, foldedWordBounds(key).count];
  };
  const piece = fc.constantFrom('The', 'council', 'U.S.', "o'neill", 'so-called', '3.5', 'Mr.', '. ', ' ', '  ', '\t', '"', '“', 'é', '-', '.', 'e.g.Next', 'already lower');
  let n = 0;

  it('keys it as folding does', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (p) => {
        // A text of its own each time: foldedKey remembers a text's key.
        const prose = `${p.join(' ')} #${n++}`;
        blockSegments(prose);
        const k = foldedKey(prose);
        assert.deepEqual([k.key, k.words], byFolding(prose));
      }),
      { numRuns: 3000 },
    );
  });
});
