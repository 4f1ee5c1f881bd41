/**
 * @file The other drafts of the workspace, for reused-paragraph and "Check all drafts". Lists each
 * workspace folder's drafts (node/draftFiles.ts: include globs, files.exclude, .gitignore; then each
 * draft's .copydesk.json `ignore` and languages) and keeps the paragraph index of all of them
 * (core/paragraphIndex.ts): built in the background after initialize, one file at a time with the
 * event loop free between files, then kept up to date from watched-file events and from open
 * drafts' live text. Reading the files is read-only and runs nothing, so it happens in untrusted
 * workspaces too (docs/configuration.md).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection, type Disposable, type FileEvent, type FileSystemWatcher } from 'vscode-languageserver';
import { ParagraphIndex, summarizeDraft, type ParagraphLookup } from '../core/paragraphIndex';
import { buildSourceText, formatFor } from '../core/text';
import { DEFAULT_INCLUDE, DraftFilter, draftFilesIn } from '../node/draftFiles';
import { GitIgnores } from '../node/gitignore';
import { CONFIG_NAME } from '../node/projectConfig';
import { fsPathOf, type ProjectSettings } from './project';
import type { DocumentSettings } from './settings';

/** The `copydesk.workspace.*` settings. */
export interface WorkspaceSettings {
  /** Globs, relative to each workspace folder, of the files that are drafts. */
  readonly include: readonly string[];
  /** At most this many drafts are read (you are told once). */
  readonly maxFiles: number;
}
export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = { include: DEFAULT_INCLUDE, maxFiles: 5000 };

export interface WorkspaceHost {
  /** Absolute paths of the workspace folders. */
  roots(): readonly string[];
  /** The live text of an open document. */
  openText(uri: string): string | undefined;
  /** The user's copydesk settings for a folder or a file. */
  settings(scopeUri: string): Promise<DocumentSettings>;
  /** A settings section the server does not otherwise read (`files.exclude`, `copydesk.workspace`); undefined without workspace/configuration. */
  section(scopeUri: string, section: string): Promise<unknown>;
  readonly project: ProjectSettings;
  /** The index changed: drafts checked against the old one may be stale. Called at most every INDEX_NOTICE_MS. */
  indexChanged(): void;
  /** A message for the writer, told once. */
  warn(message: string): void;
}

/** A folder as the last build saw it. */
interface Folder {
  readonly root: string;
  readonly uri: string;
  readonly filter: DraftFilter;
  readonly user: DocumentSettings;
  readonly settings: WorkspaceSettings;
  /** reused-paragraph is on here: the folder's drafts are indexed. */
  readonly indexed: boolean;
}

const REBUILD_DELAY_MS = 500;
const LIVE_DELAY_MS = 300;
const INDEX_NOTICE_MS = 250;
const RULE = 'reused-paragraph';

export class WorkspaceDrafts {
  readonly index = new ParagraphIndex();
  private readonly git = new GitIgnores();
  private folders: Folder[] = [];
  /** Size and time of each draft read from disk, so a rebuild skips files that have not changed. */
  private readonly known = new Map<string, { readonly size: number; readonly mtimeMs: number }>();
  private run = 0;
  private built: Promise<void> = Promise.resolve();
  private rebuildTimer: NodeJS.Timeout | undefined;
  private noticeTimer: NodeJS.Timeout | undefined;
  private readonly liveTimers = new Map<string, NodeJS.Timeout>();
  private queue: Promise<void> = Promise.resolve();
  private watching: { key: string; registration: Promise<Disposable> } | undefined;

  constructor(
    private readonly host: WorkspaceHost,
    private readonly connection: Connection,
    private readonly watch: { readonly dynamic: boolean; readonly relativePatterns: boolean },
  ) {}

  /** What reused-paragraph compares `uri` with, or undefined where the rule is off in settings. */
  lookupFor(uri: string): ParagraphLookup | undefined {
    const file = fsPathOf(uri);
    const folder = file ? this.folderOf(file) : undefined;
    // A draft outside the folders (untitled, or opened from elsewhere) is compared with the folders that index.
    if (folder ? !folder.indexed : !this.folders.some((f) => f.indexed)) return undefined;
    return this.index.lookupFor(uri);
  }

  /** Reads the folders again, soon (settings, folders, trust, a .copydesk.json or a .gitignore changed). */
  rebuild(delay = REBUILD_DELAY_MS): void {
    clearTimeout(this.rebuildTimer);
    this.rebuildTimer = setTimeout(() => {
      const run = ++this.run;
      this.built = this.build(run).catch((error: unknown) => this.host.warn(`Copydesk: reading the workspace's drafts failed: ${error instanceof Error ? error.message : String(error)}`));
    }, delay);
  }

