// The workspace part of the ui mode (issue 8), as a writer runs it: "Copydesk: Check all drafts in
// workspace" over 500 drafts generated into the temp workspace (never committed) shows its progress
// in a notification and fills the Problems panel with drafts that are not open; a second run is
// stopped with the notification's Cancel button part way, keeps what it did and shows no error.
// Called by run-code-server.mjs with its step(), shot() and log() helpers; the generator is the
// suite's (test/e2e/suite/drafts.ts, compiled by run.sh before either mode runs).
import path from 'node:path';
import { createRequire } from 'node:module';

const COUNT = 500;
const COMMAND = 'Copydesk: Check all drafts in workspace';

export async function workspaceSteps({ page, step, shot, log, workspace }) {
  const { generateDrafts } = createRequire(import.meta.url)('./out/suite/drafts.js');
  const toasts = page.locator('.notifications-toasts .notification-toast');
  const toastText = () => page.evaluate(() => [...document.querySelectorAll('.notifications-toasts .notification-toast')].map((t) => t.textContent ?? '').join('\n'));
  const saved = (name) => {
    const file = shot(name);
    log(`screenshot: ${file}`);
    return file;
  };
  const run = async () => {
    await page.keyboard.press('Control+Shift+P');
    const palette = page.locator('.quick-input-widget');
    await palette.locator('input').fill(`>${COMMAND}`);
    await palette.locator('.monaco-list-row', { hasText: 'Check all drafts in workspace' }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  /** Resolves once the progress notification has counted at least `n` drafts; returns [done, total]. */
  const progressAt = async (n, timeout) => {
    const handle = await page.waitForFunction(
      (at) => {
        const text = [...document.querySelectorAll('.notifications-toasts .notification-toast')].map((t) => t.textContent ?? '').join('\n');
        const m = /Checking (\d+) of (\d+) drafts/.exec(text);
        return m && Number(m[1]) >= at ? [Number(m[1]), Number(m[2])] : null;
      },
      n,
      { timeout, polling: 50 },
    );
    return handle.jsonValue();
  };

  await step(`"${COMMAND}" over ${COUNT} drafts counts up in a notification and fills the Problems panel`, async () => {
    generateDrafts(path.join(workspace, 'generated'), COUNT);
    await page.keyboard.press('Escape');
    await run();
    const [, total] = await progressAt(1, 60_000);
    if (total < COUNT) throw new Error(`the notification counts ${total} drafts, expected at least ${COUNT}`);
    await page.screenshot({ path: saved('ui-13-check-progress.png') });
    const done = toasts.filter({ hasText: /Copydesk: checked \d+ drafts/ });
    await done.first().waitFor({ timeout: 180_000 });
    const text = await done.first().innerText();
    log(`finished: ${text.replace(/\s+/g, ' ').trim()}`);
    if (!text.includes(`checked ${total} drafts`)) throw new Error(`finished with "${text}"`);
    await page.keyboard.press('Control+Shift+M');
    // Over a thousand problems: the panel's own filter narrows it to the generated drafts, none of them open.
    await page.getByPlaceholder(/^Filter \(e\.g\./).first().fill('generated/**');
    await page.locator('.markers-panel .monaco-list-row', { hasText: /draft-\d{3}\.md/ }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: saved('ui-14-check-problems.png') });
  });

  await step('a second run, cancelled from the notification, stops part way without an error', async () => {
    // Clear the finished run's message so only this run's notifications are read.
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').fill('>Notifications: Clear All Notifications');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Clear All Notifications' }).first().waitFor();
    await page.keyboard.press('Enter');
    await run();
    const [at, total] = await progressAt(20, 60_000);
    const progress = toasts.filter({ hasText: /Checking \d+ of \d+ drafts/ }).first();
    // The notification is redrawn at every batch: no waiting for it to hold still, as a person would not.
    await progress.getByRole('button', { name: 'Cancel' }).click({ force: true });
    const clicked = Date.now();
    const stopped = toasts.filter({ hasText: /stopped after \d+ of \d+ drafts/ });
    await stopped.first().waitFor({ timeout: 15_000 });
    const ms = Date.now() - clicked;
    const [, done, of] = /stopped after (\d+) of (\d+) drafts/.exec(await stopped.first().innerText()).map(Number);
    log(`Cancel pressed once the notification showed ${at} of ${total}; stopped after ${done} of ${of}, told ${ms} ms after the click`);
    if (!(done >= at && done < of)) throw new Error(`stopped after ${done} of ${of} (Cancel was pressed at ${at})`);
    // Promptly: the run ends within the batch in flight (ten drafts), not at the end of the list.
    if (ms > 3_000) throw new Error(`the run ended ${ms} ms after Cancel`);
    const all = await toastText();
    if (/failed|error/i.test(all)) throw new Error(`an error was shown: ${all}`);
    // What it checked before stopping stays in the Problems panel.
    await page.locator('.markers-panel .monaco-list-row', { hasText: /draft-\d{3}\.md/ }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: saved('ui-15-check-cancelled.png') });
  });
}
