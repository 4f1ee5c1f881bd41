import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/reused-paragraph';

const budget =
  'The county council approved a budget of 48 million pounds on Thursday, raising spending on roads and libraries while cutting the cost of running its offices for the third year in a row.';
const edited =
  'The county council approved a budget of 48 million pounds on Wednesday, raising spending on roads and schools while cutting the cost of running its offices for the third year in a row.';
const opposition = 'Opposition members said the plan relied on selling land that the council has not yet found a buyer for.';
const ferry = 'The ferry to the islands will run twice a day from April, the operator said after a winter of cancellations.';
// Issue 8: short lines (under shortWords = 25 words) need 75% to count as near copies.
const market = 'The harbour board voted on Monday to close the old fish market at the end of the summer season.'; // 19 words
const market78 = 'The harbour board decided on Monday to close the old fish market at the start of the summer season.'; // 78% the same
const market66 = 'The harbour board decided on Monday to close the old fish market at the start of the winter season.'; // 66%
const market25 = `${market.slice(0, -1)}, after traders said rents had doubled.`; // 25 words
const market25at66 = 'The harbour board decided on Monday to close the covered fish market at the start of the winter season, after traders said rents had doubled.'; // 25 words, 66%
const market24 = `${market.slice(0, -1)}, after traders said rents doubled.`; // 24 words
const market24at65 = 'The harbour board decided on Monday to close the covered fish market at the start of the winter season, after traders said rents doubled.'; // 24 words, 65%
const market26 = `${market.slice(0, -1)}, after traders said rents had doubled again.`; // 26 words; 60% like market24at65
const budget65 = 'The county council passed a budget of 48 million pounds on Thursday, raising spending on buses and libraries while trimming the cost of its offices for a third year running.'; // 65% like budget
const quote = 'The market has served this town for a century and we will miss it';

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
    { name: 'issue-8: a short paragraph (19 words) 66% the same is a line on the same subject, not a copy', text: `${market}\n`, others: { 'v1.txt': `${market66}\n` } },
    { name: 'issue-8: 24 words is still short: 65% is not enough', text: `${market24}\n`, others: { 'v1.txt': `${market24at65}\n` } },
    { name: 'issue-8: the shorter of the two paragraphs decides (26 words here, 24 there, 60%)', text: `${market26}\n`, others: { 'v1.txt': `${market24at65}\n` } },
    { name: 'issue-8: ... in both drafts (24 words here, 26 there)', text: `${market24at65}\n`, others: { 'v1.txt': `${market26}\n` } },
    { name: 'issue-8: shortThreshold is an option: 78% is under 0.8', text: `${market}\n`, options: { shortThreshold: 0.8 }, others: { 'v1.txt': `${market78}\n` } },
    { name: 'issue-8: a threshold above shortThreshold applies to short paragraphs too', text: `${market}\n`, options: { threshold: 0.8 }, others: { 'v1.txt': `${market78}\n` } },
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
      name: 'issue-8: a short paragraph at 75% or more is still a near copy',
      text: `${market}\n`,
      others: { 'v1.txt': `${market78}\n` },
      findings: [{ messageId: 'near', flagged: market, data: { percent: '77', file: 'v1.txt' } }],
    },
    {
      name: 'issue-8: 25 words is not short: 66% is enough',
      text: `${market25}\n`,
      others: { 'v1.txt': `${market25at66}\n` },
      findings: [{ messageId: 'near', flagged: market25, data: { percent: '66', file: 'v1.txt' } }],
    },
    {
      name: 'issue-8: a long near copy at 65% is still found',
      text: `${budget65}\n`,
      others: { 'v1.txt': `${budget}\n` },
      findings: [{ messageId: 'near', flagged: budget65, data: { percent: '65', file: 'v1.txt' } }],
    },
    {
      name: 'issue-8: shortWords 0 compares short paragraphs at the threshold',
      text: `${market}\n`,
      options: { shortWords: 0 },
      others: { 'v1.txt': `${market66}\n` },
      findings: [{ messageId: 'near', flagged: market, data: { percent: '66', file: 'v1.txt' } }],
    },
    {
      name: 'issue-8: word for word when only the closing punctuation differs (full stop inside or outside the quote)',
      text: `"${quote}."\n`,
      others: { 'v1.txt': `"${quote}".\n` },
      findings: [{ messageId: 'exact', flagged: `"${quote}."`, data: { file: 'v1.txt', line: '1' } }],
    },
    {
      name: 'issue-8: word for word when one draft quotes the line and the other does not, or drops the full stop',
      text: `\u201c${quote}.\u201d\n\n${market}\n`,
      others: { 'a.txt': `${quote}\n`, 'b.txt': `${market.slice(0, -1)}\n` },
      findings: [
        { messageId: 'exact', flagged: `\u201c${quote}.\u201d`, data: { file: 'a.txt', line: '1' } },
        { messageId: 'exact', flagged: market, data: { file: 'b.txt', line: '1' } },
      ],
    },
    {
      name: 'issue-8: punctuation inside the paragraph still counts: a near copy, 100%',
      text: `${quote.replace('century', 'century,')}, she said.\n`,
      others: { 'v1.txt': `${quote}, she said.\n` },
      findings: [{ messageId: 'near', flagged: `${quote.replace('century', 'century,')}, she said.`, data: { percent: '100', file: 'v1.txt' } }],
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
