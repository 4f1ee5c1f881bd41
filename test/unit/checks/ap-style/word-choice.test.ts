import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/ap-style/word-choice';

testCheck(check, {
  valid: [
    'The talks went on amid protests, and the ferry turned toward the harbour afterward.',
    { name: 'inside a quotation: the source’s words', text: 'She said: “We stood amidst the rubble.”' },
    { name: 'inside a URL', text: 'See www.example.org/towards-2030 for the plan.' },
    { name: 'a capital mid-sentence is a name', text: 'She chairs the Towards Zero Trust in Kelby.' },
    { name: 'forwards as a noun', text: 'The club signed two forwards and a goalkeeper.' },
    { name: 'forwards as a verb', text: 'The clerk forwards complaints to the board.' },
    { name: 'strikers and forwards: a list of nouns', text: 'The coach named strikers and forwards.' },
    { name: 'code is not prose', format: 'markdown', text: 'Run `amidst --help` first.' },
    { name: 'part of a longer word', text: 'The towardsness of it all.' },
  ],
  invalid: [
    {
      name: 'amidst → amid, a safe fix',
      text: 'Talks resumed amidst a backdrop of protests.',
      findings: [{ messageId: 'wordChoice', flagged: 'amidst', data: { actual: 'amidst', expected: 'amid' } }],
      output: 'Talks resumed amid a backdrop of protests.',
    },
    {
      name: 'the case of the word is kept at the start of a sentence',
      text: 'Amidst the noise, the vote went ahead.',
      findings: [{ messageId: 'wordChoice', flagged: 'Amidst' }],
      output: 'Amid the noise, the vote went ahead.',
    },
    {
      name: 'several forms in one sentence',
      text: 'Whilst prices moved upwards, the board looked towards the port and met afterwards.',
      findings: [
        { messageId: 'wordChoice', flagged: 'Whilst' },
        { messageId: 'wordChoice', flagged: 'upwards' },
        { messageId: 'wordChoice', flagged: 'towards' },
        { messageId: 'wordChoice', flagged: 'afterwards' },
      ],
      output: 'While prices moved upward, the board looked toward the port and met afterward.',
    },
    {
      name: 'amongst, downwards, backwards',
      text: 'Amongst the changes, forecasts went downwards and the plan went backwards.',
      findings: [
        { messageId: 'wordChoice', flagged: 'Amongst' },
        { messageId: 'wordChoice', flagged: 'downwards' },
        { messageId: 'wordChoice', flagged: 'backwards' },
      ],
      output: 'Among the changes, forecasts went downward and the plan went backward.',
    },
    {
      name: 'forwards as an adverb',
      text: 'The van rocked backwards and forwards before it moved forwards.',
      findings: [
        { messageId: 'wordChoice', flagged: 'backwards' },
        { messageId: 'wordChoice', flagged: 'forwards' },
        { messageId: 'wordChoice', flagged: 'forwards' },
      ],
      output: 'The van rocked backward and forward before it moved forward.',
    },
    {
      name: 'a headline in capitals keeps its capitals',
      format: 'markdown',
      text: '# Ferry Turns Towards Home\n\nThe ferry left.',
      findings: [{ messageId: 'wordChoice', flagged: 'Towards' }],
      output: '# Ferry Turns Toward Home\n\nThe ferry left.',
    },
    {
      name: 'outside a quotation, next to one',
      text: 'Amidst the cheers, she said “thank you”.',
      findings: [{ messageId: 'wordChoice', flagged: 'Amidst' }],
      output: 'Amid the cheers, she said “thank you”.',
    },
  ],
});
