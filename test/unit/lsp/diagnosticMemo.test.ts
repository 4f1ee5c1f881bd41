/**
 * DiagnosticMemo gives back last report's diagnostic object only when toDiagnostic would write the
 * same JSON: table cases for each field that can move or change (positions after an edit, client
 * features, a related place in another draft), and a property over random drafts, findings, shifts
 * and edits that every report deep-equals a fresh conversion.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, RelatedLocation } from '../../../server/src/core/types';
import { toDiagnostic, type DiagnosticFeatures, type OtherDrafts } from '../../../server/src/lsp/convert';
import { DiagnosticMemo } from '../../../server/src/lsp/diagnosticMemo';

const URI = 'file:///drafts/harbour.txt';
const ALL: DiagnosticFeatures = { codeDescription: true, unnecessaryTag: true, relatedInformation: true };
const NONE: DiagnosticFeatures = { codeDescription: false, unnecessaryTag: false, relatedInformation: false };

function finding(start: number, end: number, extra: { related?: RelatedLocation[]; tags?: 'unnecessary'[]; message?: string } = {}): Finding {
  return {
    checkId: 'redundant-phrase',
    messageId: 'm',
    message: extra.message ?? 'Redundant.',
    span: { start, end },
    severity: 'warning',
    suggestions: [],
    related: extra.related ?? [],
    tags: extra.tags ?? [],
  };
}

const doc = (text: string, version = 1) => TextDocument.create(URI, 'plaintext', version, text);

describe('DiagnosticMemo', () => {
  const TEXT = 'The ferry left.\nIt left at dawn in the early morning light.\n';
  const f = finding(27, 40, { tags: ['unnecessary'], related: [{ span: { start: 0, end: 3 }, message: 'first' }] });

  const cases: { name: string; then: string; by: number; features?: DiagnosticFeatures; reused: boolean }[] = [
    { name: 'nothing changed', then: TEXT, by: 0, reused: true },
    { name: 'a character typed on the line of its related place, before it', then: 'XThe ferry left.\nIt left at dawn in the early morning light.\n', by: 1, reused: false },
    { name: 'a character typed after every place, on a line below', then: TEXT + 'x', by: 0, reused: true },
    { name: 'a character typed before it on its line', then: 'The ferry left.\nIt  left at dawn in the early morning light.\n', by: 1, reused: false },
    { name: 'a line break typed above', then: 'The ferry left.\n\nIt left at dawn in the early morning light.\n', by: 1, reused: false },
    { name: 'the same place, the client without the optional fields', then: TEXT, by: 0, features: NONE, reused: false },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.reused ? 'the same object' : 'a fresh diagnostic'}, equal to a conversion`, () => {
      const memo = new DiagnosticMemo();
      const [first] = memo.convert(doc(TEXT), [f], [0], ALL);
      const later = doc(c.then, 2);
      const [second] = memo.convert(later, [f], [c.by], c.features ?? ALL);
      assert.deepEqual(second, toDiagnostic(later, f, c.features ?? ALL, undefined, c.by));
      assert.equal(second === first, c.reused);
    });
  }

  it('a finding without places elsewhere is reused when typing moved it along, not across, lines', () => {
    const g = finding(27, 40);
    const memo = new DiagnosticMemo();
    const [first] = memo.convert(doc(TEXT), [g], [0], ALL);
    const [second] = memo.convert(doc('The ferry lefts.\nIt left at dawn in the early morning light.\n', 2), [g], [1], ALL);
    assert.equal(second, first);
  });

  it('a new finding object equal to the last one at its place (the document rules make new ones) reuses it', () => {
    const memo = new DiagnosticMemo();
    const [first] = memo.convert(doc(TEXT), [finding(27, 40)], [0], ALL);
    const [second] = memo.convert(doc(TEXT + 'x', 2), [finding(27, 40)], [0], ALL);
    assert.equal(second, first);
  });

  it('of several diagnostics at one place, each finding gets the equal one', () => {
    const memo = new DiagnosticMemo();
    const at = (message: string) => finding(27, 40, { message });
    const first = memo.convert(doc(TEXT), [at('One.'), at('Two.'), at('Three.')], [0, 0, 0], ALL);
    const second = memo.convert(doc(TEXT), [at('Two.'), at('Three.')], [0, 0], ALL);
    assert.deepEqual(second, [first[1], first[2]]);
    assert.equal(second[0], first[1]);
    assert.equal(second[1], first[2]);
  });

  it('the array given back is the caller\'s: changing it changes nothing kept', () => {
    const memo = new DiagnosticMemo();
    const first = memo.convert(doc(TEXT), [f], [0], ALL);
    const kept = first[0];
    first.length = 0;
    first.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'Notice.' });
    assert.equal(memo.convert(doc(TEXT), [f], [0], ALL)[0], kept);
  });

  it('a finding changed in place (findings are plain objects) gives a fresh diagnostic', () => {
    const changes: [string, (g: { -readonly [K in keyof Finding]: Finding[K] }) => void][] = [
      ['message', (g) => (g.message = 'Changed.')],
      ['severity', (g) => (g.severity = 'error')],
      ['rule', (g) => (g.checkId = 'echo')],
      ['related message', (g) => (g.related = [{ span: { start: 0, end: 3 }, message: 'second' }])],
    ];
    for (const [what, change] of changes) {
      const g = finding(27, 40, { related: [{ span: { start: 0, end: 3 }, message: 'first' }] });
      const memo = new DiagnosticMemo();
      const [first] = memo.convert(doc(TEXT), [g], [0], ALL);
      change(g);
      const [second] = memo.convert(doc(TEXT), [g], [0], ALL);
      assert.notEqual(second, first, what);
      assert.deepEqual(second, toDiagnostic(doc(TEXT), g, ALL), what);
    }
  });

  it('a place in another draft that moved there gives a fresh diagnostic', () => {
    const g = finding(27, 40, { related: [{ span: { start: 5, end: 9 }, message: 'also in', document: 'file:///drafts/other.txt' }] });
    let starts = [0, 4, 20];
    const others: OtherDrafts = () => ({ name: 'other.txt', lineStarts: starts });
    const memo = new DiagnosticMemo();
    const [first] = memo.convert(doc(TEXT), [g], [0], ALL, others);
    const [same] = memo.convert(doc(TEXT), [g], [0], ALL, others);
    assert.equal(same, first);
    starts = [0, 2, 20];
    const [moved] = memo.convert(doc(TEXT), [g], [0], ALL, others);
    assert.notEqual(moved, first);
    assert.deepEqual(moved, toDiagnostic(doc(TEXT), g, ALL, others));
    starts = [];
    const [gone] = memo.convert(doc(TEXT), [g], [0], ALL, () => undefined);
    assert.deepEqual(gone, toDiagnostic(doc(TEXT), g, ALL, () => undefined));
    assert.equal(gone!.relatedInformation, undefined);
  });

  it('a finding shown twice (a repeated paragraph) converts each place right', () => {
    const g = finding(0, 3);
    const text = 'The one.\n\nThe one.\n';
    const memo = new DiagnosticMemo();
    for (let round = 0; round < 2; round++) {
      const out = memo.convert(doc(text), [g, g], [0, 10], ALL);
      assert.deepEqual(out, [toDiagnostic(doc(text), g, ALL, undefined, 0), toDiagnostic(doc(text), g, ALL, undefined, 10)]);
    }
  });

  it('every report equals a fresh conversion, over random drafts, edits, findings and features', () => {
    const pieces = fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '🚢', 'é');
    const text = fc.array(pieces, { minLength: 1, maxLength: 30 }).map((xs) => xs.join(''));
    const features = fc.record({ codeDescription: fc.boolean(), unnecessaryTag: fc.boolean(), relatedInformation: fc.boolean() });
    const place = fc.record({ a: fc.nat(60), b: fc.nat(8), by: fc.integer({ min: -3, max: 3 }), tagged: fc.boolean(), related: fc.nat(3), message: fc.constantFrom('One.', 'Two.') });
    fc.assert(
      fc.property(fc.array(fc.record({ text, features }), { minLength: 2, maxLength: 5 }), fc.array(place, { maxLength: 8 }), (reports, places) => {
        const memo = new DiagnosticMemo();
        const findings = places.map((p) => finding(p.a, p.a + p.b, { tags: p.tagged ? ['unnecessary'] : [], message: p.message, related: Array.from({ length: p.related }, (_, k) => ({ span: { start: k * 3, end: k * 3 + 2 }, message: `r${k}` })) }));
        for (const [n, r] of reports.entries()) {
          const d = doc(r.text, n + 1);
          const shifts = places.map((p) => p.by);
          assert.deepEqual(memo.convert(d, findings, shifts, r.features), findings.map((g, i) => toDiagnostic(d, g, r.features, undefined, shifts[i])));
        }
      }),
      { numRuns: 300 },
    );
  });
});
