import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineCheck } from '../../../server/src/core/defineCheck';
import { lint } from '../../../server/src/core/engine';
import { buildSourceText } from '../../../server/src/core/text';
import type { Check, CheckSetting } from '../../../server/src/core/types';

const view = buildSourceText('First paragraph here.\n\nSecond paragraph here.', 'plaintext');
const on: () => CheckSetting = () => ({ enabled: true, severity: 'warning', options: {} });

function fake(id: string, run: Check['run'], fixable = false): Check {
  return defineCheck({
    meta: {
      id,
      category: 'structure',
      description: 'Test check.',
      defaultSeverity: 'warning',
      enabledByDefault: true,
      fixable,
      scope: 'document',
      messages: { found: 'Found {{what}}.', fix: 'Fix it' },
      defaultOptions: {},
    },
    run: run as never,
  }) as Check;
}

const good = fake('good', function* () {
  yield { messageId: 'found', data: { what: 'a paragraph' }, span: { start: 0, end: 5 } };
});

describe('engine', () => {
  it('interpolates messages and fills severity from settings', () => {
    const [finding] = lint(view, [good], () => ({ enabled: true, severity: 'error', options: {} }));
    assert.equal(finding?.message, 'Found a paragraph.');
    assert.equal(finding?.severity, 'error');
    assert.equal(finding?.checkId, 'good');
  });
  it("keeps a document-scope finding equal to the last run's, and makes one that changed afresh", async () => {
    const { DraftHistory } = await import('../../../server/src/core/engine');
    let what = 'a paragraph';
    const rule = fake('again', function* () {
      yield { messageId: 'found', data: { what: 'x' }, span: { start: 0, end: 5 }, related: [{ messageId: 'found', data: { what: 'y' }, span: { start: 23, end: 29 } }] };
      yield { messageId: 'found', data: { what }, span: { start: 6, end: 12 } };
    });
    const history = new DraftHistory();
    const first = lint(view, [rule], on, { history });
    const same = lint(view, [rule], on, { history });
    assert.ok(same[0] === first[0] && same[1] === first[1]);
    what = 'another paragraph';
    const changed = lint(view, [rule], on, { history });
    assert.ok(changed[0] === first[0] && changed[1] !== first[1]);
    assert.equal(changed[1]?.message, 'Found another paragraph.');
    // Equal to the last, but in a shorter draft its related place is past the end: refused as a fresh report is.
    const errors: string[] = [];
    assert.equal(lint(buildSourceText('First paragraph here.', 'plaintext'), [rule], on, { history, onCheckError: (id) => errors.push(id) }).length, 0);
    assert.deepEqual(errors, ['again']);
  });
  it('keeps a document-scope finding an edit before it only moved, as the same object placed by a shift', async () => {
    const { DraftHistory, lintSteps } = await import('../../../server/src/core/engine');
    const rule = fake('moved', function* ({ text }: { text: { text: string } }) {
      const at = text.text.indexOf('Second');
      yield { messageId: 'found', data: { what: 'x' }, span: { start: at, end: at + 6 }, related: [{ messageId: 'found', data: { what: 'y' }, span: { start: at + 7, end: at + 16 } }] };
      // Its related place is before the edit, which moves its span only: made afresh.
      yield { messageId: 'found', data: { what: 'z' }, span: { start: at + 7, end: at + 16 }, related: [{ messageId: 'found', data: { what: 'y' }, span: { start: 0, end: 5 } }] };
    } as never);
    const history = new DraftHistory();
    const run = (v: typeof view) => {
      const steps = lintSteps(v, [rule], on, { history });
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
      }
    };
    const first = run(view);
    const edited = buildSourceText('First, paragraph here.\n\nSecond paragraph here.', 'plaintext');
    const second = run(edited);
    assert.ok(second.stored[0] === first.stored[0] && second.shifts[0] === 1);
    assert.ok(second.stored[1] !== first.stored[1] && second.shifts[1] === 0);
    assert.deepEqual(second.toArray(), lint(edited, [rule], on));
  });
  it('skips checks that are off', () => {
    assert.deepEqual(lint(view, [good], () => ({ enabled: false })), []);
  });
  it('isolates a check that throws: the others still report, the error is told once', () => {
    const errors: string[] = [];
    const broken = fake('broken', function* () {
      throw new Error('boom');
    });
    const findings = lint(view, [broken, good], on, { onCheckError: (id) => errors.push(id) });
    assert.deepEqual(findings.map((f) => f.checkId), ['good']);
    assert.deepEqual(errors, ['broken']);
  });
  const rejected: [string, Check][] = [
    ['an invalid span', fake('bad-span', function* () { yield { messageId: 'found', data: { what: 'x' }, span: { start: 5, end: 999 } }; })],
    ['a reversed span', fake('reversed', function* () { yield { messageId: 'found', data: { what: 'x' }, span: { start: 5, end: 2 } }; })],
    ['an unknown message id', fake('bad-id', function* () { yield { messageId: 'nope', span: { start: 0, end: 1 } }; })],
    ['a missing placeholder value', fake('no-data', function* () { yield { messageId: 'found', span: { start: 0, end: 1 } }; })],
    ['a fix from a check that is not fixable', fake('not-fixable', function* () {
      yield { messageId: 'found', data: { what: 'x' }, span: { start: 0, end: 1 }, fix: { messageId: 'fix', edits: [{ span: { start: 0, end: 1 }, newText: '' }] } };
    })],
    ['a fix whose edits overlap', fake('overlap', function* () {
      yield { messageId: 'found', data: { what: 'x' }, span: { start: 0, end: 1 }, fix: { messageId: 'fix', edits: [{ span: { start: 0, end: 4 }, newText: '' }, { span: { start: 2, end: 6 }, newText: '' }] } };
    }, true)],
  ];
  for (const [what, check] of rejected) {
    it(`rejects ${what} as the check's error`, () => {
      const errors: string[] = [];
      assert.deepEqual(lint(view, [check, good], on, { onCheckError: (id) => errors.push(id) }).map((f) => f.checkId), ['good']);
      assert.deepEqual(errors, [check.meta.id]);
    });
  }
  it('merges a multi-edit fix into one edit', () => {
    const multi = fake('multi', function* () {
      yield { messageId: 'found', data: { what: 'x' }, span: { start: 0, end: 5 }, fix: { messageId: 'fix', edits: [{ span: { start: 6, end: 15 }, newText: 'para' }, { span: { start: 0, end: 5 }, newText: 'One' }] } };
    }, true);
    const [finding] = lint(view, [multi], on);
    assert.deepEqual(finding?.fix, { title: 'Fix it', edit: { span: { start: 0, end: 15 }, newText: 'One para' } });
  });
  it('stops between checks once cancelled', () => {
    let asked = 0;
    const findings = lint(view, [good, good], on, { isCancelled: () => ++asked > 1 });
    assert.equal(findings.length, 1);
  });
  it('sorts findings by position whatever order the checks ran in', () => {
    const late = fake('late', function* () { yield { messageId: 'found', data: { what: 'y' }, span: { start: 23, end: 29 } }; });
    assert.deepEqual(lint(view, [late, good], on).map((f) => f.checkId), ['good', 'late']);
  });
});

