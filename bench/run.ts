/**
 * @file `npm run bench`: the performance benchmark of issue 7 (a benchmark, not a test: it asserts
 * nothing and never fails on a slow figure). Writes bench/results.json, docs/performance.md and
 * docs/images/throughput.svg; `--quick` (4 KB and 40 KB only) writes to .bench-cache/ instead.
 *
 *   npm run bench [-- --quick] [--only=throughput,profile,server] [--tools=copydesk,alex]
 *   npm run bench -- --report    rewrites the page and chart from bench/results.json, measuring nothing
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { throughputSvg } from './chart';
import { corpus, dataAvailable, DATA_DIR, loadArticles, type SizeLabel } from './corpus';
import { performancePage } from './report';
import { summarise, type Results } from './results';
import { MAX_WARM_RUNS } from './measure';
import { measureServer, type ServerPlan } from './server';
import { ROOT, runChild } from './spawn';
import { measureThroughput, type ThroughputPlan, type ToolResult } from './throughput';
import { TOOLS, versionOf } from './tools';
import type { Profile } from './profile';

interface Plan {
  readonly throughput: ThroughputPlan;
  readonly profiles: readonly { readonly label: SizeLabel; readonly warm: boolean }[];
  readonly server: ServerPlan;
}

/**
 * Run counts fall with size so the whole run stays near ten minutes on 2 cores (with today's
 * engine: a 4 MB lint takes tens of seconds). Budgets cap the slow tools; skipped runs say why.
 */
const FULL: Plan = {
  throughput: {
    sizes: [
      // Warm runs: the same rule at every size (measure.ts): at least two, more while they take under a second.
      { label: '4 KB', processes: 3, warmRuns: MAX_WARM_RUNS, budgetMs: 30_000 },
      { label: '40 KB', processes: 3, warmRuns: MAX_WARM_RUNS, budgetMs: 30_000 },
      { label: '400 KB', processes: 2, warmRuns: MAX_WARM_RUNS, budgetMs: 90_000 },
      { label: '4 MB', processes: 1, warmRuns: MAX_WARM_RUNS, budgetMs: 120_000 },
    ],
    skipAboveMs: 120_000,
  },
  profiles: [
    { label: '400 KB', warm: true },
    { label: '4 MB', warm: false },
  ],
  server: { startups: 5, opens: [{ label: '1 MB', runs: 5 }], editLabel: '4 MB', editRuns: 3, maxEdits: 50, editBudgetMs: 90_000 },
};

const QUICK: Plan = {
  throughput: {
    sizes: [
      { label: '4 KB', processes: 2, warmRuns: 2, budgetMs: 10_000 },
      { label: '40 KB', processes: 1, warmRuns: 2, budgetMs: 10_000 },
    ],
    skipAboveMs: 20_000,
  },
  profiles: [
    { label: '4 KB', warm: false },
    { label: '40 KB', warm: true },
  ],
  server: { startups: 2, opens: [{ label: '40 KB', runs: 1 }], editLabel: '40 KB', editRuns: 1, maxEdits: 5, editBudgetMs: 10_000 },
};

