import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/write-good/illusion';

testCheck(check, {
  valid: [
    'The mayor signed the order.',
    { name: 'grammatical: had had', text: 'She had had enough of the delays.' },
    { name: 'grammatical: that that', text: 'He said that that plan would fail.' },
    { name: 'code between the copies in the source', format: 'markdown', text: 'Call the `reset` the next time.' },
    { name: 'inside a quotation', text: '“It was the the worst day,” she said.' },
    { name: 'punctuation between: not a repeat', text: 'It was late, late in the day.' },
  ],
  invalid: [
    {
      text: 'The mayor signed the the order.',
      findings: [{ messageId: 'repeated', flagged: 'the', data: { actual: 'the the' } }],
      output: 'The mayor signed the order.',
    },
    {
      name: 'across a line break, where it is easiest to miss',
      text: 'The council approved the\nthe budget on Monday.',
      findings: [{ messageId: 'repeated', flagged: 'the', data: { actual: 'the the' } }],
      output: 'The council approved the budget on Monday.',
    },
    { name: 'at the start of a sentence', text: 'The the council met.', findings: [{ messageId: 'repeated', flagged: 'the' }], output: 'The council met.' },
    {
      name: 'a content word may be doubled on purpose: a suggestion',
      text: 'The ferry ferry left at noon.',
      findings: [{ messageId: 'repeated', flagged: 'ferry', suggestions: ['The ferry left at noon.'] }],
    },
    {
      name: 'two capitals: probably a name (reported as a hint), a suggestion only',
      text: 'The team flew to Walla Walla on Monday.',
      findings: [{ messageId: 'repeated', flagged: 'Walla', suggestions: ['The team flew to Walla on Monday.'] }],
    },
    {
      name: 'emphasis between the copies: reported, but no edit that would break the markup',
      format: 'markdown',
      text: 'She signed the **the** order.',
      findings: [{ messageId: 'repeated', flagged: 'the' }],
    },
  ],
});
