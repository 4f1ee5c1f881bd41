import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/echo';

testCheck(check, {
  valid: [
    { name: 'everyday words repeat unnoticed', text: 'The council made an important decision. It was an important day for the town.' },
    { name: 'uncommon descriptive words used once each', text: 'The harbour plan is pivotal. Turnout was brisk and the debate robust.' },
    {
      name: 'a word the story keeps using is its subject',
      text: 'The hydraulic lift failed. Engineers tested the hydraulic system. A hydraulic seal had split.',
    },
    { name: 'a name is not an echo', text: 'Officials in Rapid City met on Monday. The Rapid City council voted later.' },
    { name: 'too far apart for the distance set', text: 'The vote was pivotal. The council then met for an hour. Residents called it pivotal.', options: { distance: 5 } },
    { name: 'one use inside a quotation', text: 'The mood was tense. “It was a pivotal night,” said Ana Ruiz. The pivotal vote came at ten.' },
    {
      name: 'a repeated paragraph is duplicate-paragraph’s: no echo between a paragraph and its copy',
      text: 'The vote was a pivotal moment for the harbour board and its members.\n\nThe vote was a pivotal moment for the harbour board and its members.\n',
    },
    { name: 'a headline and its lede share words by design', text: 'Pivotal Vote on Harbour Plan\n\nThe council held a pivotal vote on Tuesday.\n' },
    { name: 'the same word before the same noun is a term', text: 'The hydraulic pump failed on Monday. A new hydraulic pump arrived on Friday.' },
    { name: 'a phrase of everyday words', text: 'She said that in the end the plan worked. In the end, the board agreed.' },
  ],
  invalid: [
    {
      name: 'an uncommon adjective twice, reported on the later use with the earlier one related',
      text: 'The vote was a significant step for the port.\n\nOfficials called the result significant.',
      findings: [{ messageId: 'word', flagged: 'significant', data: { line: '1' }, related: ['significant'] }],
    },
    {
      name: 'a phrase holding an uncommon word: one finding for the phrase, not one per word',
      text: 'Ministers meet amid a backdrop of unrest.\n\nThe talks began on Monday.\n\nAmid a backdrop of protests, the mayor spoke.',
      findings: [{ messageId: 'phrase', flagged: 'Amid a backdrop of', data: { line: '1' }, related: ['amid a backdrop of'] }],
    },
    {
      name: 'between distinct paragraphs, not a paragraph and its copy',
      text:
        'The port faces a significant loss this year.\n\nRevenue fell in the spring and again in the summer.\n\nA significant share of trade has moved north.\n\nRevenue fell in the spring and again in the summer.\n',
      findings: [{ messageId: 'word', flagged: 'significant', data: { line: '1' } }],
    },
    {
      name: 'each repeat is reported once, against the use before it',
      text: 'The debate was robust. The response was robust. The defence was robust.',
      options: { topicUses: 4 },
      findings: [
        { messageId: 'word', flagged: 'robust', data: { line: '1' } },
        { messageId: 'word', flagged: 'robust', data: { line: '1' } },
      ],
    },
  ],
});
