#!/usr/bin/env node
// Runs the Copydesk e2e tests in a real VS Code 1.100.3 (code-server from
// test/e2e/harness) driven by Debian Chromium through playwright-core.
//
//   node test/e2e/run-code-server.mjs suite   extension-host mocha suite (test/e2e/out/suite)
//   node test/e2e/run-code-server.mjs ui      installs the .vsix and drives the workbench
//   node test/e2e/run-code-server.mjs web     the same .vsix in the web worker extension host, as
//                                             vscode.dev runs it (steps in test/web/code-server.mjs)
//
// Env: E2E_PORT=N to use a fixed port (refused when busy), E2E_KEEP=1 to keep the temp dir,
// E2E_VERBOSE=1 to echo the workbench log, E2E_TRACE=1 to trace the language client (code-server
// --log trace), E2E_EXTENSION_PATH=DIR to load another build (checking the harness itself).
// See /work/shared/notes/vscode-e2e.md for why each flag and setting is here.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { focusMenuRow, openQuickFixMenu } from './quickFix.mjs';
import { reportSteps } from './ui-report.mjs';
import { workspaceSteps } from './ui-workspace.mjs';
import { webSteps, WEB_FIXTURES } from '../web/code-server.mjs';

const E2E = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(process.env.E2E_EXTENSION_PATH ?? path.join(E2E, '../..'));
const HARNESS = path.join(E2E, 'harness');
const CODE_SERVER = path.join(HARNESS, 'node_modules/.bin/code-server');
const SHOTS = path.join(E2E, 'screenshots');
const SUITE_ENTRY = path.join(E2E, 'out/suite/index.js');
const VSIX = path.join(REPO, `copydesk-${readJson(path.join(REPO, 'package.json')).version}.vsix`);
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const MODE_TIMEOUT_MS = 300_000;

const mode = process.argv[2];
if (mode !== 'suite' && mode !== 'ui' && mode !== 'web') {
  console.error('usage: node test/e2e/run-code-server.mjs suite|ui|web');
  process.exit(2);
}

const results = []; // { title, state: 'passed'|'failed'|'skipped', detail? }
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `copydesk-e2e-${mode}-`));
const dirs = Object.fromEntries(
  ['workspace', 'user-data', 'extensions', 'xdg', 'chromium-profile'].map((d) => [d, path.join(tmp, d)]),
);
let finishing = false;
let server; // the code-server child, leader of its own process group
let context; // the playwright browser context
const started = Date.now();

process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));
// Last resort if something throws past finish(): never leave code-server behind.
process.on('exit', () => killGroup('SIGKILL'));

// A failure we foresaw (missing build, busy port, ...): its message says it all, no stack.
class SetupError extends Error {}

try {
  await main();
} catch (err) {
  await finish(1, err instanceof SetupError ? err.message : (err?.stack ?? String(err)));
}

