/**
 * @file The desktop server's session: the engine, the checks and lsp/session.ts, a bundle of its own
 * (server/out/serverSession.js) that server.ts loads once the client has its `initialize` answer.
 */
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { desktopPlatform } from './lsp/desktop';
import { startSession } from './lsp/session';

/** Serves the client that was answered with `params`' capabilities. */
export function resumeSession(connection: Connection, params: InitializeParams): void {
  startSession(connection, desktopPlatform, params);
}
