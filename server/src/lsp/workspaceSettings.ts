/**
 * @file What the settings say about the workspace's drafts: `copydesk.workspace.*`, the globs of
 * `files.exclude` that are on, whether reused-paragraph is on (the index is read only then), and
 * the language a file on disk is checked as. Tolerant: anything malformed falls back to a default.
 */
import { DEFAULT_INCLUDE } from '../files/draftFiles';
import { formatFor } from '../core/text';

/** The `copydesk.workspace.*` settings. */
export interface WorkspaceSettings {
  /** Globs, relative to each workspace folder, of the files that are drafts. */
  readonly include: readonly string[];
  /** At most this many drafts are read (you are told once). */
  readonly maxFiles: number;
}
export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = { include: DEFAULT_INCLUDE, maxFiles: 5000 };

const RULE = 'reused-paragraph';

/** The language id a draft on disk is checked as: Markdown by its name, plain text otherwise. */
export function languageOf(file: string): string {
  return formatFor(file) === 'markdown' ? 'markdown' : 'plaintext';
}

/** Whether the user settings leave reused-paragraph on. */
export function ruleOn(rules: unknown): boolean {
  const setting = typeof rules === 'object' && rules !== null ? (rules as Record<string, unknown>)[RULE] : undefined;
  if (setting === 'off') return false;
  return !(typeof setting === 'object' && setting !== null && (setting as Record<string, unknown>)['severity'] === 'off');
}

/** Tolerant reading of `copydesk.workspace`: anything malformed falls back to its default. */
export function workspaceSettings(raw: unknown): WorkspaceSettings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const include = Array.isArray(r['include']) ? r['include'].filter((g): g is string => typeof g === 'string' && g.trim() !== '') : DEFAULT_WORKSPACE_SETTINGS.include;
  const max = r['maxFiles'];
  return { include, maxFiles: typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : DEFAULT_WORKSPACE_SETTINGS.maxFiles };
}

/** The globs of `files.exclude` that are on. A `{ "when": … }` sibling clause is not followed: that glob excludes nothing here. */
export function excludeGlobs(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null) return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([glob, on]) => (on === true ? [glob] : []));
}
