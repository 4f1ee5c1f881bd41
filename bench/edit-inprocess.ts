/**
 * @file One-character edits in the middle of a long draft, in this process, through the objects the
 * language server uses (DocumentLinter with its BlockCache, DraftDocument, the diagnostics
 * budget and conversion), without stdio: where an edit's time goes, and whether the kept work
 * still gives a fresh lint's findings.
 *
 *   node --expose-gc --import tsx bench/edit-inprocess.ts [--size 4mb] [--edits 50] [--verify] [--profile] [--snapshot] [--alloc all|kept|promoted] [--each]
 *
 * --verify lints every edited version again from scratch (no BlockCache, an empty draft linted
 * first, as test/helpers/drafts.ts fromScratch does) and fails on any difference: slow at 4 MB,
 * so pair it with fewer edits or a smaller size. --profile writes a CPU profile of the edits
 * (.bench-cache/edits.cpuprofile) and prints the functions with the most self time. --snapshot
 * writes heap snapshots after the open and after the edits (.bench-cache/open.heapsnapshot,
 * edits.heapsnapshot; `node bench/heap-summary.ts FILE` sums them up). --alloc samples what the
 * edits allocate, by function: `all` of it; `promoted`, what outlived the scavenges (each edit's
 * state kept until the next keystroke, promoted, which the major collections then pay for, and
 * whose copying is most of a scavenge's time); or `kept`, what is still alive at the end.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { lintText, type Finding } from '../server/src/api';
import { toDiagnostic } from '../server/src/lsp/convert';
import { chooseShown } from '../server/src/lsp/diagnosticBudget';
import { DraftDocument } from '../server/src/lsp/draftDocument';
import { DocumentLinter } from '../server/src/lsp/linter';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';
import { corpus, SIZES, type SizeLabel } from './corpus';
import { percentile, printTopSelf, startProfiler } from './timing';

const FEATURES = { codeDescription: true, unnecessaryTag: true, relatedInformation: true };
const OUT = path.join(__dirname, '..', '.bench-cache');

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '4mb' },
    edits: { type: 'string', default: '50' },
    verify: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    snapshot: { type: 'boolean', default: false },
    alloc: { type: 'string' },
    each: { type: 'boolean', default: false },
  },
});

const label = (Object.keys(SIZES) as SizeLabel[]).find((l) => l.replace(' ', '').toLowerCase() === values.size.toLowerCase());
if (!label) throw new Error(`--size must be one of ${Object.keys(SIZES).map((l) => l.replace(' ', '').toLowerCase()).join(', ')}`);
const editCount = Number(values.edits);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('(run with node --expose-gc for heap figures)');

const heapMB = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

/** Everything a finding carries (test/helpers/drafts.ts describeFinding). */
const describe = (f: Finding): string =>
  JSON.stringify([f.checkId, f.messageId, f.message, f.span, f.severity, f.fix ?? null, f.suggestions, f.related, f.tags, f.actual ?? null, f.expected ?? null, f.note ?? null]);

function fromScratch(text: string): readonly Finding[] {
  lintText('', 'plaintext', DEFAULT_SETTINGS);
  return lintText(text, 'plaintext', DEFAULT_SETTINGS).findings;
}

