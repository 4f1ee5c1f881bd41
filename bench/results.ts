/**
 * @file The shape of bench/results.json, and the figures derived from it (throughput, ratios,
 * targets), kept apart from the measuring so the report can be rewritten from a saved file.
 */
import type { SizeLabel } from './corpus';
import type { Profile } from './profile';
import type { ServerResult } from './server';
import type { ToolResult } from './throughput';
import { mbPerS, median } from './timing';

export interface Results {
  readonly schema: 1;
  readonly date: string;
  readonly quick: boolean;
  readonly commit: string;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly memoryGB: number; readonly node: string; readonly os: string };
  readonly corpus: {
    readonly source: string;
    readonly files: number;
    readonly duplicatesDropped: number;
    readonly uniqueBytes: number;
    /** Whether any size repeats articles (it does not while the de-duplicated set is larger). */
    readonly repeated: boolean;
    readonly format: 'plaintext';
    readonly sizes: readonly { readonly label: SizeLabel; readonly bytes: number; readonly articles: number }[];
  };
  /** How each tool is called. */
  readonly calls: Readonly<Record<string, string>>;
  /** What the machine was doing besides, when a run had to share it: written by hand into the file, printed under the header. */
  readonly conditions?: string;
  readonly tools: readonly ToolResult[];
  /** Copydesk's rules one by one, smaller size first. */
  readonly profiles?: readonly (Profile | { readonly label: SizeLabel; readonly error: string })[];
  readonly server?: ServerResult | { readonly error: string };
  readonly phases: readonly { readonly name: string; readonly seconds: number }[];
  readonly benchSeconds: number;
  readonly summary?: Summary;
}

export interface Throughput {
  readonly tool: string;
  readonly label: SizeLabel;
  readonly bytes: number;
  readonly coldMs: number;
  readonly warmMs: number;
  readonly coldMBps: number;
  readonly warmMBps: number;
  readonly coldRuns: number;
  readonly warmRuns: number;
  readonly findings: number;
}

export interface Ratio {
  readonly peer: string;
  readonly label: SizeLabel;
  /** Copydesk's throughput ÷ the peer's: above 1, Copydesk is faster. */
  readonly cold: number;
  readonly warm: number;
}

export interface Target {
  readonly target: string;
  readonly measured: string;
  /** undefined: not measured in this run (the reason is in `measured`). */
  readonly met: boolean | undefined;
}

export interface Summary {
  readonly throughput: readonly Throughput[];
  readonly ratios: readonly Ratio[];
  readonly targets: readonly Target[];
}

export const COPYDESK = 'copydesk';

export function throughputOf(tools: readonly ToolResult[]): Throughput[] {
  return tools.flatMap((t) =>
    t.sizes.flatMap((s) => {
      if (s.status !== 'ok') return [];
      const coldMs = median(s.coldMs);
      const warmMs = median(s.warmMs);
      return [{ tool: t.tool, label: s.label, bytes: s.bytes, coldMs, warmMs, coldMBps: mbPerS(s.bytes, coldMs), warmMBps: mbPerS(s.bytes, warmMs), coldRuns: s.coldMs.length, warmRuns: s.warmMs.length, findings: s.findings }];
    }),
  );
}

export function summarise(results: Results): Summary {
  const throughput = throughputOf(results.tools);
  const find = (tool: string, label: SizeLabel) => throughput.find((t) => t.tool === tool && t.label === label);
  const ratios: Ratio[] = [];
  for (const t of throughput) {
    const ours = find(COPYDESK, t.label);
    if (t.tool === COPYDESK || !ours) continue;
    ratios.push({ peer: t.tool, label: t.label, cold: ours.coldMBps / t.coldMBps, warm: ours.warmMBps / t.warmMBps });
  }
  return { throughput, ratios, targets: targets(results, throughput, ratios) };
}

const x = (n: number): string => `${n >= 10 ? Math.round(n) : n.toFixed(n >= 1 ? 1 : 2)}×`;
const ms = (n: number): string => `${Math.round(n).toLocaleString('en-US')} ms`;

