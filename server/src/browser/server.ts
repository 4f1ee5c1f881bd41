/**
 * @file The language server in a web worker (vscode.dev, github.dev): the same session as the
 * desktop server (lsp/session.ts), over the worker's messages instead of stdio, reading the
 * workspace's files through the editor (files.ts). client/src/browserExtension.ts starts it.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { describeError } from '../lsp/faults';
import { startSession } from '../lsp/session';
import { ClientFiles } from './files';
import { workerUris } from './uris';

/** The worker's global scope (the server project is typed for Node, not for the DOM). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];
interface RejectionEvents {
  onunhandledrejection: ((event: { reason: unknown; preventDefault(): void }) => void) | null;
}

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
// As on the desktop: a rejected promise nobody awaited is logged, not left to the worker's console.
(self as unknown as RejectionEvents).onunhandledrejection = (event) => {
  event.preventDefault();
  connection.console.error(`Copydesk: an asynchronous step failed: ${describeError(event.reason)}`);
};
const files = new ClientFiles(connection, workerUris);
startSession(connection, {
  uris: workerUris,
  files,
  fetchMissed: () => files.fetchMissed(),
  forgetFiles: () => files.forget(),
  initialize: (params) => {
    const options = params.initializationOptions as { fileAccess?: unknown } | undefined;
    files.enabled = options?.fileAccess === true;
  },
  get describe() {
    return files.enabled ? "files read through the editor, .gitignore not applied" : 'open drafts only (the client reads no files for the server)';
  },
});
connection.listen();
