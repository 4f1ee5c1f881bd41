/**
 * @file The article report panel: one webview beside the editor that follows the active draft,
 * refreshes (debounced) as the draft changes, and takes the writer to a paragraph when its bar in
 * the paragraph map is chosen.
 */
import * as vscode from 'vscode';
import { checkedAsYouType, isDraft } from '../drafts';
import { exportReport } from './export';
import { fetchReport, type GetClient } from './fetch';
import { reportResourceRoots, reportShell } from './html';
import type { ArticleReportResult, FromWebview, ToWebview } from './protocol';
import { Refresher } from './refresher';
import { revealInDraft } from './reveal';

export const REPORT_VIEW_TYPE = 'copydesk.report';
type Report = Extract<ArticleReportResult, { kind: 'report' }>;

export class ReportPanel implements vscode.Disposable {
  private static current: ReportPanel | undefined;
  private readonly refresher: Refresher;
  private readonly subscriptions: vscode.Disposable[] = [];
  private report: Report | undefined;
  /** The last message, sent again when the webview (re)loads. */
  private lastMessage: ToWebview | undefined;

  /** Opens the report for `draft` beside it, or points the open report at it. */
  static show(extensionUri: vscode.Uri, getClient: GetClient, log: vscode.LogOutputChannel, draft: vscode.TextDocument): ReportPanel {
    const existing = ReportPanel.current;
    if (existing) {
      existing.follow(draft);
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, titleFor(draft.uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: reportResourceRoots(extensionUri),
    });
    return (ReportPanel.current = new ReportPanel(panel, extensionUri, getClient, log, draft.uri));
  }

  /** The draft of the open report, if there is one. */
  static get draft(): vscode.Uri | undefined {
    return ReportPanel.current?.target;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly getClient: GetClient,
    private readonly log: vscode.LogOutputChannel,
    private target: vscode.Uri,
  ) {
    this.refresher = new Refresher(() => this.refresh(), 400, (error) => this.fail(error));
    panel.webview.html = reportShell(panel.webview, extensionUri);
    this.setTitle();
    const isTarget = (uri: vscode.Uri): boolean => uri.toString() === this.target.toString();
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message).catch((error: unknown) => this.fail(error))),
      panel.onDidChangeViewState(() => panel.visible && this.refresher.schedule(0)),
      panel.onDidDispose(() => this.dispose()),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && isDraft(editor.document) && this.follow(editor.document)),
      vscode.workspace.onDidChangeTextDocument((e) => isTarget(e.document.uri) && e.contentChanges.length > 0 && checkedAsYouType(e.document) && this.refresher.schedule()),
      vscode.workspace.onDidSaveTextDocument((doc) => isTarget(doc.uri) && this.refresher.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.some(isTarget) && this.refresher.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('copydesk') && this.refresher.schedule()),
    );
  }

  private follow(draft: vscode.TextDocument): void {
    if (draft.uri.toString() === this.target.toString()) return;
    this.target = draft.uri;
    this.report = undefined;
    this.setTitle();
    this.refresher.schedule(0);
  }

  private setTitle(): void {
    this.panel.title = titleFor(this.target);
  }

  private async refresh(): Promise<void> {
    if (!this.panel.visible) return; // refreshed when shown again
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.target.toString());
    if (!doc) {
      if (this.report) this.post({ type: 'report', result: this.report, stale: true });
      return;
    }
    const result = await fetchReport(this.getClient, doc, { detail: 'full' });
    if (!result || result.uri !== this.getClient()?.code2ProtocolConverter.asUri(this.target)) return;
    if (result.kind === 'notChecked') return this.post({ type: 'notChecked', title: doc.uri.path.split('/').pop() ?? '', reason: result.reason });
    this.report = result;
    this.post({ type: 'report', result, stale: false });
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (this.lastMessage) void this.panel.webview.postMessage(this.lastMessage);
        return this.refresher.schedule(0);
      case 'reveal': {
        const paragraph = this.report?.report.map?.find((p) => p.number === message.paragraph);
        if (paragraph) await revealInDraft(this.target, paragraph.range);
        return;
      }
      case 'revealLongestSentence': {
        const longest = this.report?.report.sentences.longest;
        if (longest) await revealInDraft(this.target, longest.range);
        return;
      }
      case 'export': {
        const doc = await vscode.workspace.openTextDocument(this.target);
        await exportReport(this.getClient, doc);
        return;
      }
    }
  }

  private post(message: ToWebview): void {
    this.lastMessage = message;
    void this.panel.webview.postMessage(message);
  }

  private fail(error: unknown): void {
    this.log.error(`Article report: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    this.post({ type: 'error', title: this.target.path.split('/').pop() ?? '', message: `The report could not be made: ${error instanceof Error ? error.message : String(error)}` });
  }

  dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    this.refresher.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.panel.dispose();
  }
}

function titleFor(draft: vscode.Uri): string {
  return `Report: ${draft.path.split('/').pop() ?? 'draft'}`;
}
