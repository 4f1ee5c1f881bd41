/**
 * The web extension's bundles load in a browser: nothing in them asks for a Node module. esbuild
 * already fails the build on a Node built-in (esbuild.mjs); this catches a bundle built some other
 * way, or a `require` that slipped past as a plain string. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const bundles = [
  // VS Code's web extension host supplies `vscode` to a CommonJS module, nothing else.
  { file: 'client/out/browserExtension.js', allowed: new Set(['vscode']) },
  // The worker is a plain script: no module system at all, and no DOM.
  { file: 'server/out/browserServer.js', allowed: new Set<string>(), worker: true },
];

describe('browser bundles', () => {
  for (const { file, allowed, worker } of bundles) {
    const path = join(root, file);
    it(`${file} requires nothing ${allowed.size ? `but ${[...allowed].join(', ')}` : 'at all'} and imports no node: module`, { skip: existsSync(path) ? false : `${file} is not built; run npm run build` }, () => {
      const text = readFileSync(path, 'utf8');
      const required = [...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
      assert.deepEqual([...new Set(required.filter((r) => !allowed.has(r)))], []);
      assert.doesNotMatch(text, /\b(?:from|import)\s*\(?\s*["'`]node:/);
      // A package's DOM build (decode-named-character-reference's uses document.createElement) throws in a worker.
      if (worker) assert.doesNotMatch(text, /\bdocument\.createElement\(/);
    });
  }
  it('package.json points VS Code for the web at the web extension', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { browser?: string; capabilities?: { virtualWorkspaces?: unknown } };
    assert.equal(manifest.browser, './client/out/browserExtension.js');
    assert.equal((manifest.capabilities?.virtualWorkspaces as { supported?: string } | undefined)?.supported, 'limited');
  });
});
