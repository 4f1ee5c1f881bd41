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
  // Warm runs while the next (about as long as the last) still fits the budget: a tool whose one
  // cold run takes more than half of it gets no warm figure at that size (the report says so).
  while (warmMs.length < maxWarmRuns && spent + (warmMs[warmMs.length - 1] ?? cold.ms) <= budgetMs) {
    const run = await timed(() => lint(text));
    warmMs.push(run.ms);
    spent += run.ms;
  }
  return { tool, label, bytes, findings: cold.value.findings, ...(cold.value.byRule ? { byRule: cold.value.byRule } : {}), versions, loadMs, warmUpMs, coldMs: cold.ms, warmMs, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}
