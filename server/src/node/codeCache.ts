/**
 * @file Loads a CommonJS bundle with a V8 code cache: the compiled bytecode of its last run, kept
 * in the user's cache folder. Reading and compiling serverSession.js (1.9 MB) took the server's
 * first open 100–170 ms; with the cache V8 skips the parse and most of the lazy compiling.
 *
 * The cache is only ever a shortcut: a missing, unreadable, corrupt or stale file, or one V8
 * rejects (another Node or V8 version, other flags), loads the bundle as if there were none, and
 * a fresh cache is written when the process ends. The file is named by a hash of the bundle's
 * text and of the runtime (V8 itself checks only the text's length), and carries a checksum of
 * its own contents (release builds of V8 do not check theirs), so a cache never runs for code it
 * was not made from.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';

/** What a load did with the cache: the exports, and how to write a cache for the next process. */
export interface CachedLoad {
  readonly exports: unknown;
  /** 'used': V8 took the cache; 'none': there was none; 'rejected': a file was there and not usable. */
  readonly cache: 'used' | 'none' | 'rejected';
  /**
   * Writes the compiled code for the next process: the later the call, the more functions it
   * holds that the next process need not compile. Written when this process found no usable
   * cache, or when it has compiled enough more than the cache it used held (see RICHER).
   */
  save(): void;
}

const CHECKSUM_BYTES = 32;

/**
 * A used cache is written again when this process's code is at least this much larger. The first
 * process to end after an install or an update writes the cache, and one that ended before it
 * checked a draft (the editor closed, a start-up that only answered `initialize`) left the
 * module's top level and little else (1.25 MB of serverSession.js's, against 1.52 MB after a
 * 1 MB draft's first look): every later process used it and compiled the checks lazily, ~0.1 s
 * of main-thread time in a 1 MB draft's first open (890–1,020 ms against 780–830). The code only
 * keystrokes run adds 2.7% (1.56 MB), a few ms of the first edit. Larger by this much, not merely
 * larger: a process that ends should not rewrite 1.5 MB for a function or two it compiled.
 */
const RICHER = 1.02;

/**
 * `require(file)` through a code cache in `cacheDir` (undefined: no cache, a plain require). The
 * bundle's own requires resolve from its folder, in the process's module cache, as require's do.
 */
export function requireWithCodeCache(file: string, cacheDir: string | undefined): CachedLoad {
  // Hashed as read: hashing the decoded text would encode it back to UTF-8 first (a copy of the bundle).
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const cacheFile = cacheDir === undefined ? undefined : path.join(cacheDir, `${path.basename(file, '.js')}-${cacheKey(bytes)}.bin`);
  const read = cacheFile === undefined ? 'missing' : readCache(cacheFile);
  const script = new Script(wrap(source), { filename: file, ...(typeof read === 'string' ? {} : { cachedData: read }) });
  const cache = read === 'missing' ? 'none' : read === 'corrupt' || script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  const usedBytes = cache === 'used' ? (read as Buffer).length : 0;
  let saved = cacheFile === undefined;
  return {
    exports: module.exports,
    cache,
    save() {
      if (saved) return;
      saved = true;
      let data: Buffer;
      try {
        data = script.createCachedData();
      } catch {
        return;
      }
      if (data.length >= usedBytes * RICHER) writeCache(cacheFile!, data);
    },
  };
}

/**
 * Where the server keeps its code cache: $COPYDESK_CODE_CACHE if set (empty or "off": none), else
 * the platform's per-user cache folder. Never a shared temporary folder, where another user could
 * leave a file for this process to run.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string | undefined {
  const given = env['COPYDESK_CODE_CACHE'];
  if (given !== undefined) return given === '' || given === 'off' ? undefined : given;
  if (!home) return undefined;
  if (platform === 'win32') return path.join(env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'), 'copydesk', 'code-cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'copydesk', 'code-cache');
  return path.join(env['XDG_CACHE_HOME'] || path.join(home, '.cache'), 'copydesk', 'code-cache');
}

/**
 * The bundle's bytes and the runtime: a cache made for any other is another file. (V8 rejects a
 * cache made under other flags itself; the next process to end then replaces it.)
 */
function cacheKey(bundle: Buffer): string {
  const runtime = [process.version, process.versions.v8, process.arch].join('\0');
  return createHash('sha256').update(runtime).update('\0').update(bundle).digest('hex').slice(0, 24);
}

/** The cache's bytes if the file is there and its checksum holds. */
function readCache(file: string): Buffer | 'missing' | 'corrupt' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return 'missing';
  }
  const data = bytes.subarray(CHECKSUM_BYTES);
  return bytes.length > CHECKSUM_BYTES && createHash('sha256').update(data).digest().equals(bytes.subarray(0, CHECKSUM_BYTES)) ? data : 'corrupt';
}

/**
 * Written whole under another name and renamed, so a process never reads half a file another is
 * writing; the caches of other versions of the bundle are removed. Any failure (a read-only or
 * full disk) leaves things as they were: the cache is only a shortcut.
 */
function writeCache(file: string, data: Buffer): void {
  const dir = path.dirname(file);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, Buffer.concat([createHash('sha256').update(data).digest(), data]), { mode: 0o600 });
    renameSync(temporary, file);
    const prefix = `${path.basename(file).replace(/-[0-9a-f]+\.bin$/u, '')}-`;
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.bin') && name !== path.basename(file)) unlinkSync(path.join(dir, name));
    }
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}
