/**
 * @file The workspace's files in a web worker, which has no disk: the server asks the editor, and
 * the VS Code client answers with `vscode.workspace.fs` (client/src/fileAccess.ts). Configuration
 * is read at once (`readNow`) by code shared with the desktop, so the texts fetched are kept: every
 * `.copydesk.json` of the workspace up front (one findFiles), anything else (a file one extends)
 * when it is first asked for; the asker then reads again (Platform.fetchMissed). `.git` is never
 * known here, so `.gitignore` leaves nothing out on the web (docs/architecture.md).
 */
import path from 'node:path';
import { RequestType, type Connection } from 'vscode-languageserver';
import type { DirEntry, Files, FileStat } from '../files/access';
import { CONFIG_NAME } from '../files/projectConfig';
import type { Uris } from '../lsp/platform';

/** Kept in step with client/src/fileAccess.ts, which answers them. */
export const readFileRequest = new RequestType<{ uri: string }, string | null, void>('copydesk/fs/readFile');
export const statRequest = new RequestType<{ uri: string }, { size: number; mtime: number } | null, void>('copydesk/fs/stat');
export const readDirectoryRequest = new RequestType<{ uri: string }, [string, boolean][] | null, void>('copydesk/fs/readDirectory');
/** URIs of the workspace's files matching a glob (`vscode.workspace.findFiles`). */
export const findFilesRequest = new RequestType<{ glob: string }, string[], void>('copydesk/fs/findFiles');

export class ClientFiles implements Files {
  /** Whether the client answers the requests above (it says so in initializationOptions). */
  enabled = false;
  /** Texts fetched, null for a file that is not there. */
  private readonly known = new Map<string, string | null>();
  /** Every .copydesk.json of the workspace is in `known`: one that is not is not there. */
  private listed = false;
  private readonly missed = new Set<string>();
  private fetching: Promise<boolean> = Promise.resolve(false);

  constructor(
    private readonly connection: Connection,
    private readonly uris: Uris,
  ) {}

  readNow(file: string): string | undefined {
    const text = this.known.get(file);
    if (text !== undefined) return text ?? undefined;
    if (this.enabled && !(this.listed && path.basename(file) === CONFIG_NAME)) this.missed.add(file);
    return undefined;
  }

  existsNow(file: string): boolean {
    return typeof this.known.get(file) === 'string';
  }

  async read(file: string): Promise<string | undefined> {
    if (!this.enabled) return undefined;
    return (await this.ask(readFileRequest, { uri: this.uris.uriOf(file) })) ?? undefined;
  }

  async stat(file: string): Promise<FileStat | undefined> {
    if (!this.enabled) return undefined;
    const stat = await this.ask(statRequest, { uri: this.uris.uriOf(file) });
    return stat ? { size: stat.size, mtimeMs: stat.mtime } : undefined;
  }

  async list(dir: string): Promise<readonly DirEntry[] | undefined> {
    if (!this.enabled) return undefined;
    const entries = await this.ask(readDirectoryRequest, { uri: this.uris.uriOf(dir) });
    return entries?.map(([name, isDir]) => ({ name, isDir }));
  }

  /** Fetches what readNow missed (the first time, every .copydesk.json too); whether any of it exists. */
  fetchMissed(): Promise<boolean> {
    if (!this.enabled) return Promise.resolve(false);
    // One fetch at a time; a later asker finds what an earlier one fetched.
    const run = this.fetching.then(() => (this.listed && !this.missed.size ? false : this.fetch()));
    this.fetching = run.catch(() => false);
    return run;
  }

  /** The configuration changed: what was fetched may be out of date. */
  forget(): void {
    this.known.clear();
    this.missed.clear();
    this.listed = false;
  }

  private async fetch(): Promise<boolean> {
    let found = false;
    if (!this.listed) {
      const uris = (await this.ask(findFilesRequest, { glob: `**/${CONFIG_NAME}` })) ?? [];
      const there = new Set(uris.flatMap((uri) => this.uris.pathOf(uri) ?? []));
      // Listed: a configuration file not in the list is not there, without asking for it.
      for (const file of this.missed) if (path.basename(file) === CONFIG_NAME && !there.has(file)) this.missed.delete(file);
      for (const file of there) this.missed.add(file);
      this.listed = true;
    }
    const files = [...this.missed];
    this.missed.clear();
    for (const file of files) {
      if (this.known.has(file)) continue;
      const text = await this.read(file);
      this.known.set(file, text ?? null);
      if (text !== undefined) found = true;
    }
    return found;
  }

  /** A request that fails (the client went away, or answers something else) counts as "not there". */
  private async ask<P, R>(type: RequestType<P, R, void>, params: P): Promise<R | undefined> {
    try {
      return (await this.connection.sendRequest(type.method, params)) as R;
    } catch {
      return undefined;
    }
  }
}
