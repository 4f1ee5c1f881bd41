/**
 * @file Measures 3 and 4: the real language server (server/out/server.js, as esbuild bundles it)
 * over stdio, driven as VS Code drives it: a pull-diagnostics client, incremental sync. Under the
 * pull model the server lints when asked (textDocument/diagnostic), with no debounce of its own;
 * VS Code's own scheduling of that request is not part of any figure.
 *
 * Alone, without the rest of the bench (the bundle must be built: `node esbuild.mjs`):
 *   node --import tsx bench/server.ts --memory [--size 4mb] [--edits 50]
 * opens one draft in one server, types the edits, and prints the open and edit times and the
 * server's peak RSS after the open and after the edits, as the full run measures them. `--each`
 * prints every edit's time. `--trace FILE` starts the server over Node IPC instead of stdio, so
 * that what V8 prints on its stdout goes to FILE, with a `#### edit N` line before each edit: with
 * COPYDESK_BENCH_NODE_ARGS=--trace-deopt, which code the server throws away on which keystroke.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpus, SIZES, type SizeLabel } from './corpus';
import { ROOT } from './spawn';
import { median, percentile, timed } from './timing';
import { measureTransport, type Transport } from './transport';

/** COPYDESK_BENCH_SERVER names another build to drive (to compare two builds, alternating). */
const SERVER = process.env['COPYDESK_BENCH_SERVER'] ?? path.join(ROOT, 'server/out/server.js');

export interface ServerPlan {
  /** Extra spawns just to time start-up → `initialize` result. */
  readonly startups: number;
  readonly opens: readonly { readonly label: SizeLabel; readonly runs: number }[];
  /** The draft the edits are made in (also opened, and its open timed, in each server that types). */
  readonly editLabel: SizeLabel;
  /**
   * Servers the edits are typed in, each a fresh process that opens the draft first: the edit
   * figures are the median of theirs (the issue asks for each measure as a median over several
   * runs; one run's p95 is its third-slowest edit, which one busy moment of a shared machine sets).
   */
  readonly editRuns: number;
  readonly maxEdits: number;
  /** No new edit once the edits have taken this long. */
  readonly editBudgetMs: number;
}

export interface ServerResult {
  readonly initializeMs: readonly number[];
  readonly opens: readonly { readonly label: SizeLabel; readonly bytes: number; readonly ms: readonly number[]; readonly diagnostics: number }[];
  /**
   * p50 and p95: the medians of the runs' own (one server each); ms: every run's edits, in run order.
   * Results written before runs were kept have one run and no `runs`.
   */
  readonly edits: { readonly label: SizeLabel; readonly bytes: number; readonly ms: readonly number[]; readonly p50: number; readonly p95: number; readonly diagnostics: number; readonly runs?: readonly EditRun[] };
  /** /proc/<pid>/status of the servers with the edit draft open: the highest peak (VmHWM) of any run, and that run's VmRSS at the end. */
  readonly memory: { readonly afterOpenPeakMB: number; readonly afterEditsPeakMB: number; readonly afterEditsRssMB: number };
  /** The push clients' debounce in lsp/session.ts (not used by pull clients, so in no figure). */
  readonly pushDelayMs: number | undefined;
  /** Handing the edit draft's diagnostics over as one full report, measured apart from the server. */
  readonly transport?: Transport;
  /**
   * The same open and edits with `copydesk.maxDiagnostics: 0`: every finding sent, as before the
   * budget (VS Code would show 1,000 of them), so the figures above can be read against it.
   */
  readonly everyFinding?: EveryFinding;
  /** The first draft size's open once more in a server with no code cache, as the first start after an install or update is. */
  readonly uncachedOpen?: { readonly label: SizeLabel; readonly ms: number };
}

export interface EditRun {
  readonly ms: readonly number[];
  readonly p50: number;
  readonly p95: number;
}

