import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  applyCodeAction, closeAllEditors, duplicateParagraphs, expectedText, openFixture,
  pollCodeAction, waitForDiagnostics, waitForDuplicates, waitForText,
} from './util';

suite('fixes', () => {
  teardown(closeAllEditors);

  test('"Remove duplicate paragraph" removes exactly the copy', async () => {
    const { document: doc } = await openFixture('library.txt');
    const [d] = await waitForDuplicates(doc.uri);

    const action = await pollCodeAction(doc.uri, d.range, (a) => a.title === 'Remove duplicate paragraph');
    assert.equal(action.isPreferred, true);
    assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `kind: ${action.kind?.value}`);
    await applyCodeAction(action);

    assert.equal(doc.getText(), expectedText('library.txt'));
    await waitForDiagnostics(doc.uri, () => (duplicateParagraphs(doc.uri).length === 0 ? true : undefined), 'findings to clear');
  });

  test('"Copydesk: Remove all duplicate paragraphs" leaves every paragraph once', async () => {
    const { document: doc } = await openFixture('budget.txt');
    await waitForDuplicates(doc.uri, 3);

    await vscode.commands.executeCommand('copydesk.removeAllDuplicates');
    await waitForText(doc, expectedText('budget.txt'));
  });

  test('source.fixAll.copydesk runs on save and removes every copy', async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor');
    const before = editorConfig.inspect('codeActionsOnSave')?.globalValue;
    await editorConfig.update('codeActionsOnSave', { 'source.fixAll.copydesk': 'explicit' }, vscode.ConfigurationTarget.Global);
    try {
      const { document: doc } = await openFixture('ferry.md');
      await waitForDuplicates(doc.uri, 2);
      // Dirty it so the save is a real one; the edit is outside every paragraph.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.positionAt(doc.getText().length), '\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await doc.save(), 'save failed');

      const expected = expectedText('ferry.md');
      assert.equal(doc.getText().trimEnd(), expected.trimEnd());
      assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8').trimEnd(), expected.trimEnd());
    } finally {
      await editorConfig.update('codeActionsOnSave', before, vscode.ConfigurationTarget.Global);
    }
  });
});
