/**
 * @file The writer's commands and views around the checks (issue 8): the status bar item, the
 * article report and its export, "Fix all safe problems", and the sample draft the walkthrough
 * opens. extension.ts calls this once; the language client may be replaced on a restart, so it
 * is always fetched through `getClient`.
 */
import * as vscode from 'vscode';
import { activeDraftEditor, isDraft, trackActiveDraft } from './drafts';
import { exportReport } from './report/export';
import type { GetClient } from './report/fetch';
import { ReportPanel } from './report/panel';
import { SAMPLE_DRAFT } from './sampleDraft';
import { DraftStatusBar } from './statusBar';

/** Kept in step with FIX_ALL_KIND in server/src/lsp/capabilities.ts. */
const FIX_ALL_KIND = 'source.fixAll.copydesk';

export function registerWriterFeatures(context: vscode.ExtensionContext, getClient: GetClient, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    trackActiveDraft(),
    new DraftStatusBar(getClient, log),
    vscode.commands.registerCommand('copydesk.showReport', async (draft?: unknown) => {
      const doc = await draftFor(draft);
      if (!doc) return void vscode.window.showInformationMessage('Copydesk: open a draft (Markdown or plain text) to see its report.');
      ReportPanel.show(context.extensionUri, getClient, log, doc);
    }),
    // Arguments, both optional: where to write (no save dialog then), and which draft.
    vscode.commands.registerCommand('copydesk.exportReport', async (target?: unknown, draft?: unknown) => {
      const doc = await draftFor(draft ?? ReportPanel.draft);
      if (!doc) return void vscode.window.showInformationMessage('Copydesk: open a draft to export its report.');
      return exportReport(getClient, doc, target instanceof vscode.Uri ? target : undefined);
    }),
    vscode.commands.registerCommand('copydesk.fixAll', () => fixAllSafe()),
    vscode.commands.registerCommand('copydesk.openSampleDraft', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: SAMPLE_DRAFT });
      await vscode.window.showTextDocument(doc);
    }),
  ];
}

/** The draft a command is about: the one passed, else the active one, else the report's. */
async function draftFor(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) {
    const doc = await vscode.workspace.openTextDocument(arg);
    return isDraft(doc) ? doc : undefined;
  }
  const active = activeDraftEditor()?.document;
  if (active) return active;
  const reported = ReportPanel.draft;
  return reported ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === reported.toString()) : undefined;
}

/** The server's fix-all code action (what save runs with codeActionsOnSave), applied as its one versioned edit. */
async function fixAllSafe(): Promise<void> {
  const editor = activeDraftEditor();
  if (!editor) return void vscode.window.showInformationMessage('Copydesk: open a draft first.');
  const doc = editor.document;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND)) ?? [];
  const fix = actions.find((a): a is vscode.CodeAction => 'kind' in a && a.kind?.value === FIX_ALL_KIND);
  if (!fix?.edit) return void vscode.window.showInformationMessage('Copydesk: nothing in this draft can be fixed safely; the rest is the writer’s choice (Ctrl+. on a finding).');
  // The edit names the version it was made for: if the writer typed meanwhile, the editor refuses it.
  if (!(await vscode.workspace.applyEdit(fix.edit))) void vscode.window.showWarningMessage('Copydesk: the draft changed while fixing; nothing was changed. Try again.');
}
