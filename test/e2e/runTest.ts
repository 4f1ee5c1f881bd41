// Launcher for machines that can download VS Code (a laptop, hosted CI):
// `node test/e2e/out/runTest.js` after `tsc -p test/e2e`. On the project's own
// machines the download fails; use run-code-server.mjs, which runs the same suite.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const e2e = path.resolve(__dirname, '..'); // compiled to test/e2e/out/runTest.js
  const repo = path.resolve(e2e, '../..');
  // A fresh copy each run: a fix that saves must never change the fixtures.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-e2e-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(e2e, 'fixtures'), workspace, { recursive: true });
  fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, 'user-data', 'User', 'settings.json'),
    JSON.stringify({ 'files.refactoring.autoSave': false, 'files.hotExit': 'off', 'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none' }),
  );
  try {
    await runTests({
      version: '1.100.3', // the VS Code the code-server harness runs, and the extension's engine floor
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(e2e, 'out', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(tmp, 'user-data')],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error('e2e (test-electron) failed:', err);
  process.exit(1);
});
