import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText, type TextFormat } from '../../../server/src/api';

/** The rule ids and flagged text of every finding, in order. */
function found(text: string, format: TextFormat = 'plaintext'): string[] {
  return lintText(text, format).findings.map((f) => `${f.checkId}: ${text.slice(f.span.start, f.span.end)}`);
}

const LOADED = 'The draconian rules hit traders.';
const LOADED_FINDINGS = ['unattributed-claim: The draconian rules hit traders.', 'loaded-language: draconian'];
const OTHER = 'The ruthless levy hurt farmers.';
const OTHER_FINDINGS = ['unattributed-claim: The ruthless levy hurt farmers.', 'loaded-language: ruthless'];

describe('inline directives', () => {
  const cases: { name: string; text: string; format?: TextFormat; expected: string[] }[] = [
    { name: 'no directive: the baseline', text: LOADED, expected: LOADED_FINDINGS },
    { name: 'disable-next-line with a rule', text: `<!-- copydesk-disable-next-line loaded-language -->\n${LOADED}`, expected: [LOADED_FINDINGS[0]!] },
    { name: 'disable-next-line for every rule', text: `<!-- copydesk-disable-next-line -->\n${LOADED}\n${OTHER}`, expected: OTHER_FINDINGS },
    { name: 'disable-line at the end of the line', text: `${LOADED} <!-- copydesk-disable-line unattributed-claim -->`, expected: [LOADED_FINDINGS[1]!] },
    { name: 'two rules, commas and a reason', text: `${LOADED} <!-- copydesk-disable-line loaded-language, unattributed-claim -- the minister's own word -->`, expected: [] },
    {
      name: 'disable … enable',
      text: `<!-- copydesk-disable loaded-language -->\n${LOADED}\n<!-- copydesk-enable loaded-language -->\n${OTHER}`,
      expected: [LOADED_FINDINGS[0]!, ...OTHER_FINDINGS],
    },
    { name: 'disable all, enable one', text: `<!-- copydesk-disable -->\n<!-- copydesk-enable unattributed-claim -->\n${LOADED}`, expected: [LOADED_FINDINGS[0]!] },
    {
      name: 'Markdown: above a paragraph with a blank line between',
      text: `<!-- copydesk-disable-next-line loaded-language -->\n\n${LOADED}\n`,
      format: 'markdown',
      expected: [LOADED_FINDINGS[0]!],
    },
    {
      name: 'an unknown rule is reported, with the nearest id',
      text: `<!-- copydesk-disable-next-line loaded-langauge -->\n${LOADED}`,
      expected: ['directive: loaded-langauge', ...LOADED_FINDINGS],
    },
    { name: 'an ordinary comment is not a directive', text: `<!-- copydesk: check later -->\n\n${LOADED}`, expected: LOADED_FINDINGS },
    { name: 'an unclosed comment is not a directive', text: `${LOADED}\n\n<!-- copydesk-disable`, expected: LOADED_FINDINGS },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(found(c.text, c.format), c.expected));

  it('suggests the nearest rule id for a typo', () => {
    const text = `${LOADED} <!-- copydesk-disable-line loaded-langauge -->`;
    const typo = lintText(text, 'plaintext').findings.find((f) => f.checkId === 'directive')!;
    assert.match(typo.message, /did you mean 'loaded-language'/);
    assert.deepEqual(typo.suggestions.map((s) => s.edit.newText), ['loaded-language']);
  });

  it('plain text: rules do not read the directive comment itself', () => {
    const text = '<!-- copydesk-disable-next-line duplicate-paragraph -- the draconian clause is quoted twice on purpose -->\nThe ferry sailed at noon.';
    assert.deepEqual(found(text), []);
  });

  it('plain text: a comment line between two paragraphs does not merge them', () => {
    const text = 'The ferry sailed at noon from the harbour wall.\n<!-- copydesk-disable-next-line -->\nThe ferry sailed at noon from the harbour wall.\nThe ferry sailed at noon from the harbour wall.';
    assert.deepEqual(found(text), ['duplicate-paragraph: The ferry sailed at noon from the harbour wall.']);
  });
});
