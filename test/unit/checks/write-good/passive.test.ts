import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/write-good/passive';

testCheck(check, {
  valid: [
    'The board rejected the request on Monday.',
    { name: 'write-good’s own exception: "was indeed"', text: 'The vote was indeed close.' },
    { name: 'inside a quotation', text: 'The request “was rejected without a hearing,” Ms Ilves said.' },
    { name: 'a Markdown block quote', format: 'markdown', text: '> The fence was built in 1911.\n\nThe council met on Monday.' },
    { name: 'inline code is not prose', format: 'markdown', text: 'Set the flag to `was closed` before Monday.' },
  ],
  invalid: [
    {
      name: 'issue 5: "been rebuffed"',
      text: 'Requests for a second crossing have been rebuffed by the ministry.',
      findings: [{ messageId: 'passive', flagged: 'been rebuffed', data: { actual: 'been rebuffed' } }],
    },
    { name: 'a regular participle', text: 'The bridge was closed after the storm.', findings: [{ messageId: 'passive', flagged: 'was closed' }] },
    { name: 'an irregular participle', text: 'The hall is being sold.', findings: [{ messageId: 'passive', flagged: 'being sold' }] },
    {
      name: 'across a line break in one paragraph',
      text: 'The old ferry terminal was\nsold to a developer in May.',
      findings: [{ messageId: 'passive', flagged: 'was\nsold', data: { actual: 'was sold' } }],
    },
    {
      name: 'Markdown emphasis is blanked, not a barrier; the message leaves it out',
      format: 'markdown',
      text: 'The pier was **closed** on Friday.',
      findings: [{ messageId: 'passive', flagged: 'was **closed', data: { actual: 'was closed' } }],
    },
    {
      name: 'narration next to a quotation',
      text: '“We will appeal,” said Ms Ilves, whose plan was rejected in March.',
      findings: [{ messageId: 'passive', flagged: 'was rejected' }],
    },
  ],
});
