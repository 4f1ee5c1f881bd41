/**
 * @file Which documents are drafts Copydesk checks (the languages in copydesk.languages, on disk,
 * untitled, or in the workspace's own file system on the web), and the `copydesk.draftActive`
 * context key that shows draft commands in the palette.
 */
import * as vscode from 'vscode';

export const DRAFT_ACTIVE_KEY = 'copydesk.draftActive';

/**
 * Where drafts live: on disk, untitled, and in the workspace folders' own schemes (vscode.dev's
 * `vscode-vfs:` and the like). Not `git:`, `output:` or a diff's other side.
 */
export function draftSchemes(): string[] {
  return [...new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])];
}

export function isDraft(doc: vscode.TextDocument): boolean {
  if (!draftSchemes().includes(doc.uri.scheme)) return false;
  return vscode.workspace.getConfiguration('copydesk').get<string[]>('languages', ['markdown', 'plaintext']).includes(doc.languageId);
}

/** The active editor when it shows a draft. */
export function activeDraftEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && isDraft(editor.document) ? editor : undefined;
}

/** Keeps the context key in step with the active editor (a focused webview has none: the key goes false). */
export function trackActiveDraft(): vscode.Disposable {
  const update = (): void => void vscode.commands.executeCommand('setContext', DRAFT_ACTIVE_KEY, Boolean(activeDraftEditor()));
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    // Changing a draft's language mode, or copydesk.languages, changes whether it is a draft.
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('copydesk.languages') && update()),
  );
}

/** Above copydesk.checkAsYouTypeMaxSize a draft is not checked per keystroke, so nothing should re-ask per keystroke either. */
export function checkedAsYouType(doc: vscode.TextDocument): boolean {
  // A window-scoped setting: asking with a resource only earns a warning in the extension host log.
  const max = vscode.workspace.getConfiguration('copydesk').get<number>('checkAsYouTypeMaxSize', 2_000_000);
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) <= max;
}
