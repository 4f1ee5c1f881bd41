/**
 * @file The desktop extension: the language server is a Node process (server/out/server.js) the
 * client talks to over IPC. Everything else is activate.ts, shared with the web extension.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateCopydesk, deactivateCopydesk } from './activate';

/** Node's flags and environment for the server, from esbuild.mjs, which also writes them into the server's #! line. */
declare const COPYDESK_SERVER_NODE: { readonly env: Readonly<Record<string, string>>; readonly execArgv: readonly string[] };

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  // The client adds these to its own environment (vscode-languageclient's getEnvironment).
  const { env, execArgv } = COPYDESK_SERVER_NODE;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env: { ...env }, execArgv: [...execArgv] } },
    debug: { module, transport: TransportKind.ipc, options: { env: { ...env }, execArgv: [...execArgv, '--nolazy', '--inspect=6009'] } },
  };
  return activateCopydesk(context, (options) => new LanguageClient('copydesk', 'Copydesk', serverOptions, options));
}

export const deactivate = deactivateCopydesk;
