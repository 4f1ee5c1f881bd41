/**
 * @file The Copydesk language session: wires LSP requests to the engine, the same on the desktop
 * (server.ts, Node) and in a web worker (browser/server.ts). Pull diagnostics for clients that ask
 * for them (VS Code), pushed diagnostics for the rest (Neovim 0.7), incremental sync, versioned
 * code actions, the diagnostics budget. No check logic lives here; where it runs is `platform`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DraftDocument } from './draftDocument';
import {
  DidChangeConfigurationNotification,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  TextDocuments,
  DidChangeWatchedFilesNotification,
  NotificationType,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type Range,
} from 'vscode-languageserver';
import { checks, formatFor, lintText } from '../api';
import { REFRESH_COMMAND, REMOVE_DUPLICATES_COMMAND, initializeResult } from './capabilities';
import { codeActions, fixAllEdits, versionedEdit, type Relint, type SuppressionContext } from './codeActions';
import { SOURCE, toDiagnostic, type DiagnosticFeatures } from './convert';
import { chooseShown, Focus, omittedMessage } from './diagnosticBudget';
import { DiagnosticMemo } from './diagnosticMemo';
import { ReportIds } from './reportIds';
import { hoverFor } from './hover';
import { canonicalLanguageId } from './languageIds';
import { answerArticleReport, articleReportRequest } from './report';
import { FaultNotices } from './faults';
import { DocumentLinter, type Outcome } from './linter';
import type { Platform } from './platform';
import { ProjectSettings } from './project';
import { SettingsCache, type DocumentSettings } from './settings';
import { checkDrafts, checkDraftsRequest, workspaceDraftsRequest } from './workspaceCheck';
import { WorkspaceDrafts } from './workspaceDrafts';
import { yieldNow } from './yieldNow';

const PUSH_DELAY_MS = 120;

/** Sent by the VS Code client as the writer scrolls (debounced): the lines on screen per draft. */
const VISIBLE_RANGES = new NotificationType<{ uri: string; ranges: Range[] }>('copydesk/visibleRanges');
/** Sent by the VS Code client when the writer trusts the workspace (workspace trust is a client-side notion). */
const DID_GRANT_TRUST = new NotificationType<void>('copydesk/didGrantTrust');
/** The VS Code client's command behind "Turn off <rule> in settings" (clients say which commands they have). */
const TURN_OFF_COMMAND = 'copydesk.turnOffRule';
/** The VS Code client's command behind "Open the other article" (reused-paragraph): args uri, range. */
const OPEN_OTHER_COMMAND = 'copydesk.openOtherArticle';
/** Rules with an `allow` option, which "Allow '<term>' in this workspace" adds to. */
const ALLOWING = new Set(checks.filter((c) => 'allow' in (c.meta.defaultOptions as object)).map((c) => c.meta.id));

/**
 * Serves one client on `connection` until it ends; the caller calls `connection.listen()`. With
 * `answered`, the caller has already answered `initialize` with capabilities.ts's initializeResult
 * and the client has sent `initialized`: the session takes those parameters and starts at once.
 */
