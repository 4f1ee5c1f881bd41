/**
 * @file `copydesk`: lints drafts from the command line with the same engine as the editor.
 * Exit codes: 0 nothing at or above --fail-on, 1 something is (or too many warnings), 2 a usage or
 * input error.
 */
import { availableParallelism } from 'node:os';
import { checks, type Finding } from '../api';
import { resolveSettings } from '../core/settings';
import { SEVERITIES, type Severity } from '../core/types';
import { DraftConfigs, type DraftConfig } from '../node/draftConfigs';
import { wantsColour } from './colour';
import { configProblemKey, DraftLinter, type DraftOptions, type DraftOutcome, type Said } from './draft';
import { DRAFT_EXTENSIONS, expandArguments, totalBytes, type Target } from './files';
import { FORMATTERS } from './formats';
import type { FileReport } from './formats/shared';
import { laneCount, parseJobs } from './lanes';
import { FORMATS, helpText, parse, type FormatName } from './options';
import { printConfig } from './printConfig';
import { decodeDraft } from './read';
import { lintInLanes } from './worker';

export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readStdin: () => Uint8Array;
  /** Whether standard output is a terminal (colour is on by default only then). */
  readonly isTty: boolean;
  readonly version: string;
  /** For NO_COLOR, FORCE_COLOR and TERM; none when left out. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The file a worker thread runs for --jobs (the CLI bundle); without it every draft is checked in this thread. */
  readonly workerScript?: string;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return io.stdout(helpText(DRAFT_EXTENSIONS) + '\n'), 0;
  if (values.version) return io.stdout(io.version + '\n'), 0;

  const format = values.format ?? 'stylish';
  if (!isFormat(format)) return usageError(io, `--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
  const failOn = values['fail-on'] ?? 'error';
  if (!isSeverity(failOn)) return usageError(io, `--fail-on must be one of ${SEVERITIES.join(', ')}, not '${failOn}'`);
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) return usageError(io, `--max-warnings takes a whole number (0 or more), not '${maxWarnings}'`);
  const jobs = parseJobs(values.jobs ?? 'auto');
  if (jobs === undefined) return usageError(io, `--jobs takes a number of threads (1 or more) or auto, not '${values.jobs}'`);
  const rules: Record<string, string> = {};
  for (const r of values.rule ?? []) {
    const m = /^([a-z0-9-/]+)=(off|error|warning|info|hint)$/.exec(r);
    if (!m) return usageError(io, `--rule takes ID=LEVEL (LEVEL: off, error, warning, info, hint), not '${r}'`);
    rules[m[1]!] = m[2]!;
  }
  const printConfigFor = values['print-config'];
  if (printConfigFor !== undefined && (positionals.length > 0 || values.stdin || values.fix)) return usageError(io, 'give --print-config FILE on its own, without drafts to check, --stdin or --fix');
  if (values.stdin && positionals.length > 0) return usageError(io, 'give either --stdin or file names, not both');
  if (printConfigFor === undefined && !values.stdin && positionals.length === 0) return usageError(io, 'no files given (try: copydesk draft.md, or --help)');
  if (values.color && values['no-color']) return usageError(io, 'give either --color or --no-color, not both');
  if (values.config !== undefined && values['no-config']) return usageError(io, 'give either --config or --no-config, not both');

  let configs: DraftConfigs;
  try {
    configs = new DraftConfigs(values.config, values['no-config']);
  } catch (error) {
    return usageError(io, `--config: ${(error as Error).message}`);
  }
  const told = new Set<string>();
  const say = ({ stream, text, once }: Said): void => {
    if (once !== undefined && told.has(once)) return;
    if (once !== undefined) told.add(once);
    io[stream](text);
  };
  /** A configuration file's problems are told once, not once per draft it applies to. */
  const tell = (config: DraftConfig): void => {
    for (const problem of config.problems) say({ stream: 'stderr', text: `copydesk: ${problem}\n`, once: configProblemKey(problem) });
  };
  const named = configs.named();
  if (named) tell(named);
  if (named?.kind === 'fatal') return 2;
  const settingProblems = resolveSettings(checks, rules).problems;
  if (settingProblems.length) return usageError(io, settingProblems.map((p) => `--rule: ${p.replace(/^rules\./, '')}`).join('\ncopydesk: '));
  if (printConfigFor !== undefined) return printConfig(printConfigFor, configs, rules, io, tell);

  let inputError = false;
  let targets: readonly Target[];
  if (values.stdin) targets = [{ name: values['stdin-filename'] ?? '<stdin>', explicit: true }];
  else {
    const expansion = expandArguments(positionals);
    for (const { arg, kind } of expansion.empty) {
      const what = kind === 'directory' ? `no drafts in it (${DRAFT_EXTENSIONS.join(' ')} files that .gitignore does not ignore)` : 'no files match it (that .gitignore does not ignore)';
      io.stderr(`copydesk: ${arg}: ${what}\n`);
    }
    inputError = expansion.empty.length > 0;
    targets = expansion.targets;
  }

  // Outcomes arrive in any order from worker threads; each is printed once those before it are.
  const reports: FileReport[] = [];
  const waiting: (DraftOutcome | undefined)[] = [];
  let next = 0;
  const deliver = (index: number, outcome: DraftOutcome): void => {
    waiting[index] = outcome;
    for (let ready = waiting[next]; ready; ready = waiting[next]) {
      waiting[next++] = undefined;
      for (const said of ready.said) say(said);
      if (ready.report) reports.push(ready.report);
      if (ready.inputError) inputError = true;
    }
  };
  const options: DraftOptions = { fix: Boolean(values.fix), stdin: Boolean(values.stdin), rules, config: values.config, noConfig: Boolean(values['no-config']) };
  const script = values.stdin ? undefined : io.workerScript;
  const lanes = script === undefined ? 1 : laneCount(jobs, { drafts: targets.length, bytes: jobs === 'auto' ? totalBytes(targets) : 0 }, availableParallelism());
  if (script !== undefined && lanes > 1) {
    for (const notice of await lintInLanes(targets, options, lanes, script, deliver)) io.stderr(notice);
  } else {
    const linter = new DraftLinter(options, configs);
    targets.forEach((target, index) => deliver(index, linter.lint(target, values.stdin ? decodeDraft(target.name, io.readStdin()) : undefined)));
  }

  if (!(values.fix && values.stdin)) {
    const shown = values.quiet ? reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : reports;
    const colour = wantsColour({ color: values.color, noColor: values['no-color'] }, io.env ?? {}, io.isTty);
    io.stdout(FORMATTERS[format](shown, { cwd: process.cwd(), colour, version: io.version }));
  }
  const all = reports.flatMap((r) => r.findings);
  const warnings = all.filter((f) => f.severity === 'warning').length;
  const tooManyWarnings = maxWarnings !== undefined && warnings > Number(maxWarnings);
  if (tooManyWarnings) io.stderr(`copydesk: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
  if (inputError) return 2;
  const rank = (s: Severity): number => SEVERITIES.indexOf(s);
  const failing = all.some((f: Finding) => rank(f.severity) <= rank(failOn));
  return failing || tooManyWarnings ? 1 : 0;
}

function usageError(io: Io, message: string): number {
  io.stderr(`copydesk: ${message}\n`);
  return 2;
}

function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}

function isFormat(s: string): s is FormatName {
  return (FORMATS as readonly string[]).includes(s);
}