/** The targets of issue 7, each with the figure that decides it. */
function targets(results: Results, throughput: readonly Throughput[], ratios: readonly Ratio[]): Target[] {
  const out: Target[] = [];
  const whyMissing = (what: string): string => (results.quick ? `not measured (--quick runs small sizes only)` : `not measured: ${what}`);
  const ratioTarget = (peer: string, label: SizeLabel, factor: number, text: string) => {
    const r = ratios.find((q) => q.peer === peer && q.label === label);
    const failed = results.tools.find((t) => t.tool === peer)?.sizes.find((s) => s.label === label);
    const reason = failed && failed.status !== 'ok' ? `${peer} ${failed.status}: ${failed.reason}` : `no ${peer} figure at ${label}`;
    if (!r) out.push({ target: text, measured: whyMissing(reason), met: undefined });
    else if (Number.isNaN(r.warm)) out.push({ target: text, measured: `${x(r.cold)} cold (no warm run fitted the time budget)`, met: r.cold >= factor });
    else out.push({ target: text, measured: `${x(r.warm)} warm (cold: ${x(r.cold)})`, met: r.warm >= factor });
  };
  ratioTarget('write-good', '4 MB', 3, "Full default lint ≥ 3× write-good's own throughput on the same 4 MB text");
  for (const peer of ['alex', 'textlint', 'harper.js']) ratioTarget(peer, '400 KB', 10, `Full default lint ≥ 10× ${peer} at 400 KB`);

  const server = results.server && 'edits' in results.server ? results.server : undefined;
  const serverMissing = whyMissing(results.server && 'error' in results.server ? results.server.error : 'the server measures did not run');
  const open1 = server?.opens.find((o) => o.label === '1 MB');
  out.push(
    server && server.edits.label === '4 MB' && server.edits.ms.length
      ? { target: 'Edit → updated diagnostics on a 4 MB draft: p95 ≤ 50 ms', measured: `p95 ${ms(server.edits.p95)}, p50 ${ms(server.edits.p50)} (${editCount(server.edits)})`, met: server.edits.p95 <= 50 }
      : { target: 'Edit → updated diagnostics on a 4 MB draft: p95 ≤ 50 ms', measured: serverMissing, met: undefined },
  );
  out.push(
    open1
      ? { target: 'didOpen → complete diagnostics: ≤ 1 s for 1 MB', measured: `${ms(median(open1.ms))} (median of ${open1.ms.length})`, met: median(open1.ms) <= 1000 }
      : { target: 'didOpen → complete diagnostics: ≤ 1 s for 1 MB', measured: serverMissing, met: undefined },
  );
  const big = throughput.find((t) => t.tool === COPYDESK && t.label === '4 MB');
  const mid = throughput.find((t) => t.tool === COPYDESK && t.label === '400 KB');
  out.push(
    big && mid
      ? Number.isNaN(big.warmMs / mid.warmMs)
        ? { target: 'Time grows linearly: 4 MB time ≤ 12 × 400 KB time', measured: `${(big.coldMs / mid.coldMs).toFixed(1)} × cold (no warm run fitted the time budget)`, met: big.coldMs <= 12 * mid.coldMs }
        : { target: 'Time grows linearly: 4 MB time ≤ 12 × 400 KB time', measured: `${(big.warmMs / mid.warmMs).toFixed(1)} × warm (cold: ${(big.coldMs / mid.coldMs).toFixed(1)} ×)`, met: big.warmMs <= 12 * mid.warmMs }
      : { target: 'Time grows linearly: 4 MB time ≤ 12 × 400 KB time', measured: whyMissing('no Copydesk figure at 400 KB and 4 MB'), met: undefined },
  );
  out.push(
    server && server.edits.label === '4 MB'
      ? { target: 'Server peak RSS with a 4 MB draft open ≤ 250 MB', measured: `${Math.round(server.memory.afterOpenPeakMB)} MB after the open, ${Math.round(server.memory.afterEditsPeakMB)} MB after the edits (VmHWM)`, met: server.memory.afterEditsPeakMB <= 250 }
      : { target: 'Server peak RSS with a 4 MB draft open ≤ 250 MB', measured: serverMissing, met: undefined },
  );
  out.push(
    server
      ? { target: '`initialize` answered ≤ 300 ms after spawn', measured: `${ms(median(server.initializeMs))} (median of ${server.initializeMs.length} spawns; slowest ${ms(Math.max(...server.initializeMs))})`, met: median(server.initializeMs) <= 300 }
      : { target: '`initialize` answered ≤ 300 ms after spawn', measured: serverMissing, met: undefined },
  );
  return out;
}

/** "50 edits", or for several servers "medians of 3 servers' 50 edits each; p95 per server 41, 48, 62 ms". */
export function editCount(edits: { readonly ms: readonly number[]; readonly runs?: readonly { readonly ms: readonly number[]; readonly p95: number }[] }): string {
  const runs = edits.runs ?? [];
  if (runs.length < 2) return `${edits.ms.length} edits`;
  const each = runs.every((r) => r.ms.length === runs[0]!.ms.length) ? `${runs[0]!.ms.length} edits each` : `${runs.map((r) => r.ms.length).join(', ')} edits`;
  return `medians of ${runs.length} servers' ${each}; p95 per server ${runs.map((r) => Math.round(r.p95)).join(', ')} ms`;
}