async function main() {
  for (const [what, file, hint] of [
    ['code-server', CODE_SERVER, 'run test/e2e/harness/install.sh'],
    ['Chromium', CHROMIUM, 'run test/e2e/harness/install.sh'],
    ...(mode === 'suite'
      ? [['the client bundle', path.join(REPO, 'client/out/extension.js'), 'run `npm run build`'],
         ['the compiled suite', SUITE_ENTRY, 'run `npx tsc -p test/e2e`']]
      : [['the extension package', VSIX, 'run `npm run package`']]),
  ]) {
    if (!fs.existsSync(file)) throw new SetupError(`${what} is missing (${file}): ${hint}`);
  }

  // Drop this mode's pictures from an earlier run so none of them can pass for this one's.
  for (const f of fs.existsSync(SHOTS) ? fs.readdirSync(SHOTS) : []) {
    if (f.startsWith(`${mode}-`) || (mode === 'ui' && f === 'diagnostics.png')) fs.rmSync(path.join(SHOTS, f));
  }
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.cpSync(mode === 'web' ? WEB_FIXTURES : path.join(E2E, 'fixtures'), dirs.workspace, { recursive: true });
  writeUserSettings();

  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdg, // code-server rewrites config.yaml here on every start
    COPYDESK_E2E_RESULTS: path.join(tmp, 'results.jsonl'),
  };
  const baseArgs = ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions];

  if (mode !== 'suite') {
    // Offline installs only work from a .vsix path.
    const r = spawnSync(CODE_SERVER, ['--install-extension', VSIX, ...baseArgs], { env, encoding: 'utf8' });
    const out = `${r.stdout}${r.stderr}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) {
      throw new SetupError(`code-server --install-extension ${VSIX} failed (exit ${r.status}):\n${out}`);
    }
    log(`installed ${path.basename(VSIX)}`);
  }

  const port = await choosePort();
  const logFile = path.join(tmp, 'code-server.log');
  const logFd = fs.openSync(logFile, 'w');
  server = spawn(
    CODE_SERVER,
    ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
     '--disable-workspace-trust', '--disable-getting-started-override', ...baseArgs,
     // The client logs LSP traces at "trace" level, below the default (code-server takes no per-extension level).
     ...(process.env.E2E_TRACE ? ['--log', 'trace'] : []), dirs.workspace],
    { env, detached: true, stdio: ['ignore', logFd, logFd] }, // detached = setsid: own process group
  );
  fs.closeSync(logFd);
  let serverExit = null;
  server.on('exit', (code, signal) => (serverExit = { code, signal }));
  await waitForHealth(port, () => serverExit, logFile);
  log(`code-server (VS Code 1.100.3) is up on 127.0.0.1:${port}, pid ${server.pid}`);

  // playwright-core comes from the harness, not the extension's node_modules.
  const { chromium } = createRequire(path.join(HARNESS, 'package.json'))('playwright-core');
  context = await chromium.launchPersistentContext(dirs['chromium-profile'], {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: dirs.xdg }, // Chromium's crash reports land here
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => log(`[page error] ${e.message}`));

  const origin = `http://127.0.0.1:${port}`;
  const run = mode === 'suite' ? runSuite(page, origin, port) : mode === 'web' ? webSteps({ page, origin, step: stepper(page), shot, log, workspace: dirs.workspace, extensions: dirs.extensions }) : runUi(page, origin);
  await withTimeout(run, MODE_TIMEOUT_MS, `${mode} mode did not finish within ${MODE_TIMEOUT_MS / 1000} s`);
  await finish(results.some((r) => r.state !== 'passed') || results.length === 0 ? 1 : 0);
}

// ---- suite mode ----------------------------------------------------------

