/**
 * @file Answers the web worker's server when it asks for the workspace's files (a worker has no
 * disk): `vscode.workspace.fs` reads them wherever the workspace lives (vscode.dev's GitHub file
 * system, a remote, the disk). The desktop server reads the disk itself and never asks. Each
 * request answers null for a file that is not there or cannot be read, never an error.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

/** Kept in step with server/src/browser/files.ts (the client cannot import server code). */
const READ_FILE = 'copydesk/fs/readFile';
const STAT = 'copydesk/fs/stat';
const READ_DIRECTORY = 'copydesk/fs/readDirectory';
const FIND_FILES = 'copydesk/fs/findFiles';

interface UriParams {
  readonly uri: string;
}

export function registerFileAccess(client: BaseLanguageClient): void {
  const uriOf = (params: UriParams): vscode.Uri => client.protocol2CodeConverter.asUri(params.uri);
  const orNull = async <T>(read: () => Thenable<T>): Promise<T | null> => {
    try {
      return await read();
    } catch {
      return null;
    }
  };
  client.onRequest(READ_FILE, (params: UriParams) => orNull(async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(params)))));
  client.onRequest(STAT, (params: UriParams) =>
    orNull(async () => {
      const stat = await vscode.workspace.fs.stat(uriOf(params));
      return stat.type & vscode.FileType.File ? { size: stat.size, mtime: stat.mtime } : null;
    }),
  );
  // Links are left out, as the desktop's walk does not follow them.
  client.onRequest(READ_DIRECTORY, (params: UriParams) =>
    orNull(async () =>
      (await vscode.workspace.fs.readDirectory(uriOf(params)))
        .filter(([, type]) => type === vscode.FileType.File || type === vscode.FileType.Directory)
        .map(([name, type]) => [name, type === vscode.FileType.Directory] as const),
    ),
  );
  client.onRequest(FIND_FILES, async ({ glob }: { glob: string }) => (await vscode.workspace.findFiles(glob)).map((uri) => client.code2ProtocolConverter.asUri(uri)));
}
