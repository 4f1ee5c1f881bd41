import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/write-good/so';

testCheck(check, {
  valid: [
    'The council voted again.',
    { name: 'not an opener: so-called', text: 'So-called experts met on Monday.' },
    { name: 'not an opener: So far', text: 'So far, 12 people have signed.' },
    { name: 'not an opener: So many … that', text: 'So many people came that the hall overflowed.' },
    { name: 'in the middle of a sentence', text: 'It rained, so the match was called off.' },
    { name: 'inside a quotation', text: '“So we left,” she said.' },
  ],
  invalid: [
    {
      text: 'So the council voted again.',
      findings: [{ messageId: 'so', flagged: 'So', data: { actual: 'So' } }],
      output: 'The council voted again.',
    },
    { name: 'with a comma', text: 'So, the vote failed.', findings: [{ messageId: 'so', flagged: 'So' }], output: 'The vote failed.' },
    {
      name: 'a second sentence',
      text: 'The pier closed. So we took the bus.',
      findings: [{ messageId: 'so', flagged: 'So' }],
      output: 'The pier closed. We took the bus.',
    },
    {
      name: '"So what" is an idiom: a suggestion, not a fix',
      text: 'So what happens next is unclear.',
      findings: [{ messageId: 'so', flagged: 'So', suggestions: ['What happens next is unclear.'] }],
    },
    {
      name: 'write-good counts a semicolon as a sentence end: a suggestion only',
      text: 'It rained; so we left early.',
      findings: [{ messageId: 'so', flagged: 'so', suggestions: ['It rained; we left early.'] }],
    },
    {
      name: 'markup after "So": no fix, so it cannot leave "**the**" in lower case',
      format: 'markdown',
      text: 'So **the** vote failed.',
      findings: [{ messageId: 'so', flagged: 'So' }],
    },
  ],
});
