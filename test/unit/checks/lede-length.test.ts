import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/lede-length';

const short = 'The Millbrook harbour board voted 5-2 on Tuesday to repair the old ferry terminal.';
/** 44 words. */
const long =
  'The Millbrook harbour board voted 5-2 on Tuesday night to repair the old ferry terminal rather than sell it to a developer, ending a two-year argument over the waterfront that had divided the town council, the island families and the traders on the quay.';
const body = 'Repairs will cost about 3 million pounds. Work starts in March.';

testCheck(check, {
  valid: [
    { name: 'a short lede under a plain-text headline', text: `Harbour Board Saves Terminal\n\n${short}\n\n${long}\n` },
    { name: 'a long paragraph later on is not the lede', text: `${short}\n\n${long}\n` },
    { name: 'a headline line running straight into the lede', text: `Harbour Board Saves Terminal\n${short}\n${long}\n` },
    {
      name: 'a summary line above the headline is not the lede',
      text: `${long}\nHarbour Board Saves Terminal\n${short}\n${body}\n`,
    },
    {
      name: 'repeated headline, dek set as a heading and byline are passed over',
      format: 'markdown',
      text: `# Harbour Board Saves Terminal\n\n## ${long}\n\nBy Ana Ruiz\n\n${short}\n\n${body}\n`,
    },
    { name: 'a higher limit', text: `Harbour Board Saves Terminal\n\n${long}\n`, options: { maxWords: 50 } },
  ],
  invalid: [
    {
      name: 'a long lede under a headline',
      text: `Harbour Board Saves Terminal\n\n${long}\n\n${body}\n`,
      findings: [{ messageId: 'long', flagged: long, data: { count: '44', max: '40' } }],
    },
    {
      name: 'no headline: the first paragraph is the lede',
      text: `${long}\n\n${body}\n`,
      findings: [{ messageId: 'long', flagged: long }],
    },
    {
      name: 'a repeated headline running into the lede, one paragraph per line',
      text: `Harbour Board Saves Terminal\nHarbour Board Saves Terminal\n${long}\n${body}\n`,
      findings: [{ messageId: 'long', flagged: long }],
    },
    {
      name: 'a subhead further down is not the headline',
      format: 'markdown',
      text: `${short}\n\n${body}\n\n## Background\n\n${long}\n`,
      options: { maxWords: 12 },
      findings: [{ messageId: 'long', flagged: short, data: { count: '14', max: '12' } }],
    },
    {
      name: 'a lower limit; a Markdown headline with front matter',
      format: 'markdown',
      text: `---\ntitle: Harbour\n---\n\n# Harbour Board Saves Terminal\n\n${short}\n`,
      options: { maxWords: 10 },
      findings: [{ messageId: 'long', flagged: short, data: { count: '14', max: '10' } }],
    },
  ],
});

it('lede-length: validate() wants a whole number, at least 10', () => {
  assert.deepEqual(check.validate?.({ maxWords: 35 }), []);
  assert.equal(check.validate?.({ maxWords: 5 }).length, 1);
});
