/**
 * @file The Node API, `require('copydesk')` (bundled to server/out/api.js): check or fix a draft's
 * text from a script with the same engine, configuration lookup and JSON shape as the CLI. Unlike
 * server/src/api.ts (the pure engine a browser build shares) it may read `.copydesk.json` files.
 */
import path from 'node:path';
import { checks, fixText, formatFor, lintText, type LintSettings } from '../api';
import { resolveSettings } from '../core/settings';
import { diagnosticsOf } from '../cli/format';
import { DraftConfigs } from './draftConfigs';

// The published types are declared here, not imported, so server/out/api.d.ts is one file that
// needs nothing else (test/unit/node/api.test.ts keeps them equal to the engine's and the CLI's).

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type TextFormat = 'markdown' | 'plaintext';

/** One finding: the shape of `copydesk --format json` (README, "Command line"). */
export interface Diagnostic {
  /** The rule id, e.g. "duplicate-paragraph"; its page is docs/rules/<id>.md. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** UTF-16 offsets into the text (JavaScript string indices), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 1-based; columns count UTF-16 code units, as editors do. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The safe fix (what `fix` applies) first when there is one, then the suggestions a person chooses between. */
  readonly fixes: readonly { readonly title: string; readonly edits: readonly { readonly start: number; readonly end: number; readonly text: string }[] }[];
}

/** A rule's setting: off, a severity, or a severity with options (see each rule's page). */
export type RuleSetting = 'off' | 'error' | 'warning' | 'info' | 'hint' | { readonly severity?: 'off' | 'error' | 'warning' | 'info' | 'hint'; readonly options?: Readonly<Record<string, unknown>> };

export interface LintOptions {
  /**
   * The draft's path (need not exist). Its extension picks Markdown or plain text, and the nearest
   * `.copydesk.json` above it, up to the folder with `.git`, applies. Relative to `cwd`.
   */
  readonly filename?: string;
  /** Overrides what the file name says. Default: plain text without a file name. */
  readonly format?: TextFormat;
  /** Rule settings over the configuration file's, like the CLI's `--rule`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** A configuration file to use instead of the nearest one, or `false` for none. */
  readonly config?: string | false;
  /** What a relative `filename` or `config` is relative to. Default: `process.cwd()`. */
  readonly cwd?: string;
}

export interface LintResult {
  /** The findings, in the same shape as one file's `diagnostics` in `copydesk --format json`. */
  readonly diagnostics: readonly Diagnostic[];
  /** Problems in the configuration file (an unknown rule, a bad option): the valid parts still applied. */
  readonly problems: readonly string[];
  /** The configuration's `ignore` globs match `filename`: nothing was checked. */
  readonly ignored: boolean;
}

export interface FixResult extends LintResult {
  /** The text with every safe fix applied (repeated paragraphs removed, doubled words…); rewording is never automatic. */
  readonly text: string;
  /** Whether any fix changed the text. */
  readonly changed: boolean;
}

/**
 * Checks a draft's text.
 * @throws on a `rules` entry that is not a rule or not a setting, or a configuration file that is
 * missing or not JSON at all: a script should stop there, as the CLI exits 2.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const { settings, format, problems, ignored } = prepare(options);
  if (ignored) return { diagnostics: [], problems, ignored };
  return { diagnostics: diagnosticsOf(text, lintText(text, format, settings).findings), problems, ignored };
}

/** Applies the safe fixes to a draft's text (as `copydesk --fix`) and checks what is left. */
export function fix(text: string, options: LintOptions = {}): FixResult {
  const { settings, format, problems, ignored } = prepare(options);
  if (ignored) return { text, changed: false, diagnostics: [], problems, ignored };
  const fixed = fixText(text, format, settings).text;
  return { text: fixed, changed: fixed !== text, diagnostics: diagnosticsOf(fixed, lintText(fixed, format, settings).findings), problems, ignored };
}

/** Every rule Copydesk has, with what it checks, its default and its page. */
export const rules: readonly { readonly id: string; readonly description: string; readonly defaultSeverity: string; readonly enabledByDefault: boolean; readonly fixable: boolean; readonly docsUrl: string }[] = checks.map(
  ({ meta }) => ({ id: meta.id, description: meta.description, defaultSeverity: meta.defaultSeverity, enabledByDefault: meta.enabledByDefault, fixable: meta.fixable, docsUrl: meta.docsUrl }),
);

function prepare(options: LintOptions): { settings: LintSettings; format: TextFormat; problems: readonly string[]; ignored: boolean } {
  const cwd = options.cwd ?? process.cwd();
  const userRules = options.rules ?? {};
  const ruleProblems = resolveSettings(checks, userRules).problems;
  if (ruleProblems.length) throw new TypeError(`copydesk: ${ruleProblems.join('; ')}`);
  const filename = options.filename === undefined ? undefined : path.resolve(cwd, options.filename);
  const format = options.format ?? (filename ? formatFor(filename) : 'plaintext');
  const noConfig = options.config === false || (filename === undefined && options.config === undefined);
  let configs: DraftConfigs;
  try {
    configs = new DraftConfigs(typeof options.config === 'string' ? path.resolve(cwd, options.config) : undefined, noConfig);
  } catch (error) {
    throw new Error(`copydesk: config: ${(error as Error).message}`);
  }
  const draftConfig = configs.forDraft(filename ?? path.join(cwd, 'draft'));
  if (draftConfig.kind === 'fatal') throw new Error(`copydesk: ${draftConfig.problems.join('; ')}`);
  const layers = draftConfig.kind === 'layers' ? draftConfig.layers : [];
  return { settings: { project: [...layers, { rules: userRules }] }, format, problems: draftConfig.problems, ignored: draftConfig.kind === 'ignored' };
}
