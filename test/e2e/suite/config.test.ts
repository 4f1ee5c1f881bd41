import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeValue, ensureActive, fixtureUri, openFixture, waitForDiagnostics, waitForDuplicates } from './util';

/** Issue 6's acceptance: .copydesk.json edits apply without a restart, and its problems show in the file. */
suite('project configuration', () => {
  suiteSetup(ensureActive);
  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(fixtureUri('house/.copydesk.json')).then(undefined, () => undefined);
  });

  const loaded = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'copydesk' && codeValue(d) === 'loaded-language');

  test('turning a rule off in .copydesk.json clears its squiggles within a second; a malformed file shows a problem and the draft keeps the rest', async () => {
    const draft = fixtureUri('house/levy.txt');
    const config = fixtureUri('house/.copydesk.json');
    await openFixture('house/levy.txt');
    await waitForDiagnostics(draft, () => (loaded(draft).length ? true : undefined), 'a loaded-language finding');
    await waitForDuplicates(draft);

    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{\n}\n'));
    const configDoc = await vscode.workspace.openTextDocument(config);
    // Beside the draft, so both stay visible: a pull client re-asks only for visible documents.
    const configEditor = await vscode.window.showTextDocument(configDoc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    await waitForDiagnostics(draft, () => (loaded(draft).length ? true : undefined), 'the finding to survive an empty config');

    const whole = new vscode.Range(0, 0, configDoc.lineCount, 0);
    const started = Date.now();
    await configEditor.edit((e) => e.replace(whole, '{ "rules": { "loaded-language": "off" } }\n'));
    await waitForDiagnostics(draft, () => (loaded(draft).length === 0 ? true : undefined), 'loaded-language to disappear', 5_000);
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 1_000, `squiggles cleared after ${elapsed} ms (target: under a second)`);
    assert.ok(vscode.languages.getDiagnostics(draft).some((d) => codeValue(d) === 'duplicate-paragraph'), 'other rules still report');

    await configEditor.edit((e) => e.replace(new vscode.Range(0, 0, configDoc.lineCount, 0), '{ "rules": { "loaded-langage": "off" '));
    const problems = await waitForDiagnostics(
      config,
      () => {
        const found = vscode.languages.getDiagnostics(config).filter((d) => d.source === 'copydesk');
        return found.some((d) => /did you mean 'loaded-language'/.test(d.message)) ? found : undefined;
      },
      'a problem in .copydesk.json at the misspelt rule',
    );
    const typo = problems.find((d) => /did you mean/.test(d.message))!;
    assert.equal(configDoc.getText(typo.range), '"loaded-langage"');
    // The misspelt rule switches nothing off: the draft gets loaded-language back, and keeps its duplicates.
    await waitForDiagnostics(draft, () => (loaded(draft).length ? true : undefined), 'loaded-language to come back');
    assert.ok(vscode.languages.getDiagnostics(draft).some((d) => codeValue(d) === 'duplicate-paragraph'));
  });
});