export interface EveryFinding {
  readonly open: { readonly label: SizeLabel; readonly ms: number; readonly diagnostics: number };
  readonly edits: { readonly label: SizeLabel; readonly ms: readonly number[]; readonly p50: number; readonly p95: number; readonly diagnostics: number };
}

const CAPABILITIES = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, versionSupport: true },
    codeAction: { isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, diagnostics: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: true } },
  window: { workDoneProgress: true },
};

export interface Running {
  readonly child: ChildProcess;
  /** Where the server's stdout goes when it runs over IPC (`--trace`). */
  readonly trace: string | undefined;
  readonly conn: MessageConnection;
  readonly initializeMs: number;
  readonly folder: string;
  stop(): Promise<void>;
}

/**
 * Node's flags and environment for `file`, as its #! line gives them (`#!/usr/bin/env -S [NAME=value...]
 * node [flag...]`, esbuild.mjs): what `copydesk-language-server` runs with, and what VS Code's client
 * forks the server with. Read from the build being measured, so another build (COPYDESK_BENCH_SERVER)
 * is started as that build's product starts it.
 */
export function launchOf(file: string): { readonly env: Record<string, string>; readonly execArgv: string[] } {
  const first = readFileSync(file, 'utf8').slice(0, 300).split('\n')[0]!;
  const words = /^#!\/usr\/bin\/env\s+(?:-S\s+)?(.*)$/.exec(first)?.[1]?.trim().split(/\s+/) ?? [];
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length && words[i]!.includes('='); i++) {
    const [name, ...value] = words[i]!.split('=');
    env[name!] = value.join('=');
  }
  return { env, execArgv: words.slice(i + 1) };
}

/**
 * The `copydesk` settings section the client answers with; none set is VS Code's answer for a user
 * who changed none. `trace`: over Node IPC, the server's stdout appended to that file.
 */
export async function startServer(settings: object = {}, trace?: string, environment: Record<string, string> = {}): Promise<Running> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'));
  const { env, execArgv } = launchOf(SERVER);
  // COPYDESK_BENCH_NODE_ARGS adds flags for experiments (after the build's own, so they win).
  const extra = process.env['COPYDESK_BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? [];
  const start = performance.now();
  const child = spawn(process.execPath, [...execArgv, ...extra, SERVER, trace ? '--node-ipc' : '--stdio'], { stdio: ['pipe', 'pipe', 'pipe', ...(trace ? ['ipc' as const] : [])], env: { ...process.env, ...env, ...environment } });
  if (trace) child.stdout!.on('data', (chunk: Buffer) => appendFileSync(trace, chunk));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin!.on('error', () => {});
  const conn = trace ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)) : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'window/showMessageRequest', 'workspace/diagnostic/refresh']) conn.onRequest(method, () => null);
  conn.onNotification(() => {});
  conn.listen();
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`server exited (code ${code}): ${stderr.slice(0, 400)}`))));
  exited.catch(() => {});
  const root = pathToFileURL(folder).toString();
  await Promise.race([conn.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'bench' }], capabilities: CAPABILITIES, clientInfo: { name: 'copydesk-bench' } }), exited]);
  const initializeMs = performance.now() - start;
  await conn.sendNotification('initialized', {});
  const stop = async (): Promise<void> => {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      await conn.sendNotification('exit');
    } catch {
      // already gone; killed below either way
    }
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill();
    conn.dispose();
    rmSync(folder, { recursive: true, force: true });
  };
  return { child, conn, initializeMs, folder, stop, trace };
}

/** didOpen → the complete diagnostics (the pull request's answer). */
export async function open_(server: Running, label: SizeLabel): Promise<{ doc: TextDocument; ms: number; diagnostics: number; resultId: string | undefined }> {
  const { text } = corpus(label);
  const uri = pathToFileURL(path.join(server.folder, `draft-${label.replace(' ', '')}.txt`)).toString();
  const doc = TextDocument.create(uri, 'plaintext', 1, text);
  const { ms, value } = await timed(async () => {
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    return server.conn.sendRequest<{ items: unknown[]; resultId?: string }>('textDocument/diagnostic', { textDocument: { uri } });
  });
  return { doc, ms, diagnostics: value.items.length, resultId: value.resultId };
}

