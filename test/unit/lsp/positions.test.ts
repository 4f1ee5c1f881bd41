/**
 * Every range the server sends must point at the text the finding is about, as the client reads it:
 * through TextDocument positionAt/offsetAt (UTF-16 columns, any line ending). Random drafts mix
 * emoji, combining marks, CJK, right-to-left text, CRLF and lone CR line endings, a byte-order mark,
 * tabs and zero-width characters with sentences that trip the rules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../../../server/src/api';
import type { TextFormat } from '../../../server/src/core/text';
import { toDiagnostic, toRange } from '../../../server/src/lsp/convert';
import { ALL_RULES } from '../../helpers/drafts';
import { SEEDS } from '../../helpers/seeds';

const PIECES = [
  'The mayor slammed the draconian plan 🚢🏴‍☠️ on Tuesday.',
  'Café owners said the levy was unfair, the council said.',
  'The co\u0301uncil met , and the the vote failed.',
  '市议会周二投票。 The so-called reform passed.',
  'قال المجلس إن الخطة ستفشل. Critics argue it will likely fail.',
  '"It is reckless," she said.\tOver 300 people came.',
  'The ferry\u200b runs at 10 AM\u200d every day.',
  'Residents are eager to leave towards the coast.  The plan will likely fail.',
  '👩‍👩‍👧 Families were told to move 5% of cars amidst the storm.',
  'So the board met at 10:00 pm this evening.',
];
const EOLS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r'];
/** Bits of text that move offsets, columns and line breaks around, strung together at random. */
const NOISE = [' ', '  ', '\t', '\u200b', '\u00a0', '🚢', 'e\u0301', '中', 'ب', ',', '.', '"', '“', '”', "'", '’', '-', '—', 'the', 'slammed', 'So', 'said', '#', '>', '*', '[', ']', '(', ')', '\r', '\n', '\r\n', '\uFEFF', '1', '5%', 'AM'];
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...NOISE), { maxLength: 30 }).map((a) => a.join('')));

const draft = fc
  .record({
    bom: fc.boolean(),
    parts: fc.array(fc.tuple(piece, fc.constantFrom(...EOLS)), { minLength: 1, maxLength: 8 }),
    repeat: fc.option(fc.nat(), { nil: undefined }),
    format: fc.constantFrom<TextFormat>('plaintext', 'markdown'),
  })
  .map(({ bom, parts, repeat, format }) => {
    const pieces = parts.map(([p, eol]) => p + eol);
    // A repeated paragraph, so duplicate findings and their fixes are among the ranges.
    if (repeat !== undefined) pieces.push(pieces[repeat % pieces.length]!);
    return { text: (bom ? '\uFEFF' : '') + pieces.join(''), format };
  });

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** No editor position falls inside a surrogate pair or between the two characters of a CRLF. */
function assertPlaceable(text: string, offset: number, what: string): void {
  assert.ok(!isLow(text.charCodeAt(offset)) || offset === 0 || !(text.charCodeAt(offset - 1) >= 0xd800 && text.charCodeAt(offset - 1) <= 0xdbff), `${what} splits a surrogate pair at ${offset}`);
  assert.ok(!(text[offset - 1] === '\r' && text[offset] === '\n'), `${what} splits a CRLF at ${offset}`);
}

function assertMapsBack(doc: TextDocument, text: string, span: { start: number; end: number }, what: string): void {
  assertPlaceable(text, span.start, `${what} start`);
  assertPlaceable(text, span.end, `${what} end`);
  const range = toRange(doc, span);
  assert.equal(doc.offsetAt(range.start), span.start, `${what}: start maps back`);
  assert.equal(doc.offsetAt(range.end), span.end, `${what}: end maps back`);
  assert.equal(doc.getText(range), text.slice(span.start, span.end), `${what}: the range holds the flagged text`);
}

describe('positions: every diagnostic, related location and fix range maps back to its text', () => {
  for (const { seed, label } of SEEDS) {
    it(label, () => {
      fc.assert(
        fc.property(draft, ({ text, format }) => {
          const doc = TextDocument.create(`file:///positions/draft.${format === 'markdown' ? 'md' : 'txt'}`, format, 1, text);
          const { findings } = lintText(text, format, ALL_RULES);
          for (const f of findings) {
            const what = `${f.checkId} ${JSON.stringify(text.slice(f.span.start, f.span.end))}`;
            assertMapsBack(doc, text, f.span, what);
            const diagnostic = toDiagnostic(doc, f, { codeDescription: false, unnecessaryTag: false, relatedInformation: true });
            assert.deepEqual(diagnostic.range, toRange(doc, f.span));
            for (const r of f.related) assertMapsBack(doc, text, r.span, `${what} related`);
            for (const fix of [...(f.fix ? [f.fix] : []), ...f.suggestions]) {
              assertMapsBack(doc, text, fix.edit.span, `${what} fix '${fix.title}'`);
              // The client applies the edit by range; it must do what the offsets say.
              const byRange = TextDocument.applyEdits(doc, [{ range: toRange(doc, fix.edit.span), newText: fix.edit.newText }]);
              assert.equal(byRange, text.slice(0, fix.edit.span.start) + fix.edit.newText + text.slice(fix.edit.span.end), `${what} fix '${fix.title}' by range`);
            }
          }
        }),
        { seed, numRuns: 150 },
      );
    });
  }
});
