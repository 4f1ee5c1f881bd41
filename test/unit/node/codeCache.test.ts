/**
 * @file The server's code cache (node/codeCache.ts): a bundle loads the same with or without it,
 * a usable cache is used, and a missing, corrupt, truncated or stale one loads the bundle as if
 * there were none and is replaced.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { codeCacheDir, requireWithCodeCache } from '../../../server/src/node/codeCache';

/**
 * A bundle that requires a file beside it, as serverSession.js requires lsp.js. Its text names its
 * folder: V8 compiles a text it has compiled before in this process from memory, without reading
 * a cache at all.
 */
function bundleFolder(body = 'const answer = 42;'): { dir: string; file: string; cache: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-code-cache-'));
  writeFileSync(path.join(dir, 'dep.js'), 'module.exports = { shared: {} };\n');
  const file = path.join(dir, 'bundle.js');
  writeFileSync(file, `"use strict";\n// ${dir}\nconst dep = require('./dep.js');\nfunction twice(x) { return 2 * x; }\n${body}\nmodule.exports = { dep, twice, answer, lazy: typeof lazy === 'function' ? lazy : undefined, file: __filename, dir: __dirname };\n`);
  return { dir, file, cache: path.join(dir, 'cache') };
}

function loadInChild(file: string, cache: string): unknown {
  const code = `const { requireWithCodeCache } = require(${JSON.stringify(path.resolve('server/src/node/codeCache.ts'))}); const l = requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)}); console.log(JSON.stringify({ cache: l.cache, twice: l.exports.twice(3) }));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8' }));
}

/** A function V8 compiles only when it first runs, large enough to show in a cache: 20 nested helpers. */
const LAZY = `function lazy() {\n${Array.from({ length: 20 }, (_, i) => `  function f${i}(x) { const o = { a: x, b: [x, x + ${i}], c: String(x) }; return o.b.reduce((s, y) => s + y, o.a) + o.c.length; }`).join('\n')}\n  return ${Array.from({ length: 20 }, (_, i) => `f${i}(${i})`).join(' + ')};\n}`;
const LAZY_RESULT = Array.from({ length: 20 }, (_, i) => 3 * i + i + String(i).length).reduce((a, b) => a + b, 0);

const cacheFiles = (cache: string): string[] => (existsSync(cache) ? readdirSync(cache).sort() : []);

describe('requireWithCodeCache', () => {
  it('loads the bundle with its own require, __filename and __dirname, sharing the module cache', () => {
    const { dir, file, cache } = bundleFolder();
    const loaded = requireWithCodeCache(file, cache);
    const exports = loaded.exports as { dep: unknown; twice: (x: number) => number; file: string; dir: string };
    assert.equal(exports.twice(21), 42);
    assert.equal(exports.file, file);
    assert.equal(exports.dir, dir);
    assert.equal(exports.dep, require(path.join(dir, 'dep.js')));
  });

  it('uses the cache a former load saved, and saves none then while it has compiled nothing more', () => {
    const { file, cache } = bundleFolder();
    const first = requireWithCodeCache(file, cache);
    assert.equal(first.cache, 'none');
    first.save();
    const written = cacheFiles(cache);
    assert.equal(written.length, 1);
    const bytes = readFileSync(path.join(cache, written[0]!));
    const second = requireWithCodeCache(file, cache);
    assert.equal(second.cache, 'used');
    second.save();
    assert.deepEqual(readFileSync(path.join(cache, written[0]!)), bytes);
  });

  // A process that ended before it ran the bundle's functions (a server closed before it checked a
  // draft) must not leave every later process a cache of the top level alone.
  it('saves again a cache it used once it has compiled much more than that cache held', () => {
    const { file, cache } = bundleFolder(`const answer = 42;\n${LAZY}`);
    requireWithCodeCache(file, cache).save();
    const [name] = cacheFiles(cache);
    const before = readFileSync(path.join(cache, name!)).length;
    const used = requireWithCodeCache(file, cache);
    assert.equal(used.cache, 'used');
    assert.equal((used.exports as { lazy: () => number }).lazy(), LAZY_RESULT);
    used.save();
    assert.deepEqual(cacheFiles(cache), [name]);
    const after = readFileSync(path.join(cache, name!)).length;
    assert.ok(after > before * 1.02, `${after} bytes after running lazy(), ${before} before`);
    const third = requireWithCodeCache(file, cache);
    assert.equal(third.cache, 'used');
    assert.equal((third.exports as { lazy: () => number }).lazy(), LAZY_RESULT);
  });

  const damaged: { name: string; damage: (bytes: Buffer) => Buffer }[] = [
    { name: 'a changed byte', damage: (b) => Buffer.concat([b.subarray(0, b.length - 1), Buffer.from([b[b.length - 1]! ^ 1])]) },
    { name: 'a truncated file', damage: (b) => b.subarray(0, b.length >> 1) },
    { name: 'an empty file', damage: () => Buffer.alloc(0) },
    { name: 'the checksum alone', damage: (b) => b.subarray(0, 32) },
  ];
  for (const { name, damage } of damaged) {
    it(`loads as if there were no cache, then replaces it, after ${name}`, () => {
      const { file, cache } = bundleFolder();
      requireWithCodeCache(file, cache).save();
      const [only] = cacheFiles(cache);
      const at = path.join(cache, only!);
      writeFileSync(at, damage(readFileSync(at)));
      const loaded = requireWithCodeCache(file, cache);
      assert.equal(loaded.cache, 'rejected');
      assert.equal((loaded.exports as { twice: (x: number) => number }).twice(5), 10);
      loaded.save();
      assert.equal(requireWithCodeCache(file, cache).cache, 'used');
    });
  }

  // In a fresh process, as the server meets it: in this one V8 would compile the text from memory.
  it('in a new process, uses a saved cache, and loads without one V8 cannot read', () => {
    const { file, cache } = bundleFolder();
    requireWithCodeCache(file, cache).save();
    assert.deepEqual(loadInChild(file, cache), { cache: 'used', twice: 6 });
    const at = path.join(cache, cacheFiles(cache)[0]!);
    const garbage = Buffer.from('not code from V8');
    writeFileSync(at, Buffer.concat([createHash('sha256').update(garbage).digest(), garbage]));
    assert.deepEqual(loadInChild(file, cache), { cache: 'rejected', twice: 6 });
  });

  it('never uses the cache of other code of the same length, and drops it when saving', () => {
    const { file, cache } = bundleFolder('const answer = 42;');
    requireWithCodeCache(file, cache).save();
    const before = cacheFiles(cache);
    writeFileSync(file, readFileSync(file, 'utf8').replace('answer = 42', 'answer = 43'));
    const changed = requireWithCodeCache(file, cache);
    assert.equal(changed.cache, 'none');
    assert.equal((changed.exports as { answer: number }).answer, 43);
    changed.save();
    const after = cacheFiles(cache);
    assert.equal(after.length, 1);
    assert.notDeepEqual(after, before);
  });

  it('without a cache folder is a plain load that writes nothing', () => {
    const { dir, file } = bundleFolder();
    const loaded = requireWithCodeCache(file, undefined);
    assert.equal(loaded.cache, 'none');
    loaded.save();
    assert.deepEqual(readdirSync(dir).sort(), ['bundle.js', 'dep.js']);
  });

  it('saves nothing, and throws nothing, where the cache folder cannot be made', () => {
    const { dir, file } = bundleFolder();
    const blocked = path.join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const loaded = requireWithCodeCache(file, path.join(blocked, 'cache'));
    assert.doesNotThrow(() => loaded.save());
    assert.deepEqual(readdirSync(dir).sort(), ['bundle.js', 'dep.js', 'not-a-folder']);
  });
});

describe('codeCacheDir', () => {
  const home = '/home/ann';
  const cases: { name: string; env: NodeJS.ProcessEnv; platform: NodeJS.Platform; expected: string | undefined }[] = [
    { name: 'Linux: ~/.cache', env: {}, platform: 'linux', expected: '/home/ann/.cache/copydesk/code-cache' },
    { name: 'Linux: $XDG_CACHE_HOME', env: { XDG_CACHE_HOME: '/var/cache/ann' }, platform: 'linux', expected: '/var/cache/ann/copydesk/code-cache' },
    { name: 'Linux: an empty $XDG_CACHE_HOME is unset', env: { XDG_CACHE_HOME: '' }, platform: 'linux', expected: '/home/ann/.cache/copydesk/code-cache' },
    { name: 'macOS: ~/Library/Caches', env: {}, platform: 'darwin', expected: '/home/ann/Library/Caches/copydesk/code-cache' },
    { name: 'Windows: %LOCALAPPDATA%', env: { LOCALAPPDATA: '/c/Users/ann/AppData/Local' }, platform: 'win32', expected: path.join('/c/Users/ann/AppData/Local', 'copydesk', 'code-cache') },
    { name: '$COPYDESK_CODE_CACHE wins', env: { COPYDESK_CODE_CACHE: '/tmp/cc', XDG_CACHE_HOME: '/x' }, platform: 'linux', expected: '/tmp/cc' },
    { name: '$COPYDESK_CODE_CACHE=off: no cache', env: { COPYDESK_CODE_CACHE: 'off' }, platform: 'linux', expected: undefined },
    { name: 'an empty $COPYDESK_CODE_CACHE: no cache', env: { COPYDESK_CODE_CACHE: '' }, platform: 'darwin', expected: undefined },
  ];
  for (const { name, env, platform, expected } of cases) it(name, () => assert.equal(codeCacheDir(env, platform, home), expected));
  it('no home folder: no cache', () => assert.equal(codeCacheDir({}, 'linux', ''), undefined));
});
