/**
 * @file Atomic rewrite for --fix: the new text goes to a temporary file beside the draft, which is
 * then renamed over it, so an interrupted run leaves the old draft or the new one, never half.
 */
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.copydesk-${process.pid}.tmp`);
  const mode = statSync(path).mode & 0o7777;
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, text, null, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}