  /** Resolves when the index holds every draft (after the build in progress, if any). */
  async ready(isCancelled: () => boolean = () => false): Promise<void> {
    for (let run = -1; run !== this.run && !isCancelled(); ) {
      run = this.run;
      await this.built;
    }
  }

  /** Every draft of the workspace, for "Check all drafts": URIs in folder and path order. */
  async drafts(isCancelled: () => boolean): Promise<{ uris: string[]; capped: boolean }> {
    const uris: string[] = [];
    let capped = false;
    for (const root of this.host.roots()) {
      const folder = await this.prepare(root);
      if (!folder.user.enable) continue;
      for await (const file of draftFilesIn(folder.filter, isCancelled)) {
        if (!this.wanted(file, folder)) continue;
        if (uris.length >= folder.settings.maxFiles) {
          capped = true;
          break;
        }
        uris.push(pathToFileURL(file).toString());
      }
    }
    return { uris, capped };
  }

  /** Watched-file events: drafts created, changed or deleted on disk, and .gitignore files. */
  filesChanged(changes: readonly FileEvent[]): void {
    const events = [...changes];
    this.queue = this.queue.then(async () => {
      let changed = false;
      for (const { uri, type } of events) {
        const file = fsPathOf(uri);
        const folder = file ? this.folderOf(file) : undefined;
        if (!file || !folder) continue;
        const name = path.basename(file);
        if (name === CONFIG_NAME) continue; // the server rebuilds on configuration changes
        if (name === '.gitignore') {
          this.rebuild();
          continue;
        }
        if (type === FileChangeType.Deleted) changed = this.forgetUnder(uri) || changed;
        else if (this.host.openText(uri) === undefined) changed = (await this.indexFile(file, uri, folder)) || changed;
      }
      if (changed) this.noticeSoon();
    });
  }

  /** An open draft was edited: its live text replaces what the index has, after a pause in typing. */
  documentChanged(uri: string, length: number): void {
    const file = fsPathOf(uri);
    const folder = file ? this.folderOf(file) : undefined;
    if (!file || !folder?.indexed) return;
    clearTimeout(this.liveTimers.get(uri));
    this.liveTimers.set(
      uri,
      setTimeout(() => {
        this.liveTimers.delete(uri);
        const live = this.host.openText(uri);
        if (live === undefined || !this.wanted(file, folder)) return;
        this.known.delete(uri);
        if (this.index.set(uri, summarizeDraft(buildSourceText(live, formatFor(file)), this.nameOf(file, folder)))) this.noticeSoon();
      }, LIVE_DELAY_MS + Math.floor(length / 20_000)),
    );
  }

  /** An open draft was closed: its unsaved edits are gone, so the disk's text counts again. */
  documentClosed(uri: string): void {
    clearTimeout(this.liveTimers.get(uri));
    this.liveTimers.delete(uri);
    const file = fsPathOf(uri);
    if (file && this.folderOf(file)) this.filesChanged([{ uri, type: FileChangeType.Changed }]);
  }

