import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/write-good/adverb';

testCheck(check, {
  valid: [
    'The ferry left at noon.',
    { name: 'adverb-where’s stem "man" + "y": "many" is not an adverb', text: 'Many people came to the meeting.' },
    { name: 'inside a quotation', text: '“We really tried,” the coach said.' },
  ],
  invalid: [
    { text: 'The council really wants a new pool.', findings: [{ messageId: 'adverb', flagged: 'really', data: { actual: 'really' } }] },
    { name: 'a filler word', text: 'It was just a test of the sirens.', findings: [{ messageId: 'adverb', flagged: 'just' }] },
    { text: 'Water levels rose quickly overnight.', findings: [{ messageId: 'adverb', flagged: 'quickly' }] },
  ],
});
