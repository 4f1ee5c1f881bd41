import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/write-good/there-is';

testCheck(check, {
  valid: [
    'Three roads are closed.',
    { name: 'not at the start of a sentence', text: 'The mayor said there is no money for the pool.' },
    { name: 'a question', text: 'Is there a plan for the pier?' },
    { name: 'inside a quotation', text: '“There is no ferry today,” the clerk said.' },
  ],
  invalid: [
    { text: 'There are three roads closed.', findings: [{ messageId: 'thereIs', flagged: 'There are', data: { actual: 'There are' } }] },
    { name: 'a second sentence', text: 'The pier is shut. There is no ferry until May.', findings: [{ messageId: 'thereIs', flagged: 'There is' }] },
  ],
});
