/**
 * @file Which findings a long draft shows: the most serious tiers whole, then the nearest of the
 * tier that does not fit; lines on screen first whatever their severity; one place left for the
 * notice of what was left out; document order kept.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BlockFindings } from '../../../server/src/core/blockFindings';
import { placed, withLoose } from '../../../server/src/core/findingList';
import { FINDING_KINDS, kindOf } from '../../../server/src/core/report';
import { chooseShown, Focus, grouped, omittedMessage } from '../../../server/src/lsp/diagnosticBudget';
import { SEVERITIES, type Finding, type Severity, type Span } from '../../../server/src/core/types';

function finding(checkId: string, severity: Severity, start: number): Finding {
  return { checkId, messageId: 'm', message: checkId, span: { start, end: start + 3 }, severity, suggestions: [], related: [], tags: [] };
}
const loaded = (at: number) => finding('loaded-language', 'warning', at);
const style = (at: number) => finding('write-good/passive', 'info', at);
const hint = (at: number) => finding('ap-style', 'hint', at);
const dup = (at: number) => finding('duplicate-paragraph', 'info', at);
const at = (shown: readonly Finding[]) => shown.map((f) => f.span.start);

describe('chooseShown', () => {
  const cases: { name: string; findings: Finding[]; budget: number; focus: Span[]; shown: number[] }[] = [
    { name: 'under the budget: everything, as it came', findings: [style(0), loaded(10)], budget: 5, focus: [], shown: [0, 10] },
    { name: 'exactly the budget: everything, no notice needed', findings: [style(0), style(10), style(20)], budget: 3, focus: [], shown: [0, 10, 20] },
    { name: 'budget 0: no limit', findings: [style(0), style(10), style(20)], budget: 0, focus: [], shown: [0, 10, 20] },
    { name: 'over: one place is the notice; without focus the earliest of a tier', findings: [style(0), style(10), style(20), style(30)], budget: 3, focus: [], shown: [0, 10] },
    { name: 'warnings before information before hints', findings: [hint(0), style(10), loaded(20), hint(30)], budget: 3, focus: [], shown: [10, 20] },
    { name: 'at one severity, the copy desk kinds before style', findings: [style(0), style(10), dup(20)], budget: 2, focus: [], shown: [20] },
    { name: 'within the tier that does not fit: the nearest to the focus', findings: [style(0), style(100), style(200), style(300)], budget: 3, focus: [{ start: 290, end: 295 }], shown: [200, 300] },
    { name: 'on screen comes first, even a hint', findings: [loaded(0), loaded(10), hint(500)], budget: 2, focus: [{ start: 490, end: 520 }], shown: [500] },
    { name: 'a span touching the focus edge counts as on screen', findings: [loaded(0), hint(500)], budget: 2, focus: [{ start: 503, end: 600 }], shown: [0, 500] },
    { name: 'ties in distance keep document order', findings: [style(0), style(20), style(40)], budget: 2, focus: [{ start: 23, end: 40 }], shown: [20] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = chooseShown(c.findings, c.budget, c.focus);
      assert.deepEqual(at(result.findings), c.shown);
      assert.equal(result.omitted, c.findings.length - c.shown.length);
    });
  }

  it('never more than budget - 1 findings once any are left out, on a large draft', () => {
    const many = Array.from({ length: 5000 }, (_, i) => [style, loaded, hint, dup][i % 4]!(i * 7));
    const result = chooseShown(many, 1000, [{ start: 20_000, end: 21_000 }]);
    assert.equal(result.findings.length, 999);
    assert.equal(result.omitted, 4001);
    const starts = at(result.findings);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    // Every warning (1,250) cannot fit; those nearest the focus are kept.
    assert.ok(result.findings.every((f) => f.severity === 'warning' || (f.span.start >= 20_000 - 3 && f.span.start <= 21_000)));
  });
});

describe('chooseShown on a list kept relative to its paragraphs', () => {
  // Paragraphs 100 characters apart, each with findings at 5 and 40 within it, as a draft's list keeps them.
  const bundles = Array.from({ length: 40 }, (_, k) => [[style, loaded, hint, dup][k % 4]!(5), style(40)]);
  const offsets = bundles.map((_, k) => 100 * k);
  for (const budget of [0, 30, 81]) {
    it(`budget ${budget}: the kept findings with their shifts are the findings shown`, () => {
      const list = withLoose(BlockFindings.of(bundles, offsets), [dup(2_050)]);
      const shown = chooseShown(list, budget, [{ start: 1_990, end: 2_010 }]);
      assert.deepEqual(
        shown.stored.map((f, i) => placed(f, shown.shifts[i]!)),
        shown.findings,
      );
      assert.deepEqual(shown.findings, chooseShown(list.toArray(), budget, [{ start: 1_990, end: 2_010 }]).findings);
    });
  }
});

/** The rule as first written: every tier that fits, then the tier that does not sorted by distance (stable). */
function reference(findings: readonly Finding[], budget: number, focus: readonly Span[]): number[] {
  if (findings.length <= budget) return findings.map((_, i) => i);
  const dist = (f: Finding) => (focus.length ? Math.min(...focus.map((s) => (f.span.end < s.start ? s.start - f.span.end : f.span.start > s.end ? f.span.start - s.end : 0))) : f.span.start);
  const tier = findings.map((f) => (focus.length && dist(f) === 0 ? 0 : 1 + SEVERITIES.indexOf(f.severity) * FINDING_KINDS.length + FINDING_KINDS.indexOf(kindOf(f.checkId))));
  let room = budget - 1;
  let cut = 0;
  const count = (t: number) => tier.filter((x) => x === t).length;
  while (cut <= SEVERITIES.length * FINDING_KINDS.length && count(cut) <= room) room -= count(cut++);
  const partial = findings.map((_, i) => i).filter((i) => tier[i] === cut);
  partial.sort((a, b) => dist(findings[a]!) - dist(findings[b]!) || a - b);
  const keep = new Set([...findings.map((_, i) => i).filter((i) => tier[i]! < cut), ...partial.slice(0, room)]);
  return [...keep].sort((a, b) => a - b);
}

