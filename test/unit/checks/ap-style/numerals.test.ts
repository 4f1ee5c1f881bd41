import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/ap-style/numerals';

testCheck(check, {
  valid: [
    'Three ships and 12 barges left the port; two returned.',
    { name: 'ages', text: 'The girl, 5, and her brother, aged 7, are 5 years old and 7 years of age; a 6-year-old joined.' },
    { name: 'percentages and money', text: 'Rates rose 3 percent to $4 and 5% of users paid 6 cents or 2 pounds.' },
    { name: 'millions and decimals', text: 'The plan costs 3 million pounds and 2.5 billion euros for 1.5 people.' },
    { name: 'measures and dimensions', text: 'The wall is 6 feet tall, 3 metres wide and 9 km long; it weighs 4 tons at 2 degrees.' },
    { name: 'times and dates', text: 'They met at 3 p.m. on Jan. 5, at 4 pm on 6 May and again on March 7 at 9:30.' },
    { name: 'a footnote opening a sentence', text: '[1] See the report.' },
    { name: 'scores and votes', text: 'The council voted 5-4 and the team won 3 to 2 after scoring 2 goals with 3 points.' },
    { name: 'labels: No., page, grade, route, capitalised names', text: 'The No. 3 seed read page 5 to grade 3 pupils on Route 9 in Windows 7 rooms; year 9 pupils came.' },
    { name: 'addresses and fractions', text: 'She lives at 4 Elm Road and ate 3 1/2 pies.' },
    { name: 'ratios', text: 'About 1 in 5 residents and 3 of 10 voters agreed.' },
    { name: 'ranges with figures', text: 'Between 2 and 4 people came; 3-5 more waited.' },
    { name: 'ordinals are left alone', text: 'She finished 3rd and 21st, and the twenty-first race was next.' },
    { name: 'ten and above as figures', text: 'The 12 members met for 10 days.' },
    { name: 'a spelled-out number opening a sentence', text: 'Twelve members met. Forty more schools joined.' },
    { name: 'a year opening a sentence', text: '2024 was a hard year for the port.' },
    { name: 'a decade and a numbered list', text: '1990s ferries were slow.\n\n1. Book a ticket.' },
    { name: 'headlines use figures', text: 'Council Hires 3 Officers\n\nThe council met.' },
    { name: 'a quotation', text: 'She said: “We lost 3 boats and twelve nets.”' },
    { name: 'number words inside bigger numbers', text: 'It cost one hundred and twenty pounds in nineteen eighty-four.' },
    { name: 'idioms and ratios with words', text: 'Nine times out of ten it works; one in ten agreed; odds of ten to one.' },
    { name: 'twenty-something and forty-odd', text: 'A twenty-something founder hired forty-odd staff.' },
    { name: 'a Markdown table', format: 'markdown', text: '| ships | 3 boats |\n| --- | --- |\n| a | 3 boats |\n' },
    { name: 'a figure that names, with a singular verb', text: 'The network 3 says it will expand. 3 is the smallest network.' },
    { name: 'a ranking line', text: 'The seeds:\n\n3 Ana Ruiz (Spain)\n\n4 Tom Bell (Canada)' },
    { name: 'a name with a figure opening the sentence', text: 'Halo 2 sold well.' },
    { name: 'hours and minutes keep figures', text: 'The talks lasted 3 hours and 5 minutes.' },
  ],
  invalid: [
    {
      name: 'a figure for a plain count under 10',
      text: 'The storm sank 3 ships.',
      findings: [{ messageId: 'spellOut', flagged: '3', data: { actual: '3', expected: 'three' } }],
      output: 'The storm sank three ships.',
    },
    {
      name: 'one person after a plain opener, and weeks that are not an age',
      text: 'Only 1 person came 2 weeks ago.',
      findings: [
        { messageId: 'spellOut', flagged: '1' },
        { messageId: 'spellOut', flagged: '2' },
      ],
      output: 'Only one person came two weeks ago.',
    },
    {
      name: 'a word for 10 and above',
      text: 'The board has twelve members and twenty-five staff.',
      findings: [
        { messageId: 'figures', flagged: 'twelve', data: { actual: 'twelve', expected: '12' } },
        { messageId: 'figures', flagged: 'twenty-five', data: { actual: 'twenty-five', expected: '25' } },
      ],
      output: 'The board has 12 members and 25 staff.',
    },
    {
      name: 'a compound modifier with a big number word',
      text: 'The fifteen-year plan passed.',
      findings: [{ messageId: 'figures', flagged: 'fifteen' }],
      output: 'The 15-year plan passed.',
    },
    {
      name: 'figures for ages, percentages and millions even under 10',
      text: 'A five-year-old won, turnout rose five percent and the port lost two million pounds.',
      findings: [
        { messageId: 'figuresUnit', flagged: 'five' },
        { messageId: 'figuresUnit', flagged: 'five' },
        { messageId: 'figuresUnit', flagged: 'two' },
      ],
      output: 'A 5-year-old won, turnout rose 5 percent and the port lost 2 million pounds.',
    },
    {
      name: 'a figure opening a sentence is spelled out',
      text: 'The vote was close. 12 members abstained.',
      findings: [{ messageId: 'sentenceStart', flagged: '12', data: { actual: '12', expected: 'Twelve' } }],
      output: 'The vote was close. Twelve members abstained.',
    },
    {
      name: 'a small figure opening a sentence, with a unit',
      text: '5 percent of voters stayed home.',
      findings: [{ messageId: 'sentenceStart', flagged: '5' }],
      output: 'Five percent of voters stayed home.',
    },
    {
      name: 'a big figure opening a sentence: recast, no fix',
      text: '2,300 ships used the port.',
      findings: [{ messageId: 'sentenceStartRecast', flagged: '2,300' }],
    },
    {
      name: 'after a quotation mark that opens the sentence but not the quote',
      text: 'The port was busy. (3 ships waited.)',
      findings: [{ messageId: 'sentenceStart', flagged: '3' }],
      output: 'The port was busy. (Three ships waited.)',
    },
  ],
});
