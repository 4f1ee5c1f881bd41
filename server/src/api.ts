/**
 * @file The one entry point the language server, the CLI and (later) the browser build share:
 * text in, findings out. Pure: no LSP, no file system.
 */
import { checks } from './checks';
import { fixUntilStable, type StableFixes } from './core/fixes';
import { compareFindings, lint, type LintOptions } from './core/engine';
import { resolveSettings } from './core/settings';
import { buildSourceText, type TextFormat } from './core/text';
import type { Finding } from './core/types';

export type { Finding, Fix, Severity, Span, TextEdit } from './core/types';
export { formatFor, type TextFormat } from './core/text';
export { checks };

export interface LintSettings {
  /** Rule id → "off" | severity | { severity, options }. */
  readonly rules?: unknown;
  /** Shorthand for near-duplicate-paragraph's `threshold` option (0–1). */
  readonly nearDuplicateThreshold?: number;
}

export interface LintResult {
  readonly findings: readonly Finding[];
  /** Problems with the settings, worth telling the writer once. */
  readonly problems: readonly string[];
}

export function lintText(text: string, format: TextFormat, settings: LintSettings = {}, options: LintOptions = {}): LintResult {
  const { settingFor, problems } = resolveSettings(checks, withThreshold(settings));
  const view = buildSourceText(text, format);
  return { findings: lint(view, checks, settingFor, options), problems };
}

/**
 * The same as lintText, but hands control back through `pause` between checks, so a server can
 * read newer edits meanwhile; returns undefined once `isCancelled` says the result is not wanted.
 */
export async function lintTextInSteps(
  text: string,
  format: TextFormat,
  settings: LintSettings,
  options: LintOptions & { readonly pause: () => Promise<void> },
): Promise<LintResult | undefined> {
  const { settingFor, problems } = resolveSettings(checks, withThreshold(settings));
  const view = buildSourceText(text, format);
  const findings: Finding[] = [];
  for (const check of checks) {
    await options.pause();
    if (options.isCancelled?.()) return undefined;
    findings.push(...lint(view, [check], settingFor, options));
  }
  return { findings: findings.sort(compareFindings), problems };
}

/**
 * Applies every safe fix (what fix-all applies), in passes until none is left; `filter` narrows
 * which findings' fixes count. Returns the fixed text and the edits against the original.
 */
export function fixText(text: string, format: TextFormat, settings: LintSettings = {}, filter: (f: Finding) => boolean = () => true): StableFixes {
  return fixUntilStable(text, (current) => lintText(current, format, settings).findings.filter(filter).flatMap((f) => (f.fix ? [f.fix] : [])));
}

function withThreshold(settings: LintSettings): unknown {
  const threshold = settings.nearDuplicateThreshold;
  if (threshold === undefined) return settings.rules;
  const rules = typeof settings.rules === 'object' && settings.rules !== null ? { ...(settings.rules as Record<string, unknown>) } : {};
  const current = rules['near-duplicate-paragraph'];
  if (current === 'off') return rules;
  const base = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : typeof current === 'string' ? { severity: current } : {};
  rules['near-duplicate-paragraph'] = { ...base, options: { ...(base['options'] as object | undefined), threshold } };
  return rules;
}