describe('lintSteps: a first look at a long draft comes in steps', () => {
  it('yields inside a rule between stretches of paragraphs, and finds what one pass finds', async () => {
    const { checks } = await import('../../../server/src/api');
    const { BlockCache, lintSteps } = await import('../../../server/src/core/engine');
    const paragraph = 'The council voted on Tuesday to close the harbour road, which officials said was very unsafe. ';
    const long = buildSourceText(Array.from({ length: 2000 }, (_, i) => `${paragraph}Item ${i}.`).join('\n\n'), 'plaintext');
    const rule = checks.filter((c) => c.meta.id === 'write-good/weasel');
    const steps = lintSteps(long, rule, on, { blockCache: new BlockCache() });
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    assert.ok(yields > 2, `one rule over ${long.text.length} characters yielded ${yields} times`);
    assert.deepEqual(step.value.toArray(), lint(long, rule, on));
  });
  it('runs every rule over a stretch before the next: a rule that throws part-way is told once, the others are whole', async () => {
    const { BlockCache } = await import('../../../server/src/core/engine');
    const long = buildSourceText(Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} of the draft is here.`).join('\n\n'), 'plaintext');
    const each = (id: string, throwAfter: number): Check => {
      const check = fake(id, function* ({ text }) {
        for (const block of text.blocks) {
          if (block.text.includes(`Paragraph ${throwAfter} `)) throw new Error('boom');
          yield { messageId: 'found', data: { what: block.text.slice(0, 12) }, span: { start: block.span.start, end: block.span.start + 9 } };
        }
      });
      return { ...check, meta: { ...check.meta, scope: 'paragraph' } };
    };
    const broken = each('broken', 2500);
    const fine = each('fine', -1);
    const stretches: number[] = [];
    const counting: Check = { meta: fine.meta, run: (input) => (stretches.push(input.text.blocks.length), fine.run(input)) };
    const errors: string[] = [];
    const cached = lint(long, [broken, counting], on, { blockCache: new BlockCache(), onCheckError: (id) => errors.push(id) });
    assert.deepEqual(errors, ['broken']);
    assert.deepEqual(cached, lint(long, [fine], on));
    assert.ok(stretches.length > 1 && stretches.every((n) => n < 3000), `stretches of ${stretches.join(', ')} blocks`);
  });
  it('stops a first look part-way once cancelled', async () => {
    const { BlockCache } = await import('../../../server/src/core/engine');
    const long = buildSourceText(Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} of the draft is here.`).join('\n\n'), 'plaintext');
    let runs = 0;
    const check = fake('each', function* ({ text }) {
      runs++;
      yield { messageId: 'found', data: { what: 'x' }, span: { start: 0, end: text.text.length } };
    });
    const paragraphScope: Check = { ...check, meta: { ...check.meta, scope: 'paragraph' } };
    let asked = 0;
    lint(long, [paragraphScope], on, { blockCache: new BlockCache(), isCancelled: () => ++asked > 2 });
    assert.ok(runs >= 1 && runs < 3, `ran ${runs} times`);
  });
});
