/**
 * @file The `copydesk` options: one table that both `util.parseArgs` and `--help` are made from,
 * so the help can neither leave an option out nor describe one that is gone.
 */
import { parseArgs } from 'node:util';
import { BYTES_PER_LANE } from './lanes';

/** Output formats, in the order --help lists them. */
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'checkstyle', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** What the value is called in --help (string options only). */
  readonly arg?: string;
  readonly help: string;
}

/**
 * Every option, in --help order. parseArgs (Node's own, strict: an unknown option is an error)
 * reads them; it has no `--no-x` negation on Node 20, so `--no-config` and `--no-color` are options
 * of their own.
 */
export const OPTIONS = {
  format: { type: 'string', short: 'f', arg: 'NAME', help: `output format: ${FORMATS.join(', ')} (default: stylish)` },
  fix: { type: 'boolean', help: 'apply the safe fixes (remove repeated paragraphs, doubled words…) and rewrite the files' },
  'fail-on': { type: 'string', arg: 'LEVEL', help: 'exit 1 when a finding is at or above error|warning|info|hint (default: error)' },
  'max-warnings': { type: 'string', arg: 'N', help: 'also exit 1 when there are more than N warnings' },
  quiet: { type: 'boolean', short: 'q', help: 'print errors only (--fail-on and --max-warnings still count the rest)' },
  rule: { type: 'string', multiple: true, arg: 'ID=LEVEL', help: 'set a rule to off|error|warning|info|hint (repeatable; over .copydesk.json)' },
  config: { type: 'string', short: 'c', arg: 'PATH', help: 'use this configuration file instead of the nearest .copydesk.json' },
  'no-config': { type: 'boolean', help: 'use no configuration file' },
  'print-config': { type: 'string', arg: 'FILE', help: 'print the settings that apply to FILE as JSON, and check nothing' },
  jobs: { type: 'string', short: 'j', arg: 'N', help: `check drafts in N worker threads at once; auto (the default): one per ${BYTES_PER_LANE / 1024} KB of drafts, up to the processors, so small runs use none` },
  stdin: { type: 'boolean', help: 'read the draft from standard input (with --fix, print the fixed text)' },
  'stdin-filename': { type: 'string', arg: 'NAME', help: 'name to report for standard input; its extension picks Markdown or plain text' },
  color: { type: 'boolean', help: 'colour the stylish output even when it is not a terminal' },
  'no-color': { type: 'boolean', help: 'never colour the output (so does the NO_COLOR environment variable)' },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
  help: { type: 'boolean', short: 'h', help: 'print this help' },
} as const satisfies Record<string, OptionSpec>;

export const USAGE = `Usage: copydesk [options] FILE|DIRECTORY|GLOB...
       copydesk --stdin [--stdin-filename NAME] [options]
       copydesk --print-config FILE [--config PATH | --no-config] [--rule ID=LEVEL]

Checks news drafts (Markdown or plain text) for repeated paragraphs, loaded wording, unattributed
claims and style.

A directory stands for the drafts in it and below: {DRAFT_EXTENSIONS} files.
A quoted glob such as 'drafts/**/*.md' is expanded by copydesk. Both leave out what .gitignore
and the "ignore" globs of .copydesk.json ignore, hidden folders and node_modules. A file named on
its own is always checked, unless .copydesk.json ignores it.

Options:
{OPTIONS}

Exit codes: 0 nothing at or above --fail-on, 1 something is (or more warnings than --max-warnings),
2 a usage or input error (a file that cannot be read is named on stderr; the others are still checked).
Colour: on when standard output is a terminal; NO_COLOR turns it off, FORCE_COLOR on.`;

/** The full --help text. */
export function helpText(draftExtensions: readonly string[]): string {
  const rows = Object.entries(OPTIONS).map(([name, spec]: [string, OptionSpec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.arg ? ` ${spec.arg}` : ''}`;
    return `  ${flag.padEnd(28)}${spec.help}`;
  });
  return USAGE.replace('{DRAFT_EXTENSIONS}', draftExtensions.join(' ')).replace('{OPTIONS}', rows.join('\n'));
}

export type ParsedOptions = ReturnType<typeof parse>;

/** Parses argv strictly; throws (with parseArgs's message) on an unknown option or a missing value. */
export function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
}
