import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/ap-style/months';

testCheck(check, {
  valid: [
    'The vote is on Jan. 5, Feb. 12, March 3, April 4, May 5, June 6, July 7, Aug. 8, Sept. 9, Oct. 10, Nov. 11 and Dec. 12.',
    { name: 'a month alone or with a year is spelled out', text: 'The plan starts in January and ends in September 2026.' },
    { name: 'a name, not a month', text: 'Jan Kowalski met Jan. He said May was right.' },
    { name: 'a quotation', text: 'She said: “We meet on January 5.”' },
    { name: 'a range of days after a correct month', text: 'The fair runs Aug. 3-5.' },
    { name: 'a year after a month is not a day', text: 'It was founded in August 1999.' },
    { name: 'a list of days before a month is left to the writer', text: 'They met on 1 and 2 March.' },
    { name: 'a month then a bigger number', text: 'In March 40 ships came; in December 2,000 more.' },
  ],
  invalid: [
    {
      name: 'a long month with a date is abbreviated',
      text: 'The council meets on January 5.',
      findings: [{ messageId: 'date', flagged: 'January 5', data: { actual: 'January 5', expected: 'Jan. 5' } }],
      output: 'The council meets on Jan. 5.',
    },
    {
      name: 'September is Sept., with a year',
      text: 'It opened on September 12, 2024, in Kelby.',
      findings: [{ messageId: 'date', flagged: 'September 12' }],
      output: 'It opened on Sept. 12, 2024, in Kelby.',
    },
    {
      name: 'March to July are never abbreviated',
      text: 'It closes on Mar. 3 and reopens Jul 9.',
      findings: [
        { messageId: 'date', flagged: 'Mar. 3' },
        { messageId: 'date', flagged: 'Jul 9' },
      ],
      output: 'It closes on March 3 and reopens July 9.',
    },
    {
      name: 'wrong or bare abbreviations with a date',
      text: 'Filed Sep. 4 and Dec 1 and Jan 02.',
      findings: [
        { messageId: 'date', flagged: 'Sep. 4' },
        { messageId: 'date', flagged: 'Dec 1' },
        { messageId: 'date', flagged: 'Jan 02' },
      ],
      output: 'Filed Sept. 4 and Dec. 1 and Jan. 2.',
    },
    {
      name: 'no ordinal suffix on the day',
      text: 'The sale is on May 3rd and November 21st.',
      findings: [
        { messageId: 'date', flagged: 'May 3rd' },
        { messageId: 'date', flagged: 'November 21st' },
      ],
      output: 'The sale is on May 3 and Nov. 21.',
    },
    {
      name: 'an abbreviated month with only a year is spelled out',
      text: 'Prices peaked in Jan. 2024 and again in Sept 2025.',
      findings: [
        { messageId: 'date', flagged: 'Jan. 2024' },
        { messageId: 'date', flagged: 'Sept 2025' },
      ],
      output: 'Prices peaked in January 2024 and again in September 2025.',
    },
    {
      name: 'day before month, with the year set off by commas',
      text: 'On 5 January 2024 the port reopened; it closed on 3 March.',
      findings: [
        { messageId: 'date', flagged: '5 January 2024' },
        { messageId: 'date', flagged: '3 March' },
      ],
      output: 'On Jan. 5, 2024, the port reopened; it closed on March 3.',
    },
  ],
});
