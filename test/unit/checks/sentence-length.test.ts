import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/sentence-length';
import { resolveSettings } from '../../../server/src/core/settings';

/** The first `n` words of an invented report, as one sentence without its full stop. */
const FILLER =
  'the harbour board in Millbrook voted on Tuesday night to repair the old ferry terminal rather than sell it to a developer ' +
  'ending a long argument over the waterfront that had divided the town council the island families and the traders who ' +
  'depend on the summer crossings for most of their income each year';
const words = (n: number): string => {
  const all = FILLER.split(' ');
  assert.ok(n <= all.length);
  const s = all.slice(0, n).join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

testCheck(check, {
  valid: [
    'The council met on Tuesday.',
    { name: 'exactly at the limit (35 words)', text: `${words(35)}.` },
    {
      name: 'a sentence ending "the U.S." before "This approach" is measured on its own (30 + 12 words)',
      text: `${words(26)} to enter the U.S. This approach serves both to relieve pressure and to protect trade.`,
    },
    { name: 'a higher limit', text: `${words(40)}.`, options: { max: 45 } },
    { name: 'a long sentence wholly inside a quotation is the source’s', text: `She spoke first. “${words(40)}.” The board then voted.` },
    { name: 'a headline is headline-length’s business', format: 'markdown', text: `# ${words(40)}\n\nThe board voted.\n` },
    {
      name: 'a URL is one word, however many parts it has',
      text: `${words(32)} at https://example.org/harbour/terminal/2024/plan-v2.pdf today.`,
    },
  ],
  invalid: [
    {
      name: 'one word over the limit',
      text: `${words(36)}.`,
      findings: [{ messageId: 'long', flagged: `${words(36)}.`, data: { count: '36', max: '35' } }],
    },
    {
      name: '"…enter the U.S. This approach…" is two sentences: only the long first one is flagged',
      text: `${words(33)} to enter the U.S. This approach serves both to relieve pressure and to protect trade.`,
      findings: [{ messageId: 'long', flagged: `${words(33)} to enter the U.S.`, data: { count: '37', max: '35' } }],
    },
    {
      name: 'a quotation inside the writer’s sentence counts',
      text: `${words(20)}, saying “${words(20).toLowerCase()}” on Monday.`,
      findings: [{ messageId: 'long', flagged: `${words(20)}, saying “${words(20).toLowerCase()}” on Monday.`, data: { count: '43' } }],
    },
    {
      name: 'a lower limit, in a list item too',
      format: 'markdown',
      text: `- ${words(12)}.\n- The board voted.\n`,
      options: { max: 10 },
      findings: [{ messageId: 'long', flagged: `${words(12)}.`, data: { count: '12', max: '10' } }],
    },
  ],
});

it('sentence-length: validate() rejects limits that are not whole numbers of at least 5', () => {
  assert.deepEqual(check.validate?.({ max: 35 }), []);
  assert.equal(check.validate?.({ max: 2 }).length, 1);
  assert.equal(check.validate?.({ max: 20.5 }).length, 1);
  const { problems } = resolveSettings([check], { 'sentence-length': { severity: 'hint', options: { max: 0 } } });
  assert.match(problems.join('\n'), /sentence-length\.options: max: expected a whole number/);
});
