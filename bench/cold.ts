/**
 * @file Not part of `npm run bench`: a first look at a draft in a fresh process, as the server takes
 * it (lintTextInSteps with a BlockCache and a DraftHistory), with the time each rule took in that
 * first run (its lazy set-up included: tables, tries, regular expressions built on first use), the
 * process's CPU time and minor page faults, which a shared machine disturbs less than wall time.
 *
 *   node --import tsx bench/cold.ts [--size 1mb] [--rules] [--profile] [--warm-up] [--only id,id]
 *
 * --rules times each rule's own steps (the generator's next() calls): with it the run is a little
 * slower, and set-up shared by several rules is charged to the first that needs it. --profile writes
 * a CPU profile of the first lint (.bench-cache/cold.cpuprofile) and prints the top self times.
 * --only turns every other rule off: a rule's first-look cost with the set-up it shares (segmentation,
 * quotations, the engine's bookkeeping) is the difference from `--only none` (~75 ms of main thread on
 * 1 MB; any one paragraph rule ~200-250 ms, unattributed-claim ~400).
 * --warm-up lints a small other text first (bench/corpus.ts's warm-up text), so the difference
 * from a run without it is the one-time set-up.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileForFirstLooks, compileRegExpsOnce } from '../server/src/node/v8Flags';
import { corpus, SIZES, warmUpText, type SizeLabel } from './corpus';
import { printTopSelf, startProfiler } from './timing';

// The V8 defaults the server sets for itself: without them every regular expression was compiled
// twice here (bytecode, then machine code) and the rules' figures overstated the server's.
compileRegExpsOnce();
compileForFirstLooks();

const OUT = path.join(__dirname, '..', '.bench-cache');

const { values } = parseArgs({ options: { size: { type: 'string', default: '1mb' }, rules: { type: 'boolean', default: false }, profile: { type: 'boolean', default: false }, 'warm-up': { type: 'boolean', default: false }, only: { type: 'string' } } });
const label = (Object.keys(SIZES) as SizeLabel[]).find((l) => l.replace(' ', '').toLowerCase() === values.size.toLowerCase());
if (!label) throw new Error(`--size must be one of ${Object.keys(SIZES).map((l) => l.replace(' ', '').toLowerCase()).join(', ')}`);

interface Usage {
  readonly wall: number;
  /** Every thread's (the collector's helpers too). */
  readonly cpu: number;
  /** The main thread's alone (Linux), in 10 ms ticks. */
  readonly mainCpu: number;
  readonly faults: number;
}

function usage(): Usage {
  const r = process.resourceUsage();
  return { wall: performance.now(), cpu: (r.userCPUTime + r.systemCPUTime) / 1000, mainCpu: mainThreadCpuMs(), faults: r.minorPageFault };
}

/** User + system time of this process's main thread, from /proc/self/task/<pid>/stat; NaN elsewhere. */
function mainThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

function since(a: Usage): string {
  const b = usage();
  return `${Math.round(b.wall - a.wall)} ms wall, ${Math.round(b.cpu - a.cpu)} ms CPU (main thread ${Math.round(b.mainCpu - a.mainCpu)} ms), ${b.faults - a.faults} faults`;
}

async function main(): Promise<void> {
  const { text, bytes } = corpus(label!);
  const t0 = usage();
  const api = await import('../server/src/api');
  console.log(`import: ${since(t0)}`);
  if (values['warm-up']) {
    const t = usage();
    await api.lintTextInSteps(warmUpText(), 'plaintext', {}, { pause: async () => {}, blockCache: new api.BlockCache(), history: new api.DraftHistory() });
    console.log(`warm-up: ${since(t)}`);
  }
  const perRule = new Map<string, number>();
  if (values.rules) {
    for (const check of api.checks) {
      const run = check.run.bind(check);
      (check as { run: typeof check.run }).run = (input) => {
        const id = check.meta.id;
        const time = (f: () => IteratorResult<unknown>) => {
          const s = performance.now();
          try {
            return f();
          } finally {
            perRule.set(id, (perRule.get(id) ?? 0) + performance.now() - s);
          }
        };
        let it: Iterator<unknown> | undefined;
        return {
          [Symbol.iterator]() {
            return { next: () => time(() => (it ??= time(() => ({ value: run(input)[Symbol.iterator](), done: false })).value as Iterator<unknown>).next()) };
          },
        } as never;
      };
    }
  }
  const session = values.profile ? await startProfiler(100) : undefined;
  const t1 = usage();
  const only = values.only?.split(',');
  const settings = only ? { rules: Object.fromEntries(api.checks.map((c) => [c.meta.id, only.includes(c.meta.id) ? c.meta.defaultSeverity : 'off'])) } : {};
  const result = await api.lintTextInSteps(text, 'plaintext', settings, { pause: async () => {}, blockCache: new api.BlockCache(), history: new api.DraftHistory() });
  const count = result!.findings.length;
  console.log(`${label} (${bytes.toLocaleString('en-US')} bytes) first lint: ${since(t1)}, ${count} findings, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, 'cold.cpuprofile'), JSON.stringify(profile));
    printTopSelf(profile, 30);
  }
  if (values.rules) {
    const total = [...perRule.values()].reduce((a, b) => a + b, 0);
    console.log(`rules: ${Math.round(total)} ms; the rest (segmentation, engine, directives) ${Math.round(usage().wall - t1.wall - total)} ms`);
    for (const [id, ms] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`  ${ms.toFixed(0).padStart(5)} ms  ${id}`);
  }
}

void main();
