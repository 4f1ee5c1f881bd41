// @vscode/test-cli config (`npx vscode-test`) for machines that can download
// VS Code. It runs the compiled e2e suite (`tsc -p test/e2e` first) with
// test-cli's own mocha; on machines without that download use
// `node test/e2e/run-code-server.mjs suite`, which runs the same tests.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A fresh copy of the fixtures per run: a fix that saves must never change them.
const tmp = mkdtempSync(join(tmpdir(), 'copydesk-e2e-cli-'));
const workspace = join(tmp, 'workspace');
cpSync('test/e2e/fixtures', workspace, { recursive: true });
mkdirSync(join(tmp, 'user-data', 'User'), { recursive: true });
writeFileSync(
  join(tmp, 'user-data', 'User', 'settings.json'),
  JSON.stringify({ 'files.refactoring.autoSave': false, 'files.hotExit': 'off', 'telemetry.telemetryLevel': 'off' }),
);

export default defineConfig({
  label: 'e2e',
  files: 'test/e2e/out/suite/**/*.test.js',
  version: '1.100.3',
  workspaceFolder: workspace,
  launchArgs: ['--disable-extensions', '--user-data-dir', join(tmp, 'user-data')],
  mocha: { ui: 'tdd', timeout: 30_000 },
});