/** VmHWM (peak) or VmRSS in MB, from /proc (Linux only). */
function memoryMB(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  return kB / 1024;
}

/**
 * CPU time (user + system) the process has used so far, in ms, from /proc/<pid>/stat (fields 14
 * and 15, in clock ticks; Linux only): all its threads, or with `thread` its main thread alone
 * (/proc/<pid>/task/<pid>/stat), without V8's compiler and collector threads, which run on the other core.
 */
export function cpuMs(pid: number | undefined, thread = false): number {
  const fields = readFileSync(thread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * Typing in the middle of the draft: one character per edit, each followed by a diagnostic request,
 * as VS Code does after a change. The characters spell words, so the paragraph really changes.
 */
async function edits(server: Running, opened: { doc: TextDocument; diagnostics: number; resultId: string | undefined }, plan: ServerPlan, log: (line: string) => void, each = false): Promise<{ ms: number[]; diagnostics: number }> {
  let doc = opened.doc;
  // As VS Code's client does, each pull names the last report's id, and an `unchanged` answer keeps it.
  let resultId = opened.resultId;
  let diagnostics = opened.diagnostics;
  const text = doc.getText();
  // Just after a space in the middle, inside a paragraph.
  let offset = text.indexOf(' ', Math.floor(text.length / 2)) + 1;
  const typed = 'the council said on Tuesday that the harbour plan would go ahead ';
  const ms: number[] = [];
  let spent = 0;
  while (ms.length < plan.maxEdits && spent < plan.editBudgetMs) {
    const character = typed[ms.length % typed.length]!;
    const at = doc.positionAt(offset);
    const change = { range: { start: at, end: at }, text: character };
    doc = TextDocument.update(doc, [change], doc.version + 1);
    if (server.trace) appendFileSync(server.trace, `\n#### edit ${ms.length + 1}\n`);
    const run = await timed(async () => {
      await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [change] });
      return server.conn.sendRequest<{ kind: 'full' | 'unchanged'; items?: unknown[]; resultId?: string }>('textDocument/diagnostic', { textDocument: { uri: doc.uri }, ...(resultId === undefined ? {} : { previousResultId: resultId }) });
    });
    ms.push(run.ms);
    spent += run.ms;
    resultId = run.value.resultId;
    if (run.value.kind === 'full') diagnostics = run.value.items!.length;
    offset += 1;
    if (each || ms.length % 10 === 0 || ms.length <= 3) log(`  edit ${ms.length}: ${Math.round(run.ms)} ms, RSS ${Math.round(memoryMB(server.child.pid, 'VmRSS'))} MB`);
  }
  return { ms, diagnostics };
}

