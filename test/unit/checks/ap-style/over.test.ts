import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/ap-style/over';

testCheck(check, {
  valid: [
    'More than 300 people came.',
    { name: 'a period of time', text: 'Roads will be resurfaced over two years and over 18 months.' },
    { name: 'against, about, across', text: 'A victory over 3 rivals, a dispute over 5 contracts, spread over 4 sites.' },
    { name: 'an age or a bare figure', text: 'Children over 5 and people over 65 pay.' },
    { name: 'not a quantity', text: 'The plane flew over the harbour.' },
    { name: 'a quotation', text: 'She said: “Over 300 people came.”' },
  ],
  invalid: [
    {
      name: 'over a figure and a noun',
      text: 'Over 300 people came and over $5 million was raised.',
      findings: [
        { messageId: 'over', flagged: 'Over', data: { actual: 'Over', quantity: '300' }, suggestions: ['More than 300 people came and over $5 million was raised.'] },
        { messageId: 'over', flagged: 'over', suggestions: ['Over 300 people came and more than $5 million was raised.'] },
      ],
    },
    {
      name: 'over a percentage, a number word, half',
      text: 'It got over 50% of votes, over twelve seats and over half the wards.',
      findings: [
        { messageId: 'over', flagged: 'over' },
        { messageId: 'over', flagged: 'over' },
        { messageId: 'over', flagged: 'over' },
      ],
    },
  ],
});
