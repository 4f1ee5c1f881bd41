/**
 * @file Tells the server which lines of each draft are on screen. VS Code shows at most 1,000
 * diagnostics per file, so for a long draft the server chooses which findings to send, and the
 * lines the writer is reading come first. Sent when scrolling settles, not per scrolled line.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { isDraft } from './drafts';

/** Kept in step with VISIBLE_RANGES in server/src/lsp/session.ts. */
const VISIBLE_RANGES = 'copydesk/visibleRanges';
const SETTLE_MS = 200;

export class VisibleRanges implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: () => BaseLanguageClient | undefined) {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => this.schedule(textEditor.document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.schedule(e.document))),
    ];
  }

  /** Every visible draft at once: after the server (re)starts it knows nothing of the screen. */
  sendAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.send(editor.document);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isDraft(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.send(doc);
      }, SETTLE_MS),
    );
  }

  private send(doc: vscode.TextDocument): void {
    const client = this.client();
    if (!client?.isRunning() || !isDraft(doc) || doc.isClosed) return;
    // A draft shown in two editors (split view) is on screen in both places.
    const ranges = vscode.window.visibleTextEditors
      .filter((e) => e.document === doc)
      .flatMap((e) => e.visibleRanges.map((r) => ({ start: { line: r.start.line, character: 0 }, end: { line: r.end.line, character: 0 } })));
    void client.sendNotification(VISIBLE_RANGES, { uri: doc.uri.toString(), ranges }).catch(() => undefined);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.subscriptions.forEach((s) => s.dispose());
  }
}
