/**
 * @file The web extension (vscode.dev, github.dev): the language server runs in a web worker
 * (server/out/browserServer.js) and reads the workspace's files through this client
 * (fileAccess.ts). Everything else is activate.ts, shared with the desktop extension.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateCopydesk, deactivateCopydesk } from './activate';

/** The web extension host's globals (the client project is typed for Node, not for the DOM). */
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string) => ServerWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const server = vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'browserServer.js');
  let worker: ServerWorker | undefined;
  // A new worker for every start (the client's stop leaves a worker running): a restart begins afresh.
  // The transports are made here: the library tells a worker by `instanceof Worker`, which the web
  // extension host's own Worker constructor does not pass.
  const transports = async (): Promise<MessageTransports> => {
    worker?.terminate();
    worker = await startWorker(server);
    return { reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) };
  };
  return activateCopydesk(context, (options) => new LanguageClient('copydesk', 'Copydesk', transports, options));
}

/**
 * On vscode.dev the extension is served over https and the worker starts from its URL. Installed
 * on a remote (code-server, a VS Code server), its URI is `vscode-remote:`, from which the web
 * extension host refuses to start a worker; the script is then read through the editor and started
 * from a blob.
 */
async function startWorker(script: vscode.Uri): Promise<ServerWorker> {
  if (script.scheme === 'http' || script.scheme === 'https' || script.scheme === 'file') return new Worker(script.toString(true));
  const bytes = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })));
}

export const deactivate = deactivateCopydesk;
