/**
 * @file Reads a draft for the CLI and says clearly why a path cannot be checked (missing,
 * a directory, a pipe or device, unreadable, binary, not UTF-8) instead of crashing, hanging or
 * linting garbage.
 */
import { readFileSync, statSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readDraft(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, message: `${path}: is a directory; name the drafts inside it` };
    // Reading a named pipe waits for a writer, for ever if there is none; devices and sockets are not drafts.
    if (!stat.isFile()) return { ok: false, message: `${path}: is not a regular file (a pipe, socket or device); to check what it holds, pipe it in with --stdin` };
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, message: `${path}: ${describeError(error)}` };
  }
  return decodeDraft(path, bytes);
}

export function decodeDraft(name: string, bytes: Uint8Array): ReadResult {
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, message: `${name}: looks like a binary file, not a text draft; skipped` };
  try {
    // ignoreBOM keeps a byte-order mark in the text, so offsets and --fix round-trip it.
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: `${name}: is not valid UTF-8 text (save it as UTF-8); skipped` };
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}
