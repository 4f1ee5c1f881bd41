import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/duplicate-sentence';

const fact = 'The dam was built in 1962 by the state water board.';
const version1 = `The board approved repairs to the spillway and the access road on Monday after a long debate. ${fact}`;
const version2 = `The board approved repairs to the spillway and the access road on Tuesday after a long debate. ${fact}`;
const holds = 'It holds four billion litres and supplies water to three towns in the valley below it.';
const inspected = 'Engineers from the regional authority inspected the walls and the spillway on Monday morning.';

testCheck(check, {
  valid: [
    `${fact} It holds four billion litres.\n\nEngineers inspected it on Monday.\n`,
    { name: 'a short stock sentence may repeat', text: 'He declined to comment. The mayor left.\n\nShe declined to comment. He declined to comment.\n' },
    { name: 'whole repeated paragraphs are left to duplicate-paragraph', text: `${fact} It holds four billion litres.\n\nEngineers inspected it.\n\n${fact} It holds four billion litres.\n` },
    { name: 'a sentence shared by two versions of a paragraph is left to near-duplicate-paragraph', text: `${version1}\n\n${version2}\n` },
    { name: 'the same sentence inside a code block does not count', format: 'markdown', text: `${fact}\n\n    ${fact}\n` },
  ],
  invalid: [
    {
      name: 'with near-duplicate-paragraph off (threshold above 1) the shared sentence is reported',
      text: `${version1}\n\n${version2}\n`,
      options: { nearDuplicateThreshold: 2 },
      findings: [{ messageId: 'duplicate', flagged: fact }],
    },
    {
      name: 'a fact pasted into a later paragraph',
      text: `${fact} ${holds}\n\n${inspected} ${fact}\n`,
      findings: [{ messageId: 'duplicate', flagged: fact, data: { line: '1' }, related: [fact], suggestions: [`${fact} ${holds}\n\n${inspected}\n`] }],
    },
    {
      name: 'a repeated opening sentence takes the space after it',
      text: `${fact} ${holds}\n\n${fact} ${inspected}\n`,
      findings: [{ messageId: 'duplicate', flagged: fact, suggestions: [`${fact} ${holds}\n\n${inspected}\n`] }],
    },
  ],
});
