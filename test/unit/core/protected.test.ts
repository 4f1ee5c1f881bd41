import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isProtected, linksOf, quotationsOf } from '../../../server/src/core/protected';
import { buildSourceText } from '../../../server/src/core/text';

const spanOf = (text: string, part: string) => {
  const start = text.indexOf(part);
  assert.ok(start >= 0, `${part} in ${text}`);
  return { start, end: start + part.length };
};

describe('protected spans', () => {
  const cases: { text: string; part: string; protected: boolean; format?: 'markdown' | 'plaintext' }[] = [
    { text: 'She said "the plan is reckless" on Monday.', part: 'reckless', protected: true },
    { text: 'She said the plan is reckless on Monday.', part: 'reckless', protected: false },
    { text: 'Details are at https://example.org/very-reckless-plan.', part: 'reckless', protected: true },
    { text: 'Details are at https://example.org/plan. The plan is reckless.', part: 'reckless', protected: false },
    { text: 'Write to desk@example.org for copies.', part: 'example', protected: true },
    { text: 'Visit www.example.org/amidst today.', part: 'amidst', protected: true },
    { text: '> The plan is reckless.\n\nIt passed.', part: 'reckless', protected: true, format: 'markdown' },
  ];
  for (const c of cases) {
    it(`${c.protected ? 'protects' : 'leaves'} '${c.part}' in ${JSON.stringify(c.text)}`, () => {
      const view = buildSourceText(c.text, c.format ?? 'plaintext');
      assert.equal(isProtected(view, spanOf(c.text, c.part)), c.protected);
    });
  }

  it('a URL ends before the full stop that closes the sentence', () => {
    const text = 'See https://example.org/a-b. Then go.';
    assert.deepEqual(linksOf(buildSourceText(text, 'plaintext')), [spanOf(text, 'https://example.org/a-b')]);
  });

  it('is computed once per view', () => {
    const view = buildSourceText('He said "yes".', 'plaintext');
    assert.equal(quotationsOf(view), quotationsOf(view));
  });
});
