import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/loaded-language';

testCheck(check, {
  valid: [
    'The council voted 7-2 on Tuesday to fund the harbour plan.',
    { name: 'a loaded word inside a quotation is the source’s', text: 'The mayor called it “a reckless and draconian plan” on Monday.' },
    { name: 'straight quotes, nested quotes', text: `He said "they told us 'this is draconian' and we agreed" after the vote.` },
    { name: 'a multi-paragraph quotation', text: '“The cuts are draconian.\n\n“They are reckless,” she said.' },
    { name: 'a Markdown block quote', format: 'markdown', text: '> The reckless spending must stop.\n\nThe council met on Monday.' },
    { name: 'a neutral sense in context: tax regime', text: 'The new tax regime takes effect in April.' },
    { name: 'an allowed term', text: 'The regime fell in 1989.', options: { allow: ['regime'] } },
    { name: 'a category turned off', text: 'Turnout was very high.', options: { categories: { intensifier: false } } },
    { name: 'words split by punctuation are not a phrase', text: 'It was so. Called to order, the board sat.' },
  ],
  invalid: [
    {
      name: 'the longest phrase wins, with its inflection',
      text: 'The traumatic shifts under the new administration worry exporters.',
      findings: [{ messageId: 'loaded', flagged: 'traumatic' }],
    },
    {
      name: 'inflections and case: Slammed at the start of a sentence, put into the same form',
      text: 'Slammed by critics, the plan was dropped.',
      findings: [{ messageId: 'loaded', flagged: 'Slammed', suggestions: ['Criticized by critics, the plan was dropped.', 'Said by critics, the plan was dropped.'] }],
    },
    {
      name: 'an adverb made from an emotive adjective',
      text: 'Police aggressively cleared the square.',
      findings: [{ messageId: 'loaded', flagged: 'aggressively' }],
    },
    {
      name: 'hyphen, space and line break inside a phrase are alike',
      text: 'The so-called reform passed. The so called reform failed. The so\ncalled reform stalled.',
      findings: [
        { messageId: 'loaded', flagged: 'so-called' },
        { messageId: 'loaded', flagged: 'so called' },
        { messageId: 'loaded', flagged: 'so\ncalled' },
      ],
    },
    {
      name: 'an editorialising adverb can be removed, with its comma and the capital fixed',
      text: 'Obviously, the plan failed.',
      findings: [{ messageId: 'loaded', flagged: 'Obviously', suggestions: ['The plan failed.'] }],
    },
    {
      name: 'removing an aside takes its comma pair',
      text: 'The plan, obviously, failed.',
      findings: [{ messageId: 'loaded', flagged: 'obviously', suggestions: ['The plan failed.'] }],
    },
    {
      name: 'removing a word before a full stop takes the space before it',
      text: 'The orchestra played brilliantly.',
      findings: [{ messageId: 'loaded', flagged: 'brilliantly', suggestions: ['The orchestra played.'] }],
    },
    {
      name: 'the same word in narration and in a quote: one finding',
      text: 'Critics called the cuts “draconian”. The draconian cuts take effect in May.',
      findings: [{ messageId: 'loaded', flagged: 'draconian' }],
    },
    {
      name: 'quotations reported as hints when asked',
      text: 'She called the plan “reckless”.',
      options: { quotes: 'hint' },
      findings: [{ messageId: 'quoted', flagged: 'reckless' }],
    },
    {
      name: 'headlines are checked too',
      text: 'Mayor Slams Draconian Parking Rules\n\nThe mayor spoke on Monday.\n',
      findings: [
        { messageId: 'loaded', flagged: 'Slams' },
        { messageId: 'loaded', flagged: 'Draconian' },
      ],
    },
    {
      name: 'a newsroom’s own term, with an alternative, wins over the built-in list',
      text: 'The reckless spending spree continued.',
      options: { terms: [{ term: 'spending spree', category: 'emotive-noun', alternatives: ['spending'] }] },
      findings: [
        { messageId: 'loaded', flagged: 'reckless' },
        { messageId: 'loaded', flagged: 'spending spree', suggestions: ['The reckless spending continued.'] },
      ],
    },
  ],
});
