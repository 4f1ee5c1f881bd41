/**
 * @file The status bar item for the active draft: findings by kind, words and reading time, from
 * the server's report summary (the same counting as the report), refreshed when the draft's
 * diagnostics change or another draft becomes active. A click opens the article report.
 */
import * as vscode from 'vscode';
import { checkedAsYouType, isDraft } from './drafts';
import { fetchReport, type GetClient } from './report/fetch';
import { FINDING_KINDS, KIND_LABELS, NOT_CHECKED, WORDS_PER_MINUTE, kindCount, type ArticleReportResult } from './report/protocol';
import { Refresher } from './report/refresher';

export class DraftStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('copydesk.article', vscode.StatusBarAlignment.Left, -100);
  private readonly refresher: Refresher;
  private readonly subscriptions: vscode.Disposable[];
  /** The draft shown; kept while a webview (the report itself) has the focus and no text editor is active. */
  private draft: vscode.TextDocument | undefined;

  constructor(getClient: GetClient, log: vscode.LogOutputChannel) {
    this.item.name = 'Copydesk article';
    this.item.command = 'copydesk.showReport';
    this.refresher = new Refresher(() => this.update(getClient), 250, (error) => log.warn(`Status bar: ${String(error)}`));
    const isShown = (uri: vscode.Uri): boolean => this.draft?.uri.toString() === uri.toString();
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresher.schedule(0)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresher.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.some(isShown) && this.refresher.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => isShown(e.document.uri) && e.contentChanges.length > 0 && checkedAsYouType(e.document) && this.refresher.schedule(600)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('copydesk') && this.refresher.schedule()),
    ];
    this.refresher.schedule(0);
  }

  private async update(getClient: GetClient): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    if (active) this.draft = isDraft(active) ? active : undefined;
    else if (this.draft && !vscode.window.visibleTextEditors.some((e) => e.document === this.draft)) this.draft = undefined;
    const doc = this.draft;
    if (!doc) return this.item.hide();
    const result = await fetchReport(getClient, doc, { detail: 'summary' });
    // Undefined: the server is starting or the draft moved on; the next change brings a fresh one.
    if (!result || this.draft !== doc || result.version !== doc.version) return;
    this.render(result);
  }

  private render(result: ArticleReportResult): void {
    const item = this.item;
    if (result.kind === 'notChecked') {
      if (result.reason === 'disabled' || result.reason === 'language' || result.reason === 'configuration') return item.hide();
      item.text = '$(circle-slash) Copydesk';
      item.tooltip = `Copydesk does not check this draft: ${NOT_CHECKED[result.reason]}`;
      item.accessibilityInformation = { label: item.tooltip, role: 'button' };
      item.backgroundColor = undefined;
      return item.show();
    }
    const { report, title } = result;
    const counts = FINDING_KINDS.map((k) => `$(${KIND_LABELS[k].icon}) ${report.counts[k]}`);
    const minutes = `${report.readingMinutes} min`;
    item.text = [...counts, `${report.words} ${report.words === 1 ? 'word' : 'words'}`, minutes].join(' · ');
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Copydesk** · ${escapeMarkdown(title)}\n\n`);
    for (const k of FINDING_KINDS) tooltip.appendMarkdown(`$(${KIND_LABELS[k].icon}) ${kindCount(k, report.counts[k])}: ${KIND_LABELS[k].about}\n\n`);
    tooltip.appendMarkdown(`${report.words} words · about ${minutes} to read (${WORDS_PER_MINUTE} words a minute)\n\n`);
    tooltip.appendMarkdown(`Hints${report.hints ? ` (${report.hints})` : ''} are not counted, as in the Problems panel. Click for the article report.`);
    item.tooltip = tooltip;
    item.accessibilityInformation = {
      label: `Copydesk: ${FINDING_KINDS.map((k) => kindCount(k, report.counts[k])).join(', ')}; ${report.words} words, about ${report.readingMinutes} ${report.readingMinutes === 1 ? 'minute' : 'minutes'} to read. Open the article report.`,
      role: 'button',
    };
    // Copy repeated inside the draft is the one thing a desk never lets through: it stands out. A
    // paragraph shared with another article may be deliberate background, so it is counted only.
    const repeatedHere = report.rules.some((r) => r.kind === 'duplicate' && r.id !== 'reused-paragraph' && r.count > 0);
    item.backgroundColor = repeatedHere ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  }

  dispose(): void {
    this.refresher.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, (c) => `\\${c}`);
}
