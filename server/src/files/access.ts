/**
 * @file How the server and the CLI read a workspace's files, wherever they run: on the desktop
 * straight from the disk (node/files.ts), in a web worker through the editor (browser/files.ts).
 * Paths are absolute and in the form of the `path` module (POSIX in a worker).
 */

export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
}

export interface DirEntry {
  readonly name: string;
  readonly isDir: boolean;
}

export interface Files {
  /**
   * A small file's text at once (`.copydesk.json`, `.gitignore`): undefined when it is missing or
   * not a file. In a worker, also when it has not been fetched yet (browser/files.ts fetches it
   * and the caller asks again).
   */
  readNow(file: string): string | undefined;
  /** Whether a file or folder exists, as far as can be told at once (a work tree's `.git`). */
  existsNow(path: string): boolean;
  /** A file's text; undefined when it is missing or cannot be read. */
  read(file: string): Promise<string | undefined>;
  stat(file: string): Promise<FileStat | undefined>;
  /** A folder's files and folders (links and the rest left out); undefined when it cannot be read. */
  list(dir: string): Promise<readonly DirEntry[] | undefined>;
}
