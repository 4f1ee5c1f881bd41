import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSourceText, type TextFormat } from '../../../server/src/core/text';

function blocks(text: string, format: TextFormat = 'plaintext'): string[] {
  return buildSourceText(text, format).blocks.map((b) => `${b.kind}@${b.line}: ${text.slice(b.span.start, b.span.end)}`);
}

const long1 =
  'The harbour board met on Tuesday night to decide the future of the old ferry terminal, which has stood empty since the last sailing in 2019.';
const long2 =
  'Board members heard from residents, shop owners and the ferry operator before voting to ask the council for money to repair the pier.';

describe('plain-text paragraphs', () => {
  it('blank lines separate paragraphs', () => {
    assert.deepEqual(blocks('First paragraph here.\n\nSecond paragraph here.\n\n\nThird.\n'), [
      'paragraph@1: First paragraph here.',
      'paragraph@3: Second paragraph here.',
      'paragraph@6: Third.',
    ]);
  });
  it('one paragraph per line, a headline running straight into the lede', () => {
    assert.deepEqual(blocks(`Ferry Terminal Gets a Reprieve\n${long1}\n${long2}\n`), [
      'heading@1: Ferry Terminal Gets a Reprieve',
      `paragraph@2: ${long1}`,
      `paragraph@3: ${long2}`,
    ]);
  });
  it('short one-per-line paragraphs that all end sentences are not joined', () => {
    assert.deepEqual(blocks('Pier Reopens\nThe pier reopened on Monday.\nCrowds came early to see it.\n'), [
      'heading@1: Pier Reopens',
      'paragraph@2: The pier reopened on Monday.',
      'paragraph@3: Crowds came early to see it.',
    ]);
  });
  it('hard-wrapped paragraphs stay whole', () => {
    const wrapped =
      'The harbour board met on Tuesday night to decide the\nfuture of the old ferry terminal, which has stood empty\nsince the last sailing in 2019.\n\nBoard members heard from residents, shop owners and the\nferry operator before voting.\n';
    assert.deepEqual(blocks(wrapped), [
      'paragraph@1: The harbour board met on Tuesday night to decide the\nfuture of the old ferry terminal, which has stood empty\nsince the last sailing in 2019.',
      'paragraph@5: Board members heard from residents, shop owners and the\nferry operator before voting.',
    ]);
  });
  it('in hard-wrapped text, a short line followed by a new line is a paragraph break', () => {
    const text =
      'The harbour board met on Tuesday night to decide the\nfuture of the old ferry terminal.\nBoard members heard from residents, shop owners and\nthe ferry operator before voting.\n';
    assert.deepEqual(blocks(text).length, 2);
  });
  it('CRLF, lone CR and a BOM', () => {
    assert.deepEqual(blocks('\uFEFFOne line here.\r\n\r\nTwo line here.\rThree line here.'), [
      'paragraph@1: One line here.',
      'paragraph@3: Two line here.',
      'paragraph@4: Three line here.',
    ]);
  });
  it('a sentence ending in an emoji after its full stop is a paragraph, not a headline', () => {
    assert.deepEqual(blocks('Flood Warning For Kelby\n\nSandbags are handed out from noon. 🌊\n\nMore to follow.\n').map((b) => b.split(':')[0]), [
      'heading@1',
      'paragraph@3',
      'paragraph@5',
    ]);
  });
  it('an empty or blank draft has no blocks', () => {
    assert.deepEqual(blocks(''), []);
    assert.deepEqual(blocks(' \n\t\n'), []);
  });
});

describe('Markdown blocks and what is not prose', () => {
  const md = [
    '---',
    'title: Not prose',
    '---',
    '# Ferry terminal saved',
    '',
    'The board voted `7-2` to [repair the pier](https://example.org/pier "Pier").',
    '',
    '```',
    'This code is not prose.',
    '```',
    '',
    '<!-- an editor note -->',
    '',
    '> The pier is our history.',
    '',
    '- Repairs start in May.',
    '- See <https://example.org/plan> or www.example.org.',
  ].join('\n');
  const view = buildSourceText(md, 'markdown');
  it('finds headings, paragraphs, block quotes and list items', () => {
    assert.deepEqual(
      view.blocks.map((b) => `${b.kind}@${b.line}`),
      ['heading@4', 'paragraph@6', 'blockquote@14', 'list-item@16', 'list-item@17'],
    );
  });
  it('blanks front matter, code, comments, link destinations and autolinks in the prose', () => {
    assert.equal(view.prose.length, md.length);
    for (const hidden of ['title', 'This code', 'editor note', 'https://example.org/pier', '7-2', 'example.org/plan', 'www.example.org']) {
      assert.ok(!view.prose.includes(hidden), `prose should not contain ${hidden}`);
    }
    assert.ok(view.prose.includes('repair the pier'));
    assert.equal(view.words.some((w) => w.text === 'code'), false);
  });
  it('keeps offsets into the original text, after a BOM too', () => {
    const withBom = buildSourceText('\uFEFF# Title here\n\nBody text.', 'markdown');
    assert.deepEqual(
      withBom.blocks.map((b) => b.span),
      [
        { start: 3, end: 13 },
        { start: 15, end: 25 },
      ],
    );
  });
  it('leaves block-quote markers out of a multi-line quoted paragraph', () => {
    const quoted = buildSourceText('> First line of it\n> second line.', 'markdown');
    assert.equal(quoted.blocks[0]!.text.replace(/\s+/g, ' '), 'First line of it second line.');
  });
});

describe('quotations', () => {
  const quotes = (text: string): string[] => buildSourceText(text, 'plaintext').quotes.map((q) => q.text);
  const table: [string, string[]][] = [
    ['He said “the pier is safe” today.', ['“the pier is safe”']],
    ['He said "the pier is safe" and "it will open".', ['"the pier is safe"', '"it will open"']],
    ["She said 'we will fight' on Monday.", ["'we will fight'"]],
    ["The players' union didn't agree.", []],
    ['It was 5\'10" tall.', []],
    ['“He said ‘no’ twice,” she recalled.', ['“He said ‘no’ twice,”']],
    ['“An unclosed quote runs to the end of the paragraph\n\nNext paragraph.', ['“An unclosed quote runs to the end of the paragraph']],
    ['“First part of a long quote.\n\n“Second part,” she said.', ['“First part of a long quote.', '“Second part,”']],
  ];
  for (const [text, expected] of table) it(text.replace(/\n/g, '\\n'), () => assert.deepEqual(quotes(text), expected));
});

describe('words and sentences', () => {
  it('words keep apostrophes, hyphens and abbreviations together', () => {
    const view = buildSourceText("The mayor's U.S. trip cost $4.5m, well-known critics say.", 'plaintext');
    assert.deepEqual(
      view.words.map((w) => w.text),
      ["mayor's", 'U.S', 'trip', 'cost', '4.5m', 'well-known', 'critics', 'say'].reduce<string[]>((acc, w) => acc.concat(w), ['The']),
    );
  });
  it('sentences never cross paragraphs and know their block', () => {
    const view = buildSourceText('No full stop here\n\nNext paragraph. Two sentences.', 'plaintext');
    assert.deepEqual(
      view.sentences.map((s) => [s.text, s.block]),
      [
        ['No full stop here', 0],
        ['Next paragraph.', 1],
        ['Two sentences.', 1],
      ],
    );
  });
});
