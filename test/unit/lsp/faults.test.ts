/**
 * Faults inside the server: a rule that throws is skipped while the others report, and the writer
 * hears about it once, not once per keystroke; a draft the engine cannot check at all gets no
 * findings and one notice, and the lint never rejects (a rejected promise would end the server).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../../../server/src/api';
import { checks } from '../../../server/src/checks';
import type { Check } from '../../../server/src/core/types';
import { FaultNotices } from '../../../server/src/lsp/faults';
import { DocumentLinter, type Outcome } from '../../../server/src/lsp/linter';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';

const LEDE = 'The harbour board voted on Tuesday to keep the ferry terminal open.';
const DRAFT = `${LEDE}\n\nRepairs will cost about two million pounds, the chair said.\n\n${LEDE}\n`;

/** Makes a registered rule throw until the test ends (the engine must not care which rule it is). */
const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((undo) => undo()));
function breakRule(id: string): void {
  const check = checks.find((c) => c.meta.id === id) as { run: Check['run'] } | undefined;
  assert.ok(check, id);
  const run = check.run;
  check.run = () => {
    throw new Error(`${id} is broken`);
  };
  restore.push(() => (check.run = run));
}

function recorder() {
  const logs: string[] = [];
  const notices: string[] = [];
  return { logs, notices, faults: new FaultNotices((m) => logs.push(m), (m) => notices.push(m)) };
}

describe('a rule that throws', () => {
  for (const id of ['duplicate-paragraph', 'loaded-language', 'space-before-punctuation']) {
    it(`${id}: the other rules still report; one log line with the rule id and one notice over ten versions`, async () => {
      breakRule(id);
      const { logs, notices, faults } = recorder();
      const doc = TextDocument.create('file:///faults/draft.txt', 'plaintext', 1, DRAFT);
      const errors: string[] = [];
      const linter = new DocumentLinter(
        (uri) => (uri === doc.uri ? doc.version : undefined),
        (checkId, error) => (errors.push(checkId), faults.ruleFailed(checkId, error)),
        undefined,
        (uri, error) => faults.draftFailed(uri, error),
      );
      for (let version = 2; version <= 11; version++) {
        TextDocument.update(doc, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }], version);
        const outcome = await linter.lint(doc, DEFAULT_SETTINGS);
        assert.equal(outcome.kind, 'linted');
        const found = (outcome as Extract<Outcome, { kind: 'linted' }>).result.findings;
        // Exactly what the other rules find with the broken one turned off.
        const expected = lintText(doc.getText(), 'plaintext', { rules: { [id]: 'off' } }).findings;
        assert.deepEqual(found.map((f) => `${f.checkId}@${f.span.start}`), expected.map((f) => `${f.checkId}@${f.span.start}`));
        assert.ok(found.length > 0);
      }
      assert.ok(errors.length >= 10 && errors.every((e) => e === id), 'the engine tells every failure');
      assert.equal(logs.length, 1);
      assert.match(logs[0]!, new RegExp(`^Rule ${id} failed and was skipped: Error: ${id} is broken\\n\\s+at `));
      assert.deepEqual(notices, [`Copydesk: the rule '${id}' failed and was skipped; the other rules still run. See the Copydesk output for details.`]);
    });
  }

  it('two broken rules: one notice each', () => {
    const { logs, notices, faults } = recorder();
    for (let i = 0; i < 5; i++) for (const id of ['echo', 'lede-length']) faults.ruleFailed(id, new Error('boom'));
    assert.equal(logs.length, 2);
    assert.equal(notices.length, 2);
  });
});

describe('a draft the engine cannot check', () => {
  it('is an outcome (skipped: failed), told once per draft and error, never a rejected promise', async () => {
    const { logs, notices, faults } = recorder();
    const engineErrors: string[] = [];
    let version = 1;
    // A document whose text cannot be read stands in for any failure outside the rules.
    const doc = { uri: 'file:///faults/broken.md', languageId: 'markdown', get version() { return version; }, getText: () => { throw new TypeError('no text'); } } as unknown as TextDocument;
    const linter = new DocumentLinter(() => version, () => assert.fail('not a rule failure'), undefined, (uri, error) => (engineErrors.push(uri), faults.draftFailed(uri, error)));
    for (; version <= 3; version++) assert.deepEqual(await linter.lint(doc, DEFAULT_SETTINGS), { kind: 'skipped', reason: 'failed' });
    assert.deepEqual(engineErrors, [doc.uri, doc.uri, doc.uri]);
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /^Checking file:\/\/\/faults\/broken\.md failed; it shows no findings for this version: TypeError: no text/);
    assert.deepEqual(notices, ['Copydesk could not check broken.md and shows no findings for it. See the Copydesk output for details.']);
    // Another draft failing is told too.
    faults.draftFailed('file:///faults/other.md', new TypeError('no text'));
    assert.equal(notices.length, 2);
  });
});
