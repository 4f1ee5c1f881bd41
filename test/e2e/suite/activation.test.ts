import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, fixtureUri, openFixture, waitForDuplicates } from './util';

suite('activation', () => {
  suiteTeardown(closeAllEditors);

  test('activates when a plain-text draft opens and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in this VS Code`);
    const events: string[] = ext.packageJSON.activationEvents ?? [];
    assert.ok(events.includes('onLanguage:plaintext'), `activationEvents: ${events.join(', ')}`);
    assert.ok(events.includes('onLanguage:markdown'), `activationEvents: ${events.join(', ')}`);

    await openFixture('footbridge.txt');
    // The first finding proves client and server are up; no fixed wait for activation.
    try {
      await waitForDuplicates(fixtureUri('footbridge.txt'));
    } catch (err) {
      // activate() rethrows a failed activation's own error, which says far more than a timeout.
      await Promise.resolve(ext.activate()).catch((activationError: unknown) => {
        throw new Error(`activation failed: ${(activationError as Error)?.stack ?? activationError}`);
      });
      throw new Error(`${(err as Error).message} (extension active: ${ext.isActive})`);
    }
    assert.equal(ext.isActive, true);

    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('copydesk.removeAllDuplicates'), 'copydesk.removeAllDuplicates is not registered');
  });
});
