/**
 * @file The desktop extension: the language server is a Node process (server/out/server.js) the
 * client talks to over IPC. Everything else is activate.ts, shared with the web extension.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateCopydesk, deactivateCopydesk } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return activateCopydesk(context, (options) => new LanguageClient('copydesk', 'Copydesk', serverOptions, options));
}

export const deactivate = deactivateCopydesk;
