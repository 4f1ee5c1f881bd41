/**
 * The built desktop server answers `initialize` from server/out/server.js and lsp.js alone and
 * loads the engine (serverSession.js) after `initialized`: the answer is the same with or without
 * the engine's file, a client's first request after `initialized` is served, and an install that
 * lost the engine's file says so and ends instead of leaving the editor waiting. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';
import { initializeResult } from '../../../server/src/lsp/capabilities';
import { PULL_CAPABILITIES, SERVER, serverBuilt } from '../../helpers/lspClient';

const skip = serverBuilt() ? false : 'server/out/server.js is not built; run `npm run build` first';

const clients: [string, object][] = [
  ['a pull client (VS Code)', PULL_CAPABILITIES],
  ['a push client (Neovim 0.7)', { textDocument: { publishDiagnostics: { relatedInformation: true } } }],
];

/** Spawns `server`, answers initialize, and hands back what the client saw. */
function start(server: string) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const shown: { type: number; message: string }[] = [];
  conn.onNotification('window/showMessage', (params: { type: number; message: string }) => void shown.push(params));
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  conn.onRequest(() => null);
  conn.listen();
  const stop = () => {
    conn.dispose();
    child.kill();
  };
  return { child, conn, exit, shown, stop };
}

const params = (capabilities: object): InitializeParams => ({ processId: process.pid, rootUri: null, workspaceFolders: null, capabilities, clientInfo: { name: 'copydesk-test' } });

describe('start-up: initialize is answered before the engine is loaded', { skip }, () => {
  for (const [name, capabilities] of clients) {
    it(`${name}: the answer is capabilities.ts's, and the first request after initialized is served`, async () => {
      const server = start(SERVER);
      try {
        const result = await server.conn.sendRequest<InitializeResult>('initialize', params(capabilities));
        // The bundle is stamped with package.json's version; the source says 'dev'.
        assert.deepEqual(result.capabilities, initializeResult(params(capabilities)).capabilities);
        assert.equal(result.serverInfo?.name, 'copydesk');
        await server.conn.sendNotification('initialized', {});
        await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///s/a.txt', languageId: 'plaintext', version: 1, text: 'Same words here.\n\nSame words here.\n' } });
        const hover = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///s/a.txt' }, position: { line: 2, character: 1 } });
        assert.ok(hover, 'the repeated paragraph has a hover once the session is loaded');
      } finally {
        server.stop();
      }
    });
  }

  it('an install without serverSession.js still answers initialize, then says what is wrong and ends', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-startup-'));
    try {
      for (const file of ['server.js', 'lsp.js']) copyFileSync(join(dirname(SERVER), file), join(folder, file));
      const server = start(join(folder, 'server.js'));
      try {
        const result = await server.conn.sendRequest<InitializeResult>('initialize', params(PULL_CAPABILITIES));
        assert.ok(result.capabilities.diagnosticProvider);
        await server.conn.sendNotification('initialized', {});
        assert.equal(await server.exit, 1);
        assert.equal(server.shown.length, 1);
        assert.equal(server.shown[0]!.type, 1);
        assert.match(server.shown[0]!.message, /^Copydesk could not load its checks \(.*serverSession\.js.*\); reinstall the extension\.$/);
      } finally {
        server.stop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
