/**
 * @file What the language session needs from the place it runs in. session.ts is the same on the
 * desktop (lsp/desktop.ts: Node, the disk) and in a web worker (browser/platform.ts: vscode.dev,
 * files only through the editor); a Platform is the whole difference.
 */
import type { InitializeParams } from 'vscode-languageserver';
import type { Files } from '../files/access';

/** How a document's URI names a file the server can read, and back. */
export interface Uris {
  /** The file's absolute path; undefined for an untitled draft or a URI the platform cannot read. */
  pathOf(uri: string): string | undefined;
  /** The URI of a path that `pathOf` gave: `pathOf(uriOf(p)) === p`. */
  uriOf(path: string): string;
}

export interface Platform {
  readonly uris: Uris;
  readonly files: Files;
  /**
   * Where `files.readNow` can miss a file that exists (a worker fetches through the editor): fetch
   * what it missed and say whether any of it was found, so that the caller asks again. Absent where
   * `readNow` always knows.
   */
  fetchMissed?(): Promise<boolean>;
  /** The configuration changed (a .copydesk.json, settings, folders, trust): forget what was fetched. */
  forgetFiles?(): void;
  /** Told the client's initialize parameters before the session answers them (what the client offers). */
  initialize?(params: InitializeParams): void;
  /** What the log says the server reads: the disk, or the editor's files. */
  readonly describe: string;
}
