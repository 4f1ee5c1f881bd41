import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleReport, articleReportSteps, kindOf, lintText, reportMarkdown, type ArticleReport, type TextFormat } from '../../../server/src/api';
import { fleschKincaidGrade, readingMinutes, syllableCounter } from '../../../server/src/core/readability';
import { buildSourceText } from '../../../server/src/core/text';
import type { Finding, Severity } from '../../../server/src/core/types';

/** The report with the engine's own findings, as the server builds it. */
function report(text: string, format: TextFormat = 'plaintext'): ArticleReport {
  return articleReport(text, format, lintText(text, format).findings);
}

function finding(checkId: string, start: number, end: number, severity: Severity = 'warning', related?: [number, number]): Finding {
  return { checkId, messageId: 'm', message: 'm', span: { start, end }, severity, suggestions: [], related: related ? [{ span: { start: related[0], end: related[1] }, message: 'r' }] : [], tags: [] };
}

const HEAD = 'Ferry Terminal Saved';
const LEDE = 'The harbour board voted on Tuesday to keep the ferry terminal open.';
const SECOND = 'Repairs will cost about two million pounds. Work starts in May.';
const THIRD = 'The pier was built in 1902 and last repaired in the 1980s.';

describe('articleReport: counts', () => {
  const cases: { name: string; text: string; format?: TextFormat; words: number; headlines: number; paragraphs: number; sentences: number }[] = [
    { name: 'empty draft', text: '', words: 0, headlines: 0, paragraphs: 0, sentences: 0 },
    { name: 'one sentence', text: 'The council met.', words: 3, headlines: 0, paragraphs: 1, sentences: 1 },
    { name: 'plain text: headline line runs into the lede', text: `${HEAD}\n${LEDE}\n${SECOND}\n`, words: 3 + 12 + 11, headlines: 1, paragraphs: 2, sentences: 3 },
    { name: 'plain text: blank-line paragraphs', text: `${LEDE}\n\n${SECOND}\n\n${THIRD}\n`, words: 12 + 11 + 12, headlines: 0, paragraphs: 3, sentences: 4 },
    { name: 'markdown: heading, code left out', text: `# ${HEAD}\n\n${LEDE}\n\n\`\`\`\nnot prose at all here\n\`\`\`\n\n${SECOND}\n`, format: 'markdown', words: 3 + 12 + 11, headlines: 1, paragraphs: 2, sentences: 3 },
    { name: 'markdown: list items and a block quote are paragraphs', text: `${LEDE}\n\n- First item here.\n- Second item here.\n\n> A quoted line here.\n`, format: 'markdown', words: 12 + 3 + 3 + 4, headlines: 0, paragraphs: 4, sentences: 4 },
    { name: 'an emoji after the full stop is not a sentence of its own', text: 'The pier reopened on Saturday. 🚢\n', words: 5, headlines: 0, paragraphs: 1, sentences: 1 },
    { name: 'a URL is one word', text: 'Read the plan at https://example.org/harbour/plan-2024.pdf today.', words: 6, headlines: 0, paragraphs: 1, sentences: 1 },
    { name: 'front matter is not prose', text: `---\ntitle: Some Title Words\n---\n\n${LEDE}\n`, format: 'markdown', words: 12, headlines: 0, paragraphs: 1, sentences: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = report(c.text, c.format);
      assert.deepEqual(
        { words: r.words, headlines: r.headlines, paragraphs: r.paragraphs.count, sentences: r.sentences.count },
        { words: c.words, headlines: c.headlines, paragraphs: c.paragraphs, sentences: c.sentences },
      );
    });
  }
});

describe('articleReport: averages and longest', () => {
  const text = `${HEAD}\n\n${LEDE}\n\n${SECOND}\n\n${THIRD}\n`;
  const r = report(text);
  it('average sentence and paragraph lengths leave the headline out', () => {
    assert.equal(r.sentences.averageWords, Math.round(((12 + 7 + 4 + 12) / 4) * 10) / 10);
    assert.equal(r.paragraphs.averageWords, Math.round(((12 + 11 + 12) / 3) * 10) / 10);
  });
  it('the longest sentence and paragraph: the first on a tie, with ¶ number and line', () => {
    assert.deepEqual({ ...r.sentences.longest, span: undefined }, { number: 2, words: 12, line: 3, span: undefined });
    assert.equal(text.slice(r.sentences.longest!.span.start, r.sentences.longest!.span.end), LEDE);
    assert.deepEqual(r.paragraphs.longest, { number: 2, words: 12, line: 3 });
  });
  it('a sentence on the second line of a hard-wrapped paragraph gives that line', () => {
    const wrapped = 'The harbour board met on Tuesday night to decide the\nfuture of the old ferry terminal. The board then heard\nfrom residents, shop owners, the ferry operator and\nthe council before voting to ask for money.\n';
    const w = report(wrapped);
    assert.equal(w.paragraphs.count, 1);
    assert.equal(w.sentences.longest?.line, 2);
  });
});

