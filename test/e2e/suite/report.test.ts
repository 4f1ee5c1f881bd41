import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TIMEOUT_MS, closeAllEditors, ensureActive, expectedText, fixtureUri, openFixture, waitForDuplicates, waitForText } from './util';

suite('writer experience', () => {
  suiteSetup(ensureActive);
  teardown(closeAllEditors);

  test('the report and fix commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['copydesk.showReport', 'copydesk.exportReport', 'copydesk.fixAll', 'copydesk.removeAllDuplicates', 'copydesk.restartServer', 'copydesk.openConfiguration', 'copydesk.openSampleDraft']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  test('"Export article report" writes the Markdown report to the URI it is given', async () => {
    const { document: doc } = await openFixture('quarry.md');
    await waitForDuplicates(doc.uri);
    const target = fixtureUri('quarry.report.md');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('copydesk.exportReport', target);
    assert.equal(written?.toString(), target.toString());
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(markdown, /^# Article report: quarry\.md\n/);
    assert.match(markdown, /\| Readability \| Flesch–Kincaid grade level: \d+(\.\d)? \|/);
    assert.match(markdown, /\n\| 5 \| 9 \| 23 \| █+ \| copy of ¶2 \(line 3\) \|/);
    assert.match(markdown, /- 2 loaded wordings: /);
  });

  test('"Export article report" never writes over an open draft', async () => {
    const { document: doc } = await openFixture('quarry.md');
    await waitForDuplicates(doc.uri);
    const before = doc.getText();
    assert.equal(await vscode.commands.executeCommand('copydesk.exportReport', doc.uri), undefined);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri)), before);
  });

  test('"Show article report" opens the report webview beside the draft', async () => {
    await openFixture('quarry.md');
    await vscode.commands.executeCommand('copydesk.showReport');
    const tab = await waitForTab((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('copydesk.report'));
    assert.equal(tab.label, 'Report: quarry.md');
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One);
  });

  test('"Fix all safe problems" applies the server\'s fix-all as one edit', async () => {
    const { document: doc } = await openFixture('quarry.md');
    await waitForDuplicates(doc.uri);
    await vscode.commands.executeCommand('copydesk.fixAll');
    await waitForText(doc, expectedText('quarry.md'));
  });
});

/** The tab model reaches the extension host a moment after the panel opens: wait for the change, not a fixed time. */
function waitForTab(match: (tab: vscode.Tab) => boolean, timeoutMs = TIMEOUT_MS): Promise<vscode.Tab> {
  const find = (): vscode.Tab | undefined => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(match);
  return new Promise((resolve, reject) => {
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => attempt());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no report tab after ${timeoutMs} ms among: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`));
    }, timeoutMs);
    function attempt(): void {
      const tab = find();
      if (!tab) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(tab);
    }
    attempt();
  });
}
