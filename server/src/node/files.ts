/**
 * @file The workspace's files on the desktop: the disk, read with Node's `fs` (files/access.ts
 * says what each call promises). Symbolic links are not followed by `list`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { opendir, readFile, stat } from 'node:fs/promises';
import type { DirEntry, Files } from '../files/access';
import type { ConfigSource } from '../files/projectConfig';

export const nodeFiles: Files = {
  readNow(file) {
    try {
      return statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
  existsNow: (path) => existsSync(path),
  read: (file) => readFile(file, 'utf8').catch(() => undefined),
  async stat(file) {
    try {
      const { size, mtimeMs } = await stat(file);
      return { size, mtimeMs };
    } catch {
      return undefined;
    }
  },
  async list(dir) {
    try {
      const entries: DirEntry[] = [];
      for await (const e of await opendir(dir)) if (e.isDirectory() || e.isFile()) entries.push({ name: e.name, isDir: e.isDirectory() });
      return entries;
    } catch {
      return undefined;
    }
  },
};

/** `.copydesk.json` and what it extends, from the disk (the CLI, the Node API, the desktop server). */
export const diskSource: ConfigSource = { read: (file) => nodeFiles.readNow(file) };
