import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/mixed-quotes';

testCheck(check, {
  valid: [
    'Smith’s plan and Jones’s reply: “It’s ready,” she said.',
    `Smith's plan and Jones's reply: "It's ready," she said.`,
    { name: 'primes in a measurement are neither style', text: `The 6'2" centre said “it’s fine” about Lee’s knee, 45' from the line.` },
    { name: 'marks in Markdown code are not prose', format: 'markdown', text: 'Lee’s script runs `echo "don\'t"` at “noon”.\n\n```\nprint("it\'s")\n```\n' },
    { name: 'marks in a URL are not prose', text: 'Lee’s page is at https://example.org/o\'brien-says today.' },
    { name: 'a house style the draft already follows', text: `Lee's "plan" passed.`, options: { style: 'straight' } },
    { name: 'a stray mark with space on both sides is left out', text: `Lee’s plan ' passed.` },
    { name: 'an opening single mark that nothing closes cannot be read, and is left out', text: `Lee’s plan 'might pass.` },
  ],
  invalid: [
    {
      name: 'two curly apostrophes and a straight one: the straight one is fixed',
      text: `Smith’s plan, Jones's reply and Lee’s vote.`,
      findings: [{ messageId: 'mixed', flagged: "'", data: { style: 'Straight', kind: 'apostrophe', context: "Jones's", dominant: 'curly', majority: '2', minority: '1' } }],
      output: 'Smith’s plan, Jones’s reply and Lee’s vote.',
    },
    {
      name: 'a mostly straight draft: the curly apostrophe is fixed, inside a quotation too',
      text: `"It's ready," said Smith's aide of Jones’s plan. "We’re done."`,
      findings: [
        { messageId: 'mixed', flagged: '’', data: { context: 'Jones’s', dominant: 'straight', majority: '6', minority: '2' } },
        { messageId: 'mixed', flagged: '’', data: { context: '"We’re' } },
      ],
      output: `"It's ready," said Smith's aide of Jones's plan. "We're done."`,
    },
    {
      name: 'a straight pair becomes an opening and a closing curly mark',
      text: `“We’re ready,” said Lee’s aide. "We won," she said.`,
      findings: [
        { messageId: 'mixed', flagged: '"', data: { kind: 'quotation mark', context: '"We' } },
        { messageId: 'mixed', flagged: '"' },
      ],
      output: `“We’re ready,” said Lee’s aide. “We won,” she said.`,
    },
    {
      name: 'single quotation marks open and close; elisions take an apostrophe',
      text: `“Lee’s ‘plan’ is Kim’s,” she said of 'the deal' and the '90s rock 'n' roll.`,
      findings: [
        { messageId: 'mixed', flagged: "'", data: { kind: 'single quotation mark' } },
        { messageId: 'mixed', flagged: "'", data: { kind: 'single quotation mark' } },
        { messageId: 'mixed', flagged: "'", data: { kind: 'apostrophe' } },
        { messageId: 'mixed', flagged: "'" },
        { messageId: 'mixed', flagged: "'" },
      ],
      output: `“Lee’s ‘plan’ is Kim’s,” she said of ‘the deal’ and the ’90s rock ’n’ roll.`,
    },
    {
      name: 'a house style converts every mark, block quotes and headlines included',
      format: 'markdown',
      text: `# Lee’s “Plan”\n\n> It’s ours.\n`,
      options: { style: 'straight' },
      findings: [
        { messageId: 'house', flagged: '’', data: { style: 'Curly', dominant: 'straight' } },
        { messageId: 'house', flagged: '“' },
        { messageId: 'house', flagged: '”' },
        { messageId: 'house', flagged: '’' },
      ],
      output: `# Lee's "Plan"\n\n> It's ours.\n`,
    },
    {
      name: 'a plural possessive after a word',
      text: `Lee’s and Kim’s players' union.`,
      findings: [{ messageId: 'mixed', flagged: "'", data: { kind: 'apostrophe', context: "players'" } }],
      output: 'Lee’s and Kim’s players’ union.',
    },
    {
      name: 'a tie goes to curly marks',
      text: `Lee’s plan and Kim's plan.`,
      findings: [{ messageId: 'mixed', flagged: "'" }],
      output: 'Lee’s plan and Kim’s plan.',
    },
  ],
});

it('mixed-quotes: validate() knows the styles', () => {
  assert.deepEqual(check.validate?.({ style: 'curly' }), []);
  assert.equal(check.validate?.({ style: 'smart' }).length, 1);
});
