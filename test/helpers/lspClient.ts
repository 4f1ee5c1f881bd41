/**
 * @file A minimal LSP client for tests that drive the built server (server/out/server.js) over
 * stdio: requests with a deadline (a server that stops answering fails the test instead of hanging
 * it), raw bytes for malformed messages, and the server's exit seen at once.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = join(__dirname, '../../server/out/server.js');
export const serverBuilt = (): boolean => existsSync(SERVER);

/** Client capabilities of a pull client like VS Code, with versioned edits. */
export const PULL_CAPABILITIES = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, versionSupport: true },
    codeAction: { isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, executeCommand: {} },
};

export interface TestServer {
  readonly conn: MessageConnection;
  readonly child: ChildProcessWithoutNullStreams;
  /** Notifications and requests the server sent, in order. */
  readonly received: { method: string; params: unknown }[];
  request<R>(method: string, params?: unknown, ms?: number): Promise<R>;
  notify(method: string, params?: unknown): Promise<void>;
  /** Bytes straight onto the server's stdin, for messages no real client would send. */
  raw(bytes: string): void;
  alive(): boolean;
  stderr(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How the client answers window/showMessageRequest (the server's notices); default: null. */
  readonly onShowMessage?: (params: unknown) => unknown;
  /** The `copydesk` settings section the client answers workspace/configuration with; default: none set. */
  readonly settings?: object;
}

export async function startServer(capabilities: object = PULL_CAPABILITIES, options: StartOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.on('error', () => {});
  let exited: Error | undefined;
  const died = new Promise<never>((_, reject) => child.on('exit', (code, signal) => reject((exited = new Error(`server exited (code ${code}, signal ${signal}); stderr:\n${stderr}`)))));
  died.catch(() => {});
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const received: { method: string; params: unknown }[] = [];
  conn.onNotification((method, params) => void received.push({ method, params }));
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
  conn.onRequest('window/showMessageRequest', (params) => (received.push({ method: 'window/showMessageRequest', params }), (options.onShowMessage ?? (() => null))(params)));
  conn.onRequest((method, params) => (received.push({ method, params }), null));
  conn.listen();

  const request = <R>(method: string, params?: unknown, ms = 10_000): Promise<R> =>
    Promise.race([
      conn.sendRequest<R>(method, params),
      died,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${method} within ${ms} ms`)), ms).unref()),
    ]);
  const server: TestServer = {
    conn,
    child,
    received,
    request,
    notify: (method, params) => conn.sendNotification(method, params),
    raw: (bytes) => void child.stdin.write(bytes),
    alive: () => exited === undefined && child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    async stop() {
      if (server.alive()) {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2_000))]).catch(() => {});
        await conn.sendNotification('exit').catch(() => {});
        await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      }
      conn.dispose();
      if (server.alive()) child.kill();
    },
  };
  await request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities, clientInfo: { name: 'copydesk-test' } });
  await server.notify('initialized', {});
  return server;
}

/** One framed JSON-RPC message as bytes, whatever its body. */
export function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}
