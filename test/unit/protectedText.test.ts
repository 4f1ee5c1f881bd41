/**
 * Issue 5's acceptance: no rule fires inside direct quotations, code or URLs. Every rule is switched
 * on at once over drafts whose only problems sit inside such text; a finding that overlaps it fails.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks, lintText, type TextFormat } from '../../server/src/api';

/** Problems for nearly every rule in one stretch: AP words, loaded words, repeats, spacing, passive, claims. */
const TROUBLE = 'Amidst the the chaos , the draconian plan was rejected by voters at 10 AM  and 5% of 3 towns are eager to leave towards the past history';
const ALL_ON = Object.fromEntries(checks.map((c) => [c.meta.id, 'hint']));
/** Rules about the marks themselves or about whole paragraphs, not the words inside quotations. */
const EXEMPT = new Set(['mixed-quotes', 'duplicate-paragraph', 'duplicate-sentence', 'near-duplicate-paragraph', 'sentence-length', 'paragraph-length', 'lede-length', 'headline-length', 'echo']);

const cases: { name: string; text: string; format: TextFormat; protectedPart: string }[] = [
  { name: 'a direct quotation', format: 'plaintext', text: `The mayor said: “${TROUBLE}.” The council met on Monday.\n`, protectedPart: `“${TROUBLE}.”` },
  { name: 'a block quote', format: 'markdown', text: `The council met on Monday.\n\n> ${TROUBLE}.\n`, protectedPart: `${TROUBLE}.` },
  { name: 'inline code', format: 'markdown', text: `The council met on Monday to discuss \`${TROUBLE}\` in the bylaws.\n`, protectedPart: `\`${TROUBLE}\`` },
  { name: 'a fenced code block', format: 'markdown', text: `The council met on Monday.\n\n\`\`\`\n${TROUBLE}.\n\`\`\`\n`, protectedPart: `${TROUBLE}.` },
  {
    name: 'a URL',
    format: 'plaintext',
    text: `The council met on Monday; the minutes are at https://example.org/amidst-the-the-draconian-plan/towards_past_history_10AM and online.\n`,
    protectedPart: 'https://example.org/amidst-the-the-draconian-plan/towards_past_history_10AM',
  },
];

describe('no rule fires inside quotations, code or URLs', () => {
  for (const c of cases) {
    it(c.name, () => {
      const start = c.text.indexOf(c.protectedPart);
      const end = start + c.protectedPart.length;
      const inside = lintText(c.text, c.format, { rules: ALL_ON })
        .findings.filter((f) => !EXEMPT.has(f.checkId) && f.span.start < end && start < f.span.end && !(f.span.start <= start && f.span.end >= end))
        .map((f) => `${f.checkId}: ${c.text.slice(f.span.start, f.span.end)}`);
      assert.deepEqual(inside, []);
    });
  }

  it('the same words outside protection are found (the test can fail)', () => {
    const text = `${TROUBLE}.\n`;
    const found = new Set(lintText(text, 'plaintext', { rules: ALL_ON }).findings.map((f) => f.checkId));
    for (const id of ['ap-style/word-choice', 'loaded-language', 'write-good/illusion', 'space-before-punctuation', 'double-space', 'ap-style/time', 'ap-style/percent', 'redundant-phrase', 'write-good/passive']) assert.ok(found.has(id), id);
  });
});
