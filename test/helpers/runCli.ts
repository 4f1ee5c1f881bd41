/**
 * @file Runs `copydesk` in-process with a fake terminal, on drafts written to fresh temporary
 * folders, for the CLI's tests.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { main } from '../../server/src/cli/main';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `cwd`: the working directory for the run (paths in CI formats are relative to it). */
export async function runCli(argv: readonly string[], options: { stdin?: string; isTty?: boolean; env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  if (options.cwd !== undefined) process.chdir(options.cwd);
  try {
    const code = await main(argv, {
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      readStdin: () => Buffer.from(options.stdin ?? '', 'utf8'),
      isTty: options.isTty ?? false,
      version: '0.0.0-test',
      ...(options.env ? { env: options.env } : {}),
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

const root = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
// Registered when a test file imports this helper, so it runs once, after all of that file's tests.
after(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder holding `files` (paths may have folders: "drafts/a.md"); removed after the test file. */
export function tempTree(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(root, 'case-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Runs `fn` with the working directory set to `dir` (paths in CI formats are relative to it). */
export function inDir<T>(dir: string, fn: () => T): T {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return fn();
  } finally {
    process.chdir(before);
  }
}