export function startSession(connection: Connection, platform: Platform, answered?: InitializeParams): void {
  // Other editors' names for plain text and Markdown ("text", "gfm") are read as VS Code's, once, here.
  const documents = new TextDocuments({
    create: (uri, languageId, version, content) => new DraftDocument(uri, canonicalLanguageId(languageId), version, content),
    update: (doc, changes, version) => {
      const updated = doc;
      updated.update(changes, version);
      const last = changes[changes.length - 1];
      if (last && 'range' in last) {
        const start = updated.offsetAt(last.range.start);
        focus.setEdited(doc.uri, { start, end: start + last.text.length });
      }
      return updated;
    },
  });
  /** Where the writer is in each draft, for choosing which findings a long draft shows. */
  const focus = new Focus();
  /** Drafts whose last diagnostics left findings out: a scroll there changes what they show. */
  const overBudget = new Set<string>();
  let pull = false;
  let canConfigure = false;
  let refreshSupport = false;
  let registerConfigurationChanges = false;
  let features: DiagnosticFeatures & { documentChanges: boolean; snippetEdits: boolean } = {
    codeDescription: false,
    unnecessaryTag: false,
    relatedInformation: false,
    documentChanges: false,
    snippetEdits: false,
  };

  const settings = new SettingsCache(connection, () => canConfigure);
  let registerWatchedFiles = false;
  let turnOffCommand: string | undefined;
  let openOtherCommand: string | undefined;
  let relativePatterns = false;
  let folderEvents = false;
  let canCreateFiles = false;
  let hoverMarkdown = false;
  const project = new ProjectSettings(platform.uris, platform.files, (file) => documents.all().find((d) => platform.uris.pathOf(d.uri) === file)?.getText());

  /** A draft's settings: the user's, then its project configuration. */
  async function settingsFor(uri: string) {
    const user = await settings.get(uri);
    return settled(() => project.for(uri, user));
  }

  /** A value read from the configuration, read again while a worker fetches files it missed (what a `.copydesk.json` extends). */
  async function settled<T>(read: () => T): Promise<T> {
    for (;;) {
      const value = read();
      if (!platform.fetchMissed || !(await platform.fetchMissed())) return value;
      project.forget();
    }
  }

  const toldOnce = new Set<string>();
  // One log line and one notice per failing rule (or per draft the engine fails on), not one per keystroke.
  const faults = new FaultNotices(
    (message) => connection.console.error(message),
    (message) => void connection.window.showWarningMessage(message),
  );
  /** The other drafts of the workspace folders, for reused-paragraph and "Check all drafts". */
  const workspace: WorkspaceDrafts = new WorkspaceDrafts(
    {
      roots: () => project.roots,
      openText: (uri) => openDocument(uri)?.getText(),
      lintedParagraphs: async (uri) => {
        const doc = openDocument(uri);
        return doc ? linter.paragraphsOf(doc.uri, doc.version) : undefined;
      },
      settings: (scopeUri) => settings.get(scopeUri),
      section: (scopeUri, section) => (canConfigure ? connection.workspace.getConfiguration({ scopeUri, section }).then(undefined, () => undefined) : Promise.resolve(undefined)),
      project,
      files: platform.files,
      projectStatus: (file) => settled(() => project.projectStatus(file)),
      indexChanged: () => refreshStale(),
      warn: (message) => {
        if (toldOnce.has(message)) return;
        toldOnce.add(message);
        void connection.window.showWarningMessage(message);
      },
    },
    connection,
    {
      get dynamic() {
        return registerWatchedFiles;
      },
      get relativePatterns() {
        return relativePatterns;
      },
    },
  );
  /** An open document by any spelling of its URI (the workspace index spells file URIs as Node does). */
  function openDocument(uri: string): TextDocument | undefined {
    const canonical = project.canonical(uri);
    return documents.get(uri) ?? documents.all().find((d) => project.canonical(d.uri) === canonical);
  }
  /** Where findings' locations in other drafts are (the index keeps each draft's line starts). */
  const otherDrafts = (id: string) => workspace.index.summaryOf(id);
  const linter: DocumentLinter = new DocumentLinter(
    (uri) => documents.get(uri)?.version,
    (checkId, error) => faults.ruleFailed(checkId, error),
    (uri) => workspace.lookupFor(uri),
    (uri, error) => faults.draftFailed(uri, error),
  );

  /** Takes in what the client offers (its initialize parameters). */
  function initialize(params: InitializeParams): void {
    platform.initialize?.(params);
    const caps = params.capabilities;
    pull = Boolean(caps.textDocument?.diagnostic);
    canConfigure = Boolean(caps.workspace?.configuration);
    refreshSupport = Boolean(caps.workspace?.diagnostics?.refreshSupport);
    registerConfigurationChanges = canConfigure && Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
    registerWatchedFiles = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    relativePatterns = Boolean(caps.workspace?.didChangeWatchedFiles?.relativePatternSupport);
    folderEvents = Boolean(caps.workspace?.workspaceFolders);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    project.roots = folders.flatMap((uri) => platform.uris.pathOf(uri) ?? []);
    // Clients other than VS Code have no notion of trust: the writer chose to run the server there.
    const init = params.initializationOptions as { trusted?: unknown; clientCommands?: unknown } | undefined;
    project.trusted = init?.trusted !== false;
    turnOffCommand = Array.isArray(init?.clientCommands) && init.clientCommands.includes(TURN_OFF_COMMAND) ? TURN_OFF_COMMAND : undefined;
    openOtherCommand = Array.isArray(init?.clientCommands) && init.clientCommands.includes(OPEN_OTHER_COMMAND) ? OPEN_OTHER_COMMAND : undefined;
    canCreateFiles = Boolean(caps.workspace?.workspaceEdit?.resourceOperations?.includes('create'));
    hoverMarkdown = Boolean(caps.textDocument?.hover?.contentFormat?.includes('markdown'));
    // LSP 3.18 gives pull clients the same flags as publishDiagnostics; VS Code sends both.
    const publish = caps.textDocument?.publishDiagnostics;
    const pulled = pull ? (caps.textDocument?.diagnostic as typeof publish) : undefined;
    features = {
      codeDescription: Boolean(publish?.codeDescriptionSupport || pulled?.codeDescriptionSupport),
      unnecessaryTag: Boolean(publish?.tagSupport?.valueSet.includes(1) || pulled?.tagSupport?.valueSet.includes(1)),
      relatedInformation: Boolean(publish?.relatedInformation || pulled?.relatedInformation),
      documentChanges: Boolean(caps.workspace?.workspaceEdit?.documentChanges),
      snippetEdits: Boolean(caps.workspace?.workspaceEdit?.snippetEditSupport),
    };
  }
  function initialized(): void {
    // VS Code's client only sends setting changes for sections it was told about; ask for all of them.
    if (registerConfigurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (registerWatchedFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.copydesk.json' }] });
    // vscode-languageserver throws here for a client without workspace folders, which would end this handler.
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.flatMap((f) => platform.uris.pathOf(f.uri) ?? []));
        project.roots = [...project.roots.filter((r) => !removed.has(r)), ...e.added.flatMap((f) => platform.uris.pathOf(f.uri) ?? [])];
        configurationChanged();
      });
    }
    connection.console.info(`Copydesk server ready: ${checks.length} rules, ${pull ? 'pull' : 'push'} diagnostics, ${platform.describe}.`);
    // In the background: the connection answers while the drafts are read.
    workspace.rebuild(0);
  }

  /** Per open draft, its last diagnostics, given back unchanged where nothing in them changed. */
  const memos = new Map<string, DiagnosticMemo>();
  async function diagnosticsFor(uri: string, isCancelled?: () => boolean): Promise<Diagnostic[] | undefined> {
    const doc = documents.get(uri);
    if (!doc) return [];
    if (project.isConfigDocument(uri)) return project.configFindings(doc).map((f) => toDiagnostic(doc, f, features));
    const docSettings = await settingsFor(uri);
    if (docSettings.ignored) return [];
    const outcome = await linter.lint(doc, docSettings, isCancelled);
    tellOnce(doc, outcome, docSettings.maxDocumentSize);
    tellAboutConfig(docSettings.config);
    if (outcome.kind === 'cancelled') return undefined;
    if (outcome.kind === 'skipped') return [];
    const all = outcome.result.list;
    const shown = chooseShown(all, docSettings.maxDiagnostics, focus.of(uri));
    let memo = memos.get(uri);
    if (!memo) memos.set(uri, (memo = new DiagnosticMemo()));
    const diagnostics = memo.convert(doc, shown.stored, shown.shifts, features, otherDrafts);
    if (shown.omitted) {
      overBudget.add(uri);
      diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: SOURCE, message: omittedMessage(shown.omitted, all.length) });
    } else overBudget.delete(uri);
    return diagnostics;
  }

  connection.onNotification(VISIBLE_RANGES, ({ uri, ranges }) => {
    const doc = documents.get(uri);
    if (!doc || !Array.isArray(ranges)) return;
    const spans = ranges.map((r) => ({ start: doc.offsetAt({ line: r.start.line, character: 0 }), end: doc.offsetAt({ line: r.end.line + 1, character: 0 }) }));
    if (!focus.setVisible(uri, spans) || !overBudget.has(uri)) return;
    if (pull && refreshSupport) connection.languages.diagnostics.refresh();
    else schedulePush(uri);
  });

  function tellOnce(doc: TextDocument, outcome: Outcome, maxSize: number): void {
    const messages: string[] = [];
    if (outcome.kind === 'skipped' && outcome.reason === 'too-large') {
      const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
      messages.push(`Copydesk: ${doc.uri.split('/').pop()} is ${mb(doc.getText().length)}, above copydesk.maxDocumentSize (${mb(maxSize)}); it is not checked. Raise the setting to check it.`);
    }
    if (outcome.kind === 'linted') messages.push(...outcome.result.problems.map((p) => `Copydesk settings: copydesk.${p}`));
    for (const message of messages) {
      if (toldOnce.has(message)) continue;
      toldOnce.add(message);
      void connection.window.showWarningMessage(message);
    }
  }

  /** Config problems and trust restrictions: told once per distinct set, not on every keystroke or draft. */
  function tellAboutConfig(config: ReturnType<typeof project.for>['config']): void {
    const messages: string[] = [];
    if (config.untrustedSkips.length) {
      messages.push(`Copydesk: this workspace is not trusted, so ${config.untrustedSkips.join(', ')} is ignored; the built-in rules and the rest of the configuration still apply. Trust the workspace to use it.`);
    }
    const files = [...new Set(config.problems.map((p) => p.file))];
    for (const file of files) {
      const count = config.problems.filter((p) => p.file === file).length;
      const open = documents.all().some((d) => project.pathOf(d.uri) === file);
      // While the file is open its problems are in the Problems panel already, as the writer types.
      if (!open) messages.push(`Copydesk: ${file} has ${count} problem${count === 1 ? '' : 's'}; the valid parts and the defaults are used. Open it to see where.`);
    }
    for (const message of messages) {
      if (toldOnce.has(message)) continue;
      toldOnce.add(message);
      void connection.window.showWarningMessage(message);
    }
  }

  const reportIds = new ReportIds();
  connection.languages.diagnostics.on(async (params, token) => {
    const items = await diagnosticsFor(params.textDocument.uri, () => token.isCancellationRequested);
    // A superseded run: VS Code re-asks for the new version; report nothing new meanwhile.
    // Ids only for open drafts: their close forgets them.
    if (!items || !documents.get(params.textDocument.uri)) return { kind: DocumentDiagnosticReportKind.Full, items: items ?? [] };
    return reportIds.report(params.textDocument.uri, items, params.previousResultId);
  });

  const pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  function schedulePush(uri: string): void {
    if (pull) return;
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(() => {
        pushTimers.delete(uri);
        const version = documents.get(uri)?.version;
        void diagnosticsFor(uri).then((diagnostics) => {
          if (diagnostics && documents.get(uri)?.version === version) void connection.sendDiagnostics({ uri, diagnostics, ...(version === undefined ? {} : { version }) });
        });
      }, PUSH_DELAY_MS + Math.floor((documents.get(uri)?.length ?? 0) / 10_000)),
    );
  }

  documents.onDidChangeContent(({ document }) => {
    if (project.isConfigDocument(document.uri)) return configurationChanged();
    schedulePush(document.uri);
    // Its length, not getText(): that would put a long draft together on every keystroke.
    workspace.documentChanged(document.uri, document.length);
  });
  documents.onDidClose(({ document }) => {
    linter.forget(document.uri);
    reportIds.forget(document.uri);
    memos.delete(document.uri);
    focus.forget(document.uri);
    overBudget.delete(document.uri);
    settings.forget(document.uri);
    project.forget(document.uri);
    // A closed .copydesk.json is read from disk again (its unsaved edits are gone).
    if (project.isConfigDocument(document.uri)) configurationChanged();
    clearTimeout(pushTimers.get(document.uri));
    if (!pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    workspace.documentClosed(document.uri);
  });

  connection.onDidChangeConfiguration(() => {
    settings.forget();
    configurationChanged();
  });

  /** Settings, a config file, trust or the folders changed: every open draft is linted again, without a restart. */
  function configurationChanged(): void {
    project.forget();
    platform.forgetFiles?.();
    linter.forget();
    toldOnce.clear();
    workspace.rebuild();
    if (pull && refreshSupport) connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) schedulePush(doc.uri);
  }

  /** The workspace index changed: only drafts whose reused paragraphs it changes are checked again. */
  let refreshing: Promise<void> | undefined;
  let refreshAgain = false;
  function refreshStale(): void {
    if (refreshing) return void (refreshAgain = true);
    refreshing = linter
      .forgetStale(yieldNow)
      .then((stale) => {
        if (!stale.length) return;
        if (pull && refreshSupport) connection.languages.diagnostics.refresh();
        else for (const uri of stale) schedulePush(uri);
      })
      .finally(() => {
        refreshing = undefined;
        if (refreshAgain) (refreshAgain = false), refreshStale();
      });
  }

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.some((c) => project.isConfigDocument(c.uri))) configurationChanged();
    workspace.filesChanged(changes);
  });
  connection.onNotification(DID_GRANT_TRUST, () => {
    project.trusted = true;
    configurationChanged();
  });

  function relintFor(doc: TextDocument, docSettings: DocumentSettings): Relint {
    return (text) => lintText(text, formatFor(doc.languageId), docSettings, { blockCache: linter.blockCache }).findings;
  }

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const docSettings = await settingsFor(doc.uri);
    if (project.isConfigDocument(doc.uri) || docSettings.ignored) return [];
    const outcome = await linter.lint(doc, docSettings);
    if (outcome.kind !== 'linted') return [];
    const navigation = openOtherCommand ? { others: otherDrafts, openCommand: openOtherCommand } : undefined;
    return codeActions(doc, outcome.result.list, params, features, relintFor(doc, docSettings), suppressionContext(doc.uri, docSettings.config.file), navigation);
  });

  connection.onHover(async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || project.isConfigDocument(doc.uri)) return null;
    const docSettings = await settingsFor(doc.uri);
    if (docSettings.ignored) return null;
    const outcome = await linter.lint(doc, docSettings);
    return outcome.kind === 'linted' ? hoverFor(doc, outcome.result.list, position, checks, hoverMarkdown) : null;
  });

  function suppressionContext(uri: string, configFile: string | undefined): SuppressionContext {
    const target = configFile ?? project.newConfigFileFor(uri);
    const open = target ? documents.all().find((d) => project.pathOf(d.uri) === target) : undefined;
    return {
      ...(target ? { config: { uri: open?.uri ?? project.uriOf(target), version: open?.version ?? null, text: open?.getText() ?? (configFile ? (platform.files.readNow(configFile) ?? '') : ''), exists: Boolean(configFile) } } : {}),
      canCreateFiles,
      ...(turnOffCommand ? { turnOffCommand } : {}),
      allowing: ALLOWING,
    };
  }

  connection.onRequest(articleReportRequest, (params, token) =>
    answerArticleReport(params, { document: (uri) => documents.get(uri), outcome: reportOutcome, layout: (uri, text) => linter.layoutOf(uri, text) }, () => token.isCancellationRequested),
  );

  /** The same lint a diagnostics pull of this version gets (shared, not run twice). */
  async function reportOutcome(doc: TextDocument, isCancelled: () => boolean) {
    if (project.isConfigDocument(doc.uri)) return { kind: 'skipped', reason: 'configuration' } as const;
    const docSettings = await settingsFor(doc.uri);
    if (docSettings.ignored) return { kind: 'skipped', reason: 'ignored' } as const;
    return linter.lint(doc, docSettings, isCancelled);
  }

  connection.onRequest(workspaceDraftsRequest, (_params, token) => workspace.drafts(() => token.isCancellationRequested));
  connection.onRequest(checkDraftsRequest, (params, token) =>
    checkDrafts(
      params,
      {
        workspace,
        project,
        files: platform.files,
        openText: (uri) => openDocument(uri)?.getText(),
        settingsFor,
        done: (uri) => (settings.forget(uri), project.forget(uri)),
        features,
        others: otherDrafts,
        onCheckError: (checkId: string, error: unknown) => faults.ruleFailed(checkId, error),
      },
      () => token.isCancellationRequested,
    ),
  );

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command === REFRESH_COMMAND) return void configurationChanged();
    if (command !== REMOVE_DUPLICATES_COMMAND) return;
    const [uri, version] = args ?? [];
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc) return void connection.window.showWarningMessage('Copydesk: open the draft to remove its duplicate paragraphs.');
    if (typeof version === 'number' && version !== doc.version) {
      return void connection.window.showWarningMessage('Copydesk: the draft changed while removing duplicates; nothing was changed. Try again.');
    }
    const docSettings = await settingsFor(doc.uri);
    const outcome = await linter.lint(doc, docSettings);
    if (outcome.kind !== 'linted') return;
    const edits = fixAllEdits(doc, outcome.result.findings, relintFor(doc, docSettings), (f) => f.checkId === 'duplicate-paragraph');
    if (edits.length === 0) return void connection.window.showInformationMessage('Copydesk: no duplicate paragraphs to remove.');
    const result = await connection.workspace.applyEdit({ label: 'Remove all duplicate paragraphs', edit: versionedEdit(doc, edits, features.documentChanges) });
    if (!result.applied) void connection.window.showWarningMessage(`Copydesk: the duplicates were not removed (${result.failureReason ?? 'the editor refused the edit'}).`);
  });

  documents.listen(connection);
  // The desktop server has answered initialize itself and loaded this module after `initialized` (server.ts).
  if (answered) {
    initialize(answered);
    initialized();
  } else {
    connection.onInitialize((params) => {
      initialize(params);
      return initializeResult(params);
    });
    connection.onInitialized(initialized);
  }
}
