import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/headline-length';

const lede = 'The harbour board voted 5-2 on Tuesday to repair the old ferry terminal.';
/** 104 characters, 15 words: still a headline in plain text (at most 16 words). */
const long = 'Millbrook Harbour Board Votes to Restore Its Old Ferry Terminal After Two-Year Argument About Waterfront';

testCheck(check, {
  valid: [
    { text: `Harbour Board Saves Old Ferry Terminal\n\n${lede}\n` },
    { name: 'a long first line with a full stop is a paragraph, not a headline', text: `${long}.\n\n${lede}\n` },
    { name: 'Markdown markup and link targets are not counted', format: 'markdown', text: `# **Harbour** board saves [terminal](https://example.org/a/very/long/path/to/the/story/about/the/terminal)\n\n${lede}\n` },
    { name: 'an accented letter typed as two code points is one character', format: 'markdown', text: `# ${'Cafe\u0301 '.repeat(20).trim()}\n\n${lede}\n` },
    { name: 'a higher limit', text: `${long}\n\n${lede}\n`, options: { maxCharacters: 120 } },
  ],
  invalid: [
    {
      name: 'a plain-text headline over 100 characters',
      text: `${long}\n\n${lede}\n`,
      findings: [{ messageId: 'long', flagged: long, data: { count: '104', max: '100' } }],
    },
    {
      name: 'a Markdown subhead too, counted without its markup',
      format: 'markdown',
      text: `# Board Saves Terminal\n\n${lede}\n\n## ${long}\n\nMore.\n`,
      findings: [{ messageId: 'long', flagged: long, data: { count: '104' } }],
    },
    {
      name: 'a lower limit',
      text: `Harbour Board Saves Old Ferry Terminal\n\n${lede}\n`,
      options: { maxCharacters: 30 },
      findings: [{ messageId: 'long', flagged: 'Harbour Board Saves Old Ferry Terminal', data: { count: '38', max: '30' } }],
    },
  ],
});

it('headline-length: validate() wants a whole number, at least 20', () => {
  assert.deepEqual(check.validate?.({ maxCharacters: 70 }), []);
  assert.equal(check.validate?.({ maxCharacters: 10 }).length, 1);
});