const log = (line: string): void => void process.stderr.write(line + '\n');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, tools: { type: 'string' }, report: { type: 'boolean', default: false } } });
  if (values.report) {
    const saved = JSON.parse(readFileSync(path.join(ROOT, 'bench/results.json'), 'utf8')) as Results;
    return write(saved, CANONICAL);
  }
  const plan = values.quick ? QUICK : FULL;
  const phases = new Set((values.only ?? 'throughput,profile,server').split(','));
  const tools = values.tools ? values.tools.split(',') : Object.keys(TOOLS);
  // Only a full run of everything replaces the committed results.
  const canonical = !values.quick && !values.only && !values.tools;
  if (!dataAvailable()) throw new Error(`the BBC articles are not at ${DATA_DIR}/bbc (set COPYDESK_BENCH_DATA to the folder that holds bbc/)`);

  const started = performance.now();
  const timings: { name: string; seconds: number }[] = [];
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    log(`${name}…`);
    const start = performance.now();
    try {
      return await fn();
    } finally {
      timings.push({ name, seconds: Math.round((performance.now() - start) / 100) / 10 });
    }
  };

  log('building the server bundle (node esbuild.mjs)…');
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  ensurePeers();

  const results: ToolResult[] = [];
  if (phases.has('throughput')) {
    for (const tool of tools) {
      const missing = TOOLS[tool]?.packages.filter((p) => versionOf(p) === undefined).map((p) => p.name) ?? [];
      if (missing.length) {
        const reason = `not installed (${missing.join(', ')}): run \`cd bench && npm install\``;
        log(`  ${tool}: ${reason}`);
        results.push({ tool, versions: {}, sizes: plan.throughput.sizes.map((s) => ({ label: s.label, status: 'failed', reason })) });
        continue;
      }
      results.push(await phase(`throughput: ${tool}`, () => measureThroughput(tool, plan.throughput, log)));
    }
  }
  const profiles: NonNullable<Results['profiles']>[number][] = [];
  if (phases.has('profile')) {
    for (const { label, warm } of plan.profiles) {
      profiles.push(
        await phase(`profile: Copydesk's rules at ${label}`, async () => {
          const outcome = await runChild<Profile>(['profile', label, warm ? '1' : '0'], 10 * 60_000);
          return outcome.value ?? { label, error: outcome.error ?? 'no result' };
        }),
      );
    }
  }
  let server: Results['server'];
  if (phases.has('server')) {
    server = await phase('language server over stdio', () =>
      measureServer(plan.server, log).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) })),
    );
  }

  const articles = loadArticles();
  const labels = [...new Set<SizeLabel>([...plan.throughput.sizes.map((s) => s.label), ...plan.server.opens.map((o) => o.label), plan.server.editLabel])];
  const base: Results = {
    schema: 1,
    date: new Date().toISOString(),
    quick: values.quick ?? false,
    commit: commit(),
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.type()} ${os.release()}` },
    corpus: {
      source: 'BBC News (Greene & Cunningham, ICML 2006), ../shared/bench/bbc',
      files: articles.files,
      duplicatesDropped: articles.duplicatesDropped,
      uniqueBytes: articles.uniqueBytes,
      repeated: false,
      format: 'plaintext',
      sizes: labels.map((label) => ({ label, bytes: corpus(label).bytes, articles: corpus(label).articles })),
    },
    calls: Object.fromEntries(tools.map((t) => [t, TOOLS[t]?.call ?? '?'])),
    tools: results,
    ...(profiles.length ? { profiles } : {}),
    ...(server ? { server } : {}),
    phases: timings,
    benchSeconds: Math.round((performance.now() - started) / 1000),
  };
  write(base, canonical ? CANONICAL : SCRATCH);
}

const CANONICAL = { json: 'bench/results.json', page: 'docs/performance.md', svg: 'docs/images/throughput.svg' };
const SCRATCH = { json: '.bench-cache/results.json', page: '.bench-cache/performance.md', svg: '.bench-cache/throughput.svg' };

/** results.json, the page and the chart; the summary is derived again, so a saved file can be re-reported. */
function write(base: Results, out: typeof CANONICAL): void {
  const summary = summarise(base);
  const results: Results = { ...base, summary };
  for (const file of Object.values(out)) mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
  writeFileSync(path.join(ROOT, out.json), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(path.join(ROOT, out.page), performancePage(results, summary));
  writeFileSync(path.join(ROOT, out.svg), throughputSvg(summary.throughput, `Throughput on BBC news text, ${results.machine.cores} cores, ${results.date.slice(0, 10)}`));
  log('');
  for (const t of summary.targets) log(`${t.met === undefined ? '  -  ' : t.met ? ' met ' : ' MISS'} ${t.target}: ${t.measured}`);
  log(`\nwrote ${Object.values(out).join(', ')} (the run took ${results.benchSeconds} s)`);
}

/** The peers live in bench/node_modules: installed once from bench/package-lock.json if missing. */
function ensurePeers(): void {
  const dir = path.join(ROOT, 'bench');
  if (existsSync(path.join(dir, 'node_modules'))) return;
  log('bench/node_modules is missing: installing the peers (npm ci in bench/)…');
  const done = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (done.status !== 0) log('  npm ci failed: the peers will be recorded as not installed.');
}

/** The commit measured, marked when the measured code (server, client, manifest) has changes. */
function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'client', 'package.json'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
