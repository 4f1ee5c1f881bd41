import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/space-before-punctuation';

testCheck(check, {
  valid: [
    'The council, which met on Tuesday, voted 7-2.',
    { name: 'an ellipsis set off by spaces', text: 'The board waited … and waited ... and then . . . voted.' },
    { name: 'emoticons', text: 'See you there :-) and there :) and there ;)' },
    { name: 'numbers and file endings', text: 'The rate rose by .5 points on example .com sites and .NET servers.' },
    { name: 'French spacing with guillemets', text: 'Elle a dit : « Non ! » Pourquoi ?' },
    { name: 'French no-break spaces', text: 'Il a dit\u00a0: oui\u202f!' },
    { name: 'inside Markdown code', format: 'markdown', text: 'Call `f(a , b)` now.\n\n```\nx = a ;\n```\n' },
    { name: 'after Markdown markup', format: 'markdown', text: 'The plan was **approved** .\n' },
    { name: 'inside a quotation', text: 'She said “we won , finally” on Monday.' },
    { name: 'a line that starts with punctuation is layout', text: 'Harbour Board Saves Terminal\n\n, the board said.\n' },
    { name: 'a space in a URL is not possible, and a full stop after one is fine', text: 'See https://example.org. It opens today.' },
  ],
  invalid: [
    {
      name: 'a space before a comma',
      text: 'The council , which met on Tuesday, voted.',
      findings: [{ messageId: 'space', flagged: ' ,', data: { marks: ',', word: 'council' } }],
      output: 'The council, which met on Tuesday, voted.',
    },
    {
      name: 'full stop, semicolon, colon, question and exclamation marks',
      text: 'It voted ; it met : it rested . Why ? Because !',
      findings: [
        { messageId: 'space', flagged: ' ;' },
        { messageId: 'space', flagged: ' :' },
        { messageId: 'space', flagged: ' .' },
        { messageId: 'space', flagged: ' ?' },
        { messageId: 'space', flagged: ' !', data: { marks: '!', word: 'Because' } },
      ],
      output: 'It voted; it met: it rested. Why? Because!',
    },
    {
      name: 'several spaces, a mark cluster, and after a closing quotation or bracket',
      text: 'Really  ?! The “plan” , the fee (3%) .',
      findings: [
        { messageId: 'space', flagged: '  ?!', data: { marks: '?!' } },
        { messageId: 'space', flagged: ' ,' },
        { messageId: 'space', flagged: ' .' },
      ],
      output: 'Really?! The “plan”, the fee (3%).',
    },
    {
      name: 'in a Markdown list item',
      format: 'markdown',
      text: '- Repairs cost 3 million pounds , the board said.\n',
      findings: [{ messageId: 'space', flagged: ' ,' }],
      output: '- Repairs cost 3 million pounds, the board said.\n',
    },
  ],
});
