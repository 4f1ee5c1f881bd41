/**
 * @file The other drafts of the workspace, for reused-paragraph and "Check all drafts". Lists each
 * workspace folder's drafts (files/draftFiles.ts: include globs, files.exclude, .gitignore; then each
 * draft's .copydesk.json `ignore` and languages) and keeps the paragraph index of all of them
 * (core/paragraphIndex.ts): built in the background after initialize, one file at a time with the
 * event loop free between files, then kept up to date from watched-file events and from open
 * drafts' live text. Reading the files is read-only and runs nothing, so it happens in untrusted
 * workspaces too (docs/configuration.md).
 */
import path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection, type Disposable, type FileEvent, type FileSystemWatcher } from 'vscode-languageserver';
import { computeLineStarts } from '../core/lines';
import { summarizeDraft, type DraftSummary, type IndexedParagraph } from '../core/paragraphDigest';
import { ParagraphIndex, type IndexLookup } from '../core/paragraphIndex';
import { buildSourceText, formatFor } from '../core/text';
import type { Files } from '../files/access';
import { DraftFilter, draftFilesIn } from '../files/draftFiles';
import { GitIgnores } from '../files/gitignore';
import { CONFIG_NAME } from '../files/projectConfig';
import type { ProjectSettings } from './project';
import type { DocumentSettings } from './settings';
import { yieldNow } from './yieldNow';
import { excludeGlobs, languageOf, ruleOn, workspaceSettings, type WorkspaceSettings } from './workspaceSettings';

export interface WorkspaceHost {
  /** Absolute paths of the workspace folders. */
  roots(): readonly string[];
  /** The live text of an open document, by any spelling of its URI. */
  openText(uri: string): string | undefined;
  /** The open draft's indexable paragraphs as its last lint saw them, when that lint was of its current text. */
  lintedParagraphs(uri: string): Promise<readonly IndexedParagraph[] | undefined>;
  /** The user's copydesk settings for a folder or a file. */
  settings(scopeUri: string): Promise<DocumentSettings>;
  /** A settings section the server does not otherwise read (`files.exclude`, `copydesk.workspace`); undefined without workspace/configuration. */
  section(scopeUri: string, section: string): Promise<unknown>;
  readonly project: ProjectSettings;
  /** The disk, or in a web worker the editor's files. */
  readonly files: Files;
  /** `project.projectStatus`, once the configuration files it reads are at hand (a worker fetches them). */
  projectStatus(file: string): Promise<ReturnType<ProjectSettings['projectStatus']>>;
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
/**
 * An open draft longer than this goes into the index from its live text only on save, not on each
 * pause in typing: indexing a 4 MB draft's 10,000 paragraphs holds the server up for over a second
 * (measured: 1.7 s of the first keystroke after opening one), and reading its text puts it together.
 */
const LIVE_SEGMENT_MAX = 1_000_000;
const LIVE_DELAY_MS = 300;
const INDEX_NOTICE_MS = 250;

export class WorkspaceDrafts {
  readonly index = new ParagraphIndex();
  private readonly git: GitIgnores;
  private folders: Folder[] = [];
  /** Size and time of each draft read from disk, so a rebuild skips files that have not changed. */
  private readonly known = new Map<string, { readonly size: number; readonly mtimeMs: number }>();
  private run = 0;
  /** Settles when the latest build, scheduled or running, has read every draft. */
  private built: Promise<void> = Promise.resolve();
  private settleBuilt: (() => void) | undefined;
  private rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly liveTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private queue: Promise<void> = Promise.resolve();
  private watching: { key: string; registration: Promise<Disposable> } | undefined;

  constructor(
    private readonly host: WorkspaceHost,
    private readonly connection: Connection,
    private readonly watch: { readonly dynamic: boolean; readonly relativePatterns: boolean },
  ) {
    this.git = new GitIgnores(host.files);
  }

