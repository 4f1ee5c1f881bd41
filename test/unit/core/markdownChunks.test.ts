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
  // A construct opened inside a list item or quote ends with it; the next fence line opens a new one.
  '- ```\n  code on the item line\n  ```',
  '1. one\n   ```\n   code in an ordered item',
  '- item\n  <div>\n  html in an item',
  '- item\n  <!-- a comment in an item',
  '> ```\n> quoted code',
  '> - quoted item\n>   ```\n>   code',
  '- a\n  - b\n    ```\n  back in a',
  'Text with <!-- an inline comment',
  'A line\n\u00a0\nafter a no-break space',
  '<?php\n\necho 1;\n?>',
  '-\n\n  after an empty item',
  '- a\n2. b',
  '2. starts at two',
  '```js```',
  '<span>\n```',
  '[^1]: A footnote\n    continued',
];

/** Drafts the random drafts once got wrong: each was cut where one whole parse runs on. */
const FOUND: { name: string; text: string }[] = [
  {
    name: 'FC_SEED=763457651: a fence inside a list item ends with the item; the fence line after it opens a new one',
    text: '<div>\n- inside html\n</div>\n```\ncode with\n\nblank lines inside\n```\n- a\n  ```\n  code\n- b\n  ```\n```\ncode with\n\nblank lines inside\n```\n',
  },
  { name: 'a fence opened on the item line', text: '- ```\n  x\n  ```\n\n```\nc\n\nd\n```\n' },
  { name: 'an HTML block inside an item', text: '- a\n  <div>\n```\nx\n\ny\n```\n' },
  { name: 'a comment opened mid-line is inline: it does not hold a cut back', text: 'Text <!--\n\n```\n-->\n\nx\n```\n' },
  { name: 'a line of no-break spaces is not blank', text: 'a\n\u00a0\nb\n' },
  { name: 'a processing instruction runs on over blank lines', text: '<?php\n\necho 1;\n?>\n' },
  { name: 'a fence inside a quote ends with the quote, so a tag line after it starts an HTML block', text: '> ```\n> quoted code\n<span>\n```\n- a\n  ```\n  code\n- b\n  ```\n# The harbour vote\n' },
  { name: 'micromark: after indented code, "2. two" is paragraph text', text: '\t- tabbed\n\t\t```\n\n2. starts at two\n\n# The harbour vote\n' },
  { name: 'micromark: "- a" then "2. b" is two lists, not a lazy line', text: '- a\n2. b\n\n  ```\n  indented fence\n```\n\n```\ncode with\n\nblank lines inside\n```\n' },
  { name: 'a tag line after a table starts an HTML block', text: '| a | b |\n| --- | --- |\n| 1 | 2 |\n<span>\n```\n- a\n  ```\n  code\n- b\n  ```\n# The harbour vote\n' },
  {
    name: 'FC_SEED=147025899: a line indented four columns ends a table (indented code), so a tag line then cannot interrupt the paragraph after it',
    text: '| a | b |\n| --- | --- |\n| 1 | 2 |\n    indented code\nA line\n<span>\n```\n<pre>\nraw\n\nhtml\n</pre>\n',
  },
];

describe('Markdown chunks', () => {
  it('cuts at blank lines before unindented lines, not inside fences, comments or front matter', () => {
    const text = '---\ntitle: x\n\nmore: y\n---\n\nPara one.\n\n```\na\n\nb\n```\n\nPara two.\n';
    const cuts = markdownChunks(text).map((c) => text.slice(c.start, c.end));
    assert.deepEqual(cuts, ['---\ntitle: x\n\nmore: y\n---\n\n', 'Para one.\n\n', '```\na\n\nb\n```\n\n', 'Para two.\n']);
  });

  for (const { name, text } of FOUND) it(`equals one whole parse: ${name}`, () => same(text));

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
