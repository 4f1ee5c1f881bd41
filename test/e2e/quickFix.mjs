/**
 * @file The Ctrl+. steps shared by the desktop (run-code-server.mjs) and web (test/web/code-server.mjs)
 * runs: go to a line, open the quick-fix menu until it offers a title, then focus that row.
 */

/** Goes to `line` and opens the Ctrl+. menu until a row titled `title` shows. */
export async function openQuickFixMenu(page, line, title) {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  const menuRow = page.locator('.action-widget .monaco-list-row', { hasText: title });
  // Code actions can lag the squiggle (marker service race): retry until the row shows.
  for (let attempt = 1; ; attempt++) {
    await page.locator('.lightBulbWidget').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
    await page.keyboard.press('Control+.');
    try {
      await menuRow.first().waitFor({ timeout: 3_000 });
      return;
    } catch {
      if (attempt === 5) throw new Error(`Ctrl+. never offered "${title}"`);
      await page.keyboard.press('Escape');
    }
  }
}

/** Moves the open menu's focus to the row titled `title` (its pointer block swallows clicks). */
export async function focusMenuRow(page, title) {
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  for (let i = 0; !((await focused.textContent()) ?? '').includes(title); i++) {
    if (i === 10) throw new Error(`could not focus "${title}" in the Ctrl+. menu`);
    await page.keyboard.press('ArrowDown');
  }
}