  /** What reused-paragraph compares `uri` with, or undefined where the rule is off in settings. */
  lookupFor(uri: string): IndexLookup | undefined {
    const file = this.host.project.pathOf(uri);
    const folder = file ? this.folderOf(file) : undefined;
    // A draft outside the folders (untitled, or opened from elsewhere) is compared with the folders that index.
    if (folder ? !folder.indexed : !this.folders.some((f) => f.indexed)) return undefined;
    return this.index.lookupFor(this.host.project.canonical(uri));
  }

  /** Reads the folders again, soon (settings, folders, trust, a .copydesk.json or a .gitignore changed). */
  rebuild(delay = REBUILD_DELAY_MS): void {
    clearTimeout(this.rebuildTimer);
    const run = ++this.run;
    // Whoever waits for an earlier build waits for this one, which replaces it.
    const earlier = this.settleBuilt;
    let settle!: () => void;
    this.built = new Promise((resolve) => (settle = resolve));
    this.settleBuilt = settle;
    if (earlier) void this.built.then(earlier);
    this.rebuildTimer = setTimeout(() => {
      void this.build(run)
        .catch((error: unknown) => this.host.warn(`Copydesk: reading the workspace's drafts failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          if (run !== this.run) return;
          this.settleBuilt = undefined;
          settle();
        });
    }, delay);
  }

  /** Resolves when the index holds every draft (after the build scheduled or running, if any), or once cancelled. */
  async ready(isCancelled: () => boolean = () => false): Promise<void> {
    let poll: ReturnType<typeof setInterval> | undefined;
    const cancelled = new Promise<void>((resolve) => (poll = setInterval(() => isCancelled() && resolve(), 50)));
    try {
      await Promise.race([this.built, cancelled]);
    } finally {
      clearInterval(poll);
    }
  }

  /** Every draft of the workspace, for "Check all drafts": URIs in folder and path order. */
  async drafts(isCancelled: () => boolean): Promise<{ uris: string[]; capped: boolean }> {
    const uris: string[] = [];
    let capped = false;
    for (const root of this.host.roots()) {
      const folder = await this.prepare(root);
      if (!folder.user.enable) continue;
      for await (const file of draftFilesIn(folder.filter, this.host.files, isCancelled)) {
        if (!(await this.wanted(file, folder))) continue;
        if (uris.length >= folder.settings.maxFiles) {
          capped = true;
          break;
        }
        uris.push(this.host.project.uriOf(file));
      }
    }
    return { uris, capped };
  }

  /** Watched-file events: drafts created, changed or deleted on disk, and .gitignore files. */
  filesChanged(changes: readonly FileEvent[]): void {
    const events = [...changes];
    this.queue = this.queue.then(async () => {
      let changed = false;
      for (const event of events) {
        const uri = this.host.project.canonical(event.uri);
        const type = event.type;
        const file = this.host.project.pathOf(uri);
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
        // Saved: its live text counts (a long draft is indexed only now).
        else changed = (await this.indexLive(uri, file, folder, true)) || changed;
      }
      if (changed) this.noticeSoon();
    });
  }

  /** An open draft was edited: its live text replaces what the index has, after a pause in typing. */
  documentChanged(editorUri: string, length: number): void {
    if (length > LIVE_SEGMENT_MAX) return;
    const uri = this.host.project.canonical(editorUri);
    const file = this.host.project.pathOf(uri);
    const folder = file ? this.folderOf(file) : undefined;
    if (!file || !folder?.indexed) return;
    clearTimeout(this.liveTimers.get(uri));
    this.liveTimers.set(
      uri,
      setTimeout(() => {
        this.liveTimers.delete(uri);
        void this.indexLive(uri, file, folder, false).then((changed) => changed && this.noticeSoon());
      }, LIVE_DELAY_MS + Math.floor(length / 4_000)),
    );
  }

  /** An open draft's live text into the index; whether the index changed. */
  private async indexLive(uri: string, file: string, folder: Folder, saved: boolean): Promise<boolean> {
    if (!folder.indexed || !(await this.wanted(file, folder))) return false;
    const summary = await this.liveSummary(uri, file, folder, saved);
    if (!summary) return false;
    this.known.delete(uri);
    return this.index.set(uri, summary);
  }

  /** The paragraphs the draft's lint already found (no second segmentation), else a fresh reading of a draft short enough. */
  private async liveSummary(uri: string, file: string, folder: Folder, saved: boolean): Promise<DraftSummary | undefined> {
    const text = this.host.openText(uri);
    if (text === undefined) return undefined;
    const paragraphs = await this.host.lintedParagraphs(uri);
    // The text may have moved on while the lint finished: then the paragraphs are not this text's.
    if (paragraphs && this.host.openText(uri) === text) return { name: this.nameOf(file, folder), paragraphs, lineStarts: computeLineStarts(text) };
    if (text.length > LIVE_SEGMENT_MAX && !saved) return undefined;
    return summarizeDraft(buildSourceText(text, formatFor(file)), this.nameOf(file, folder));
  }

  /** An open draft was closed: its unsaved edits are gone, so the disk's text counts again. */
  documentClosed(editorUri: string): void {
    const uri = this.host.project.canonical(editorUri);
    clearTimeout(this.liveTimers.get(uri));
    this.liveTimers.delete(uri);
    const file = this.host.project.pathOf(uri);
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
      for await (const file of draftFilesIn(folder.filter, this.host.files, () => run !== this.run)) {
        if (count >= folder.settings.maxFiles) {
          this.host.warn(`Copydesk: ${path.basename(folder.root)} has more than ${folder.settings.maxFiles} drafts; only the first ${folder.settings.maxFiles} are compared for reused paragraphs (copydesk.workspace.maxFiles).`);
          break;
        }
        const uri = this.host.project.uriOf(file);
        if (await this.indexFile(file, uri, folder)) (seen.add(uri), count++);
        if (run !== this.run) return;
        this.noticeSoon();
        // One draft at a time: requests and keystrokes are answered between files.
        await yieldNow();
      }
    }
    if (run !== this.run) return;
    for (const id of [...this.index.ids()]) if (!seen.has(id)) (this.index.remove(id), this.known.delete(id));
    this.noticeSoon();
  }

  private async prepare(root: string): Promise<Folder> {
    const uri = this.host.project.uriOf(root);
    const user = await this.host.settings(uri);
    const settings = workspaceSettings(await this.host.section(uri, 'copydesk.workspace'));
    const filter = new DraftFilter(root, settings.include, excludeGlobs(await this.host.section(uri, 'files.exclude')), this.git);
    return { root, uri, filter, user, settings, indexed: user.enable && ruleOn(user.rules) };
  }

  /** Whether `file` is a draft to check: the folder's filter, then its .copydesk.json and languages. */
  private async wanted(file: string, folder: Folder): Promise<boolean> {
    if (!folder.filter.accepts(file)) return false;
    const status = await this.host.projectStatus(file);
    return !status.ignored && (status.languages ?? folder.user.languages).includes(languageOf(file));
  }

  /** Indexes one draft (its live text when open, else the disk's); false, and out of the index, when it is not a draft. */
  private async indexFile(file: string, uri: string, folder: Folder): Promise<boolean> {
    if (!folder.indexed || !(await this.wanted(file, folder))) return this.forget(uri);
    if (this.host.openText(uri) !== undefined) return (await this.indexLive(uri, file, folder, true), true);
    try {
      const stat = await this.host.files.stat(file);
      if (!stat) return this.forget(uri);
      const { size, mtimeMs } = stat;
      const known = this.known.get(uri);
      if (known && known.size === size && known.mtimeMs === mtimeMs && this.index.has(uri)) return true;
      if (size > folder.user.maxDocumentSize) return this.forget(uri);
      const text = await this.host.files.read(file);
      // A NUL byte: not text, whatever its name says.
      if (text === undefined || text.includes('\u0000')) return this.forget(uri);
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
