import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/double-space';

testCheck(check, {
  valid: [
    'The council met on Tuesday. It voted 7-2.',
    { name: 'leading indentation', text: 'Harbour Board Saves Terminal\n\n    The board voted on Tuesday.\n' },
    { name: 'Markdown trailing spaces are a line break', format: 'markdown', text: 'The board voted.  \nWork starts in March.\n' },
    { name: 'inside Markdown code', format: 'markdown', text: 'Run `make  all` first.\n\n```\nx  =  1\n```\n' },
    { name: 'a Markdown table', format: 'markdown', text: '| Name  | Votes |\n|---|---|\n| Rowe  | 5 |\n' },
    { name: 'a plain-text table lined up with spaces', text: 'Ward       Votes\nNorth      1,204\nSouth        987\n' },
    { name: 'after a list marker', text: '1.  Repair the pier.\n2.  Reopen the hall.\n' },
    { name: 'inside a quotation', text: 'She said “we  will not wait” on Monday.' },
    { name: 'spaces before a comma are space-before-punctuation’s (one finding, one fix)', text: 'The council  , which met, voted.' },
    { name: 'no-break and other spaces are deliberate', text: 'It costs 3\u00a0 million pounds.' },
  ],
  invalid: [
    {
      name: 'two spaces between words',
      text: 'The council  voted on Tuesday.',
      findings: [{ messageId: 'between', flagged: '  ', data: { count: '2', left: 'council', right: 'voted' } }],
      output: 'The council voted on Tuesday.',
    },
    {
      name: 'two spaces after a full stop, the typewriter habit',
      text: 'The council voted.  It met again on Friday!   Then it rested.',
      findings: [
        { messageId: 'afterSentence', flagged: '  ', data: { left: 'voted.' } },
        { messageId: 'afterSentence', flagged: '   ', data: { count: '3', left: 'Friday!' } },
      ],
      output: 'The council voted. It met again on Friday! Then it rested.',
    },
    {
      name: 'after a closing quotation and in a hard-wrapped paragraph',
      text: 'The mayor called it “a good day.”  The board\nvoted 5-2  on Tuesday.\n',
      findings: [
        { messageId: 'afterSentence', flagged: '  ' },
        { messageId: 'between', flagged: '  ', data: { left: '5-2', right: 'on' } },
      ],
      output: 'The mayor called it “a good day.” The board\nvoted 5-2 on Tuesday.\n',
    },
    {
      name: 'in a Markdown headline and list item',
      format: 'markdown',
      text: '# Board  Saves Terminal\n\n- Repairs cost  3 million pounds.\n',
      findings: [
        { messageId: 'between', flagged: '  ', data: { left: 'Board' } },
        { messageId: 'between', flagged: '  ', data: { left: 'cost' } },
      ],
      output: '# Board Saves Terminal\n\n- Repairs cost 3 million pounds.\n',
    },
  ],
});
