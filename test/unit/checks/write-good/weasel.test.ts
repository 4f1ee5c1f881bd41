import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/write-good/weasel';

testCheck(check, {
  valid: [
    'Thirty-one residents signed the petition.',
    { name: 'write-good’s own exception: "too many"', text: 'There were too many cars for the ferry.' },
    { name: 'inside a quotation', text: '“Very few of us knew,” said Tomas Berg, a fisherman.' },
  ],
  invalid: [
    { text: 'Many residents signed the petition.', findings: [{ messageId: 'weasel', flagged: 'Many', data: { actual: 'Many' } }] },
    { text: 'Turnout was very low.', findings: [{ messageId: 'weasel', flagged: 'very' }] },
    { text: 'Costs rose significantly in the second year.', findings: [{ messageId: 'weasel', flagged: 'significantly' }] },
  ],
});
