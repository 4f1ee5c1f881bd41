import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checks, lintText, type TextFormat } from '../../server/src/api';

/**
 * Every page behind a finding's link (hover, `codeDescription`, the report) shows what is flagged
 * and what is not, and the one-line examples ("✗ `bad` → ✓ `good`") are true: the rule flags the
 * bad text and not the good one. Block examples (several paragraphs) are checked by the rules' own tests.
 */
const root = join(__dirname, '..', '..');
const PAGES: { id: string; format: TextFormat }[] = [...checks.map((c) => ({ id: c.meta.id, format: 'plaintext' as const })), { id: 'directive', format: 'markdown' }, { id: 'config', format: 'plaintext' }];
const INLINE = /✗ `([^`]+)` → ✓ `([^`]+)`/gu;

describe('rule pages: bad and good examples', () => {
  for (const { id, format } of PAGES) {
    const page = readFileSync(join(root, `docs/rules/${id}.md`), 'utf8');
    it(`${id}: has a ✗ and a ✓ example`, () => {
      assert.ok(page.includes('✗') && page.includes('✓'), `docs/rules/${id}.md has no bad/good example`);
    });
    if (id === 'config') continue; // its examples are .copydesk.json files: test/unit/core/config.test.ts covers those problems
    // A long example may be wrapped over two lines of the page.
    for (const [, bad, good] of page.replace(/\n(?!\n)/gu, ' ').matchAll(INLINE)) {
      it(`${id}: flags "${bad}", not "${good}"`, () => {
        // On, whatever its default: ap-style/over is off unless a desk turns it on.
        const settings = { rules: { [id]: 'hint' } };
        const found = (text: string): number => lintText(text, format, settings).findings.filter((f) => f.checkId === id).length;
        assert.ok(found(bad!) > 0, `"${bad}" is not flagged`);
        assert.equal(found(good!), 0, `"${good}" is flagged`);
      });
    }
  }
});
