import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/near-duplicate-paragraph';

const original =
  'The county council approved a budget of 48 million pounds on Thursday, raising spending on roads and libraries while cutting the cost of running its offices for the third year in a row.';
const edited =
  'The county council approved a budget of 48 million pounds on Wednesday, raising spending on roads and schools while cutting the cost of running its offices for the third year in a row.';
const other = 'Opposition members said the plan relied on selling land that the council has not yet found a buyer for.';

testCheck(check, {
  valid: [
    `${original}\n\n${other}\n`,
    { name: 'exact copies are left to duplicate-paragraph', text: `${original}\n\n${other}\n\n${original}\n` },
    { name: 'short paragraphs are never near duplicates', text: 'The vote was close.\n\nThe vote was very close.\n' },
    {
      name: 'one sentence quoted inside a much longer paragraph is not a version of it',
      text: `${original} ${other} Officials said the savings would be reviewed in spring, and a consultation on library hours will open next month.\n\n${other}\n`,
    },
    { name: 'the threshold is a setting: 87% is under 0.9', text: `${original}\n\n${edited}\n`, options: { threshold: 0.9 } },
    {
      name: 'two paragraphs on the same subject in different words',
      text: `${original}\n\nCouncillors agreed on Thursday to spend more on roads and libraries next year, and to trim office costs again.\n`,
    },
  ],
  invalid: [
    {
      name: 'an edited copy, a few words changed',
      text: `${original}\n\n${other}\n\n${edited}\n`,
      findings: [
        {
          messageId: 'nearDuplicate',
          flagged: edited,
          data: { percent: '87', kind: 'paragraph', line: '1' },
          related: [original],
          suggestions: [`${original}\n\n${other}\n`, `${other}\n\n${edited}\n`],
        },
      ],
    },
    {
      name: 'a trimmed copy (last clause dropped) still counts',
      text: `${original}\n\nThe county council approved a budget of 48 million pounds on Thursday, raising spending on roads and libraries.\n`,
      findings: [{ messageId: 'nearDuplicate', flagged: 'The county council approved a budget of 48 million pounds on Thursday, raising spending on roads and libraries.', data: { percent: '100' } }],
    },
  ],
});
