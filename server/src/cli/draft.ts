/**
 * @file Checking one draft, the unit that the in-process run and the worker threads share. It
 * prints nothing: what it would say is returned, in order, so the caller can print every draft's
 * lines in the order of the drafts whichever thread checked them, and tell once what is told once.
 */
import path from 'node:path';
import { BlockCache, fixText, formatFor, lintText, type LintSettings } from '../api';
import { DraftConfigs } from '../node/draftConfigs';
import type { Target } from './files';
import type { FileReport } from './formats/shared';
import { readDraft, type ReadResult } from './read';
import { writeAtomically } from './write';

/** What every draft of a run is checked with; plain data, so a worker thread can be sent it. */
export interface DraftOptions {
  readonly fix: boolean;
  /** The draft is standard input: the fixed text is printed, not written. */
  readonly stdin: boolean;
  /** The --rule settings, over the configuration files. */
  readonly rules: Readonly<Record<string, string>>;
  readonly config: string | undefined;
  readonly noConfig: boolean;
}

/** A line for stdout or stderr; lines with the same `once` key are printed only the first time. */
export interface Said {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  readonly once?: string;
}

export interface DraftOutcome {
  /** In the order a run on one thread prints them. */
  readonly said: readonly Said[];
  /** Missing when the draft was not checked (unreadable, ignored, the engine failed). */
  readonly report?: FileReport;
  /** Something went wrong that makes the run exit 2: unreadable, not written, a rule threw. */
  readonly inputError: boolean;
}

/** The key under which a configuration problem is told once (also for the named --config file). */
export const configProblemKey = (problem: string): string => `config:${problem}`;

export class DraftLinter {
  // Shared by the fix passes and the final lint of every draft this linter checks.
  private readonly blockCache = new BlockCache();

  /** Without `configs`, throws when the named --config file does not exist (the caller has checked that already). */
  constructor(
    private readonly options: DraftOptions,
    private readonly configs = new DraftConfigs(options.config, options.noConfig),
  ) {}

  /** `read`: standard input's text, for a run with --stdin; a file is read here. */
  lint({ name, explicit }: Target, read: ReadResult = readDraft(name)): DraftOutcome {
    const said: Said[] = [];
    const stderr = (text: string, once?: string): void => void said.push(once === undefined ? { stream: 'stderr', text } : { stream: 'stderr', text, once });
    let inputError = false;
    if (!read.ok) {
      stderr(`copydesk: ${read.message}\n`);
      return { said, inputError: true };
    }
    const { fix, stdin, rules } = this.options;
    const config = this.configs.forDraft(stdin ? path.resolve(name === '<stdin>' ? 'stdin' : name) : name);
    for (const problem of config.problems) stderr(`copydesk: ${problem}\n`, configProblemKey(problem));
    if (config.kind === 'fatal') return { said, inputError: true };
    if (config.kind === 'ignored') {
      // Found in a folder or by a glob, an ignored draft is simply not one of the drafts.
      if (explicit) stderr(`copydesk: ${name}: ignored by the configuration's "ignore" globs\n`);
      return { said, inputError };
    }
    // --rule sits over the configuration files, as a user setting sits over nothing but defaults in the editor.
    const settings: LintSettings = { project: [...config.layers, { rules }] };
    if (read.text.trim() === '') stderr(`copydesk: ${name}: is empty; nothing to check\n`);
    // A rule that throws is skipped (the others still report) and told once per run, and the run fails: its findings are missing.
    const failed = new Set<string>();
    const onCheckError = (checkId: string, error: unknown): void => {
      inputError = true;
      if (failed.has(checkId)) return;
      failed.add(checkId);
      stderr(`copydesk: the rule '${checkId}' failed and was skipped (${messageOf(error)}); the other rules still ran\n`, `rule:${checkId}`);
    };
    const draftFormat = formatFor(name);
    const lintOptions = { blockCache: this.blockCache, onCheckError };
    let text = read.text;
    try {
      if (fix) {
        const fixed = fixText(text, draftFormat, settings, () => true, lintOptions).text;
        if (stdin) {
          said.push({ stream: 'stdout', text: fixed });
          text = fixed;
        } else if (fixed !== text) {
          try {
            writeAtomically(name, fixed);
            text = fixed;
          } catch (error) {
            stderr(`copydesk: ${name}: could not write the fixed draft (${(error as Error).message}); the file is unchanged\n`);
            inputError = true;
          }
        }
      }
      const report: FileReport = { file: name, text, findings: lintText(text, draftFormat, settings, lintOptions).findings };
      return { said, report, inputError };
    } catch (error) {
      // The engine itself failed on this draft: say so, and go on with the others.
      stderr(`copydesk: ${name}: could not be checked (${messageOf(error)}); skipped\n`);
      return { said, inputError: true };
    }
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
