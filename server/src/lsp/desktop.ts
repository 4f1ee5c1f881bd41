/**
 * @file The desktop platform: documents are `file:` URIs on the disk, read with Node's `fs`.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeFiles } from '../node/files';
import type { Platform, Uris } from './platform';

export const nodeUris: Uris = {
  pathOf(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  // Node's spelling (`budget%20(v2).md`), which the workspace index keys drafts by (ProjectSettings.canonical).
  uriOf: (file) => pathToFileURL(file).toString(),
};

export const desktopPlatform: Platform = { uris: nodeUris, files: nodeFiles, describe: 'files read from disk' };
