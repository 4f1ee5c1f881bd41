// The web extension in a real VS Code for the web: code-server's workbench in Debian Chromium, with
// the packaged .vsix forced into the browser's web worker extension host (user setting
// `remote.extensionKind`, as vscode.dev would run it: the `browser` entry, the worker server, files
// read through vscode.workspace.fs). Steps, as a writer would take them: the server says it runs in
// the worker and no Node server starts; squiggles and Problems (with .copydesk.json applied and a
// paragraph shared with a draft that is not open); a quick fix; the status bar; the article report;
// "Check all drafts in workspace"; "Restart server". Run by `node test/e2e/run-code-server.mjs web`
// (npm run test:web), which supplies step(), shot() and log().
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { focusMenuRow, openQuickFixMenu } from '../e2e/quickFix.mjs';

export const WEB_FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const DRAFT = 'harbour.md';
const OTHER = 'trust.md';
const COPY = 'The council will rebuild the harbour wall before the autumn storms, the harbour master said.';
const COPY_LINE = 9;

export async function webSteps({ page, origin, step, shot, log, workspace, extensions }) {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const squash = (text) => text.replace(/[\s\u00a0]+/g, '');
  const occurrences = (text) => squash(text).split(squash(COPY)).length - 1;
  const problems = page.locator('.markers-panel .monaco-list-row');
  const saved = (name) => {
    const file = shot(`web-${name}`);
    log(`screenshot: ${file}`);
    return file;
  };
  const command = async (title) => {
    await page.keyboard.press('Control+Shift+P');
    const palette = page.locator('.quick-input-widget');
    await palette.locator('input').fill(`>${title}`);
    await palette.locator('.monaco-list-row', { hasText: title.replace(/^Copydesk: /, '') }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  // The web worker extension host logs to the page's console, not to a file code-server keeps.
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  const hostLog = () => consoleLines.filter((l) => /copydesk|web ?worker|extension host|\[error\]/i.test(l)).slice(-25).join('\n');
  const problemTexts = () => page.evaluate(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent ?? ''));

  await step('the draft opens and Copydesk checks it in the web worker extension host, with no Node server', async () => {
    await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: DRAFT }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+P');
    const quickOpen = page.locator('.quick-input-widget');
    await quickOpen.locator('input').fill(DRAFT);
    await quickOpen.locator('.monaco-list-row', { hasText: DRAFT }).first().waitFor();
    await page.keyboard.press('Enter');
    await editor
      .locator('.squiggly-error, .squiggly-warning, .squiggly-info')
      .first()
      .waitFor({ timeout: 60_000 })
      .catch((error) => {
        log(`page console (web worker extension host):\n${hostLog()}`);
        throw error;
      });
    // The server's first log line names where it runs (lsp/session.ts, browser/server.ts).
    await command('Copydesk: Show output');
    // Word wrap splits the line into view lines: compare without whitespace.
    await page.waitForFunction(() => /Copydeskserverready:.*filesreadthroughtheeditor/.test((document.querySelector('.output-view .view-lines')?.textContent ?? '').replace(/[\s\u00a0]+/g, '')), null, { timeout: 20_000 });
    const nodeServers = processesRunning(path.join(extensions));
    if (nodeServers.length) throw new Error(`a Node language server runs from the extension: ${nodeServers.join('; ')}`);
    await page.screenshot({ path: saved('1-worker.png') });
  });

  await step('.copydesk.json applies: the copy is an error, numerals are off; a paragraph shared with an unopened draft is reused', async () => {
    await page.keyboard.press('Control+Shift+M');
    await problems.filter({ hasText: 'reused-paragraph' }).first().waitFor({ timeout: 30_000 });
    await problems.filter({ hasText: 'duplicate-paragraph' }).first().waitFor({ timeout: 15_000 });
    const texts = await problemTexts();
    log(`problems: ${texts.map((t) => t.replace(/\s+/g, ' ').slice(0, 90)).join(' | ')}`);
    if (!texts.some((t) => t.includes('loaded-language'))) throw new Error('no loaded-language problem');
    if (texts.some((t) => t.includes('ap-style/numerals'))) throw new Error('ap-style/numerals is off in .copydesk.json but reported');
    if (!texts.some((t) => t.includes(OTHER))) throw new Error(`the reused paragraph does not name ${OTHER}`);
    if ((await editor.locator('.squiggly-error').count()) === 0) throw new Error('duplicate-paragraph is an error in .copydesk.json, but no error squiggle');
    await page.screenshot({ path: saved('2-problems.png') });
  });

  await step('the status bar counts the draft: the copy and the reused paragraph, the loaded word', async () => {
    const status = page.locator('.statusbar-item[aria-label^="Copydesk: "]');
    await page.waitForFunction(() => /^Copydesk: 2 duplicates, 1 loaded wording/.test(document.querySelector('.statusbar-item[aria-label^="Copydesk: "]')?.getAttribute('aria-label') ?? ''), null, { timeout: 20_000 }).catch(async () => {
      throw new Error(`status bar item label is ${JSON.stringify(await status.first().getAttribute('aria-label', { timeout: 1_000 }).catch(() => null))}`);
    });
  });

  await step('"Remove duplicate paragraph" via Ctrl+. removes the copy', async () => {
    await editor.click({ position: { x: 300, y: 40 } });
    await openQuickFixMenu(page, COPY_LINE, 'Remove duplicate paragraph');
    await focusMenuRow(page, 'Remove duplicate paragraph');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (copy) => {
        const squash = (t) => t.replace(/[\s\u00a0]+/g, '');
        return squash(document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent ?? '').split(squash(copy)).length - 1 === 1;
      },
      COPY,
      { timeout: 10_000 },
    );
    if (occurrences(await editor.locator('.view-lines').innerText()) !== 1) throw new Error('the copy is still there');
    await problems.filter({ hasText: 'duplicate-paragraph' }).first().waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: saved('3-fixed.png') });
  });

  await step('"Copydesk: Show article report" opens the report', async () => {
    await editor.click({ position: { x: 300, y: 40 } });
    await command('Copydesk: Show article report');
    const report = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await report.locator('h1', { hasText: `Article report: ${DRAFT}` }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: saved('4-report.png') });
  });

  await step('"Copydesk: Check all drafts in workspace" reads the unopened draft through the editor', async () => {
    await command('Copydesk: Check all drafts in workspace');
    const done = page.locator('.notifications-toasts .notification-toast', { hasText: /Copydesk: checked \d+ drafts/ });
    await done.first().waitFor({ timeout: 60_000 });
    const text = (await done.first().innerText()).replace(/\s+/g, ' ');
    log(`finished: ${text}`);
    if (!/checked 2 drafts/.test(text)) throw new Error(`finished with "${text}"`);
    await page.keyboard.press('Control+Shift+M');
    await problems.filter({ hasText: OTHER }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: saved('5-workspace.png') });
  });

  await step('"Copydesk: Restart server" starts a new worker, and the draft is checked again', async () => {
    await command('Copydesk: Restart server');
    await editor.click({ position: { x: 300, y: 40 } });
    // A change after the restart: the new worker must answer for the squiggles to move.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nCritics slammed the new timetable.\n');
    await page.waitForFunction(() => document.querySelectorAll('.editor-instance .monaco-editor .squiggly-info, .editor-instance .monaco-editor .squiggly-warning').length >= 2, null, { timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.waitForFunction(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')].filter((r) => (r.textContent ?? '').includes('slammed')).length >= 2, null, { timeout: 30_000 });
    await page.screenshot({ path: saved('6-restarted.png') });
  });
}

/** Command lines of running processes that load a file from `dir` (a Node language server would). */
function processesRunning(dir) {
  const found = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmd;
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue;
    }
    if (cmd.includes(dir) && cmd.includes('server/out/server.js')) found.push(`${pid}: ${cmd.trim()}`);
  }
  return found;
}
