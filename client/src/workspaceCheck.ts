/**
 * @file The workspace-wide commands: "Copydesk: Check all drafts in workspace" and "Open the other
 * article" (reused-paragraph's quick action). The server lists and lints the drafts
 * (server/src/lsp/workspaceCheck.ts); this file asks a batch at a time behind a cancellable
 * progress notification and puts the problems of drafts that are not open in a diagnostic
 * collection of its own. An open draft's problems come from the language client as you type, so
 * its entry here is dropped when it opens, a draft that is edited, changed on disk or deleted
 * loses results that no longer describe it, and a settings change checks the run's drafts again.
 */
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError } from 'vscode-languageclient';
import type { GetClient } from './report/fetch';

/** Kept in step with server/src/lsp/workspaceCheck.ts (the client cannot import server code). */
const WORKSPACE_DRAFTS = 'copydesk/workspaceDrafts';
const CHECK_DRAFTS = 'copydesk/checkDrafts';
interface WireDiagnostic {
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly message: string;
  /** LSP DiagnosticSeverity: 4 is a hint. */
  readonly severity?: number;
}
/** Hints are listed nowhere in the Problems panel, so they are not counted as problems either. */
const HINT = 4;
interface WorkspaceDraftsResult {
  readonly uris: readonly string[];
  readonly capped: boolean;
}
interface CheckDraftsResult {
  readonly drafts: readonly { readonly uri: string; readonly diagnostics: readonly WireDiagnostic[] }[];
}

/** Drafts per request: small enough that Cancel stops within a fraction of a second. */
const BATCH = 10;

/** What the command resolves to (for scripts and tests). */
export interface CheckSummary {
  /** Drafts in the workspace. */
  readonly total: number;
  /** Drafts checked before the run ended (open ones count: they are checked as you type). */
  readonly checked: number;
  readonly cancelled: boolean;
  /** Problems (hints left out, as in the Problems panel) found in drafts that are not open, and how many of those drafts have any. */
  readonly problems: number;
  readonly draftsWithProblems: number;
}

