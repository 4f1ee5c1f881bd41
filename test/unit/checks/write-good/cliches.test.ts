import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/write-good/cliches';

testCheck(check, {
  valid: [
    'The storm closed three roads and a school.',
    { name: 'inside a quotation', text: '“It was the perfect storm,” the harbour master said.' },
  ],
  invalid: [
    { text: 'Officials called the closures a perfect storm.', findings: [{ messageId: 'cliche', flagged: 'perfect storm', data: { actual: 'perfect storm' } }] },
    { text: 'The leak is the tip of the iceberg.', findings: [{ messageId: 'cliche', flagged: 'tip of the iceberg' }] },
  ],
});
