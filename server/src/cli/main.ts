/**
 * @file `copydesk`: lints drafts from the command line with the same engine as the editor.
 * Exit codes: 0 nothing at or above --fail-on, 1 something is (or too many warnings), 2 a usage or
 * input error.
 */
import path from 'node:path';
import { BlockCache, checks, fixText, formatFor, lintText, type Finding, type LintSettings } from '../api';
import { resolveSettings } from '../core/settings';
import { SEVERITIES, type Severity } from '../core/types';
import { DraftConfigs, type DraftConfig } from '../node/draftConfigs';
import { wantsColour } from './colour';
import { DRAFT_EXTENSIONS, expandArguments, type Target } from './files';
import { FORMATTERS } from './formats';
import type { FileReport } from './formats/shared';
import { FORMATS, helpText, parse, type FormatName } from './options';
import { printConfig } from './printConfig';
import { decodeDraft, readDraft, type ReadResult } from './read';
import { writeAtomically } from './write';

export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readStdin: () => Uint8Array;
  /** Whether standard output is a terminal (colour is on by default only then). */
  readonly isTty: boolean;
  readonly version: string;
  /** For NO_COLOR, FORCE_COLOR and TERM; none when left out. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function main(argv: readonly string[], io: Io): number {
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
  /** A configuration file's problems are told once, not once per draft it applies to. */
  const tell = (config: DraftConfig): void => {
    for (const problem of config.problems) {
      if (told.has(problem)) continue;
      told.add(problem);
      io.stderr(`copydesk: ${problem}\n`);
    }
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

  const reports: FileReport[] = [];
  // Shared by the fix passes and the final lint of every file.
  const blockCache = new BlockCache();
  // A rule that throws is skipped (the others still report) and told once, and the run fails: its findings are missing.
  const failedRules = new Set<string>();
  const onCheckError = (checkId: string, error: unknown): void => {
    if (failedRules.has(checkId)) return;
    failedRules.add(checkId);
    io.stderr(`copydesk: the rule '${checkId}' failed and was skipped (${error instanceof Error ? error.message : String(error)}); the other rules still ran\n`);
  };
  for (const { name, explicit } of targets) {
    const read: ReadResult = values.stdin ? decodeDraft(name, io.readStdin()) : readDraft(name);
    if (!read.ok) {
      io.stderr(`copydesk: ${read.message}\n`);
      inputError = true;
      continue;
    }
    const config = configs.forDraft(values.stdin ? path.resolve(name === '<stdin>' ? 'stdin' : name) : name);
    tell(config);
    if (config.kind === 'fatal') {
      inputError = true;
      continue;
    }
    if (config.kind === 'ignored') {
      // Found in a folder or by a glob, an ignored draft is simply not one of the drafts.
      if (explicit) io.stderr(`copydesk: ${name}: ignored by the configuration's "ignore" globs\n`);
      continue;
    }
    // --rule sits over the configuration files, as a user setting sits over nothing but defaults in the editor.
    const settings: LintSettings = { project: [...config.layers, { rules }] };
    if (read.text.trim() === '') io.stderr(`copydesk: ${name}: is empty; nothing to check\n`);
    const draftFormat = formatFor(name);
    let text = read.text;
    try {
      if (values.fix) {
        const fixed = fixText(text, draftFormat, settings, () => true, { blockCache, onCheckError }).text;
        if (values.stdin) {
          io.stdout(fixed);
          text = fixed;
        } else if (fixed !== text) {
          try {
            writeAtomically(name, fixed);
            text = fixed;
          } catch (error) {
            io.stderr(`copydesk: ${name}: could not write the fixed draft (${(error as Error).message}); the file is unchanged\n`);
            inputError = true;
          }
        }
      }
      reports.push({ file: name, text, findings: lintText(text, draftFormat, settings, { blockCache, onCheckError }).findings });
    } catch (error) {
      // The engine itself failed on this draft: say so, and go on with the others.
      io.stderr(`copydesk: ${name}: could not be checked (${error instanceof Error ? error.message : String(error)}); skipped\n`);
      inputError = true;
    }
  }
  if (failedRules.size) inputError = true;

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
