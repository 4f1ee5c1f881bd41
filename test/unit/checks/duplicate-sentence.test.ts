import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/duplicate-sentence';

const fact = 'The dam was built in 1962 by the state water board.';

testCheck(check, {
  valid: [
    `${fact} It holds four billion litres.\n\nEngineers inspected it on Monday.\n`,
    { name: 'a short stock sentence may repeat', text: 'He declined to comment. The mayor left.\n\nShe declined to comment. He declined to comment.\n' },
    { name: 'whole repeated paragraphs are left to duplicate-paragraph', text: `${fact} It holds four billion litres.\n\nEngineers inspected it.\n\n${fact} It holds four billion litres.\n` },
    { name: 'the same sentence inside a code block does not count', format: 'markdown', text: `${fact}\n\n    ${fact}\n` },
  ],
  invalid: [
    {
      name: 'a fact pasted into a later paragraph',
      text: `${fact} It holds four billion litres.\n\nEngineers inspected it on Monday. ${fact}\n`,
      findings: [{ messageId: 'duplicate', flagged: fact, data: { line: '1' }, related: [fact], suggestions: [`${fact} It holds four billion litres.\n\nEngineers inspected it on Monday.\n`] }],
    },
    {
      name: 'a repeated opening sentence takes the space after it',
      text: `${fact} It holds four billion litres.\n\n${fact} Engineers inspected it on Monday.\n`,
      findings: [{ messageId: 'duplicate', flagged: fact, suggestions: [`${fact} It holds four billion litres.\n\nEngineers inspected it on Monday.\n`] }],
    },
  ],
});
