import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixText, lintText } from '../../../server/src/api';
import { applyFixes, fixUntilStable } from '../../../server/src/core/fixes';
import type { Fix } from '../../../server/src/core/types';

const fix = (start: number, end: number, newText = ''): Fix => ({ title: 't', edit: { span: { start, end }, newText } });

describe('applyFixes', () => {
  it('applies in text order and skips a fix overlapping one already taken', () => {
    const result = applyFixes('abcdefgh', [fix(4, 6, 'X'), fix(0, 2), fix(5, 7)]);
    assert.equal(result.text, 'cdXgh');
    assert.equal(result.skipped.length, 1);
  });
  it('touching fixes both apply', () => {
    assert.equal(applyFixes('abcdef', [fix(0, 2), fix(2, 4)]).text, 'ef');
  });
});

describe('fixUntilStable', () => {
  it('takes fixes held back by an overlap in a later pass, and reports edits against the original', () => {
    const text = 'aaXbbXcc';
    // Remove every X with its neighbour: the two removals overlap when X's are adjacent to each other.
    const fixesFor = (t: string): Fix[] => [...t.matchAll(/X/g)].map((m) => fix(m.index, m.index + 1));
    const result = fixUntilStable(text, fixesFor);
    assert.equal(result.text, 'aabbcc');
    assert.equal(applyFixes(text, result.edits.map((edit) => ({ title: '', edit }))).text, 'aabbcc');
  });
});

// A planted-duplicate draft: distinct paragraphs, some repeated later, in plain text or Markdown.
const word = fc.constantFrom('council', 'harbour', 'vote', 'budget', 'ferry', 'mayor', 'river', 'school', 'road', 'plan', 'bridge', 'library');
const paragraph = fc.array(word, { minLength: 4, maxLength: 14 }).map((ws) => `${ws.join(' ')}.`);
const draft = fc
  .record({
    paragraphs: fc.uniqueArray(paragraph, { minLength: 2, maxLength: 8 }),
    copies: fc.array(fc.nat(), { maxLength: 6 }),
    separator: fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\n\n\n'),
    finalBreak: fc.boolean(),
  })
  .map(({ paragraphs, copies, separator, finalBreak }) => {
    // Interleave: original paragraphs in order, each planted copy after some position.
    const sequence: { text: string; planted: boolean }[] = paragraphs.map((text) => ({ text, planted: false }));
    for (const c of copies) {
      const source = c % paragraphs.length;
      const original = sequence.findIndex((item) => !item.planted && item.text === paragraphs[source]);
      // Anywhere after the original, so the first occurrence is always the one kept.
      const at = original + 1 + (c % (sequence.length - original));
      sequence.splice(at, 0, { text: paragraphs[source]!, planted: true });
    }
    const join = (items: { text: string }[]): string => items.map((i) => i.text).join(separator) + (finalBreak ? separator : '');
    return { text: join(sequence), expected: join(sequence.filter((i) => !i.planted)) };
  });

describe('fix-all property', () => {
  it('removes exactly the planted copies, leaves every other character, and is idempotent', () => {
    fc.assert(
      fc.property(draft, ({ text, expected }) => {
        const once = fixText(text, 'plaintext').text;
        assert.equal(once, expected);
        assert.equal(fixText(once, 'plaintext').text, once);
        assert.equal(lintText(once, 'plaintext').findings.filter((f) => f.checkId === 'duplicate-paragraph').length, 0);
      }),
      { numRuns: 200, seed: 20261128 },
    );
  });
  it('the edits fix-all returns apply to the original in one go', () => {
    fc.assert(
      fc.property(draft, ({ text, expected }) => {
        const { edits } = fixText(text, 'plaintext');
        assert.equal(applyFixes(text, edits.map((edit) => ({ title: '', edit }))).text, expected);
        for (let i = 1; i < edits.length; i++) assert.ok(edits[i]!.span.start > edits[i - 1]!.span.end, 'edits are disjoint and do not touch');
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
