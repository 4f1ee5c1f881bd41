/** @file Runs bench/child.ts in a fresh Node process (through tsx) and reads its one JSON line. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

export interface ChildOutcome<T> {
  readonly value?: T;
  /** Why there is no value: the child's error, its exit, or the timeout. */
  readonly error?: string;
  readonly wallMs: number;
}

export function runChild<T>(args: readonly string[], timeoutMs: number): Promise<ChildOutcome<T>> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'child.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - start;
      const line = stdout.trim().split('\n').pop() ?? '';
      let parsed: (T & { error?: string }) | undefined;
      try {
        parsed = JSON.parse(line) as T & { error?: string };
      } catch {
        parsed = undefined;
      }
      if (timedOut) resolve({ error: `stopped after ${Math.round(timeoutMs / 1000)} s`, wallMs });
      else if (parsed && !parsed.error && code === 0) resolve({ value: parsed, wallMs });
      else resolve({ error: firstLines(parsed?.error ?? (stderr || `exited with code ${code}, signal ${signal}`)), wallMs });
    });
  });
}

/** An error's first lines: enough to say why, short enough for a table. */
function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 3).join(' ').slice(0, 400);
}