describe('reading time and grade', () => {
  const minutes: [number, number][] = [[0, 0], [1, 1], [238, 1], [239, 2], [812, 4]];
  for (const [words, expected] of minutes) it(`${words} words → ${expected} min`, () => assert.equal(readingMinutes(words), expected));

  const grades: { words: number; sentences: number; syllables: number; grade: number | null }[] = [
    { words: 0, sentences: 0, syllables: 0, grade: null },
    { words: 10, sentences: 0, syllables: 12, grade: null },
    // 0.39 × 20 + 11.8 × 1.5 − 15.59 = 9.91
    { words: 100, sentences: 5, syllables: 150, grade: 9.9 },
    // Very short words and sentences go below zero: shown as 0.
    { words: 3, sentences: 1, syllables: 3, grade: 0 },
  ];
  for (const g of grades) it(`Flesch–Kincaid ${g.words} words / ${g.sentences} sentences / ${g.syllables} syllables → ${g.grade}`, () => assert.equal(fleschKincaidGrade(g.words, g.sentences, g.syllables), g.grade));

  const syllables: [string, number][] = [['the', 1], ['council', 2], ['Harbour', 2], ['criticised', 3], ['2019', 1], ['U.S', 2]];
  const count = syllableCounter();
  for (const [word, n] of syllables) it(`'${word}' has ${n} syllable(s)`, () => assert.equal(count(word), n));

  it('the grade reads body sentences only, and leaves URLs out', () => {
    const r = report(`${HEAD}\n\n${LEDE} See https://example.org/a/b for more.\n`);
    assert.equal(r.readability.sentences, 2);
    assert.equal(r.readability.words, 12 + 3);
    assert.equal(r.readability.formula, 'Flesch–Kincaid grade level');
    assert.ok(r.readability.grade !== null && r.readability.grade > 0);
  });
});

describe('kinds', () => {
  const kinds: [string, string][] = [
    ['duplicate-paragraph', 'duplicate'], ['near-duplicate-paragraph', 'duplicate'], ['duplicate-sentence', 'duplicate'],
    ['loaded-language', 'loaded'], ['unattributed-claim', 'unattributed'], ['vague-attribution', 'unattributed'],
    ['ap-style/numerals', 'style'], ['write-good/passive', 'style'], ['directive', 'style'],
  ];
  for (const [id, kind] of kinds) it(`${id} → ${kind}`, () => assert.equal(kindOf(id), kind));

  it('counts by kind and rule; hints are listed by rule but not counted; each finding lands in its paragraph', () => {
    const text = `${LEDE}\n\n${SECOND}\n`;
    const second = text.indexOf(SECOND);
    const r = articleReport(text, 'plaintext', [
      finding('loaded-language', 4, 11),
      finding('loaded-language', second, second + 7, 'info'),
      finding('write-good/passive', second + 8, second + 12, 'hint'),
      finding('ap-style/numerals', second + 20, second + 23, 'info'),
    ]);
    assert.deepEqual(r.counts, { duplicate: 0, loaded: 2, unattributed: 0, style: 1 });
    assert.equal(r.hints, 1);
    assert.deepEqual(r.rules.map((x) => [x.id, x.count, x.bySeverity]), [
      ['loaded-language', 2, { warning: 1, info: 1 }],
      ['ap-style/numerals', 1, { info: 1 }],
      ['write-good/passive', 1, { hint: 1 }],
    ]);
    assert.equal(r.rules[0]!.docsUrl, 'https://github.com/copydesk/copydesk/blob/main/docs/rules/loaded-language.md');
    assert.deepEqual(r.map.map((p) => p.findings), [
      { duplicate: 0, loaded: 1, unattributed: 0, style: 0 },
      { duplicate: 0, loaded: 1, unattributed: 0, style: 1 },
    ]);
  });
});