async function main(): Promise<void> {
  const { text, bytes } = corpus(label!);
  const doc = new DraftDocument('file:///bench/draft.txt', 'plaintext', 1, text);
  const linter = new DocumentLinter(() => doc.version, (id, error) => console.error(`${id} threw`, error));
  const settings = DEFAULT_SETTINGS;

  /** What the server does for a diagnostics pull: lint (or reuse), budget, convert. */
  const pull = async (focus: readonly { start: number; end: number }[]) => {
    const t0 = performance.now();
    const outcome = await linter.lint(doc, settings);
    const t1 = performance.now();
    if (outcome.kind !== 'linted') throw new Error(`lint ${outcome.kind}`);
    const shown = chooseShown(outcome.result.list, settings.maxDiagnostics, focus);
    const diagnostics = shown.stored.map((f, i) => toDiagnostic(doc, f, FEATURES, undefined, shown.shifts[i]));
    const { result } = outcome;
    return { engineMs: t1 - t0, totalMs: performance.now() - t0, count: result.list.length, findings: () => result.findings, diagnostics: diagnostics.length };
  };

  console.log(`${label}: ${bytes.toLocaleString('en-US')} bytes, load ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const open = await pull([]);
  console.log(`open: ${Math.round(open.totalMs)} ms, ${open.count} findings; heap after GC ${heapMB().toFixed(0)} MB; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  if (values.snapshot) {
    mkdirSync(OUT, { recursive: true });
    console.log(`heap snapshot: ${v8.writeHeapSnapshot(path.join(OUT, 'open.heapsnapshot'))}`);
  }

  const session = values.profile ? await startProfiler(200) : undefined;
  const sampler = values.alloc ? await startSampling(values.alloc) : undefined;

  let offset = doc.getText().indexOf(' ', Math.floor(doc.getText().length / 2)) + 1;
  const typed = 'the council said on Tuesday that the harbour plan would go ahead ';
  const engine: number[] = [];
  const total: number[] = [];
  /** CPU time of this process per edit (user + system): less sensitive than wall-clock to other processes on a shared machine. */
  const cpu: number[] = [];
  /** Minor page faults per edit: fresh memory touched (~12 µs each on this VM), independent of load. */
  const faults: number[] = [];
  let mismatches = 0;
  for (let i = 0; i < editCount; i++) {
    const at = doc.positionAt(offset);
    const c0 = process.cpuUsage();
    const f0 = process.resourceUsage().minorPageFault;
    const t0 = performance.now();
    doc.update([{ range: { start: at, end: at }, text: typed[i % typed.length]! }], doc.version + 1);
    const run = await pull([{ start: offset, end: offset + 1 }]);
    const ms = performance.now() - t0;
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    faults.push(process.resourceUsage().minorPageFault - f0);
    engine.push(run.engineMs);
    total.push(ms);
    offset += 1;
    if (values.verify) {
      session && (await session.post('Profiler.stop'));
      const want = fromScratch(doc.getText()).map(describe);
      const got = run.findings().map(describe);
      const same = want.length === got.length && want.every((w, k) => w === got[k]);
      if (!same) {
        mismatches++;
        const k = want.findIndex((w, j) => w !== got[j]);
        console.log(`edit ${i + 1}: DIFFERENT (${got.length} findings, fresh ${want.length}); first difference at ${k}:\n  kept  ${got[k]}\n  fresh ${want[k]}`);
      }
      session && (await session.post('Profiler.start'));
    }
    if (values.each || (i + 1) % 10 === 0 || i === 0) console.log(`  edit ${i + 1}: ${ms.toFixed(1)} ms (engine ${run.engineMs.toFixed(1)} ms, CPU ${cpu[i]!.toFixed(1)} ms), ${run.count} findings`);
  }

  if (sampler) await printAllocation(sampler, editCount);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'edits.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profile: ${file}`);
    printTopSelf(profile);
  }

  const f = (xs: number[], p: number) => percentile(xs, p).toFixed(1);
  console.log(`edits (n=${total.length}): p50 ${f(total, 50)} ms, p95 ${f(total, 95)} ms, max ${Math.max(...total).toFixed(1)} ms; engine alone p50 ${f(engine, 50)} ms, p95 ${f(engine, 95)} ms; CPU p50 ${f(cpu, 50)} ms, p95 ${f(cpu, 95)} ms; page faults p50 ${f(faults, 50)}, p95 ${f(faults, 95)}`);
  // The first edits run code the open ran little (V8 still optimising it): their sum, apart from the steady p50.
  const first = cpu.slice(0, 10);
  console.log(`first ${first.length} edits: CPU ${first.reduce((a, b) => a + b, 0).toFixed(0)} ms in all, ${f(first, 50)} ms p50`);
  console.log(`heap after GC: ${heapMB().toFixed(0)} MB; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  if (values.snapshot) {
    mkdirSync(OUT, { recursive: true });
    console.log(`heap snapshot: ${v8.writeHeapSnapshot(path.join(OUT, 'edits.heapsnapshot'))}`);
  }
  if (values.verify) {
    console.log(mismatches ? `verify: ${mismatches} of ${editCount} edits differ from a fresh lint` : `verify: all ${editCount} edits equal a fresh lint`);
    if (mismatches) process.exitCode = 1;
  }
}

interface HeapNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly HeapNode[];
}

async function startSampling(kind: string): Promise<Session> {
  if (!['all', 'kept', 'promoted'].includes(kind)) throw new Error('--alloc must be all, kept or promoted');
  const sampler = new Session();
  sampler.connect();
  await sampler.post('HeapProfiler.enable');
  // What a collection took is left out of the samples unless asked for: a scavenge's (died young), a major collection's (promoted, then died).
  await sampler.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: kind !== 'kept', includeObjectsCollectedByMinorGC: kind === 'all' } as never);
  return sampler;
}

/** Sampled bytes per edit by allocating function (a built-in's charged to its nearest caller of ours). */
async function printAllocation(sampler: Session, edits: number): Promise<void> {
  const { profile } = (await sampler.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: HeapNode } };
  const by = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode, caller: string): void => {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = url ? `${functionName || '(anonymous)'} ${path.basename(url)}:${lineNumber + 1}` : `${functionName || '(anonymous)'} <- ${caller}`;
    total += node.selfSize;
    by.set(name, (by.get(name) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, url ? name : caller);
  };
  walk(profile.head, '');
  console.log(`allocated (sampled) ${(total / edits / 1e6).toFixed(2)} MB per edit; by function, KB per edit:`);
  for (const [name, size] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(size / edits / 1e3).toFixed(0).padStart(6)}  ${name}`);
}

void main();
