/**
 * @file What the server offers in its `initialize` answer, and the command and code action kind
 * names the client shares with it. Apart from the engine on purpose: the desktop server answers
 * `initialize` from this alone and loads the engine afterwards (server.ts), so nothing here may
 * import a check, a lexicon or the session.
 */
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';

/** Behind "Remove every repeated paragraph" (the client's copydesk.removeDuplicates). */
export const REMOVE_DUPLICATES_COMMAND = 'copydesk.server.removeDuplicates';
/** Behind "Copydesk: Check this draft now": every open draft is pulled again (drafts above the as-you-type size too). */
export const REFRESH_COMMAND = 'copydesk.server.refresh';
/** Fix-all on save and "Fix all" in the lightbulb menu; client/src/writer.ts keeps the same string. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`;

declare const COPYDESK_VERSION: string;

/** The capabilities for this client: pull diagnostics only where the client pulls them. */
export function initializeResult(params: InitializeParams): InitializeResult {
  const pull = Boolean(params.capabilities.textDocument?.diagnostic);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      executeCommandProvider: { commands: [REMOVE_DUPLICATES_COMMAND, REFRESH_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'copydesk', version: typeof COPYDESK_VERSION === 'string' ? COPYDESK_VERSION : 'dev' },
  };
}
