import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, ensureActive, fixtureUri, openFixture, waitForDuplicates } from './util';

suite('diagnostics', () => {
  suiteSetup(ensureActive);
  suiteTeardown(closeAllEditors);

  test('a repeated paragraph gets one faded warning on the later copy', async () => {
    const editor = await openFixture('footbridge.txt');
    const doc = editor.document;
    const [d, ...extra] = await waitForDuplicates(doc.uri);
    assert.equal(extra.length, 0, 'only the later copy is flagged');

    assert.equal(d.source, 'copydesk');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(d.tags?.includes(vscode.DiagnosticTag.Unnecessary), `tags: ${JSON.stringify(d.tags)}`);
    assert.equal(typeof d.code, 'object', 'code carries a docs link');
    const code = d.code as { value: string | number; target: vscode.Uri };
    assert.equal(code.value, 'duplicate-paragraph');
    assert.ok(code.target instanceof vscode.Uri, 'code.target is a Uri');
    assert.match(code.target.scheme, /^https?$/);

    // Line 6 is the second copy; the first one (line 2) must stay unflagged.
    assert.deepEqual([d.range.start.line, d.range.start.character], [6, 0]);
    assert.equal(doc.getText(d.range), doc.lineAt(6).text);
  });

  test('each repeated line of a one-paragraph-per-line brief is flagged, headline included', async () => {
    await openFixture('storm-brief.txt');
    const uri = fixtureUri('storm-brief.txt');
    const found = await waitForDuplicates(uri, 2);
    // Lines 3 (headline again) and 4 repeat lines 0 and 1.
    assert.deepEqual(found.map((d) => d.range.start.line), [3, 4]);
  });

  test('a Markdown draft gets the same findings on each later copy', async () => {
    await openFixture('ferry.md');
    const uri = fixtureUri('ferry.md');
    const found = await waitForDuplicates(uri, 2);
    // Lines 6 and 8 repeat lines 2 and 4 as a block; the "# " headline is not a copy.
    assert.deepEqual(found.map((d) => d.range.start.line), [6, 8]);
    assert.ok(found.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });
});