export async function measureServer(plan: ServerPlan, log: (line: string) => void): Promise<ServerResult> {
  const initializeMs: number[] = [];
  for (let i = 0; i < plan.startups; i++) {
    const server = await startServer();
    initializeMs.push(server.initializeMs);
    await server.stop();
  }
  log(`  initialize: ${Math.round(median(initializeMs))} ms (median of ${initializeMs.length})`);
  const opens: ServerResult['opens'][number][] = [];
  for (const { label, runs } of plan.opens) {
    const ms: number[] = [];
    let diagnostics = 0;
    for (let i = 0; i < runs; i++) {
      const server = await startServer();
      initializeMs.push(server.initializeMs);
      try {
        const opened = await open_(server, label);
        ms.push(opened.ms);
        diagnostics = opened.diagnostics;
      } finally {
        await server.stop();
      }
    }
    opens.push({ label, bytes: corpus(label).bytes, ms, diagnostics });
    log(`  open ${label}: ${Math.round(median(ms))} ms (n=${ms.length}), ${diagnostics} diagnostics`);
  }
  // The opens above load the engine from the code cache an earlier server left (node/codeCache.ts),
  // as every start after the first does; the first after an install or update has none.
  const uncachedLabel = plan.opens[0]?.label;
  let uncachedOpen: ServerResult['uncachedOpen'];
  if (uncachedLabel) {
    const server = await startServer({}, undefined, { COPYDESK_CODE_CACHE: 'off' });
    try {
      uncachedOpen = { label: uncachedLabel, ms: (await open_(server, uncachedLabel)).ms };
      log(`  open ${uncachedLabel} without a code cache: ${Math.round(uncachedOpen.ms)} ms`);
    } finally {
      await server.stop();
    }
  }
  // The edit draft: opened in a server of its own, which then takes the edits; as many times as the plan says.
  const runs: (EditRun & { readonly diagnostics: number; readonly memory: ServerResult['memory'] })[] = [];
  for (let run = 1; run <= Math.max(1, plan.editRuns); run++) {
    const server = await startServer();
    initializeMs.push(server.initializeMs);
    try {
      const opened = await open_(server, plan.editLabel);
      log(`  run ${run}: open ${plan.editLabel}: ${Math.round(opened.ms)} ms, ${opened.diagnostics} diagnostics`);
      const openEntry = opens.find((o) => o.label === plan.editLabel);
      if (openEntry) (openEntry.ms as number[]).push(opened.ms);
      else opens.push({ label: plan.editLabel, bytes: corpus(plan.editLabel).bytes, ms: [opened.ms], diagnostics: opened.diagnostics });
      const afterOpenPeakMB = memoryMB(server.child.pid, 'VmHWM');
      const typed = await edits(server, opened, plan, log);
      const memory = { afterOpenPeakMB, afterEditsPeakMB: memoryMB(server.child.pid, 'VmHWM'), afterEditsRssMB: memoryMB(server.child.pid, 'VmRSS') };
      runs.push({ ms: typed.ms, p50: percentile(typed.ms, 50), p95: percentile(typed.ms, 95), diagnostics: typed.diagnostics, memory });
      log(`  run ${run}: edits p50 ${Math.round(runs.at(-1)!.p50)} ms, p95 ${Math.round(runs.at(-1)!.p95)} ms (n=${typed.ms.length}); peak RSS ${Math.round(memory.afterEditsPeakMB)} MB`);
    } finally {
      await server.stop();
    }
  }
  const editsResult = {
    label: plan.editLabel,
    bytes: corpus(plan.editLabel).bytes,
    ms: runs.flatMap((r) => r.ms),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    diagnostics: runs.at(-1)!.diagnostics,
    runs: runs.map(({ ms, p50, p95 }) => ({ ms, p50, p95 })),
  };
  const memory = runs.reduce((a, b) => (b.memory.afterEditsPeakMB > a.memory.afterEditsPeakMB ? b : a)).memory;
  const peakAfterOpen = Math.max(...runs.map((r) => r.memory.afterOpenPeakMB));
  log(`  edits: p50 ${Math.round(editsResult.p50)} ms, p95 ${Math.round(editsResult.p95)} ms (medians of ${runs.length} runs); peak RSS ${Math.round(memory.afterEditsPeakMB)} MB`);
  const everyFinding = await measureEveryFinding(plan, log);
  const transport = await measureTransport(plan.editLabel);
  log(`  transport: ${transport.diagnostics} diagnostics, ${(transport.bytes / 1e6).toFixed(1)} MB of JSON: convert ${Math.round(transport.convertMs)} ms, encode ${Math.round(transport.encodeMs)} ms, decode ${Math.round(transport.decodeMs)} ms`);
  return { initializeMs, opens, edits: editsResult, memory: { ...memory, afterOpenPeakMB: peakAfterOpen }, pushDelayMs: pushDelay(), transport, everyFinding, ...(uncachedOpen ? { uncachedOpen } : {}) };
}

