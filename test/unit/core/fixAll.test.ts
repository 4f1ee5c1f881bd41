/**
 * Fix-all on random drafts, beyond fixes.test.ts (plain text, duplicates only): Markdown blocks
 * (headlines, list items, quotes) and CRLF, every rule's safe fixes at once, and the edit set the
 * language server sends. Properties: exactly the planted copies go; a second fix-all changes
 * nothing; no fix touches a paragraph its finding is not about; no two edits of one set overlap.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText, lintText } from '../../../server/src/api';
import { buildSourceText, type TextFormat } from '../../../server/src/core/text';
import type { Span } from '../../../server/src/core/types';
import { fixAllEdits } from '../../../server/src/lsp/codeActions';
import { ALL_RULES, draftArb } from '../../helpers/drafts';
import { onlyRules, DUPLICATE_RULES } from '../../helpers/onlyRules';
import { SEEDS } from '../../helpers/seeds';

const DUPLICATES_ONLY = { rules: onlyRules(...DUPLICATE_RULES) };

// Distinct paragraphs (distinct words, whatever their markup), some repeated later word for word.
const word = fc.constantFrom('council', 'harbour', 'vote', 'budget', 'ferry', 'mayor', 'river', 'school', 'road', 'plan', 'bridge', 'library');
const text = fc.array(word, { minLength: 4, maxLength: 12 }).map((ws) => `${ws.join(' ')}.`);
const planted = fc
  .record({
    format: fc.constantFrom<TextFormat>('plaintext', 'markdown'),
    paragraphs: fc.uniqueArray(fc.tuple(fc.constantFrom('', '', '# ', '- ', '> '), text), { minLength: 2, maxLength: 8, selector: ([, t]) => t }),
    copies: fc.array(fc.nat(), { maxLength: 5 }),
    blank: fc.constantFrom('\n\n', '\r\n\r\n', '\n\n\n'),
    finalBreak: fc.boolean(),
  })
  .map(({ format, paragraphs, copies, blank, finalBreak }) => {
    const items = paragraphs.map(([prefix, t]) => ({ text: format === 'markdown' ? prefix + t : t, planted: false }));
    for (const c of copies) {
      const source = items.filter((i) => !i.planted)[c % paragraphs.length]!;
      const original = items.indexOf(source);
      const at = original + 1 + (c % (items.length - original));
      items.splice(at, 0, { text: source.text, planted: true });
    }
    const join = (list: { text: string }[]): string => list.map((i) => i.text).join(blank) + (finalBreak ? blank.slice(0, blank.length / 2) : '');
    return { format, text: join(items), expected: join(items.filter((i) => !i.planted)) };
  });

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

describe('fix-all on planted copies, Markdown and CRLF too', () => {
  for (const { seed, label } of SEEDS) {
    it(`removes exactly the planted copies, and a second run changes nothing (${label})`, () => {
      fc.assert(
        fc.property(planted, ({ format, text, expected }) => {
          const once = fixText(text, format, DUPLICATES_ONLY).text;
          assert.equal(once, expected);
          assert.equal(fixText(once, format, DUPLICATES_ONLY).text, once);
        }),
        { seed, numRuns: 150 },
      );
    });
  }
});

describe('fix-all with every rule on', () => {
  for (const { seed, label } of SEEDS) {
    it(`each fix stays in its finding's paragraphs; the set is disjoint; the editor's edits give the same text; idempotent (${label})`, () => {
      fc.assert(
        fc.property(draftArb, ({ text, format }) => {
          const { findings } = lintText(text, format, ALL_RULES);
          const blocks = buildSourceText(text, format).blocks.map((b) => b.outer);
          const touched = (span: Span): number[] => blocks.flatMap((b, i) => (overlaps(b, span) || (span.start === span.end && b.start <= span.start && span.start <= b.end) ? [i] : []));
          // "Remove duplicated block" takes a copy's whole run of copied paragraphs: each is a copy reported itself.
          const copies = findings.filter((f) => f.checkId === 'duplicate-paragraph').flatMap((f) => touched(f.span));
          for (const f of findings) {
            const own = new Set(touched(f.span));
            // A suggestion may also take the paragraph the finding points to ("remove the earlier version").
            const pointed = new Set([...own, ...f.related.flatMap((r) => touched(r.span)), ...(f.checkId === 'duplicate-paragraph' ? copies : [])]);
            for (const [fix, allowed] of [...(f.fix ? [[f.fix, own] as const] : []), ...f.suggestions.map((x) => [x, pointed] as const)]) {
              const outside = touched(fix.edit.span).filter((i) => !allowed.has(i));
              assert.deepEqual(outside, [], `${f.checkId} '${fix.title}' edits ${JSON.stringify(text.slice(fix.edit.span.start, fix.edit.span.end))}, outside its finding's paragraphs`);
            }
          }

          const fixed = fixText(text, format, ALL_RULES);
          for (let i = 1; i < fixed.edits.length; i++) assert.ok(fixed.edits[i]!.span.start >= fixed.edits[i - 1]!.span.end, 'fix-all edits never overlap');
          assert.equal(fixText(fixed.text, format, ALL_RULES).text, fixed.text, 'a second fix-all changes nothing');

          // What the server sends for source.fixAll: one disjoint set of range edits on this version.
          const doc = TextDocument.create('file:///fixall/draft', format, 1, text);
          const edits = fixAllEdits(doc, findings, (t) => lintText(t, format, ALL_RULES).findings);
          const offsets = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end) }));
          for (let i = 1; i < offsets.length; i++) {
            assert.ok(offsets[i]!.start >= offsets[i - 1]!.end, 'the editor gets no overlapping edits');
            assert.ok(!(offsets[i]!.start === offsets[i]!.end && offsets[i]!.start === offsets[i - 1]!.start), 'nor two insertions at one place');
          }
          assert.equal(TextDocument.applyEdits(doc, edits), fixed.text);
        }),
        { seed, numRuns: 60 },
      );
    });
  }
});
