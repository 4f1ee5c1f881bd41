/**
 * @file How URIs name files in a web worker. vscode.dev's documents are not on a disk (`vscode-vfs:`,
 * `vscode-test-web:`, ...), but the code shared with the desktop walks folders with the `path`
 * module, so each URI becomes a POSIX path that keeps its scheme and authority as the first two
 * segments: `vscode-vfs://github/owner/repo/a.md` is `/vscode-vfs/github/owner/repo/a.md`. Folders
 * of different repositories stay apart, and going up a folder never leaves the repository.
 */
import { URI } from 'vscode-uri';
import type { Uris } from '../lsp/platform';

/** The segment of an empty authority (`file:///x`), which no real authority is. */
const NO_AUTHORITY = '~';

export const workerUris: Uris = {
  pathOf(uri) {
    let parsed: URI;
    try {
      parsed = URI.parse(uri, true);
    } catch {
      return undefined;
    }
    // untitled:Untitled-1 and the like name no folder.
    if (!parsed.path.startsWith('/')) return undefined;
    const rest = parsed.path.replace(/\/+$/, '');
    return `/${encodeURIComponent(parsed.scheme)}/${parsed.authority ? encodeURIComponent(parsed.authority) : NO_AUTHORITY}${rest}`;
  },
  uriOf(file) {
    const [, scheme = '', authority = '', ...rest] = file.split('/');
    return URI.from({ scheme: decodeURIComponent(scheme), authority: authority === NO_AUTHORITY ? '' : decodeURIComponent(authority), path: `/${rest.join('/')}` }).toString();
  },
};