describe('chooseShown against a sort of the tier that does not fit', () => {
  it('takes the same findings on random drafts, focus and budgets', () => {
    const makers = [loaded, style, hint, dup];
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.nat({ max: 3 }), gap: fc.nat({ max: 20 }) }), { maxLength: 80 }),
        fc.array(fc.record({ start: fc.nat({ max: 600 }), length: fc.nat({ max: 40 }) }), { maxLength: 3 }),
        fc.nat({ max: 60 }),
        (specs, spans, budget) => {
          let at = 0;
          const findings = specs.map(({ kind, gap }) => makers[kind]!((at += gap)));
          const focus = spans.map(({ start, length }) => ({ start, end: start + length }));
          const shown = chooseShown(findings, budget, focus).findings;
          const want = budget <= 0 ? findings.map((_, i) => i) : reference(findings, budget, focus);
          assert.deepEqual(shown, want.map((i) => findings[i]));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('Focus', () => {
  it('the visible lines and the last edit; forgotten with the draft', () => {
    const focus = new Focus();
    assert.deepEqual(focus.of('a'), []);
    assert.equal(focus.setVisible('a', [{ start: 0, end: 10 }]), true);
    assert.equal(focus.setVisible('a', [{ start: 0, end: 10 }]), false);
    focus.setEdited('a', { start: 50, end: 51 });
    assert.deepEqual(focus.of('a'), [{ start: 0, end: 10 }, { start: 50, end: 51 }]);
    focus.forget('a');
    assert.deepEqual(focus.of('a'), []);
  });
});

describe('omittedMessage', () => {
  it('says how many of how many, and the setting', () => {
    assert.match(omittedMessage(26_404, 27_404), /26,404 of this draft's 27,404 findings are not shown.*copydesk\.maxDiagnostics/);
  });
});

describe('grouped', () => {
  const cases: [number, string][] = [
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [27_404, '27,404'],
    [100_000, '100,000'],
    [1_234_567, '1,234,567'],
    [-1234, '-1,234'],
    [1234.5, '1,234.5'],
  ];
  for (const [count, text] of cases) {
    it(`${count} → ${text}, as toLocaleString('en-US')`, () => {
      assert.equal(grouped(count), text);
      assert.equal(grouped(count), count.toLocaleString('en-US'));
    });
  }
});
