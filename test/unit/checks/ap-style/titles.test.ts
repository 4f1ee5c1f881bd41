import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/ap-style/titles';

testCheck(check, {
  valid: [
    'President Ana Ruiz met Secretary of State Tom Bell; the president said the secretary of state agreed.',
    { name: 'set off by commas', text: 'Ana Ruiz, president of the board, spoke. The mayor, Tom Bell, agreed.' },
    { name: 'a title in a name', text: "The Mayor's Office of Housing opened. The King's Speech was read." },
    { name: 'a capital at the start of a sentence', text: 'Mayor or not, she said she would run.' },
    { name: 'a day after the title is not a name', text: 'The president Monday signed the bill.' },
    { name: 'a lowercase modifier that may be part of the title is left alone', text: 'The culture minister Ana Ruiz spoke.' },
    { name: 'occupational titles are not on the list', text: 'Council leader Priya Das and harbour master Tom Bell spoke.' },
    { name: 'AP abbreviations are fine', text: 'Gov. Ana Ruiz and Sen. Tom Bell met state Rep. Jo Lee.' },
    { name: 'a headline', text: 'Mayor Backs Harbour Plan\n\nThe mayor backed the plan.' },
    { name: 'a quotation', text: 'He said: “The Mayor is wrong.”' },
  ],
  invalid: [
    {
      name: 'lowercase title right before a name',
      text: 'The bill was signed by president Ana Ruiz.',
      findings: [{ messageId: 'capitalise', flagged: 'president', data: { actual: 'president', expected: 'President' }, suggestions: ['The bill was signed by President Ana Ruiz.'] }],
    },
    {
      name: 'a longer title, after former',
      text: 'It was former secretary of state Tom Bell who spoke.',
      findings: [{ messageId: 'capitalise', flagged: 'secretary of state', suggestions: ['It was former Secretary of State Tom Bell who spoke.'] }],
    },
    {
      name: 'a capitalised title standing alone',
      text: 'The Mayor said the plan would pass, and the Prime Minister agreed.',
      findings: [
        { messageId: 'lowercase', flagged: 'Mayor', suggestions: ['The mayor said the plan would pass, and the Prime Minister agreed.'] },
        { messageId: 'lowercase', flagged: 'Prime Minister', suggestions: ['The Mayor said the plan would pass, and the prime minister agreed.'] },
      ],
    },
    {
      name: 'after a name and a comma',
      text: 'Ana Ruiz, President of the board, spoke.',
      findings: [{ messageId: 'lowercase', flagged: 'President', suggestions: ['Ana Ruiz, president of the board, spoke.'] }],
    },
    {
      name: 'a possessive before the title',
      text: "The company's Chancellor resigned.",
      findings: [{ messageId: 'lowercase', flagged: 'Chancellor' }],
    },
    {
      name: 'AP abbreviates governor, senator and representative before a name',
      text: 'Governor Ana Ruiz met state senator Tom Bell.',
      findings: [
        { messageId: 'abbreviate', flagged: 'Governor', suggestions: ['Gov. Ana Ruiz met state senator Tom Bell.'] },
        { messageId: 'abbreviate', flagged: 'senator', suggestions: ['Governor Ana Ruiz met state Sen. Tom Bell.'] },
      ],
    },
  ],
});
