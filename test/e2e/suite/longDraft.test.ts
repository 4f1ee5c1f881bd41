import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { longDraft } from './drafts';
import { closeAllEditors, codeValue, ensureActive, waitForDiagnostics } from './util';

const PARAGRAPHS = 1200;

const copydesk = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'copydesk');
const findingsOn = (uri: vscode.Uri, line: number) => copydesk(uri).filter((d) => d.range.start.line === line && codeValue(d) !== undefined);

suite('a long draft (more findings than VS Code shows)', function () {
  suiteSetup(ensureActive);
  suiteTeardown(closeAllEditors);

  test('1,000 diagnostics with a notice of the rest; scrolling brings the findings on screen', async function () {
    this.timeout(90_000);
    const content = longDraft(PARAGRAPHS);
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const uri = doc.uri;
    await waitForDiagnostics(uri, () => (copydesk(uri).length === 1000 ? true : undefined), '1,000 diagnostics', 60_000);
    const notices = copydesk(uri).filter((d) => codeValue(d) === undefined);
    assert.equal(notices.length, 1, 'one notice of the findings left out');
    assert.match(notices[0]!.message, /findings are not shown/);

    // Near the end, where nothing was shown: the writer scrolls there and the squiggles follow.
    const line = 2 * (PARAGRAPHS - 20);
    assert.equal(findingsOn(uri, line).length, 0, 'nothing shown near the end before scrolling');
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    await waitForDiagnostics(uri, () => (findingsOn(uri, line).length >= 2 ? true : undefined), `the findings on line ${line + 1} once it is on screen`, 30_000);
    assert.equal(copydesk(uri).length, 1000, 'still within the budget');
  });
});
