import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** The engine is shared by the server, the CLI and a browser build: no LSP, no editor, no I/O. */
const FORBIDDEN_IN_ENGINE = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|fs|path|net|http|https|child_process|os|node:.*)$/;

describe('import boundaries', () => {
  const engine = [...sources(join(root, 'server/src/core')), ...sources(join(root, 'server/src/checks')), join(root, 'server/src/api.ts')];
  for (const file of engine) {
    it(`${relative(root, file)} imports no LSP, vscode or I/O module`, () => {
      for (const spec of imports(file)) assert.doesNotMatch(spec, FORBIDDEN_IN_ENGINE, `${relative(root, file)} imports ${spec}`);
    });
  }
  it('only the servers (server.ts, serverSession.ts, lspRuntime.ts, browser/) and lsp/ import vscode-languageserver', () => {
    const servers = new Set(['server.ts', 'serverSession.ts', 'lspRuntime.ts']);
    for (const file of sources(join(root, 'server/src'))) {
      const rel = relative(join(root, 'server/src'), file);
      if (servers.has(rel) || rel.startsWith('lsp/') || rel.startsWith('browser/')) continue;
      for (const spec of imports(file)) assert.doesNotMatch(spec, /^vscode-languageserver/, `${rel} imports ${spec}`);
    }
  });
  // server.ts answers initialize before the engine is loaded: what it imports is all that start-up reads.
  const startUp: [string, RegExp][] = [
    ['server.ts', /^(node:path|node:util|vscode-languageserver\/node|\.\/lsp\/capabilities|\.\/lsp\/faults|\.\/node\/codeCache|\.\/node\/messageEncoder|\.\/node\/v8Flags|\.\/serverCommandLine|\.\/serverSession)$/],
    // Modules Node has loaded before any of ours (crypto: vscode-jsonrpc's, for its pipe names; util: vscode-languageserver's).
    ['node/codeCache.ts', /^node:(crypto|fs|module|os|path|vm)$/],
    ['node/v8Flags.ts', /^node:v8$/],
    ['node/messageEncoder.ts', /^$/],
    ['lsp/capabilities.ts', /^vscode-languageserver$/],
    ['lsp/faults.ts', /^$/],
    ['serverCommandLine.ts', /^$/],
  ];
  for (const [rel, allowed] of startUp) {
    it(`${rel}, read before initialize is answered, imports no engine module`, () => {
      const source = readFileSync(join(root, 'server/src', rel), 'utf8');
      for (const spec of imports(join(root, 'server/src', rel))) assert.match(spec, allowed, `${rel} imports ${spec}`);
      // The session is only a type here; its module is required after initialized.
      if (rel === 'server.ts') assert.match(source, /^import type \{[^}]*\} from '\.\/serverSession';$/m);
    });
  }
  // The web worker's server bundles these too: Node's path only, which the browser build swaps for path-browserify.
  it('what both servers share (lsp/ but desktop.ts, files/, browser/) imports no Node module but path', () => {
    const shared = [...sources(join(root, 'server/src/lsp')), ...sources(join(root, 'server/src/files')), ...sources(join(root, 'server/src/browser'))];
    for (const file of shared.filter((f) => !f.endsWith('desktop.ts'))) {
      for (const spec of imports(file)) {
        assert.doesNotMatch(spec, /^(node:(?!path$).*|fs|fs\/promises|url|os|child_process|net|http|https|util)$/, `${relative(root, file)} imports ${spec}`);
        assert.doesNotMatch(spec, /\/(node|cli)\//, `${relative(root, file)} imports ${spec} (Node only)`);
      }
    }
  });
  it('the client never imports server code', () => {
    for (const file of sources(join(root, 'client/src'))) {
      for (const spec of imports(file)) assert.doesNotMatch(spec, /server\//, `${relative(root, file)} imports ${spec}`);
    }
  });
});
