/**
 * @file The Copydesk language server: wires LSP requests to the engine. Pull diagnostics for
 * clients that ask for them (VS Code), pushed diagnostics for the rest (Neovim 0.7), incremental
 * sync, versioned code actions. No check logic lives here.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { checks, formatFor, lintText } from './api';
import { FIX_ALL_KIND, codeActions, fixAllEdits, versionedEdit, type Relint } from './lsp/codeActions';
import { toDiagnostic, type DiagnosticFeatures } from './lsp/convert';
import { DocumentLinter, type Outcome } from './lsp/linter';
import { SettingsCache, type DocumentSettings } from './lsp/settings';

/** Server-side command behind "Copydesk: Remove all duplicate paragraphs"; args: uri, version. */
export const REMOVE_DUPLICATES_COMMAND = 'copydesk.server.removeDuplicates';
const PUSH_DELAY_MS = 120;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
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
const reportedErrors = new Set<string>();
const toldOnce = new Set<string>();
const linter = new DocumentLinter(
  (uri) => documents.get(uri)?.version,
  (checkId, error) => {
    // One log line and one notice per failing rule, not one per keystroke.
    if (reportedErrors.has(checkId)) return;
    reportedErrors.add(checkId);
    connection.console.error(`Rule ${checkId} failed and was skipped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void connection.window.showWarningMessage(`Copydesk: the rule '${checkId}' failed and was skipped; the other rules still run. See the Copydesk output for details.`);
  },
);

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  pull = Boolean(caps.textDocument?.diagnostic);
  canConfigure = Boolean(caps.workspace?.configuration);
  refreshSupport = Boolean(caps.workspace?.diagnostics?.refreshSupport);
  registerConfigurationChanges = canConfigure && Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
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
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [REMOVE_DUPLICATES_COMMAND] },
      ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'copydesk', version: typeof COPYDESK_VERSION === 'string' ? COPYDESK_VERSION : 'dev' },
  };
});
declare const COPYDESK_VERSION: string;

connection.onInitialized(() => {
  // VS Code's client only sends setting changes for sections it was told about; ask for all of them.
  if (registerConfigurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  connection.console.info(`Copydesk server ready: ${checks.length} rules, ${pull ? 'pull' : 'push'} diagnostics.`);
});

async function diagnosticsFor(uri: string, isCancelled?: () => boolean): Promise<Diagnostic[] | undefined> {
  const doc = documents.get(uri);
  if (!doc) return [];
  const docSettings = await settings.get(uri);
  const outcome = await linter.lint(doc, docSettings, isCancelled);
  tellOnce(doc, outcome, docSettings.maxDocumentSize);
  if (outcome.kind === 'cancelled') return undefined;
  if (outcome.kind === 'skipped') return [];
  return outcome.result.findings.map((f) => toDiagnostic(doc, f, features));
}

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

connection.languages.diagnostics.on(async (params, token) => {
  const items = await diagnosticsFor(params.textDocument.uri, () => token.isCancellationRequested);
  // A superseded run: VS Code re-asks for the new version; report nothing new meanwhile.
  return { kind: DocumentDiagnosticReportKind.Full, items: items ?? [] };
});

const pushTimers = new Map<string, NodeJS.Timeout>();
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
    }, PUSH_DELAY_MS),
  );
}

documents.onDidChangeContent(({ document }) => schedulePush(document.uri));
documents.onDidClose(({ document }) => {
  linter.forget(document.uri);
  settings.forget(document.uri);
  clearTimeout(pushTimers.get(document.uri));
  if (!pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settings.forget();
  linter.forget();
  toldOnce.clear();
  if (pull && refreshSupport) connection.languages.diagnostics.refresh();
  else for (const doc of documents.all()) schedulePush(doc.uri);
});

function relintFor(doc: TextDocument, docSettings: DocumentSettings): Relint {
  return (text) => lintText(text, formatFor(doc.languageId), docSettings).findings;
}

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const docSettings = await settings.get(doc.uri);
  const outcome = await linter.lint(doc, docSettings);
  return outcome.kind === 'linted' ? codeActions(doc, outcome.result.findings, params, features, relintFor(doc, docSettings)) : [];
});

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command !== REMOVE_DUPLICATES_COMMAND) return;
  const [uri, version] = args ?? [];
  const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
  if (!doc) return void connection.window.showWarningMessage('Copydesk: open the draft to remove its duplicate paragraphs.');
  if (typeof version === 'number' && version !== doc.version) {
    return void connection.window.showWarningMessage('Copydesk: the draft changed while removing duplicates; nothing was changed. Try again.');
  }
  const docSettings = await settings.get(doc.uri);
  const outcome = await linter.lint(doc, docSettings);
  if (outcome.kind !== 'linted') return;
  const edits = fixAllEdits(doc, outcome.result.findings, relintFor(doc, docSettings), (f) => f.checkId === 'duplicate-paragraph');
  if (edits.length === 0) return void connection.window.showInformationMessage('Copydesk: no duplicate paragraphs to remove.');
  const result = await connection.workspace.applyEdit({ label: 'Remove all duplicate paragraphs', edit: versionedEdit(doc, edits, features.documentChanges) });
  if (!result.applied) void connection.window.showWarningMessage(`Copydesk: the duplicates were not removed (${result.failureReason ?? 'the editor refused the edit'}).`);
});

documents.listen(connection);
connection.listen();