async function runSuite(page, origin, port) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO)],
    ['extensionTestsPath', remote(SUITE_ENTRY)],
  ];
  let exited;
  const exitCode = new Promise((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));
  // Workbench and extension-host log (mocha's spec output included): kept in a
  // file and shown on failure, since the results file already gives per-test lines.
  const automationLog = path.join(tmp, 'automation.log');
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    fs.appendFileSync(automationLog, `[${type}] ${text}\n`);
    if (process.env.E2E_VERBOSE) log(`[${type}] ${text}`);
  });

  const url = `${origin}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  const code = await exitCode;

  const resultsFile = path.join(tmp, 'results.jsonl');
  const lines = fs.existsSync(resultsFile)
    ? fs.readFileSync(resultsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))
    : [];
  for (const e of lines.filter((l) => l.event === 'test')) {
    results.push({ title: e.title, state: e.state, detail: e.error, ms: e.ms });
  }
  const end = lines.find((l) => l.event === 'end');
  if (!end) {
    results.push({ title: 'extension-host suite', state: 'failed',
      detail: `the suite never finished (exit code ${code}); did test/e2e/out/suite/index.js load? see logs below` });
  } else if (code !== 0 && !results.some((r) => r.state === 'failed')) {
    results.push({ title: 'extension-host suite', state: 'failed', detail: `VS Code reported exit code ${code}` });
  }
  if (results.some((r) => r.state === 'failed')) await page.screenshot({ path: shot('suite-failure.png') }).catch(() => {});
}

// ---- ui mode -------------------------------------------------------------

async function runUi(page, origin) {
  const step = stepper(page);
  const DRAFT = 'footbridge.txt';
  const COPY = 'The city council voted 7-2 on Tuesday to pay for a footbridge across the Alder River, settling a dispute that began in 2019.';
  const COPY_LINE = 7; // 1-based line of the later copy in fixtures/footbridge.txt
  const editor = page.locator('.editor-instance .monaco-editor').first();
  // Monaco renders spaces as U+00A0 and word wrap splits a line into several
  // view lines, so compare with all whitespace removed.
  const squash = (text) => text.replace(/[\s\u00a0]+/g, '');
  const occurrences = (text) => squash(text).split(squash(COPY)).length - 1;
  const editorText = () => editor.locator('.view-lines').innerText();

  await step('workbench loads with the draft folder', async () => {
    await page.goto(`${origin}/?folder=${encodeURIComponent(dirs.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: DRAFT }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: shot('ui-1-workbench.png') });
  });

  await step('the later copy gets a faded warning squiggle', async () => {
    await page.keyboard.press('Control+P');
    const quickOpen = page.locator('.quick-input-widget');
    await quickOpen.locator('input').fill(DRAFT);
    await quickOpen.locator('.monaco-list-row', { hasText: DRAFT }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+B'); // hide the sidebar: more room for the draft in screenshots
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
    const faded = await editor.locator('.squiggly-inline-unnecessary').count();
    if (faded === 0) throw new Error('warning squiggle found, but no faded (Unnecessary) text');
    const text = await editorText();
    if (occurrences(text) !== 2) throw new Error(`expected the paragraph twice in the editor, found ${occurrences(text)}`);
    await page.screenshot({ path: shot('ui-2-squiggles.png') });
  });

  await step('the Problems panel lists duplicate-paragraph', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'duplicate-paragraph' });
    await row.first().waitFor({ timeout: 15_000 });
    const rows = await row.count();
    if (rows !== 1) throw new Error(`expected 1 duplicate-paragraph problem, found ${rows}`);
    await editor.click({ position: { x: 600, y: 300 } }); // caret below the text: no word highlight in the README shot
    await page.screenshot({ path: shot('diagnostics.png') });
  });

  await step('"Remove duplicate paragraph" via Ctrl+. removes the copy', async () => {
    // Go to the copy's line rather than F8, which could stop at another check's finding first.
    await openQuickFixMenu(page, COPY_LINE, 'Remove duplicate paragraph');
    await page.screenshot({ path: shot('ui-3-quickfix-menu.png') });
    // The menu's pointer block swallows clicks; choose with the keyboard like a writer would.
    await focusMenuRow(page, 'Remove duplicate paragraph');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (copy) => {
        const squash = (t) => t.replace(/[\s\u00a0]+/g, '');
        const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
        return squash(lines?.textContent ?? '').split(squash(copy)).length - 1 === 1;
      },
      COPY,
      { timeout: 10_000 },
    );
    const text = await editorText();
    if (occurrences(text) !== 1) throw new Error(`expected the paragraph once after the fix, found ${occurrences(text)}`);
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'duplicate-paragraph' })
      .first().waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: shot('ui-4-fixed.png') });
  });

  // Status bar, article report, its accessibility and the paragraph map (test/e2e/ui-report.mjs).
  await reportSteps({ page, step, shot, log, harness: HARNESS });
  // "Check all drafts in workspace": progress, the Problems panel, Cancel (test/e2e/ui-workspace.mjs).
  await workspaceSteps({ page, step, shot, log, workspace: dirs.workspace });
}

/** Runs one named step; after a failure the rest are skipped (each builds on the one before). */
function stepper(page) {
  return async function step(title, fn) {
    if (results.some((r) => r.state !== 'passed')) {
      results.push({ title, state: 'skipped', detail: 'an earlier step failed' });
      return;
    }
    const t0 = Date.now();
    try {
      await fn();
      results.push({ title, state: 'passed', ms: Date.now() - t0 });
    } catch (err) {
      // Playwright's call logs are long; the first lines say what went wrong.
      const detail = (err?.message ?? String(err)).replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(0, 4).join('\n');
      results.push({ title, state: 'failed', detail });
      await page.screenshot({ path: shot(`${mode}-failure.png`) }).catch(() => {});
    }
  };
}

// ---- plumbing ------------------------------------------------------------

