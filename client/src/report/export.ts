/**
 * @file "Copydesk: Export article report": the report as Markdown, written where the writer chooses
 * (or to the URI a caller passes, so tests and other extensions need no dialog).
 */
import * as vscode from 'vscode';
import { fetchCurrentReport, type GetClient } from './fetch';
import { NOT_CHECKED } from './protocol';

export async function exportReport(getClient: GetClient, draft: vscode.TextDocument, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const result = await fetchCurrentReport(getClient, draft, { detail: 'summary', markdown: true });
  if (!result) return void vscode.window.showWarningMessage('Copydesk: the report could not be made (the server is not running, or the draft kept changing). Try again.');
  if (result.kind === 'notChecked') return void vscode.window.showInformationMessage(`Copydesk does not check this draft: ${NOT_CHECKED[result.reason]}`);
  if (!result.markdown) throw new Error('the server sent no Markdown');
  const defaultUri = defaultTarget(draft, result.title);
  const destination = target ?? (await vscode.window.showSaveDialog({ ...(defaultUri ? { defaultUri } : {}), filters: { Markdown: ['md'] }, saveLabel: 'Export report', title: 'Export article report' }));
  if (!destination) return undefined;
  // Never write the report over a draft that is open (a caller passing the draft's own URI by mistake).
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === destination.toString())) {
    return void vscode.window.showWarningMessage(`Copydesk: ${destination.fsPath} is open in the editor; the report was not written over it.`);
  }
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(result.markdown));
  void vscode.window.showInformationMessage(`Copydesk: report saved to ${destination.scheme === 'file' ? destination.fsPath : destination.toString()}.`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.window.showTextDocument(destination);
  });
  return destination;
}

/** "harbour-vote.report.md" next to the draft, or in the first workspace folder for an untitled one. */
function defaultTarget(draft: vscode.TextDocument, title: string): vscode.Uri | undefined {
  const name = `${title.replace(/\.[^.]+$/u, '')}.report.md`;
  if (draft.uri.scheme === 'file') return vscode.Uri.joinPath(draft.uri, '..', name);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
}
