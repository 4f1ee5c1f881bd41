import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/reused-paragraph';

const budget =
  'The county council approved a budget of 48 million pounds on Thursday, raising spending on roads and libraries while cutting the cost of running its offices for the third year in a row.';
const edited =
  'The county council approved a budget of 48 million pounds on Wednesday, raising spending on roads and schools while cutting the cost of running its offices for the third year in a row.';
const opposition = 'Opposition members said the plan relied on selling land that the council has not yet found a buyer for.';
const ferry = 'The ferry to the islands will run twice a day from April, the operator said after a winter of cancellations.';

testCheck(check, {
  valid: [
    { name: 'no workspace (the CLI on one file): nothing, even with a copy in the text', text: `${budget}\n\n${budget}\n` },
    { name: 'nothing shared with the other drafts', text: `${budget}\n\n${opposition}\n`, others: { 'ferry.md': `${ferry}\n` } },
    { name: 'an empty workspace', text: `${budget}\n`, others: {} },
    {
      name: 'a short paragraph (under 8 words: a byline, a sign-off) is never compared',
      text: `By Jane Smith, political reporter\n\n${budget}\n`,
      others: { 'a.txt': 'By Jane Smith, political reporter\n', 'b.txt': `${ferry}\n` },
    },
    {
      name: 'a headline is never compared',
      text: `# County council approves the budget for next year after a long debate\n\n${opposition}\n`,
      format: 'markdown',
      others: { 'v1.md': `# County council approves the budget for next year after a long debate\n\n${ferry}\n` },
    },
    { name: 'below the threshold: the same subject in other words', text: `${budget}\n`, others: { 'v1.txt': 'Councillors agreed on Thursday to spend more on roads and libraries next year, and to trim office costs again.\n' } },
    { name: 'the threshold is an option: 87% is under 0.9', text: `${edited}\n`, options: { threshold: 0.9 }, others: { 'v1.txt': `${budget}\n` } },
    {
      name: 'house boilerplate: in more other drafts than maxDrafts',
      text: `${opposition}\n\n${budget}\n`,
      options: { maxDrafts: 2 },
      others: { 'a.txt': `${budget}\n`, 'b.txt': `${budget}\n`, 'c.txt': `${budget}\n` },
    },
  ],
  invalid: [
    {
      name: 'a paragraph word for word in another draft',
      text: `${opposition}\n\n${budget}\n`,
      others: { 'budget-v1.txt': `Budget\n\n${budget}\n` },
      findings: [{ messageId: 'exact', flagged: budget, data: { file: 'budget-v1.txt', line: '3' }, related: [budget] }],
    },
    {
      name: 'word for word after folding case, spacing and quote marks',
      text: `${opposition.replace('said', 'SAID')}\n`,
      others: { 'v1.txt': `${opposition.replace(/ /g, '  ')}\n` },
      findings: [{ messageId: 'exact', flagged: opposition.replace('said', 'SAID'), data: { file: 'v1.txt', line: '1' } }],
    },
    {
      name: 'an edited version in another draft, with how similar',
      text: `${edited}\n`,
      others: { 'budget-v1.txt': `${budget}\n` },
      findings: [{ messageId: 'near', flagged: edited, data: { percent: '87', file: 'budget-v1.txt', line: '1' }, related: [budget] }],
    },
    {
      name: 'several other drafts: the word-for-word one first, then the rest counted',
      text: `${budget}\n`,
      others: { 'z-old.txt': `${budget}\n`, 'a-edit.txt': `${edited}\n`, 'b-copy.txt': `${ferry}\n\n${budget}\n` },
      findings: [{ messageId: 'exactMore', flagged: budget, data: { file: 'b-copy.txt', line: '3', more: '2' }, related: [budget, budget, edited] }],
    },
    {
      name: 'each of two shared paragraphs is reported, each at its own place elsewhere',
      text: `# Budget\n\n${budget}\n\n${ferry}\n`,
      format: 'markdown',
      others: { 'notes.md': `${ferry}\n\n${opposition}\n\n${budget}\n` },
      findings: [
        { messageId: 'exact', flagged: budget, data: { file: 'notes.md', line: '5' } },
        { messageId: 'exact', flagged: ferry, data: { file: 'notes.md', line: '1' } },
      ],
    },
    {
      name: 'maxDrafts counts other drafts: at the limit it still reports',
      text: `${budget}\n`,
      options: { maxDrafts: 2 },
      others: { 'a.txt': `${budget}\n`, 'b.txt': `${budget}\n` },
      findings: [{ messageId: 'exactMore', flagged: budget, data: { file: 'a.txt', more: '1' } }],
    },
  ],
});
