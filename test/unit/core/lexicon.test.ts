import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyText, tokensOf } from '../../../server/src/core/lexicon';
import { buildSourceText } from '../../../server/src/core/text';

describe('tokensOf keys each word as if lower-cased alone', () => {
  const table: [string, [string, string][]][] = [
    ['The Minister’s so-called reform', [['The', 'the'], ['Minister’s', "minister's"], ['so', 'so'], ['called', 'called'], ['reform', 'reform']]],
    // "İ" lower-cases to two code units: the offsets of the words after it stay the draft's.
    ['İstanbul Talks ended', [['İstanbul', 'i̇stanbul'], ['Talks', 'talks'], ['ended', 'ended']]],
    // A final sigma: "ΑΣ" alone ends in "ς", though in "ΑΣ:Β" lower-cased whole it is "σ".
    ['ΟΔΟΣ ΑΣ:Β', [['ΟΔΟΣ', 'οδος'], ['ΑΣ', 'ας'], ['Β', 'β']]],
  ];
  for (const [text, expected] of table) {
    it(text, () => {
      const tokens = tokensOf(buildSourceText(text, 'plaintext'));
      assert.deepEqual(
        Array.from({ length: tokens.length }, (_, k) => [text.slice(tokens.starts[k], tokens.ends[k]), tokens.keys[k]]),
        expected,
      );
    });
  }
});

describe('tokensOf past the room it makes for one token per word', () => {
  it('splits 200 four-part compounds into 800 tokens, in order', () => {
    const text = Array.from({ length: 200 }, (_, k) => `Well-${k}-to-do`).join(' ');
    const tokens = tokensOf(buildSourceText(text, 'plaintext'));
    assert.equal(tokens.length, 800);
    const parts = Array.from({ length: tokens.length }, (_, k) => tokens.keys[k]);
    assert.deepEqual(parts.slice(0, 8), ['well', '0', 'to', 'do', 'well', '1', 'to', 'do']);
    for (let k = 0; k < tokens.length; k++) assert.equal(text.slice(tokens.starts[k], tokens.ends[k]).toLowerCase(), tokens.keys[k]);
  });
});

describe('keyText', () => {
  const table: [string, string | undefined][] = [
    ['Rates’ Rise', "rates' rise"],
    ['İstanbul', undefined],
    ['ΑΣ:Β', undefined],
  ];
  for (const [text, expected] of table) it(text, () => assert.equal(keyText(text), expected));
});
