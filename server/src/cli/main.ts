/**
 * @file `copydesk`: lints drafts from the command line with the same engine as the editor.
 * Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 a usage or input error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BlockCache, checks, fixText, formatFor, lintText, type Finding, type LintSettings } from '../api';
import { resolveSettings } from '../core/settings';
import type { SettingsLayer } from '../core/config';
import { computeLineStarts, lineIndexAt } from '../core/lines';
import { SEVERITIES, type Severity } from '../core/types';
import { diskSource, ProjectConfigs, type ProjectConfig } from '../node/projectConfig';
import { formatJson, formatStylish, type FileReport } from './format';
import { decodeDraft, readDraft, type ReadResult } from './read';
import { writeAtomically } from './write';

const USAGE = `Usage: copydesk [options] FILE...
       copydesk --stdin [--stdin-filename NAME] [options]

Checks news drafts (Markdown or plain text) for repeated paragraphs and other copy-desk problems.

Options:
  --format stylish|json   output format (default: stylish)
  --fix                   apply safe fixes (remove repeated paragraphs) and rewrite the files
  --fail-on LEVEL         exit 1 when a finding is at or above error|warning|info|hint (default: error)
  --rule ID=LEVEL         set a rule to off|error|warning|info|hint (repeatable; over .copydesk.json)
  --config PATH           use this configuration file instead of the nearest .copydesk.json
  --no-config             use no configuration file
  --stdin                 read the draft from standard input (with --fix, print the fixed text)
  --stdin-filename NAME   name to report for standard input; its extension picks Markdown or plain text
  -v, --version           print the version
  -h, --help              print this help`;

export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readStdin: () => Uint8Array;
  readonly isTty: boolean;
  readonly version: string;
}

export function main(argv: readonly string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        fix: { type: 'boolean', default: false },
        'fail-on': { type: 'string', default: 'error' },
        rule: { type: 'string', multiple: true, default: [] },
        config: { type: 'string' },
        'no-config': { type: 'boolean', default: false },
        stdin: { type: 'boolean', default: false },
        'stdin-filename': { type: 'string', default: '<stdin>' },
        version: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return io.stdout(USAGE + '\n'), 0;
  if (values.version) return io.stdout(io.version + '\n'), 0;
  if (values.format !== 'stylish' && values.format !== 'json') return usageError(io, `--format must be stylish or json, not '${values.format}'`);
  const failOn = values['fail-on'];
  if (!isSeverity(failOn)) return usageError(io, `--fail-on must be one of ${SEVERITIES.join(', ')}, not '${failOn}'`);
  const rules: Record<string, string> = {};
  for (const r of values.rule) {
    const m = /^([a-z0-9-/]+)=(off|error|warning|info|hint)$/.exec(r);
    if (!m) return usageError(io, `--rule takes ID=LEVEL (LEVEL: off, error, warning, info, hint), not '${r}'`);
    rules[m[1]!] = m[2]!;
  }
  if (values.stdin && positionals.length > 0) return usageError(io, 'give either --stdin or file names, not both');
  if (!values.stdin && positionals.length === 0) return usageError(io, 'no files given (try: copydesk draft.md, or --help)');

  if (values.config !== undefined && values['no-config']) return usageError(io, 'give either --config or --no-config, not both');
  const configs = new CliConfigs(values.config, values['no-config'], io);
  if (configs.fatal) return 2;
  const settingProblems = resolveSettings(checks, rules).problems;
  if (settingProblems.length) return usageError(io, settingProblems.map((p) => `--rule: ${p.replace(/^rules\./, '')}`).join('\ncopydesk: '));
  const inputs: { name: string; read: ReadResult; fromStdin: boolean }[] = values.stdin
    ? [{ name: values['stdin-filename'], read: decodeDraft(values['stdin-filename'], io.readStdin()), fromStdin: true }]
    : positionals.map((name) => ({ name, read: readDraft(name), fromStdin: false }));

  let inputError = false;
  const reports: FileReport[] = [];
  // Shared by the fix passes and the final lint of every file.
  const blockCache = new BlockCache();
  for (const { name, read, fromStdin } of inputs) {
    if (!read.ok) {
      io.stderr(`copydesk: ${read.message}\n`);
      inputError = true;
      continue;
    }
    const config = configs.forDraft(fromStdin ? path.resolve(name === '<stdin>' ? 'stdin' : name) : name);
    if (config === 'fatal') {
      inputError = true;
      continue;
    }
    if (config === 'ignored') {
      io.stderr(`copydesk: ${name}: ignored by the configuration's "ignore" globs\n`);
      continue;
    }
    // --rule sits over the configuration files, as a user setting sits over nothing but defaults in the editor.
    const settings: LintSettings = { project: [...config, { rules }] };
    if (read.text.trim() === '') io.stderr(`copydesk: ${name}: is empty; nothing to check\n`);
    const format = formatFor(name);
    let text = read.text;
    if (values.fix) {
      const fixed = fixText(text, format, settings, () => true, { blockCache }).text;
      if (fromStdin) io.stdout(fixed);
      else if (fixed !== text) {
        try {
          writeAtomically(name, fixed);
          text = fixed;
        } catch (error) {
          io.stderr(`copydesk: ${name}: could not write the fixed draft (${(error as Error).message}); the file is unchanged\n`);
          inputError = true;
        }
      }
      if (fromStdin) text = fixed;
    }
    reports.push({ file: name, text, findings: lintText(text, format, settings, { blockCache }).findings });
  }

  if (!(values.fix && values.stdin)) {
    io.stdout(values.format === 'json' ? formatJson(reports) + '\n' : formatStylish(reports, io.isTty));
  }
  if (inputError) return 2;
  const rank = (s: Severity): number => SEVERITIES.indexOf(s);
  const failing = reports.some((r) => r.findings.some((f: Finding) => rank(f.severity) <= rank(failOn)));
  return failing ? 1 : 0;
}

/**
 * Configuration for the CLI: the --config file for every draft, or each draft's nearest
 * .copydesk.json up to its project root (the nearest folder with .git, else the filesystem root).
 * Each config file's problems are printed once; only a file that is not JSON at all stops the run.
 */