describe('paragraph map', () => {
  it('has exactly the blocks the checks read, in order, with their spans and lines', () => {
    for (const [text, format] of [[`# ${HEAD}\n\n${LEDE}\n\n- ${SECOND}\n`, 'markdown'], [`${HEAD}\n${LEDE}\n\n${THIRD}\n`, 'plaintext']] as const) {
      const blocks = buildSourceText(text, format).blocks;
      assert.deepEqual(report(text, format).map.map((p) => [p.number, p.kind, p.span, p.line]), blocks.map((b, i) => [i + 1, b.kind, b.span, b.line]));
    }
  });
  const dupCases: { name: string; text: string; copy: number; of: { number: number; line: number; exact: boolean } }[] = [
    { name: 'a word-for-word copy links to its original', text: `${HEAD}\n\n${LEDE}\n\n${SECOND}\n\n${LEDE}\n`, copy: 4, of: { number: 2, line: 3, exact: true } },
    { name: 'a repeated headline links to the headline', text: `${HEAD}\n\n${HEAD}\n\n${LEDE}\n`, copy: 2, of: { number: 1, line: 1, exact: true } },
    {
      name: 'an edited copy links to the paragraph it resembles',
      text: `${LEDE} ${SECOND}\n\n${THIRD}\n\n${LEDE.replace('Tuesday', 'Wednesday')} ${SECOND}\n`,
      copy: 3,
      of: { number: 1, line: 1, exact: false },
    },
  ];
  for (const c of dupCases) {
    it(c.name, () => {
      const r = report(c.text);
      const copy = r.map[c.copy - 1]!;
      assert.deepEqual(copy.copyOf, c.of);
      assert.deepEqual(r.map[c.of.number - 1]!.copiedAt, [c.copy]);
      assert.equal(copy.findings.duplicate, 1);
      assert.deepEqual(r.map.filter((p) => p.copyOf).length, 1);
    });
  }
  it('a repeated sentence links to the paragraph holding the first copy', () => {
    const sentence = 'The dam was built in 1962 by the state water board.';
    const r = report(
      `${sentence} It holds four billion litres of drinking water for the valley towns and farms.\n\nEngineers from the county inspected the spillway on Monday after heavy rain flooded two roads. ${sentence}\n`,
    );
    assert.deepEqual(r.map.map((p) => p.sentenceCopiesOf), [[], [1]]);
    assert.equal(r.map[1]!.copyOf, undefined);
  });
  it('the excerpt is the opening of the prose, cut at a word', () => {
    const r = report(`# ${HEAD}\n\nThe harbour board voted on Tuesday to keep the ferry terminal open for another decade.\n`, 'markdown');
    assert.deepEqual(r.map.map((p) => p.excerpt), [HEAD, 'The harbour board voted on Tuesday to keep the ferry…']);
  });
});

describe('reportMarkdown', () => {
  const text = `${HEAD}\n\n${LEDE}\n\n${SECOND}\n\n${LEDE}\n`;
  const md = reportMarkdown(report(text), 'ferry | draft.txt');
  it('has a title, the sections, and escapes table-breaking characters', () => {
    assert.match(md, /^# Article report: ferry \\\| draft\.txt\n/);
    for (const h of ['## Statistics', '## Findings', '## Paragraph map']) assert.ok(md.includes(`\n${h}\n`), h);
  });
  it('names the formula and the figures', () => {
    assert.match(md, /\| Readability \| Flesch–Kincaid grade level: \d+(\.\d)? \|/);
    assert.match(md, /\| Words \| 38 \|/);
  });
  it('the map row of a copy points at its original, with a text bar', () => {
    assert.match(md, /\n\| 4 \| 7 \| 12 \| █+ \| copy of ¶2 \(line 3\) \| The harbour board/);
    assert.match(md, /\n\| 2 \| 3 \| 12 \| █+ \| copied at ¶4 \|/);
  });
  it('lists rules with links to their pages', () => {
    assert.ok(md.includes('| [`duplicate-paragraph`](https://github.com/copydesk/copydesk/blob/main/docs/rules/duplicate-paragraph.md) | duplicate | 1 (1 warning) |'));
  });
});

describe('articleReport: in steps, and from a known layout', () => {
  it('computes fresh figures in steps and gives the one-call report; remembered figures take one step', () => {
    const text = Array.from({ length: 450 }, (_, i) => `Steps paragraph ${i}: the ferry ran late on Tuesday. The board met.`).join('\n\n');
    const { findings } = lintText(text, 'plaintext');
    const run = (): { steps: number; report: ArticleReport } => {
      const steps = articleReportSteps(text, 'plaintext', findings);
      for (let n = 0; ; n++) {
        const step = steps.next();
        if (step.done) return { steps: n, report: step.value };
      }
    };
    const first = run();
    assert.equal(first.steps, 4, '450 fresh paragraphs, a step every 100');
    const again = run();
    assert.equal(again.steps, 0);
    assert.deepEqual(again.report, first.report);
    assert.deepEqual(articleReport(text, 'plaintext', findings), first.report);
  });
  const texts: [string, string][] = [
    ['headline and paragraphs', `${HEAD}\n${LEDE}\n\n${SECOND}\n\n${THIRD}\n\n${LEDE}\n`],
    ['CRLF, hard-wrapped', `${LEDE}\r\n${SECOND}\r\n\r\n${THIRD}\r\n`],
  ];
  for (const [name, text] of texts) {
    it(`the blocks the lint laid out give the same report as laying out again (${name})`, () => {
      const view = buildSourceText(text, 'plaintext');
      const { findings } = lintText(text, 'plaintext');
      assert.deepEqual(articleReport(text, 'plaintext', findings, { lineStarts: view.lineStarts, blocks: view.blocks }), articleReport(text, 'plaintext', findings));
    });
  }
  it('reads the blocks it is given instead of laying the text out', () => {
    const view = buildSourceText(`${LEDE}\n\n${SECOND}\n`, 'plaintext');
    const r = articleReport(`${LEDE}\n\n${SECOND}\n`, 'plaintext', [], { lineStarts: view.lineStarts, blocks: view.blocks.slice(0, 1) });
    assert.equal(r.paragraphs.count, 1);
  });
});
