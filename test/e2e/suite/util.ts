import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const EXTENSION_ID = 'copydesk.copydesk';
export const TIMEOUT_MS = 15_000;

/** The temp workspace the runner filled with a fresh copy of test/e2e/fixtures. */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open: the runner must open the fixtures copy');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * For suites after the activation test: a failed activation rethrows at once here,
 * instead of every test waiting out its diagnostics timeout.
 */
export async function ensureActive(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  await ext.activate();
}

export function expectedText(name: string): string {
  return fs.readFileSync(path.join(fixtureUri('expected').fsPath, name), 'utf8');
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  // Shown, not just opened: a pull-diagnostics client only asks for visible documents.
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function duplicateParagraphs(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'copydesk' && codeValue(d) === 'duplicate-paragraph')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

export function codeValue(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Resolves once `check()` holds, re-checked on every diagnostics change for `uri`. */
export function waitForDiagnostics<T>(
  uri: vscode.Uri,
  check: () => T | undefined,
  what: string,
  timeoutMs = TIMEOUT_MS,
): Promise<T> {
  return new Promise((resolve, reject) => {
    // Subscribe before the first look so no change slips between the two.
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) attempt();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}/${codeValue(d)}@${d.range.start.line}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${path.basename(uri.fsPath)}; diagnostics now: [${seen.join(', ')}]`));
    }, timeoutMs);
    function attempt(): void {
      const value = check();
      if (value !== undefined) {
        clearTimeout(timer);
        sub.dispose();
        resolve(value);
      }
    }
    attempt();
  });
}

/** Waits until at least `count` duplicate-paragraph findings are published for `uri`. */
export function waitForDuplicates(uri: vscode.Uri, count = 1): Promise<[vscode.Diagnostic, ...vscode.Diagnostic[]]> {
  return waitForDiagnostics(
    uri,
    () => {
      const found = duplicateParagraphs(uri);
      return found.length >= Math.max(count, 1) ? (found as [vscode.Diagnostic, ...vscode.Diagnostic[]]) : undefined;
    },
    `${count} duplicate-paragraph finding(s)`,
  );
}

export function waitForText(doc: vscode.TextDocument, expected: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) attempt();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the text of ${path.basename(doc.uri.fsPath)}; it is now:\n${doc.getText()}`));
    }, timeoutMs);
    function attempt(): void {
      if (doc.getText() === expected) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    }
    attempt();
  });
}

/**
 * Code actions can come back empty just after diagnostics arrive (the workbench's
 * marker service lags the extension host), so ask again until one matches.
 */
export async function pollCodeAction(
  uri: vscode.Uri,
  range: vscode.Range,
  match: (a: vscode.CodeAction) => boolean,
  kind?: string,
  timeoutMs = TIMEOUT_MS,
): Promise<vscode.CodeAction> {
  const deadline = Date.now() + timeoutMs;
  let titles: string[] = [];
  for (;;) {
    const actions =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        // The last argument resolves lazily computed edits (codeAction/resolve).
        'vscode.executeCodeActionProvider', uri, range, kind, 20,
      )) ?? [];
    // A bare Command has a string `command`; a CodeAction has an object or none.
    const codeActions = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
    const found = codeActions.find(match);
    if (found) return found;
    titles = actions.map((a) => a.title);
    if (Date.now() > deadline) {
      throw new Error(`no matching code action after ${timeoutMs} ms; offered: [${titles.join(' | ')}]`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Applies a code action the way the lightbulb does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`workspace.applyEdit refused the edit of "${action.title}"`);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}

/** Reverts and closes everything so a dirty editor never blocks shutdown with a save prompt. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && !doc.isUntitled) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