class CliConfigs {
  readonly fatal: boolean = false;
  private readonly byRoot = new Map<string, ProjectConfigs>();
  private readonly told = new Set<string>();
  private readonly fixed?: ProjectConfig;

  constructor(
    configPath: string | undefined,
    private readonly none: boolean,
    private readonly io: Io,
  ) {
    if (configPath === undefined) return;
    if (diskSource.read(configPath) === undefined) {
      io.stderr(`copydesk: --config: ${configPath}: not found\n`);
      this.fatal = true;
      return;
    }
    const absolute = path.resolve(configPath);
    this.fixed = new ProjectConfigs(diskSource, () => [path.dirname(absolute)], () => true).fromFile(absolute);
    this.fatal = this.report(this.fixed);
  }

  /** The draft's project layers, or 'ignored' / 'fatal'. */
  forDraft(draft: string): SettingsLayer[] | 'ignored' | 'fatal' {
    if (this.none) return [];
    let config = this.fixed;
    let configs: ProjectConfigs | undefined;
    if (!config) {
      const root = projectRoot(path.dirname(path.resolve(draft)));
      configs = this.byRoot.get(root) ?? new ProjectConfigs(diskSource, () => [root], () => true);
      this.byRoot.set(root, configs);
      config = configs.forFile(draft);
      if (this.report(config)) return 'fatal';
    }
    if (config.file && (configs ?? new ProjectConfigs(diskSource, () => [path.dirname(config.file!)], () => true)).isIgnored(draft, config)) return 'ignored';
    return [...config.layers];
  }

  /** Prints a config's problems once; true when it could not be used at all. */
  private report(config: ProjectConfig): boolean {
    for (const { file, problem } of config.problems) {
      const key = `${file}:${problem.span.start}:${problem.message}`;
      if (this.told.has(key)) continue;
      this.told.add(key);
      const text = diskSource.read(file) ?? '';
      const starts = computeLineStarts(text);
      const line = lineIndexAt(starts, problem.span.start);
      this.io.stderr(`copydesk: ${path.relative(process.cwd(), file) || file}:${line + 1}:${problem.span.start - starts[line]! + 1}: ${problem.severity}: ${problem.message}\n`);
    }
    return config.fatal;
  }
}

function projectRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return d;
  }
}

function usageError(io: Io, message: string): number {
  io.stderr(`copydesk: ${message}\n`);
  return 2;
}

function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}
