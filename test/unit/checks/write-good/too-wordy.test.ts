import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/write-good/too-wordy';

testCheck(check, {
  valid: [
    'The council will vote to fund the pool.',
    { name: 'inside a quotation', text: '“We met in order to listen,” the chair said.' },
  ],
  invalid: [
    {
      text: 'The council met in order to discuss the budget.',
      findings: [{ messageId: 'wordy', flagged: 'in order to', data: { actual: 'in order to' } }],
    },
    { text: 'Prior to the vote, members spoke for an hour.', findings: [{ messageId: 'wordy', flagged: 'Prior to' }] },
    { name: 'across a line break', text: 'The board met in order\nto set the fares.', findings: [{ messageId: 'wordy', flagged: 'in order\nto', data: { actual: 'in order to' } }] },
  ],
});
