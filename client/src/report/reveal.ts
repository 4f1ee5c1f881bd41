/**
 * @file Shows a place in a draft, in the editor group that already shows the draft (or the first),
 * with the editor focused, the place selected and the cursor at its start.
 */
import * as vscode from 'vscode';
import type { Range } from './protocol';

export async function revealInDraft(uri: vscode.Uri, range: Range): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  // The report may be a keystroke behind the draft: keep the range inside the text.
  const target = doc.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
  editor.selection = new vscode.Selection(target.end, target.start);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
