import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeValue, ensureActive, waitForDiagnostics } from './util';

const PARAGRAPHS = 1200;

/** Made-up words, so no two paragraphs are alike (no near-duplicate findings). */
function word(n: number): string {
  const syllables = ['ka', 'lo', 'mir', 'ten', 'vos', 'dra', 'pel', 'sun', 'gor', 'bri', 'hal', 'quen'];
  let out = '';
  do {
    out += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  } while (n > 0);
  return out;
}
const paragraph = (i: number) => `Councillor ${word(i * 7 + 3)} slammed the ${word(i * 13 + 5)} scheme and blasted the ${word(i * 17 + 11)} budget at ${word(i * 19 + 2)} hall.`;

const copydesk = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'copydesk');
const findingsOn = (uri: vscode.Uri, line: number) => copydesk(uri).filter((d) => d.range.start.line === line && codeValue(d) !== undefined);

suite('a long draft (more findings than VS Code shows)', function () {
  suiteSetup(ensureActive);
  suiteTeardown(closeAllEditors);

  test('1,000 diagnostics with a notice of the rest; scrolling brings the findings on screen', async function () {
    this.timeout(90_000);
    const content = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('\n\n') + '\n';
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
