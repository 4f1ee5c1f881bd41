import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/write-good/e-prime';

testCheck(check, {
  valid: [
    'The council voted on Monday.',
    { name: 'inside a quotation, contraction and all', text: '“It’s over,” she said.' },
  ],
  invalid: [
    { text: 'The pier is closed.', findings: [{ messageId: 'toBe', flagged: 'is', data: { actual: 'is' } }] },
    { name: 'a contraction with a curly apostrophe', text: 'It’s late, and they were tired.', findings: [{ messageId: 'toBe', flagged: 'It’s' }, { messageId: 'toBe', flagged: 'were' }] },
  ],
});
