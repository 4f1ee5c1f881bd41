/**
 * @file The web extension (vscode.dev, github.dev): the language server runs in a web worker
 * (server/out/browserServer.js) and reads the workspace's files through this client
 * (fileAccess.ts). Everything else is activate.ts, shared with the desktop extension.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCopydesk, deactivateCopydesk } from './activate';

/** The web extension host's Worker (the client project is typed for Node, not for the DOM). */
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string) => ServerWorker;

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const server = vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'browserServer.js').toString(true);
  let worker: ServerWorker | undefined;
  // A new worker for every start (the client's stop leaves a worker running): a restart begins afresh.
  const newWorker = async (): Promise<never> => {
    worker?.terminate();
    worker = new Worker(server);
    return worker as never;
  };
  return activateCopydesk(context, (options) => new LanguageClient('copydesk', 'Copydesk', newWorker, options));
}

export const deactivate = deactivateCopydesk;
