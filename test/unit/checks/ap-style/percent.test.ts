import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/ap-style/percent';

testCheck(check, {
  valid: [
    'Turnout rose 5 percent, or 2.5 percentage points.',
    { name: 'a headline keeps the sign', text: 'Fares Rise 5% in Kelby\n\nFares rose on Monday.' },
    { name: 'a Markdown table keeps the sign', format: 'markdown', text: '| year | rise |\n| --- | --- |\n| 2024 | 5% |\n' },
    { name: 'a compound modifier is left to the writer', text: 'The 50%-owned unit was sold.' },
    { name: 'a quotation', text: 'She said: “We want 10% more.”' },
    { name: 'a URL', text: 'See https://example.org/?q=5%20off for details.' },
    { name: 'code', format: 'markdown', text: 'Use `printf("%d")` here.' },
    { name: 'per alone', text: 'Prices per head rose.' },
  ],
  invalid: [
    {
      name: 'a sign after a figure',
      text: 'Fares rose 5% on Monday.',
      findings: [{ messageId: 'sign', flagged: '%', data: { actual: '%' } }],
      output: 'Fares rose 5 percent on Monday.',
    },
    {
      name: 'a sign after a space and a decimal',
      text: 'Fares rose 3.5 % on Monday.',
      findings: [{ messageId: 'sign', flagged: ' %' }],
      output: 'Fares rose 3.5 percent on Monday.',
    },
    {
      name: 'a range',
      text: 'Rents rose 5%–10% last year.',
      findings: [
        { messageId: 'sign', flagged: '%' },
        { messageId: 'sign', flagged: '%' },
      ],
      output: 'Rents rose 5 percent–10 percent last year.',
    },
    {
      name: 'per cent, British style',
      text: 'Turnout fell 4 per cent.',
      findings: [{ messageId: 'perCent', flagged: 'per cent' }],
      output: 'Turnout fell 4 percent.',
    },
  ],
});