export function registerWorkspaceFeatures(getClient: GetClient): vscode.Disposable[] {
  const results = vscode.languages.createDiagnosticCollection('copydesk-workspace');
  /** The drafts of the last run, so one closed again gets its problems back. */
  let lastRun = new Set<string>();
  let running: Thenable<CheckSummary | undefined> | undefined;
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', true, false, false);
  const recheck = new Rechecker(getClient, results);

  const checkAll = (): Thenable<CheckSummary | undefined> => {
    const client = getClient();
    if (!client?.isRunning()) {
      void vscode.window.showInformationMessage('Copydesk: the server is not running; try "Copydesk: Restart server".');
      return Promise.resolve(undefined);
    }
    running ??= vscode.window
      .withProgress({ location: vscode.ProgressLocation.Notification, title: 'Copydesk', cancellable: true }, async (progress, token) => {
        progress.report({ message: 'Finding drafts…' });
        const listing = await ask<WorkspaceDraftsResult>(getClient, WORKSPACE_DRAFTS, {}, token);
        if (!listing) return { total: 0, checked: 0, cancelled: true, problems: 0, draftsWithProblems: 0 };
        const uris = listing.uris.map((u) => client.protocol2CodeConverter.asUri(u));
        results.clear();
        lastRun = new Set(uris.map((u) => u.toString()));
        let checked = 0;
        let problems = 0;
        let draftsWithProblems = 0;
        const step = (n: number): void => {
          checked += n;
          progress.report({ increment: (100 * n) / Math.max(uris.length, 1), message: `Checking ${checked} of ${uris.length} drafts` });
        };
        step(0);
        for (let i = 0; i < uris.length && !token.isCancellationRequested; ) {
          const batch: vscode.Uri[] = [];
          for (; i < uris.length && batch.length < BATCH; i++) {
            if (isOpen(uris[i]!)) step(1);
            else batch.push(uris[i]!);
          }
          if (!batch.length) continue;
          const answer = await ask<CheckDraftsResult>(getClient, CHECK_DRAFTS, { uris: batch.map((u) => client.code2ProtocolConverter.asUri(u)) }, token);
          // A cancelled batch still brings what it checked before it stopped.
          for (const draft of answer?.drafts ?? []) {
            const uri = client.protocol2CodeConverter.asUri(draft.uri);
            if (!isOpen(uri)) results.set(uri, await client.protocol2CodeConverter.asDiagnostics(draft.diagnostics as never));
            const counted = draft.diagnostics.filter((d) => d.severity !== HINT).length;
            problems += counted;
            if (counted) draftsWithProblems++;
          }
          step(answer?.drafts.length ?? 0);
        }
        const cancelled = token.isCancellationRequested || checked < uris.length;
        const capped = listing.capped ? ' (only the first ones: see copydesk.workspace.maxFiles)' : '';
        void vscode.window.showInformationMessage(
          cancelled
            ? `Copydesk: stopped after ${checked} of ${uris.length} drafts; their problems are in the Problems panel.`
            : `Copydesk: checked ${uris.length} drafts${capped}: ${problems} problems in ${draftsWithProblems} drafts that are not open (open drafts are checked as you type).`,
        );
        return { total: uris.length, checked, cancelled, problems, draftsWithProblems };
      })
      .then(
        (summary) => ((running = undefined), summary),
        (error: unknown) => {
          running = undefined;
          void vscode.window.showErrorMessage(`Copydesk: checking the workspace failed: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        },
      );
    return running;
  };

  const drop = (uri: vscode.Uri): void => {
    if (results.has(uri)) results.delete(uri);
  };
  return [
    results,
    watcher,
    recheck,
    vscode.commands.registerCommand('copydesk.checkWorkspace', checkAll),
    vscode.commands.registerCommand('copydesk.openOtherArticle', openOtherArticle),
    // Open in an editor: the language client's own diagnostics take over.
    vscode.workspace.onDidOpenTextDocument((doc) => isOpen(doc.uri) && drop(doc.uri)),
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.opened) if (tab.input instanceof vscode.TabInputText && isOpen(tab.input.uri)) drop(tab.input.uri);
      // Closed again: the language client drops its diagnostics, so the draft's come from disk here.
      for (const tab of e.closed) if (tab.input instanceof vscode.TabInputText && lastRun.has(tab.input.uri.toString()) && !isOpen(tab.input.uri)) recheck.add(tab.input.uri);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && drop(e.document.uri)),
    watcher.onDidChange((uri) => results.has(uri) && !isOpen(uri) && recheck.add(uri)),
    // A deleted folder is one event: everything under it goes.
    watcher.onDidDelete((uri) => results.forEach((u) => (u.toString() === uri.toString() || u.toString().startsWith(`${uri.toString()}/`)) && results.delete(u))),
    // Results made under other settings no longer describe the drafts: they go at once, and the
    // last run's drafts are checked again under the new settings (the server has them by then: its
    // configuration notice is sent before the recheck's delay ends).
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('copydesk') && settingsChanged()),
    watcher.onDidChange((uri) => uri.path.endsWith('/.copydesk.json') && settingsChanged()),
  ];

  function settingsChanged(): void {
    results.clear();
    for (const key of lastRun) {
      const uri = vscode.Uri.parse(key);
      if (!isOpen(uri)) recheck.add(uri);
    }
  }
}

/** Whether the language client checks this draft as you type: it is open in a tab of an editor. */
function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return false;
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
}

/** A request that a cancelled token ends quietly: undefined instead of an error. */
async function ask<R>(getClient: GetClient, method: string, params: object, token: vscode.CancellationToken): Promise<R | undefined> {
  const client = getClient();
  if (!client?.isRunning() || token.isCancellationRequested) return undefined;
  try {
    return await client.sendRequest<R>(method, params, token);
  } catch (error) {
    if (token.isCancellationRequested || (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled)) return undefined;
    throw error;
  }
}

/**
 * Checks drafts again (changed on disk, closed after the run, or every draft of the run after a
 * settings change), a moment after the last change, a batch at a time, one flush at a time. A long
 * recheck shows in the status bar, not as a notification: the writer did not ask for it.
 */
class Rechecker implements vscode.Disposable {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing = false;
  private disposed = false;

  constructor(
    private readonly getClient: GetClient,
    private readonly results: vscode.DiagnosticCollection,
  ) {}

  add(uri: vscode.Uri): void {
    this.pending.add(uri.toString());
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), 300);
  }

  private async flush(): Promise<void> {
    // Drafts added while a flush runs wait for the next one, so answers never arrive out of order.
    if (this.flushing) return this.schedule();
    this.flushing = true;
    try {
      if (this.pending.size <= BATCH) await this.checkPending();
      else await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Copydesk: checking drafts again' }, () => this.checkPending());
    } finally {
      this.flushing = false;
    }
  }

  private async checkPending(): Promise<void> {
    const never = new vscode.CancellationTokenSource();
    try {
      while (this.pending.size && !this.disposed) {
        const client = this.getClient();
        if (!client?.isRunning()) return;
        const uris = [...this.pending].slice(0, BATCH);
        for (const u of uris) this.pending.delete(u);
        const answer = await ask<CheckDraftsResult>(this.getClient, CHECK_DRAFTS, { uris: uris.map((u) => client.code2ProtocolConverter.asUri(vscode.Uri.parse(u))) }, never.token).catch(() => undefined);
        for (const draft of answer?.drafts ?? []) {
          const uri = client.protocol2CodeConverter.asUri(draft.uri);
          // Changed again while this batch was checked: the next batch has its newer results.
          if (!isOpen(uri) && !this.pending.has(uri.toString())) this.results.set(uri, await client.protocol2CodeConverter.asDiagnostics(draft.diagnostics as never));
        }
      }
    } finally {
      never.dispose();
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }
}

/** reused-paragraph's quick action: the other draft, with the matching paragraph selected. */
async function openOtherArticle(uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== 'string') return;
  const r = range as WireDiagnostic['range'] | undefined;
  const selection = r?.start && r.end ? new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) : undefined;
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false, ...(selection ? { selection } : {}) });
}