/** The first open and a fifth of the edits again, with every finding sent (no diagnostics budget). */
async function measureEveryFinding(plan: ServerPlan, log: (line: string) => void): Promise<EveryFinding> {
  const label = plan.opens[0]?.label ?? plan.editLabel;
  const first = await startServer({ maxDiagnostics: 0 });
  let open: EveryFinding['open'];
  try {
    const opened = await open_(first, label);
    open = { label, ms: opened.ms, diagnostics: opened.diagnostics };
  } finally {
    await first.stop();
  }
  const server = await startServer({ maxDiagnostics: 0 });
  try {
    const opened = await open_(server, plan.editLabel);
    const fewer = { ...plan, maxEdits: Math.max(5, Math.round(plan.maxEdits / 5)), editBudgetMs: plan.editBudgetMs / 3 };
    const typed = await edits(server, opened, fewer, () => {});
    const result = { open, edits: { label: plan.editLabel, ms: typed.ms, p50: percentile(typed.ms, 50), p95: percentile(typed.ms, 95), diagnostics: typed.diagnostics } };
    log(`  every finding sent: open ${label} ${Math.round(open.ms)} ms (${open.diagnostics} diagnostics); edits p50 ${Math.round(result.edits.p50)} ms, p95 ${Math.round(result.edits.p95)} ms (n=${typed.ms.length}, ${typed.diagnostics} diagnostics)`);
    return result;
  } finally {
    await server.stop();
  }
}

/** Read from the source, so the report follows the server if the figure changes. */
function pushDelay(): number | undefined {
  const source = readFileSync(path.join(ROOT, 'server/src/lsp/session.ts'), 'utf8');
  const found = /PUSH_DELAY_MS\s*=\s*(\d+)/.exec(source)?.[1];
  return found === undefined ? undefined : Number(found);
}

/** The edit draft alone: open, edits, peak memory (the `--memory` switch in the file comment). */
export async function measureMemory(label: SizeLabel, maxEdits: number, log: (line: string) => void, each = false, trace?: string): Promise<ServerResult['memory'] & { openMs: number; p50: number; p95: number }> {
  const server = await startServer({}, trace);
  try {
    const opened = await open_(server, label);
    const afterOpenPeakMB = memoryMB(server.child.pid, 'VmHWM');
    const openCpu = cpuMs(server.child.pid);
    log(`open ${label}: ${Math.round(opened.ms)} ms (server CPU since spawn ${Math.round(openCpu)} ms), ${opened.diagnostics} diagnostics; peak RSS ${Math.round(afterOpenPeakMB)} MB`);
    const typed = await edits(server, opened, { startups: 0, opens: [], editLabel: label, editRuns: 1, maxEdits, editBudgetMs: 600_000 }, log, each);
    const result = { afterOpenPeakMB, afterEditsPeakMB: memoryMB(server.child.pid, 'VmHWM'), afterEditsRssMB: memoryMB(server.child.pid, 'VmRSS'), openMs: opened.ms, p50: percentile(typed.ms, 50), p95: percentile(typed.ms, 95) };
    log(`edits: p50 ${Math.round(result.p50)} ms, p95 ${Math.round(result.p95)} ms (n=${typed.ms.length}, server CPU ${Math.round(cpuMs(server.child.pid) - openCpu)} ms); peak RSS ${Math.round(result.afterEditsPeakMB)} MB, RSS now ${Math.round(result.afterEditsRssMB)} MB`);
    return result;
  } finally {
    await server.stop();
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { memory: { type: 'boolean', default: false }, size: { type: 'string', default: '4mb' }, edits: { type: 'string', default: '50' }, each: { type: 'boolean', default: false }, trace: { type: 'string' } } });
  const label = (Object.keys(SIZES) as SizeLabel[]).find((l) => l.replace(' ', '').toLowerCase() === values.size.toLowerCase());
  if (!values.memory || !label) throw new Error('usage: node --import tsx bench/server.ts --memory [--size 4mb] [--edits 50] [--each] [--trace FILE]');
  measureMemory(label, Number(values.edits), (line) => console.log(line), values.each, values.trace).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
