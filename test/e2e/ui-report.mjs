// The writer-experience part of the ui mode (issue 8), driven like a writer would: the status bar
// counts for a draft, "Copydesk: Show article report", the report's accessibility structure (checked
// with axe-core run inside the webview's frame, and by direct assertions), a click on the copied
// paragraph's bar revealing it in the editor, and the report in the high-contrast and light themes.
// Called by run-code-server.mjs with its step(), shot() and log() helpers.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const DRAFT = 'quarry.md'; // test/e2e/fixtures/quarry.md
const COPY = { number: 5, line: 9, words: 23, original: 2 };
const SECTIONS = ['Statistics', 'Readability', 'Findings by rule', 'Paragraph map'];
const STATUS_LABEL = /^Copydesk: 1 duplicate, 2 loaded wordings, 1 unattributed claim, 0 style points; 102 words, about 1 minute to read/;
let axeSource;

export async function reportSteps({ page, step, shot, log, harness }) {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  // VS Code puts the item's accessibility label on the .statusbar-item element itself.
  const status = page.locator('.statusbar-item[aria-label^="Copydesk: "]');
  // The webview: an iframe in the workbench holding the page's own iframe.
  const report = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const saved = (name) => {
    const file = shot(name);
    log(`screenshot: ${file}`);
    return file;
  };

  await step('the status bar counts the draft by kind, with words and reading time', async () => {
    await page.keyboard.press('Control+P');
    const quickOpen = page.locator('.quick-input-widget');
    await quickOpen.locator('input').fill(DRAFT);
    await quickOpen.locator('.monaco-list-row', { hasText: DRAFT }).first().waitFor();
    await page.keyboard.press('Enter');
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      (pattern) => new RegExp(pattern).test(document.querySelector('.statusbar-item[aria-label^="Copydesk: "]')?.getAttribute('aria-label') ?? ''),
      STATUS_LABEL.source,
      { timeout: 20_000 },
    ).catch(async () => {
      throw new Error(`status bar item label is ${JSON.stringify(await status.first().getAttribute('aria-label', { timeout: 1_000 }).catch(() => null))}`);
    });
    const text = (await status.first().innerText()).replace(/\s+/g, ' ').trim();
    if (!/1 · 2 · 1 · 0 · 102 words · 1 min/.test(text)) throw new Error(`status bar text is "${text}"`);
    if ((await status.first().locator('.codicon-copy, .codicon-flame, .codicon-quote, .codicon-pencil').count()) !== 4) throw new Error('the four kind icons are missing');
    await status.first().hover();
    await page.locator('.monaco-hover', { hasText: 'words that characterise instead of report' }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: saved('ui-5-status-bar.png') });
    await page.mouse.move(640, 300);
  });

  await step('"Copydesk: Show article report" opens the report beside the draft', async () => {
    await page.keyboard.press('Escape');
    await editor.click({ position: { x: 300, y: 60 } });
    await page.keyboard.press('Control+Shift+P');
    const palette = page.locator('.quick-input-widget');
    await palette.locator('input').fill('>Copydesk: Show article report');
    await palette.locator('.monaco-list-row', { hasText: 'Show article report' }).first().waitFor();
    await page.keyboard.press('Enter');
    await report.locator('h1', { hasText: `Article report: ${DRAFT}` }).waitFor({ timeout: 20_000 });
    await report.locator('.map button.bar').first().waitFor();
    const bars = await report.locator('.map button.bar').count();
    if (bars !== 6) throw new Error(`expected 6 paragraph bars (headline + 5 paragraphs), found ${bars}`);
    await page.screenshot({ path: saved('ui-6-report.png') });
  });

  await step('the report is accessible: one h1, an h2 per section, named buttons, table headers; axe-core finds nothing', async () => {
    const frame = await (await report.locator('body').elementHandle()).ownerFrame();
    const structure = await frame.evaluate(() => ({
      h1: [...document.querySelectorAll('h1')].map((h) => h.textContent),
      h2: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      sectionsLabelled: [...document.querySelectorAll('section')].every((s) => document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.tagName === 'H2'),
      unnamedButtons: [...document.querySelectorAll('button')].filter((b) => !(b.getAttribute('aria-label') ?? b.textContent ?? '').trim()).length,
      tables: [...document.querySelectorAll('table')].map((t) => ({
        colHeaders: t.querySelectorAll('thead th[scope="col"]').length,
        rows: t.querySelectorAll('tbody tr').length,
        rowHeaders: t.querySelectorAll('tbody th[scope="row"]').length,
      })),
      bodyClass: document.body.className,
      lang: document.documentElement.lang,
    }));
    const problems = [];
    if (structure.h1.length !== 1) problems.push(`h1: ${JSON.stringify(structure.h1)}`);
    if (JSON.stringify(structure.h2) !== JSON.stringify(SECTIONS)) problems.push(`h2: ${JSON.stringify(structure.h2)}`);
    if (!structure.sectionsLabelled) problems.push('a section is not labelled by its h2');
    if (structure.unnamedButtons) problems.push(`${structure.unnamedButtons} button(s) without a name`);
    if (structure.tables.length !== 2 || structure.tables.some((t) => t.colHeaders < 2 || t.rows === 0 || t.rowHeaders !== t.rows)) problems.push(`tables: ${JSON.stringify(structure.tables)}`);
    // code-server starts in its default light theme; the dark and high-contrast themes come below.
    if (!/\bvscode-(light|dark)\b/.test(structure.bodyClass)) problems.push(`body class: ${structure.bodyClass}`);
    if (structure.lang !== 'en') problems.push(`lang: ${structure.lang}`);
    // The accessible name as the browser computes it, not just the attribute.
    const copyName = `Paragraph ${COPY.number}, ${COPY.words} words, copy of paragraph ${COPY.original}`;
    if ((await report.getByRole('button', { name: copyName, exact: true }).count()) !== 1) problems.push(`no button named "${copyName}"`);
    if ((await report.getByRole('heading', { level: 1 }).count()) !== 1) problems.push('role=heading level 1 is not exactly one');
    if (problems.length) throw new Error(problems.join('; '));

    // axe-core, run in the webview's own frame. The page's policy allows only its nonce'd script, so
    // axe is evaluated through the DevTools protocol (Playwright's evaluate), which the policy does
    // not govern: no script tag is added to the page and nothing is fetched.
    await injectAxe(frame, harness);
    const axe = await frame.evaluate(async () => {
      const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
      return { version: globalThis.axe.version, violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`) };
    });
    log(`axe-core ${axe.version} in the report webview: ${axe.violations.length} violation(s)`);
    if (axe.violations.length) throw new Error(`axe-core: ${axe.violations.join('\n')}`);
  });

  await step('choosing the copied paragraph\'s bar reveals it in the editor, selected from its first line', async () => {
    await report.getByRole('button', { name: `Paragraph ${COPY.number}, ${COPY.words} words, copy of paragraph ${COPY.original}`, exact: true }).click();
    const selection = page.locator('.statusbar-item#status\\.editor\\.selection');
    await page.waitForFunction(
      (line) => new RegExp(`^Ln ${line}, Col 1\\b`).test(document.querySelector('#status\\.editor\\.selection')?.textContent?.trim() ?? ''),
      COPY.line,
      { timeout: 10_000 },
    ).catch(async () => {
      throw new Error(`cursor position is "${await selection.innerText().catch(() => '?')}", expected Ln ${COPY.line}, Col 1`);
    });
    const text = (await selection.innerText()).trim();
    if (!/selected/.test(text)) throw new Error(`the paragraph is not selected: "${text}"`);
    if ((await editor.locator('.selected-text').count()) === 0) throw new Error('no selection is drawn in the editor');
    await page.screenshot({ path: saved('ui-7-revealed.png') });
  });

  for (const [theme, bodyClass, name] of [
    ['Dark High Contrast', 'vscode-high-contrast', 'ui-8-report-high-contrast.png'],
    ['Light High Contrast', 'vscode-high-contrast-light', 'ui-9-report-high-contrast-light.png'],
    ['Dark Modern', 'vscode-dark', 'ui-10-report-dark.png'],
  ]) {
    await step(`the report in "${theme}": theme colours, still no axe-core violation`, async () => {
      // The theme picker, as a writer opens it (Ctrl+K Ctrl+T).
      await editor.click({ position: { x: 300, y: 60 } });
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+T');
      const palette = page.locator('.quick-input-widget');
      // The list scrolls to the current theme: wait for the picker's own placeholder, not a row.
      await palette.locator('input[placeholder^="Select Color Theme"]').waitFor();
      await palette.locator('input').fill(theme);
      await palette.locator('.monaco-list-row.focused', { hasText: theme }).first().waitFor();
      await page.keyboard.press('Enter');
      await palette.waitFor({ state: 'hidden' });
      let frame = await (await report.locator('body').elementHandle()).ownerFrame();
      await frame.waitForFunction((cls) => document.body.classList.contains(cls), bodyClass, { timeout: 15_000 });
      frame = await (await report.locator('body').elementHandle()).ownerFrame();
      await injectAxe(frame, harness);
      const violations = await frame.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`));
      await page.screenshot({ path: saved(name) });
      if (violations.length) throw new Error(`axe-core: ${violations.join('\n')}`);
    });
  }

  await step('the walkthrough "Get started with Copydesk" opens a sample draft, which Copydesk checks', async () => {
    await page.keyboard.press('Control+Shift+P');
    const palette = page.locator('.quick-input-widget');
    await palette.locator('input').fill('>Open Walkthrough');
    await palette.locator('.monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
    await page.keyboard.press('Enter');
    await palette.locator('input').fill('Copydesk');
    await palette.locator('.monaco-list-row.focused', { hasText: 'Get started with Copydesk' }).waitFor();
    await page.keyboard.press('Enter');
    const steps = page.locator('.getting-started-step .step-title');
    await steps.filter({ hasText: 'Open a draft' }).first().waitFor({ timeout: 15_000 });
    const titles = (await steps.allInnerTexts()).map((t) => t.trim());
    const expected = ['Open a draft', 'See the findings', 'Fix a duplicate', 'Open the article report', 'Set your house style'];
    if (JSON.stringify(titles) !== JSON.stringify(expected)) throw new Error(`walkthrough steps: ${JSON.stringify(titles)}`);
    await page.screenshot({ path: saved('ui-11-walkthrough.png') });
    await page.getByRole('button', { name: 'Open a sample draft', exact: true }).filter({ visible: true }).first().click();
    // An untitled editor is named after its first line.
    await page.locator('.tab', { hasText: 'Riverside Market Hall' }).first().waitFor({ timeout: 10_000 });
    await page.waitForFunction(
      () => /^Copydesk: 1 duplicate, 3 loaded wordings, 2 unattributed claims, 0 style points;/.test(document.querySelector('.statusbar-item[aria-label^="Copydesk: "]')?.getAttribute('aria-label') ?? ''),
      undefined,
      { timeout: 20_000 },
    ).catch(async () => {
      throw new Error(`status bar for the sample draft: ${JSON.stringify(await status.first().getAttribute('aria-label', { timeout: 1_000 }).catch(() => null))}`);
    });
    await page.screenshot({ path: saved('ui-12-sample-draft.png') });
  });
}

/** axe-core into the frame, once (a theme change restyles the page; it does not reload it, but be sure). */
async function injectAxe(frame, harness) {
  axeSource ??= fs.readFileSync(createRequire(path.join(harness, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');
  if (await frame.evaluate(() => typeof globalThis.axe === 'undefined')) await frame.evaluate(axeSource);
}
