import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/ap-style/time';

testCheck(check, {
  valid: [
    'The polls open at 7 a.m. and close at 9:30 p.m. Monday; the count starts at noon.',
    { name: 'a time at the end of a sentence', text: 'The meeting starts at 10 a.m. It ends at noon.' },
    { name: 'radio frequencies and big numbers', text: 'Tune to 1080 AM or 14 AM stations.' },
    { name: 'a quotation', text: 'He said: “Come at 10am.”' },
    { name: 'a word, not a time', text: 'She was 5 and I am here.' },
    { name: '24-hour clock is left alone', text: 'The train leaves at 14:00.' },
  ],
  invalid: [
    {
      name: 'capitals, no space, no stops',
      text: 'Doors open at 10 AM, 11am and 3 P.M. and close at 10 pm.',
      findings: [
        { messageId: 'time', flagged: '10 AM', data: { actual: '10 AM', expected: '10 a.m.' } },
        { messageId: 'time', flagged: '11am' },
        { messageId: 'time', flagged: '3 P.M.' },
        { messageId: 'time', flagged: '10 pm.' },
      ],
      output: 'Doors open at 10 a.m., 11 a.m. and 3 p.m. and close at 10 p.m.',
    },
    {
      name: 'AP drops :00 and a leading zero',
      text: 'The count starts at 10:00 a.m. and ends at 09:30 p.m. on Monday.',
      findings: [
        { messageId: 'time', flagged: '10:00 a.m.' },
        { messageId: 'time', flagged: '09:30 p.m.' },
      ],
      output: 'The count starts at 10 a.m. and ends at 9:30 p.m. on Monday.',
    },
    {
      name: 'a sentence-ending full stop serves for both',
      text: 'Doors open at 10am. Polls close at 8 PM.',
      findings: [
        { messageId: 'time', flagged: '10am.' },
        { messageId: 'time', flagged: '8 PM.' },
      ],
      output: 'Doors open at 10 a.m. Polls close at 8 p.m.',
    },
    {
      name: 'a missing last stop',
      text: 'It opens at 9 a.m on Monday.',
      findings: [{ messageId: 'time', flagged: '9 a.m' }],
      output: 'It opens at 9 a.m. on Monday.',
    },
    {
      name: '12 noon and 12 midnight',
      text: 'The deadline is 12 noon; the ban starts at 12 midnight.',
      findings: [
        { messageId: 'noonMidnight', flagged: '12 noon' },
        { messageId: 'noonMidnight', flagged: '12 midnight' },
      ],
      output: 'The deadline is noon; the ban starts at midnight.',
    },
    {
      name: '12 p.m. is a choice for the writer, so suggestions',
      text: 'Lunch is at 12 p.m. Monday and the vote at 12 a.m.',
      findings: [
        { messageId: 'twelve', flagged: '12 p.m.', suggestions: ['Lunch is at noon Monday and the vote at 12 a.m.', 'Lunch is at midnight Monday and the vote at 12 a.m.'] },
        { messageId: 'twelve', flagged: '12 a.m', suggestions: ['Lunch is at 12 p.m. Monday and the vote at midnight.', 'Lunch is at 12 p.m. Monday and the vote at noon.'] },
      ],
    },
    {
      name: 'the part of the day said twice',
      text: 'It opens at 10 a.m. this morning, shuts at 9 p.m. tonight and reopens at 8 a.m. Friday morning.',
      findings: [
        { messageId: 'redundant', flagged: ' this morning' },
        { messageId: 'redundant', flagged: ' tonight' },
        { messageId: 'redundant', flagged: ' Friday morning' },
      ],
      output: 'It opens at 10 a.m. today, shuts at 9 p.m. today and reopens at 8 a.m. Friday.',
    },
    {
      name: 'a misspelled time and the doubled part of the day, fixed in one pass',
      text: 'She spoke at 10:00 AM this morning.',
      findings: [
        { messageId: 'time', flagged: '10:00 AM' },
        { messageId: 'redundant', flagged: ' this morning', data: { actual: '10 a.m. this morning', expected: '10 a.m. today' } },
      ],
      output: 'She spoke at 10 a.m. today.',
    },
  ],
});