function writeUserSettings() {
  const settings = {
    // VS Code in a browser defaults to files.autoSave "afterDelay" (desktop: "off"). An auto save
    // skips codeActionsOnSave "explicit" and swallows a save made within the next second.
    'files.autoSave': 'off',
    'files.refactoring.autoSave': false, // else a quick-fix saves the fixture and the next run sees fixed text
    'files.hotExit': 'off',
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'editor.minimap.enabled': false, // cleaner screenshots
    'editor.wordWrap': 'on',
    'chat.commandCenter.enabled': false,
    // E2E_TRACE=1 logs every LSP message into the Copydesk output channel, which failures print.
    ...(process.env.E2E_TRACE ? { 'copydesk.trace.server': 'verbose' } : {}),
    // The web mode: run the extension where vscode.dev runs it, in the browser's web worker
    // extension host (its `browser` entry), not in code-server's Node extension host.
    ...(mode === 'web' ? { 'remote.extensionKind': { 'copydesk.copydesk': ['web'] } } : {}),
  };
  const dir = path.join(dirs['user-data'], 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

async function choosePort() {
  const wanted = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : 0;
  const port = await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err) => reject(err.code === 'EADDRINUSE'
      ? new SetupError(`port ${wanted} is already in use on 127.0.0.1; refusing to share it (unset E2E_PORT to pick a free one)`)
      : err));
    probe.listen(wanted, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  return port;
}

async function waitForHealth(port, exited, logFile) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited()) throw new SetupError(`code-server exited early (${JSON.stringify(exited())}):\n${tail(logFile, 30)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new SetupError(`code-server did not answer /healthz within 60 s:\n${tail(logFile, 30)}`);
}

// Signals the whole group: the leader may be gone while its children live on.
function killGroup(signal) {
  if (server?.pid) try { process.kill(-server.pid, signal); } catch {}
}

async function stopServer() {
  if (!server?.pid) return;
  killGroup('SIGTERM');
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline && groupAlive(server.pid)) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(server.pid)) killGroup('SIGKILL');
}

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

async function finish(code, error) {
  if (finishing) return;
  finishing = true;
  if (error) results.push({ title: `${mode} mode`, state: 'failed', detail: error });
  await withTimeout(context?.close() ?? Promise.resolve(), 10_000, 'browser close').catch(() => {});
  await stopServer();

  console.log(`\nCopydesk e2e (${mode}, VS Code 1.100.3 via code-server) — ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const r of results) {
    const mark = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' }[r.state];
    console.log(`  ${mark}  ${r.title}${r.ms !== undefined ? ` (${r.ms} ms)` : ''}`);
    if (r.detail && r.state !== 'passed') console.log(indent(r.detail, 8));
  }
  const count = (s) => results.filter((r) => r.state === s).length;
  const failed = count('failed');
  if ((failed || code !== 0) && server) printLogs();
  if (mode !== 'suite' && !failed) console.log(`  screenshots: ${SHOTS}/${mode === 'ui' ? ` (README image: ${shot('diagnostics.png')})` : ''}`);
  // Closing line in the plain "N passed, N failed" form CI reads.
  console.log(`${mode}: ${count('passed')} passed, ${failed} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''}`);

  if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`  kept ${tmp}`);
  process.exit(failed || code !== 0 || results.length === 0 ? (code || 1) : 0);
}

function printLogs() {
  const automationLog = path.join(tmp, 'automation.log');
  if (fs.existsSync(automationLog)) console.log(`\n  --- workbench / extension host log (tail) ---\n${indent(tail(automationLog, 40), 4)}`);
  console.log(`\n  --- code-server log (tail) ---\n${indent(tail(path.join(tmp, 'code-server.log'), 20), 4)}`);
  // Extension host log and the extension's output channels (language client / server).
  for (const file of walk(path.join(dirs['user-data'], 'logs'))) {
    if (!/remoteexthost\.log$|copydesk/i.test(path.basename(file)) || !fs.statSync(file).size) continue;
    console.log(`\n  --- ${path.relative(dirs['user-data'], file)} (tail) ---\n${indent(tail(file, 25), 4)}`);
  }
}

function* walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
  ]).finally(() => clearTimeout(timer));
}

function shot(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
}

function tail(file, n) {
  try { return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n'); } catch { return '(no log)'; }
}

function indent(text, n) {
  return String(text).split('\n').map((l) => ' '.repeat(n) + l).join('\n');
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function log(msg) {
  console.log(`[e2e ${mode}] ${msg}`);
}
