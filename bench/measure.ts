/**
 * @file One tool on one draft size, in a fresh process (see child.ts): load it, warm it up on text
 * the draft does not contain, lint the draft once ("cold": no cache of the tool's holds any of it),
 * then again while the budget lasts ("warm": the same text re-linted, as an editor does when little
 * has changed; Copydesk and harper.js both keep per-paragraph caches, the others keep none).
 */
import { corpus, warmUpText, type SizeLabel } from './corpus';
import { timed } from './timing';
import { TOOLS, versionOf } from './tools';

export interface ToolRun {
  readonly tool: string;
  readonly label: SizeLabel;
  readonly bytes: number;
  readonly findings: number;
  /** Copydesk only: findings per rule. */
  readonly byRule?: Readonly<Record<string, number>>;
  readonly versions: Readonly<Record<string, string | undefined>>;
  /** Loading the tool (imports, word lists, the WebAssembly module). */
  readonly loadMs: number;
  /** The first lint, of the warm-up text: lazy initialisation and JIT compilation land here. */
  readonly warmUpMs: number;
  readonly coldMs: number;
  readonly warmMs: readonly number[];
  /** The process's peak resident memory, for a sense of each tool's footprint. */
  readonly maxRssMB: number;
}

/** Warm runs per process a tool gets whenever the budget allows. */
export const MIN_WARM_RUNS = 2;
/** More warm runs (up to the plan's most) while a process's warm runs have taken less than this. */
export const WARM_TIME_MS = 1_000;
/** The most warm runs per process in a full benchmark, at every size. */
export const MAX_WARM_RUNS = 10;

export async function measureTool(tool: string, label: SizeLabel, maxWarmRuns: number, budgetMs: number): Promise<ToolRun> {
  const entry = TOOLS[tool];
  if (!entry) throw new Error(`unknown tool ${tool}`);
  const versions = Object.fromEntries(entry.packages.map((p) => [p.name, versionOf(p)]));
  const { text, bytes } = corpus(label);
  const warmUp = warmUpText();
  const { ms: loadMs, value: lint } = await timed(() => entry.load());
  const { ms: warmUpMs } = await timed(() => lint(warmUp));
  const cold = await timed(() => lint(text));
  const warmMs: number[] = [];
  let spent = cold.ms;
  let warmSpent = 0;
  // Warm runs while the next (about as long as the last) still fits the budget: a tool whose one
  // cold run takes more than half of it gets no warm figure at that size (the report says so).
  // The same rule for every tool and size: at least MIN_WARM_RUNS, then more while the warm runs
  // have taken under WARM_TIME_MS in all. A fixed count per size left a fast figure on four runs of
  // a few milliseconds (one collection moved it) and a large one on the two runs right after the
  // cold run, which still pay for its garbage; slow runs stay at the minimum and cost no more time.
  while (warmMs.length < maxWarmRuns && spent + (warmMs[warmMs.length - 1] ?? cold.ms) <= budgetMs && (warmMs.length < MIN_WARM_RUNS || warmSpent < WARM_TIME_MS)) {
    const run = await timed(() => lint(text));
    warmMs.push(run.ms);
    spent += run.ms;
    warmSpent += run.ms;
  }
  return { tool, label, bytes, findings: cold.value.findings, ...(cold.value.byRule ? { byRule: cold.value.byRule } : {}), versions, loadMs, warmUpMs, coldMs: cold.ms, warmMs, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}