  private async build(run: number): Promise<void> {
    this.git.forget();
    const folders: Folder[] = [];
    for (const root of this.host.roots()) folders.push(await this.prepare(root));
    this.folders = folders;
    this.registerWatchers(folders);
    const seen = new Set<string>();
    for (const folder of folders.filter((f) => f.indexed)) {
      let count = 0;
      for await (const file of draftFilesIn(folder.filter, () => run !== this.run)) {
        if (count >= folder.settings.maxFiles) {
          this.host.warn(`Copydesk: ${path.basename(folder.root)} has more than ${folder.settings.maxFiles} drafts; only the first ${folder.settings.maxFiles} are compared for reused paragraphs (copydesk.workspace.maxFiles).`);
          break;
        }
        const uri = pathToFileURL(file).toString();
        if (await this.indexFile(file, uri, folder)) (seen.add(uri), count++);
        if (run !== this.run) return;
        this.noticeSoon();
        // One draft at a time: requests and keystrokes are answered between files.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (run !== this.run) return;
    for (const id of [...this.index.ids()]) if (!seen.has(id)) (this.index.remove(id), this.known.delete(id));
    this.noticeSoon();
  }

  private async prepare(root: string): Promise<Folder> {
    const uri = pathToFileURL(root).toString();
    const user = await this.host.settings(uri);
    const settings = workspaceSettings(await this.host.section(uri, 'copydesk.workspace'));
    const filter = new DraftFilter(root, settings.include, excludeGlobs(await this.host.section(uri, 'files.exclude')), this.git);
    return { root, uri, filter, user, settings, indexed: user.enable && ruleOn(user.rules) };
  }

  /** Whether `file` is a draft to check: the folder's filter, then its .copydesk.json and languages. */
  private wanted(file: string, folder: Folder): boolean {
    if (!folder.filter.accepts(file)) return false;
    const status = this.host.project.projectStatus(file);
    return !status.ignored && (status.languages ?? folder.user.languages).includes(languageOf(file));
  }

  /** Indexes one draft (its live text when open, else the disk's); false, and out of the index, when it is not a draft. */
  private async indexFile(file: string, uri: string, folder: Folder): Promise<boolean> {
    if (!folder.indexed || !this.wanted(file, folder)) return this.forget(uri);
    const live = this.host.openText(uri);
    if (live !== undefined) {
      this.known.delete(uri);
      this.index.set(uri, summarizeDraft(buildSourceText(live, formatFor(file)), this.nameOf(file, folder)));
      return true;
    }
    try {
      const { size, mtimeMs } = await stat(file);
      const known = this.known.get(uri);
      if (known && known.size === size && known.mtimeMs === mtimeMs && this.index.has(uri)) return true;
      if (size > folder.user.maxDocumentSize) return this.forget(uri);
      const text = await readFile(file, 'utf8');
      // A NUL byte: not text, whatever its name says.
      if (text.includes('\u0000')) return this.forget(uri);
      this.index.set(uri, summarizeDraft(buildSourceText(text, formatFor(file)), this.nameOf(file, folder)));
      this.known.set(uri, { size, mtimeMs });
      return true;
    } catch {
      return this.forget(uri);
    }
  }

  private forget(uri: string): false {
    this.index.remove(uri);
    this.known.delete(uri);
    return false;
  }

  /** A deleted file, or every draft under a deleted folder; whether the index changed. */
  private forgetUnder(uri: string): boolean {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    let changed = false;
    for (const id of [...this.index.ids()]) if (id === uri || id.startsWith(prefix)) changed = this.index.remove(id) || changed;
    for (const id of [...this.known.keys()]) if (id === uri || id.startsWith(prefix)) this.known.delete(id);
    return changed;
  }

  private folderOf(file: string): Folder | undefined {
    return this.folders.find((f) => f.filter.relative(file) !== undefined);
  }

  /** How messages name a draft: its path in its folder, with the folder's name when there are several. */
  private nameOf(file: string, folder: Folder): string {
    const rel = folder.filter.relative(file) ?? path.basename(file);
    return this.folders.length > 1 ? `${path.basename(folder.root)}/${rel}` : rel;
  }

  private noticeSoon(): void {
    this.noticeTimer ??= setTimeout(() => {
      this.noticeTimer = undefined;
      this.host.indexChanged();
    }, INDEX_NOTICE_MS);
  }

  /** Drafts (the include globs, per folder where the client can say so), .gitignore files, and deletions of anything (a deleted folder is one event). */
  private registerWatchers(folders: readonly Folder[]): void {
    if (!this.watch.dynamic) return;
    const drafts: FileSystemWatcher[] = this.watch.relativePatterns
      ? folders.flatMap((f) => f.settings.include.map((pattern) => ({ globPattern: { baseUri: f.uri, pattern } })))
      : [{ globPattern: '**/*' }];
    const watchers: FileSystemWatcher[] = [...drafts, { globPattern: '**/.gitignore' }, { globPattern: '**/*', kind: WatchKind.Delete }];
    const key = JSON.stringify(watchers);
    if (this.watching?.key === key) return;
    void this.watching?.registration.then((d) => d.dispose());
    this.watching = { key, registration: this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) };
  }
}

/** The language id a draft on disk is checked as: Markdown by its name, plain text otherwise. */
export function languageOf(file: string): string {
  return formatFor(file) === 'markdown' ? 'markdown' : 'plaintext';
}

function ruleOn(rules: unknown): boolean {
  const setting = typeof rules === 'object' && rules !== null ? (rules as Record<string, unknown>)[RULE] : undefined;
  if (setting === 'off') return false;
  return !(typeof setting === 'object' && setting !== null && (setting as Record<string, unknown>)['severity'] === 'off');
}

/** Tolerant reading of `copydesk.workspace`: anything malformed falls back to its default. */
export function workspaceSettings(raw: unknown): WorkspaceSettings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const include = Array.isArray(r['include']) ? r['include'].filter((g): g is string => typeof g === 'string' && g.trim() !== '') : DEFAULT_WORKSPACE_SETTINGS.include;
  const max = r['maxFiles'];
  return { include, maxFiles: typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : DEFAULT_WORKSPACE_SETTINGS.maxFiles };
}

/** The globs of `files.exclude` that are on. A `{ "when": … }` sibling clause is not followed: that glob excludes nothing here. */
export function excludeGlobs(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null) return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([glob, on]) => (on === true ? [glob] : []));
}
