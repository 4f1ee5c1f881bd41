/**
 * @file Turns the FILE|DIRECTORY|GLOB arguments into the drafts to check: a file as named, a
 * directory's drafts by extension, a glob's matches (tinyglobby: small, maintained, what Vite and
 * ESLint's tooling use). What git ignores is left out of directories and globs, never out of a file
 * named on its own: naming it is asking for it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { GitIgnores } from '../files/gitignore';
import { nodeFiles } from '../node/files';

/** The extensions a directory is searched for: what formatFor reads as Markdown, and .txt. */
export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mdx', '.txt'] as const;

/** Never searched: tooling, not drafts (hidden folders are skipped by the globs' own `dot: false`). */
const ALWAYS_SKIPPED = ['**/node_modules/**'];

export interface Target {
  /** The path as it is reported: as typed for a named file, joined to the typed folder or glob otherwise. */
  readonly name: string;
  /** Named on the command line itself (not found in a directory or by a glob). */
  readonly explicit: boolean;
}

export interface Expansion {
  readonly targets: readonly Target[];
  /** Arguments that stand for no draft at all: a glob that matches nothing, a folder without drafts. */
  readonly empty: readonly { readonly arg: string; readonly kind: 'glob' | 'directory' }[];
}

/** Names are relative to the working directory when the arguments are. */
export function expandArguments(args: readonly string[]): Expansion {
  const cwd = process.cwd();
  const gitIgnores = new GitIgnores(nodeFiles);
  const seen = new Set<string>();
  const targets: Target[] = [];
  const empty: { arg: string; kind: 'glob' | 'directory' }[] = [];
  const add = (name: string, explicit: boolean): void => {
    const key = path.resolve(cwd, name);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ name, explicit });
  };
  for (const arg of args) {
    const kind = kindOf(path.resolve(cwd, arg));
    // An existing path wins over reading it as a glob: "[draft] notes.md" is a file name.
    if (kind === 'file' || (kind === 'missing' && !isDynamicPattern(arg))) {
      add(arg, true);
      continue;
    }
    const found = kind === 'directory' ? draftsIn(arg, cwd) : globbed(arg, cwd);
    const kept = found.filter((name) => !gitIgnores.ignores(path.resolve(cwd, name)));
    if (kept.length === 0) empty.push({ arg, kind: kind === 'directory' ? 'directory' : 'glob' });
    for (const name of kept) add(name, false);
  }
  return { targets, empty };
}

/** The drafts' total size in bytes; one that cannot be read counts nothing (reading it will say why). */
export function totalBytes(targets: readonly Target[]): number {
  let bytes = 0;
  for (const { name } of targets) {
    try {
      bytes += statSync(name).size;
    } catch {
      // told when it is read
    }
  }
  return bytes;
}

function kindOf(p: string): 'file' | 'directory' | 'missing' {
  try {
    return statSync(p).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

function draftsIn(dir: string, cwd: string): string[] {
  const pattern = `**/*.{${DRAFT_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
  const found = globSync(pattern, { cwd: path.resolve(cwd, dir), onlyFiles: true, dot: false, ignore: ALWAYS_SKIPPED, expandDirectories: false, caseSensitiveMatch: false });
  return found.sort(byCodeUnit).map((rel) => path.join(dir, rel));
}

function globbed(pattern: string, cwd: string): string[] {
  const absolute = path.isAbsolute(pattern);
  return globSync(pattern, { cwd, absolute, onlyFiles: true, dot: false, ignore: ALWAYS_SKIPPED, expandDirectories: false }).sort(byCodeUnit);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
