import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/paragraph-length';

const S = [
  'The harbour board met on Tuesday.',
  'It voted 5-2 to repair the terminal.',
  'Repairs will cost about 3 million pounds.',
  'Work starts in March.',
  'The ferry returns next summer.',
  'Two members voted against.',
];
const para = (n: number): string => S.slice(0, n).join(' ');

testCheck(check, {
  valid: [
    { name: 'four sentences', text: `Harbour Board Saves Terminal\n\n${para(4)}\n` },
    { name: 'Mr. and U.S. do not end sentences', text: 'Mr. Lund met U.S. Senate staff. They spoke. He left. She stayed.' },
    { name: 'a higher limit', text: para(6), options: { maxSentences: 6 } },
    { name: 'a Markdown list item is not a body paragraph', format: 'markdown', text: `- ${para(6)}\n` },
    { name: 'a block quote is the source’s', format: 'markdown', text: `> ${para(6)}\n\nThe board agreed.\n` },
    { name: 'a paragraph that is one quotation', text: `“${para(6)}”` },
  ],
  invalid: [
    {
      name: 'five sentences',
      text: `Harbour Board Saves Terminal\n\n${para(5)}\n\n${para(2)}\n`,
      findings: [{ messageId: 'long', flagged: para(5), data: { count: '5', max: '4' } }],
    },
    {
      name: 'quoted sentences in a paragraph count too',
      text: `${para(3)} “We are delighted. It is a good day,” Rowe said. ${S[4]}`,
      findings: [{ messageId: 'long', flagged: `${para(3)} “We are delighted. It is a good day,” Rowe said. ${S[4]}`, data: { count: '6' } }],
    },
    {
      name: 'a lower limit, one paragraph per line',
      text: `Harbour Board Saves Terminal\n${para(3)}\n${para(2)}\n`,
      options: { maxSentences: 2 },
      findings: [{ messageId: 'long', flagged: para(3), data: { count: '3', max: '2' } }],
    },
  ],
});

it('paragraph-length: validate() wants a whole number, at least 1', () => {
  assert.deepEqual(check.validate?.({ maxSentences: 3 }), []);
  assert.equal(check.validate?.({ maxSentences: 0 }).length, 1);
  assert.equal(check.validate?.({ maxSentences: 2.5 }).length, 1);
});
