/**
 * @file Copydesk's warm re-lint in this process, as measure.ts takes it for the "10× textlint"
 * figure (lintText with one BlockCache kept, no DraftHistory): the warm-up text, one cold run, then
 * warm runs of the same draft, with wall-clock and CPU time (medians) and the load average, so a
 * change to the engine can be judged on a shared machine without the whole benchmark.
 *
 *   node --expose-gc --import tsx bench/warm.ts [--size 400kb] [--runs 15] [--profile]
 *
 * --profile writes a CPU profile of the warm runs (.bench-cache/warm.cpuprofile) and prints the
 * functions with the most self time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BlockCache, lintText } from '../server/src/api';
import { corpus, SIZES, warmUpText, type SizeLabel } from './corpus';
import { median, printTopSelf, startProfiler } from './timing';

const OUT = path.join(__dirname, '..', '.bench-cache');
const { values } = parseArgs({ options: { size: { type: 'string', default: '400kb' }, runs: { type: 'string', default: '15' }, profile: { type: 'boolean', default: false } } });
const label = (Object.keys(SIZES) as SizeLabel[]).find((l) => l.replace(' ', '').toLowerCase() === values.size.toLowerCase());
if (!label) throw new Error(`--size must be one of ${Object.keys(SIZES).map((l) => l.replace(' ', '').toLowerCase()).join(', ')}`);

async function main(): Promise<void> {
  const { text, bytes } = corpus(label!);
  const blockCache = new BlockCache();
  // What bench/tools.ts does per run: lint, then read every finding.
  const lint = (t: string): number => lintText(t, 'plaintext', {}, { blockCache }).findings.length;
  const time = (t: string): { wall: number; cpu: number; findings: number } => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const findings = lint(t);
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1000, findings };
  };
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`${label}: ${bytes.toLocaleString('en-US')} bytes, load ${load()}`);
  time(warmUpText());
  const cold = time(text);
  console.log(`cold: ${cold.wall.toFixed(1)} ms (cpu ${cold.cpu.toFixed(1)} ms), ${cold.findings} findings`);
  const session = values.profile ? await startProfiler(100) : undefined;
  const runs = Array.from({ length: Number(values.runs) }, () => time(text));
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, 'warm.cpuprofile'), JSON.stringify(profile));
    printTopSelf(profile, 30);
  }
  if (runs.some((r) => r.findings !== cold.findings)) console.log('WARNING: a warm run found a different number of findings');
  const wall = runs.map((r) => r.wall);
  console.log(`warm (n=${runs.length}): median ${median(wall).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)}), cpu median ${median(runs.map((r) => r.cpu)).toFixed(1)} ms; load ${load()}`);
}

void main();
