/** @file Small statistics and timing helpers shared by every measure. */
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile: with few samples, p95 is simply the largest but one, or the largest. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  if (p === 50 && sorted.length % 2 === 0) return (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** MB/s (decimal megabytes) for `bytes` processed in `ms`. */
export function mbPerS(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Rounds for JSON: enough digits to compare, not so many they pretend to precision. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** Math.max(0, digits - Math.ceil(Math.log10(Math.abs(value) || 1)));
  return Math.round(value * scale) / scale;
}

/** A CPU profile started in this process, sampling every `intervalUs` microseconds. */
export async function startProfiler(intervalUs: number): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  return session;
}

/** Prints the functions with the most samples of their own (self time) in a CPU profile. */
export function printTopSelf(profile: Profiler.Profile, top = 25): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, k) => {
    const { callFrame: c } = byNode.get(id)!;
    const key = `${c.functionName || '(anonymous)'} ${path.basename(c.url)}:${c.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[k] ?? 0) / 1000);
  });
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`self time, ${all.toFixed(0)} ms sampled:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${key}`);
}
