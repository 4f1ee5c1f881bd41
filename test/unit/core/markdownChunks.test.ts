/**
 * Markdown is parsed in chunks (remembered by text) so an edit re-parses one chunk: the chunked
 * layout must equal one parse of the whole draft, blocks and prose mask alike.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeLineStarts } from '../../../server/src/core/lines';
import { markdownChunks, markdownLayout, wholeMarkdownLayout } from '../../../server/src/core/markdown';
import { SEEDS } from '../../helpers/seeds';

const root = join(__dirname, '..', '..', '..');

function same(text: string): void {
  const starts = computeLineStarts(text);
  const chunked = markdownLayout(text, starts);
  const whole = wholeMarkdownLayout(text, starts);
  assert.equal(chunked.prose, whole.prose, 'prose mask');
  assert.deepEqual(chunked.blocks, whole.blocks, 'blocks');
}

const PIECES = [
  '# The harbour vote',
  'The council voted on Tuesday to raise the levy.',
  '- first item\n- second item',
  '- loose item\n\n- another loose item',
  '1. one\n\n2. two',
  '> A quotation that runs\n> over two lines.',
  '```\ncode with\n\nblank lines inside\n```',
  '~~~~\nmore code\n\n~~~~',
  '    indented code',
  '<!-- a comment\n\nthat runs on -->',
  '<!-- copydesk-disable-next-line loaded-language -->',
  '<pre>\nraw\n\nhtml\n</pre>',
  '| a | b |\n| --- | --- |\n| 1 | 2 |',
  'Title\n=====',
  'A paragraph with *emphasis*, `code`, a [link](https://example.org) and <https://example.org>.',
  '- item\n\n  continued paragraph of the item',
  '[^1]: A footnote.',
  '***',
  '<div>\nhtml block\n</div>',
  // Bullet items in the first column cut a chunk even without a blank line before them.
  '- a\n  - nested item\n- b',
  '- item\nlazy continuation line',
  '* star item\n+ plus item',
  '- - nested on one line',
  'A paragraph\n- interrupted by an item',
  '- item\n---',
  'Title\n-',
  '- a\n  ```\n  code\n- b\n  ```',
  '> quote\n- item',
  '- [ ] task\n- [x] done',
  '| a |\n| - |\n- b',
  '<div>\n- inside html\n</div>',
  '* * *\n- after a rule',
];

describe('Markdown chunks', () => {
  it('cuts at blank lines before unindented lines, not inside fences, comments or front matter', () => {
    const text = '---\ntitle: x\n\nmore: y\n---\n\nPara one.\n\n```\na\n\nb\n```\n\nPara two.\n';
    const cuts = markdownChunks(text).map((c) => text.slice(c.start, c.end));
    assert.deepEqual(cuts, ['---\ntitle: x\n\nmore: y\n---\n\n', 'Para one.\n\n', '```\na\n\nb\n```\n\n', 'Para two.\n']);
  });

  for (const file of [...readdirSync(join(root, 'test/e2e/fixtures')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'test/e2e/fixtures', f)), join(root, 'examples/harbour-vote.md'), join(root, 'README.md'), join(root, 'docs/configuration.md'), join(root, 'docs/evaluation.md')]) {
    it(`equals one whole parse: ${file.slice(root.length + 1)}`, () => same(readFileSync(file, 'utf8')));
  }

  for (const { seed, label } of SEEDS) {
    it(`equals one whole parse on random drafts built from tricky pieces (${label})`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n\n', '\n', '\n\n\n', '\r\n\r\n'), (pieces, sep) => same(pieces.join(sep) + '\n')),
        { seed, numRuns: 300 },
      );
    });
  }
});
