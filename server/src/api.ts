/**
 * @file The one entry point the language server, the CLI and (later) the browser build share:
 * text in, findings out. Pure: no LSP, no file system.
 */
import { checks } from './checks';
import nearDuplicate from './checks/near-duplicate-paragraph';
import { fixUntilStable, type StableFixes } from './core/fixes';
import { applyDirectives } from './core/directives';
import { lint, type LintOptions } from './core/engine';
import { resolveSettings } from './core/settings';
import { buildSourceText, type TextFormat } from './core/text';
import type { Finding } from './core/types';

export type { Finding, Fix, Severity, Span, TextEdit } from './core/types';
export { formatFor, type TextFormat } from './core/text';
export { checks };

const IDS = checks.map((c) => c.meta.id);

export interface LintSettings {
  /** Rule id → "off" | severity | { severity, options }. */
  readonly rules?: unknown;
  /** Shorthand for near-duplicate-paragraph's `threshold` option (0–1). */
  readonly nearDuplicateThreshold?: number;
  /** Shorthand for loaded-language's options (quotes, categories, terms, allow). */
  readonly loadedLanguage?: Readonly<Record<string, unknown>>;
}

export interface LintResult {
  readonly findings: readonly Finding[];
  /** Problems with the settings, worth telling the writer once. */
  readonly problems: readonly string[];
}

export function lintText(text: string, format: TextFormat, settings: LintSettings = {}, options: LintOptions = {}): LintResult {
  const { settingFor, problems } = resolveSettings(checks, applyShorthands(settings));
  const view = buildSourceText(text, format);
  return { findings: applyDirectives(lint(view, checks, settingFor, options), text, view.lineStarts, IDS), problems };
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
  const { settingFor, problems } = resolveSettings(checks, applyShorthands(settings));
  const view = buildSourceText(text, format);
  const findings: Finding[] = [];
  for (const check of checks) {
    await options.pause();
    if (options.isCancelled?.()) return undefined;
    findings.push(...lint(view, [check], settingFor, options));
  }
  return { findings: applyDirectives(findings, text, view.lineStarts, IDS), problems };
}

/**
 * Applies every safe fix (what fix-all applies), in passes until none is left; `filter` narrows
 * which findings' fixes count. Returns the fixed text and the edits against the original.
 */
export function fixText(text: string, format: TextFormat, settings: LintSettings = {}, filter: (f: Finding) => boolean = () => true): StableFixes {
  return fixUntilStable(text, (current) => lintText(current, format, settings).findings.filter(filter).flatMap((f) => (f.fix ? [f.fix] : [])));
}

/**
 * Applies the `nearDuplicateThreshold` and `loadedLanguage` shorthands, and keeps duplicate-sentence in step with
 * near-duplicate-paragraph: sentence repeats inside a pair that rule reports are left to it, and
 * reported after all when it is off.
 */
function applyShorthands(settings: LintSettings): unknown {
  if (typeof settings.rules !== 'object' || settings.rules === null) return applyShorthands({ ...settings, rules: {} });
  const rules: Record<string, unknown> = { ...(settings.rules as Record<string, unknown>) };
  const near = asObject(rules[NEAR]);
  const nearOptions = asObject(near['options']);
  const loaded = settings.loadedLanguage;
  if (loaded && Object.keys(loaded).length && rules[LOADED] !== 'off') {
    const base = asObject(rules[LOADED]);
    rules[LOADED] = { ...base, options: { ...loaded, ...asObject(base['options']) } };
  }
  if (settings.nearDuplicateThreshold !== undefined && rules[NEAR] !== 'off') {
    rules[NEAR] = { ...near, options: { ...nearOptions, threshold: settings.nearDuplicateThreshold } };
  }
  const effective =
    rules[NEAR] === 'off' || asObject(rules[NEAR])['severity'] === 'off'
      ? 2
      : (asObject(asObject(rules[NEAR])['options'])['threshold'] ?? nearDuplicate.meta.defaultOptions.threshold);
  const sentence = rules[SENTENCE];
  if (sentence !== 'off' && typeof effective === 'number') {
    const base = asObject(sentence);
    const options = asObject(base['options']);
    if (options['nearDuplicateThreshold'] === undefined) rules[SENTENCE] = { ...base, options: { ...options, nearDuplicateThreshold: effective } };
  }
  return rules;
}

const NEAR = 'near-duplicate-paragraph';
const LOADED = 'loaded-language';
const SENTENCE = 'duplicate-sentence';

/** A rule setting as an object: a bare severity string becomes { severity }. */
function asObject(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') return { severity: value };
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
