import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { generateDrafts } from './drafts';
import { TIMEOUT_MS, applyCodeAction, closeAllEditors, codeValue, ensureActive, fixtureUri, openFixture, pollCodeAction, waitForDiagnostics } from './util';

/** What copydesk.checkWorkspace resolves to (client/src/workspaceCheck.ts). */
interface CheckSummary {
  readonly total: number;
  readonly checked: number;
  readonly cancelled: boolean;
  readonly problems: number;
  readonly draftsWithProblems: number;
}

const GENERATED = 'generated';
const COUNT = 500;
const copydesk = (uri: vscode.Uri, code?: string) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'copydesk' && (code === undefined || codeValue(d) === code));

suite('workspace: reused paragraphs and "Check all drafts"', () => {
  suiteSetup(ensureActive);
  suiteTeardown(async () => {
    await closeAllEditors();
    fs.rmSync(fixtureUri(GENERATED).fsPath, { recursive: true, force: true });
  });

  test('a paragraph shared by two drafts is reported, and "Open the other article" opens the other at that paragraph', async () => {
    const { document: doc } = await openFixture('reuse/council-v2.md');
    const other = fixtureUri('reuse/council-v1.md');
    // The server reads the workspace in the background after start-up: wait for it, not a fixed time.
    const [d, ...extra] = await waitForDiagnostics(doc.uri, () => {
      const found = copydesk(doc.uri, 'reused-paragraph');
      return found.length ? found : undefined;
    }, 'a reused-paragraph finding', 30_000);
    assert.equal(extra.length, 0);
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(d!.message, "This paragraph also appears in 'reuse/council-v1.md' (line 5).");
    assert.equal(d!.range.start.line, 4);
    assert.deepEqual(d!.relatedInformation?.map((r) => [r.location.uri.toString(), r.location.range.start.line]), [[other.toString(), 4]]);

    const action = await pollCodeAction(doc.uri, d!.range, (a) => a.title.startsWith('Open the other article'));
    assert.equal(action.title, "Open the other article ('reuse/council-v1.md', line 5)");
    await applyCodeAction(action);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === other.toString() ? e : undefined;
    }, 'the other article to open');
    assert.equal(editor.document.getText(editor.selection), doc.getText(d!.range), 'the matching paragraph is selected');
  });

  test(`"Check all drafts in workspace" checks ${COUNT} generated drafts: problems for drafts that are not open, once for open ones, gone with a deleted file, checked again after a settings change`, async function () {
    this.timeout(360_000);
    await closeAllEditors();
    const names = generateDrafts(fixtureUri(GENERATED).fsPath, COUNT);
    const uris = names.map((n) => fixtureUri(`${GENERATED}/${n}`));

    const started = Date.now();
    const summary = await vscode.commands.executeCommand<CheckSummary>('copydesk.checkWorkspace');
    const seconds = (Date.now() - started) / 1000;
    assert.ok(summary, 'the command resolved to nothing');
    assert.equal(summary.cancelled, false);
    // The generated drafts, the fixtures (expected/ is ignored by the fixtures' .copydesk.json).
    assert.ok(summary.total >= COUNT + 8 && summary.total < COUNT + 20, `total ${summary.total}`);
    assert.equal(summary.checked, summary.total);
    console.log(`checked ${summary.total} drafts in ${seconds.toFixed(1)} s: ${summary.problems} problems in ${summary.draftsWithProblems} drafts`);

    // Not one of them is open, and every one has its repeated paragraph and loaded word in the Problems panel.
    for (const uri of uris) {
      assert.equal(copydesk(uri, 'duplicate-paragraph').length, 1, `${uri.path}: ${copydesk(uri).map((x) => codeValue(x)).join(', ')}`);
      assert.ok(copydesk(uri, 'loaded-language').length >= 1, uri.path);
    }
    assert.equal(copydesk(fixtureUri('expected/budget.txt')).length, 0, 'ignored by .copydesk.json');
    assert.equal(copydesk(fixtureUri('reuse/council-v1.md'), 'reused-paragraph').length, 1, 'other drafts count for drafts that are not open');

    // Opened, the draft's problems come from the language client as you type: the same ones, not twice.
    const first = uris[0]!;
    const before = copydesk(first).map(describe).sort();
    await vscode.window.showTextDocument(first, { preview: false });
    await waitForDiagnostics(first, () => (sameList(copydesk(first).map(describe).sort(), before) ? true : undefined), 'the open draft to show its problems once', TIMEOUT_MS);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a late duplicate would show up here
    assert.deepEqual(copydesk(first).map(describe).sort(), before);

    // Deleted on disk: its results go.
    const gone = uris[1]!;
    assert.ok(copydesk(gone).length > 0);
    await vscode.workspace.fs.delete(gone);
    await waitForDiagnostics(gone, () => (copydesk(gone).length === 0 ? true : undefined), 'the deleted draft’s problems to go');

    // A rule turned off: the run's drafts are checked again without it, not just cleared; and back on.
    const still = uris[2]!;
    const rules = vscode.workspace.getConfiguration('copydesk');
    try {
      await rules.update('rules.loaded-language', 'off', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(still, () => (copydesk(still, 'loaded-language').length === 0 && copydesk(still, 'duplicate-paragraph').length === 1 ? true : undefined), 'the drafts to be checked again without loaded-language', TIMEOUT_MS);
    } finally {
      await rules.update('rules.loaded-language', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(still, () => (copydesk(still, 'loaded-language').length >= 1 ? true : undefined), 'loaded-language to come back', TIMEOUT_MS);
    const last = uris[COUNT - 1]!;
    await waitForDiagnostics(last, () => (copydesk(last, 'loaded-language').length >= 1 && copydesk(last, 'duplicate-paragraph').length === 1 ? true : undefined), 'the last draft of the run to be checked again too', 120_000);
  });
});

const describe = (d: vscode.Diagnostic): string => `${codeValue(d)}@${d.range.start.line}:${d.range.start.character}`;
const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Polls a condition that no event announces (the active editor after a command), until TIMEOUT_MS. */
async function waitFor<T>(check: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
