/**
 * Where micromark's time grows with the square of the input, a chunk is laid out as plain text
 * (see tooHardToParse in core/markdown.ts): just past each limit it is, just under it it is not.
 * Code fences never count toward the line limit, so a long listing stays code.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSourceText } from '../../../server/src/core/text';

/** Laid out exactly as the plain-text format lays it out: prose, block kinds and spans. */
const plain = (text: string): boolean => {
  const shape = (format: 'markdown' | 'plaintext') => {
    const view = buildSourceText(text, format);
    return { prose: view.prose, blocks: view.blocks.map((b) => [b.kind, b.span.start, b.span.end]) };
  };
  return JSON.stringify(shape('markdown')) === JSON.stringify(shape('plaintext'));
};

const cases: { name: string; under: string; over: string }[] = [
  { name: 'block quotes opened on one line (16 / 17)', under: `${'> '.repeat(16)}The mayor spoke.\n`, over: `${'> '.repeat(17)}The mayor spoke.\n` },
  { name: 'list items opened on one line (16 / 17)', under: `${'- '.repeat(16)}The mayor spoke.\n`, over: `${'- '.repeat(17)}The mayor spoke.\n` },
  { name: 'a list item indented 127 / 128 spaces (dozens of lists deep)', under: `- top\n${' '.repeat(127)}- deep item\n`, over: `- top\n${' '.repeat(128)}- deep item\n` },
  { name: 'brackets in one chunk (1,000 / 1,001)', under: `See ${'[a](b) '.repeat(500)}.\n`, over: `See ${'[a](b) '.repeat(500)}].\n` },
  { name: 'emphasis marks in one chunk (1,000 / 1,001)', under: `It ${'*a* '.repeat(500)}.\n`, over: `It ${'*a* '.repeat(500)}*.\n` },
  { name: 'lines without a blank line (2,000 / 2,001)', under: 'The council met.\n'.repeat(2_000), over: 'The council met.\n'.repeat(2_001) },
];

describe('Markdown a parser cannot take in time is read as plain text', () => {
  for (const { name, under, over } of cases) {
    it(name, () => {
      assert.equal(plain(under), false, 'under the limit: parsed as Markdown');
      assert.equal(plain(over), true, 'over it: plain text');
    });
  }

  it('2,001 lines no blank line between them, 2,000 of them are one paragraph: one block; a longer run: a block per line', () => {
    assert.equal(buildSourceText('The council met.\n'.repeat(2_000), 'markdown').blocks.length, 1);
    assert.equal(buildSourceText('The council met.\n'.repeat(2_001), 'markdown').blocks.length, 2_001);
  });

  it('a code fence of 3,000 lines is still code: no block, no prose', () => {
    const text = `# Data\n\n\`\`\`\n${'row, 1, 2, 3\n'.repeat(3_000)}\`\`\`\n`;
    const view = buildSourceText(text, 'markdown');
    assert.deepEqual(view.blocks.map((b) => b.kind), ['heading']);
    assert.equal(view.prose.trim(), 'Data');
  });

  it('other chunks of the same draft are still Markdown', () => {
    const text = `# Headline\n\n${'> '.repeat(20)}deep\n\n- an *item*\n`;
    const view = buildSourceText(text, 'markdown');
    assert.deepEqual(view.blocks.map((b) => b.kind), ['heading', 'paragraph', 'list-item']);
    assert.equal(view.prose.slice(text.indexOf('an')), 'an  item \n');
  });
});
