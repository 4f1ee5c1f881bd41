/**
 * @file `npm run bench:jobs`: the built CLI (server/out/cli.js) on the BBC News articles, read where
 * they are (../shared/bench/bbc, or $COPYDESK_BENCH_DATA/bbc) and never copied, with `--jobs 1` and
 * `--jobs auto`, runs alternating so a busy spell on a shared machine falls on both. Prints each
 * run's wall-clock and CPU time (every thread's) and whether every run printed the same report.
 * `--sweep` also runs one lane against two on growing shares of the articles, to see from what size
 * worker threads pay for their start-up (the threshold in server/src/cli/lanes.ts).
 * A benchmark, not a test: it asserts nothing.
 *
 *   npm run build && npm run bench:jobs [-- --runs 3] [--sweep]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BYTES_PER_LANE, laneCount } from '../server/src/cli/lanes';
import { DATA_DIR } from './corpus';
import { median } from './timing';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'server/out/cli.js');
const CPU_TIME = path.join(__dirname, 'cpuTime.cjs');
const BBC = path.join(DATA_DIR, 'bbc');

interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Exit code, stdout and stderr, hashed: equal for runs that printed the same. */
  readonly output: string;
}

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
const sweep = args.includes('--sweep');

function main(): void {
  if (!existsSync(BBC)) return void console.error(`bench:jobs: no articles at ${BBC} (set COPYDESK_BENCH_DATA)`);
  if (!existsSync(CLI)) return void console.error('bench:jobs: server/out/cli.js is not built; run `npm run build` first');
  const topics = readdirSync(BBC, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(BBC, d.name)).sort();
  const files = interleaved(topics);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const auto = laneCount('auto', { drafts: files.length, bytes }, availableParallelism());
  console.log(`${files.length} articles, ${(bytes / 1e6).toFixed(2)} MB, in ${topics.length} folders; ${availableParallelism()} processors; auto = ${auto} lane${auto === 1 ? '' : 's'} (one per ${BYTES_PER_LANE / 1024} KB)`);
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${runs} runs each, alternating\n`);

  compare('all articles (the five folders as arguments)', topics, ['1', 'auto']);
  if (sweep) {
    for (const share of [300e3, 600e3, 1.2e6, 2.4e6]) {
      const some = prefix(files, share);
      compare(`the first ${some.length} articles (${(share / 1e6).toFixed(1)} MB)`, some, ['1', '2']);
    }
  }
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

function compare(title: string, targets: readonly string[], jobs: readonly string[]): void {
  const results = new Map<string, Run[]>(jobs.map((j) => [j, []]));
  for (let i = 0; i < runs; i++) for (const j of jobs) results.get(j)!.push(run(j, targets));
  const outputs = new Set([...results.values()].flat().map((r) => r.output));
  console.log(title);
  const base = median(results.get(jobs[0]!)!.map((r) => r.wallMs));
  for (const [j, list] of results) {
    const wall = list.map((r) => r.wallMs);
    const cpu = median(list.map((r) => r.cpuMs));
    const ratio = j === jobs[0] ? '' : `, ${(base / median(wall)).toFixed(2)}× the speed of --jobs ${jobs[0]}`;
    console.log(`  --jobs ${j.padEnd(4)} wall ${seconds(median(wall))} median (${wall.map(seconds).join(', ')}), CPU ${seconds(cpu)}${ratio}`);
  }
  console.log(`  outputs: ${outputs.size === 1 ? 'identical (exit code, stdout, stderr)' : `${outputs.size} different ones`}\n`);
}

function run(jobs: string, targets: readonly string[]): Run {
  const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-bench-jobs-'));
  const cpuFile = path.join(dir, 'cpu.json');
  try {
    const start = performance.now();
    const child = spawnSync(process.execPath, ['--require', CPU_TIME, CLI, '--jobs', jobs, '--format', 'json', ...targets], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, COPYDESK_BENCH_CPU_FILE: cpuFile, NO_COLOR: '1' },
    });
    const wallMs = performance.now() - start;
    if (child.error) throw child.error;
    const { userMs, systemMs } = JSON.parse(readFileSync(cpuFile, 'utf8')) as { userMs: number; systemMs: number };
    const output = createHash('sha256').update(`${child.status}\0${child.stdout}\0${child.stderr}`).digest('hex');
    return { wallMs, cpuMs: userMs + systemMs, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The articles topic by topic in turn, so any share of them mixes the topics. */
function interleaved(topics: readonly string[]): string[] {
  const lists = topics.map((t) => readdirSync(t).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(t, f)));
  const out: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (l[i]) out.push(l[i]!);
  return out;
}

function prefix(files: readonly string[], bytes: number): string[] {
  const out: string[] = [];
  let total = 0;
  for (const f of files) {
    total += statSync(f).size;
    if (total > bytes) break;
    out.push(f);
  }
  return out;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

main();
