/**
 * @file Which files of a workspace folder are drafts, for the workspace index and "Check all
 * drafts": what the include globs match, minus what `files.exclude` and `.gitignore` leave out,
 * and never anything in node_modules or .git. Folders are pruned as the walk meets them, so a large
 * node_modules or build folder costs one test, not one per file. Symbolic links are not followed.
 * (`.copydesk.json` `ignore` and the language settings are the caller's: they are per draft.)
 */
import path from 'node:path';
import { Minimatch } from 'minimatch';
import type { Files } from './access';
import type { GitIgnores } from './gitignore';

/** What `copydesk.workspace.include` defaults to: the names formatFor reads as Markdown, and .txt. */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.md', '**/*.markdown', '**/*.mdown', '**/*.mkd', '**/*.mdx', '**/*.txt'];

/** Tooling, never drafts, whatever the settings say. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export class DraftFilter {
  private readonly include: Minimatch[];
  private readonly exclude: Minimatch[];

  /**
   * @param root absolute path of the workspace folder; the globs are relative to it
   * @param include globs a draft must match (hidden folders only when a glob names them, as in `files.exclude`)
   * @param exclude `files.exclude` globs (those set to true), for files and folders alike
   */
  constructor(
    readonly root: string,
    include: readonly string[],
    exclude: readonly string[],
    private readonly git: GitIgnores,
  ) {
    this.include = include.map((g) => new Minimatch(g, { dot: false, nocase: true }));
    this.exclude = exclude.map((g) => new Minimatch(g, { dot: true }));
  }

  /** Whether `file` (an absolute path) is a draft by these rules, its folders included. */
  accepts(file: string): boolean {
    const rel = this.relative(file);
    if (rel === undefined) return false;
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (ALWAYS_SKIPPED.has(parts[i - 1]!) || this.excluded(dir)) return false;
    }
    return this.acceptsFile(rel, file);
  }

  /** For the walk, whose folders passed entersDir: the file itself matches and git does not ignore it. */
  acceptsFile(rel: string, absolute: string): boolean {
    return !this.excluded(rel) && this.include.some((m) => m.match(rel)) && !this.git.ignores(absolute);
  }

  /** The path relative to the root with forward slashes, or undefined outside it. */
  relative(file: string): string | undefined {
    const rel = path.relative(this.root, path.resolve(file));
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  /** Whether the walk goes into folder `rel`: not skipped, not excluded, not ignored by git, and some include glob can match below it. */
  entersDir(rel: string, absolute: string): boolean {
    if (ALWAYS_SKIPPED.has(path.posix.basename(rel)) || this.excluded(rel)) return false;
    return this.include.some((m) => m.match(rel, true)) && !this.git.ignores(absolute, true);
  }

  private excluded(rel: string): boolean {
    return this.exclude.some((m) => m.match(rel));
  }
}

/** The drafts under the filter's root, folder by folder in name order (the order is stable across runs). */
export async function* draftFilesIn(filter: DraftFilter, files: Pick<Files, 'list'>, isCancelled: () => boolean = () => false): AsyncGenerator<string> {
  const pending = [''];
  while (pending.length) {
    if (isCancelled()) return;
    const rel = pending.shift()!;
    const dir = path.join(filter.root, rel);
    const listed = await files.list(dir);
    if (!listed) continue; // gone or unreadable meanwhile: its drafts are not there to check
    const entries = [...listed].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      const absolute = path.join(dir, e.name);
      if (e.isDir) {
        if (filter.entersDir(childRel, absolute)) subdirs.push(childRel);
      } else if (filter.acceptsFile(childRel, absolute)) yield absolute;
    }
    pending.unshift(...subdirs);
  }
}
