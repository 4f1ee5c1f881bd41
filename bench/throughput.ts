/**
 * @file Measures 1 and 2: every tool at every size, each size in fresh processes. Runs are
 * repeated while a time budget lasts, so the slow tools and big sizes get fewer runs (each figure
 * records how many), and a size whose single run would take too long is skipped with the reason.
 */
import { SIZES, type SizeLabel } from './corpus';
import { runChild } from './spawn';
import { median } from './timing';
import type { ToolRun } from './measure';

export interface SizePlan {
  readonly label: SizeLabel;
  /** Fresh processes, each giving one cold run. */
  readonly processes: number;
  /** Warm runs per process, at most. */
  readonly warmRuns: number;
  /** No new process once this size has taken this long for this tool. */
  readonly budgetMs: number;
}

export interface ThroughputPlan {
  readonly sizes: readonly SizePlan[];
  /** Skip a size when one run, projected linearly from the size before, would take longer. */
  readonly skipAboveMs: number;
}

export type SizeResult =
  | { readonly label: SizeLabel; readonly status: 'ok'; readonly bytes: number; readonly findings: number; readonly byRule?: Readonly<Record<string, number>>; readonly coldMs: readonly number[]; readonly warmMs: readonly number[]; readonly loadMs: number; readonly warmUpMs: number; readonly maxRssMB: number }
  | { readonly label: SizeLabel; readonly status: 'skipped' | 'failed'; readonly reason: string };

export interface ToolResult {
  readonly tool: string;
  readonly versions: Readonly<Record<string, string | undefined>>;
  readonly sizes: readonly SizeResult[];
}

export async function measureThroughput(tool: string, plan: ThroughputPlan, log: (line: string) => void): Promise<ToolResult> {
  const sizes: SizeResult[] = [];
  let versions: Readonly<Record<string, string | undefined>> = {};
  let stop: string | undefined;
  for (const size of plan.sizes) {
    if (stop) {
      sizes.push({ label: size.label, status: 'skipped', reason: stop });
      continue;
    }
    const runs: ToolRun[] = [];
    let spent = 0;
    let error: string | undefined;
    // Another process only while one more (about as long as the average so far) still fits the budget.
    while (runs.length < size.processes && (runs.length === 0 || spent + spent / runs.length <= size.budgetMs)) {
      // Generous: a child is only stopped when it is far past what its budget allows.
      const timeoutMs = Math.max(5 * 60_000, 4 * size.budgetMs);
      const outcome = await runChild<ToolRun>(['tool', tool, size.label, String(size.warmRuns), String(size.budgetMs)], timeoutMs);
      spent += outcome.wallMs;
      if (!outcome.value) {
        error = outcome.error ?? 'no result';
        break;
      }
      runs.push(outcome.value);
      versions = outcome.value.versions;
    }
    const first = runs[0];
    if (!first) {
      sizes.push({ label: size.label, status: 'failed', reason: error ?? 'no result' });
      log(`  ${tool} ${size.label}: failed: ${error}`);
      stop = `not run: the ${size.label} run failed`;
      continue;
    }
    const result = {
      label: size.label,
      status: 'ok' as const,
      bytes: first.bytes,
      findings: first.findings,
      ...(first.byRule ? { byRule: first.byRule } : {}),
      coldMs: runs.map((r) => r.coldMs),
      warmMs: runs.flatMap((r) => r.warmMs),
      loadMs: median(runs.map((r) => r.loadMs)),
      warmUpMs: median(runs.map((r) => r.warmUpMs)),
      maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)),
    };
    sizes.push(result);
    log(`  ${tool} ${size.label}: cold ${fmt(median(result.coldMs))} ms (n=${result.coldMs.length}), warm ${fmt(median(result.warmMs))} ms (n=${result.warmMs.length}), ${result.findings} findings`);
    const next = plan.sizes[plan.sizes.indexOf(size) + 1];
    if (next) {
      // The faster of cold and warm, so a tool is never skipped for its first-run costs alone.
      const ratio = SIZES[next.label] / SIZES[size.label];
      const projected = Math.min(median(result.coldMs), median(result.warmMs)) * ratio;
      if (projected > plan.skipAboveMs) stop = `one run would take about ${Math.round(projected / 1000)} s or more (${size.label} time × ${ratio}, and it grows faster than linearly where it is superlinear), over the ${plan.skipAboveMs / 1000} s limit per run`;
    }
  }
  return { tool, versions, sizes };
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toString());
