import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockSegments, WORD } from '../../../server/src/core/segments';

/** A block's word bounds as segmentation reads them (character by character). */
const wordBounds = (prose: string): number[] => Array.from(blockSegments(prose).words);
/** The words as the expression finds them: what segmentation must give without its match objects. */
const byExpression = (prose: string): number[] => [...prose.matchAll(WORD)].flatMap((m) => [m.index, m.index + m[0].length]);
const words = (prose: string): string[] => {
  const bounds = wordBounds(prose);
  const out: string[] = [];
  for (let i = 0; i < bounds.length; i += 2) out.push(prose.slice(bounds[i], bounds[i + 1]));
  return out;
};

describe('wordBounds', () => {
  const cases: { prose: string; words: string[] }[] = [
    { prose: 'The council said no.', words: ['The', 'council', 'said', 'no'] },
    // Joined by an apostrophe, a hyphen or a full stop only when a letter or digit follows.
    { prose: "don't rock’n’roll so-called U.S. 3.5", words: ["don't", 'rock’n’roll', 'so-called', 'U.S', '3.5'] },
    { prose: "players' -- end. x-", words: ['players', 'end', 'x'] },
    { prose: "a'-b", words: ['a', 'b'] },
    // Letters and digits of any script, astral ones (two UTF-16 units) included; marks and symbols are not.
    { prose: 'café Straße ٣٤ 𝐀𝐁 ²', words: ['café', 'Straße', '٣٤', '𝐀𝐁', '²'] },
    { prose: 'e\u0301 a_b 😀x', words: ['e', 'a', 'b', 'x'] },
    // A lone surrogate is no letter.
    { prose: 'a\ud835b \udc00c', words: ['a', 'b', 'c'] },
    { prose: '', words: [] },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.prose), () => {
      assert.deepEqual(words(c.prose), c.words);
      assert.deepEqual(wordBounds(c.prose), byExpression(c.prose));
    });
  }

  it('gives the expression’s words on random text', () => {
    const alphabet = ['a', 'Z', '9', ' ', "'", '’', '-', '.', 'é', '٣', '\u{1d400}', '\ud835', '\udc00', '😀', ',', '\n', '²', '_', '\u0301'];
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let t = 0; t < 20_000; t++) {
      let prose = '';
      for (let k = random(12); k > 0; k--) prose += alphabet[random(alphabet.length)];
      assert.deepEqual(wordBounds(prose), byExpression(prose), JSON.stringify(prose));
    }
  });
});

describe('blockSegments offsets', () => {
  // 16-bit offsets up to a block of 65,535 characters, 32-bit past it: the last word's end is the block's length either way.
  const cases: { name: string; length: number }[] = [
    { name: 'a paragraph', length: 40 },
    { name: 'a block of 65,535 characters', length: 0xffff },
    { name: 'a block of 65,536 characters', length: 0x10000 },
    { name: 'a block of 200,000 characters', length: 200_000 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const prose = 'word. '.repeat(Math.ceil(c.length / 6)).slice(0, c.length - 1) + 'x';
      const { words, sentences } = blockSegments(prose);
      assert.equal(words[words.length - 1], c.length);
      assert.equal(sentences[sentences.length - 1], c.length);
      assert.deepEqual(Array.from(words), byExpression(prose));
    });
  }
});
