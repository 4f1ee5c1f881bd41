/**
 * @file The one entry point the language server, the CLI and (later) the browser build share:
 * text in, findings out. Pure: no LSP, no file system.
 */
import { checks } from './checks';
import nearDuplicate from './checks/near-duplicate-paragraph';
import { fixUntilStable, type StableFixes } from './core/fixes';
import { mergeLayers, PRESETS, rulesOf, type SettingsLayer } from './core/config';
import { directiveEffect, DIRECTIVE_ID } from './core/directives';
import { codeInfo, refinedFindings, type FindingBuffers, type FindingList, type Keep } from './core/findingList';
import type { DraftText } from './core/draftText';
import { frontMatterSettings, type FrontMatterSettings } from './core/frontMatter';
import { BlockCache, compareFindings, lintSteps, type LintOptions } from './core/engine';
import { resolveSettings } from './core/settings';
import { buildSourceText, type TextFormat } from './core/text';
import type { Finding, Severity, Span } from './core/types';

export type { Finding, Fix, Severity, Span, TextEdit } from './core/types';
export { formatFor, type TextFormat } from './core/text';
export { BlockCache, DraftHistory } from './core/engine';
export type { FindingList } from './core/findingList';
export { articleReport, articleReportSteps, kindOf, FINDING_KINDS, type ArticleReport, type FindingKind, type KindCounts, type ParagraphEntry, type RuleCount } from './core/report';
export { reportMarkdown } from './core/reportMarkdown';
export { checks };

const IDS = checks.map((c) => c.meta.id);

export interface LintSettings {
  /** Rule id → "off" | severity | { severity, options }. */
  readonly rules?: unknown;
  /** Shorthand for near-duplicate-paragraph's `threshold` option (0–1). */
  readonly nearDuplicateThreshold?: number;
  /** Shorthand for loaded-language's options (quotes, categories, terms, allow). */
  readonly loadedLanguage?: Readonly<Record<string, unknown>>;
  /**
   * Project configuration over the settings above, lowest precedence first: the `.copydesk.json`
   * chain as the server or CLI found it. Built-in presets in `extends` are expanded here; file
   * presets must already be resolved by the caller (only it may read files).
   */
  readonly project?: readonly SettingsLayer[];
}

export interface LintResult {
  /** In text order (built from `list` on the first read). */
  readonly findings: readonly Finding[];
  /** The same findings, most of them still relative to their paragraph: read it to touch only a few. */
  readonly list: FindingList;
  /** Problems with the settings, worth telling the writer once. */
  readonly problems: readonly string[];
}

export function lintText(text: string, format: TextFormat, settings: LintSettings = {}, options: LintOptions = {}): LintResult {
  const { settingFor, problems, frontMatter } = resolveFor(text, format, settings);
  const view = buildSourceText(text, format);
  const steps = lintSteps(view, checks, settingFor, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return result(step.value, text, view.lineStarts, frontMatter, problems, false, options.history?.lists.refined);
  }
}

/** The engine's findings with the draft's directives, copies and front matter taken into account. */
function result(list: FindingList, text: DraftText, lineStarts: readonly number[], frontMatter: FrontMatterSettings | undefined, problems: readonly string[], markerFree = false, into?: FindingBuffers): LintResult {
  // Known to hold no directive: the search for one would read (and put together) the whole draft.
  const directives = markerFree ? undefined : directiveEffect(String(text), lineStarts, IDS);
  const copies = withoutEchoesOfCopies(list);
  const keep: Keep | undefined = directives ? (f, start, end) => !directives.isSuppressed(f.checkId, start) && (!copies || copies.keep(f, start, end)) : copies?.keep;
  const extra = [...(directives?.extra ?? []), ...frontMatterProblems(frontMatter)].sort(compareFindings);
  // Without directives only the findings in copies are in question.
  const refined = refinedFindings(list, keep, extra, into, directives ? undefined : copies?.spans);
  return {
    list: refined,
    get findings() {
      return refined.toArray();
    },
    problems,
  };
}

/**
 * A word-for-word copy of a paragraph is going to be deleted: its other findings repeat the
 * original's, so they are reported once, on the original, and the copy shows only that it is one.
 */
function withoutEchoesOfCopies(list: FindingList): { readonly keep: Keep; readonly spans: readonly Span[] } | undefined {
  const copies: Span[] = [];
  // Read from the list's flat keys: this runs over every finding on every keystroke.
  const { codes, spans, length } = list;
  for (let i = 0; i < length; i++) {
    if (isCopyCode(codes[i]!)) copies.push({ start: spans[2 * i]!, end: spans[2 * i + 1]! });
  }
  if (!copies.length) return undefined;
  // Copies are disjoint blocks, so one walk along them in step with the findings does (a draft
  // assembled from many versions has thousands).
  copies.sort((a, b) => a.start - b.start);
  // Asked in text order (refinedFindings): the last copy starting at or before a finding only moves
  // on. Most findings are in no copy: only those inside one have their rule read.
  let i = -1;
  const keep: Keep = (f, start, end) => {
    while (i + 1 < copies.length && copies[i + 1]!.start <= start) i++;
    return i < 0 || end > copies[i]!.end || f.checkId === DUPLICATE;
  };
  return { keep, spans: copies };
}

const DUPLICATE = 'duplicate-paragraph';
/** Per finding code (FindingList.codes): 1 for a duplicate-paragraph finding, else 0 (filled in on first sight). */
const copyCodes: number[] = [];

function isCopyCode(code: number): boolean {
  return (copyCodes[code] ??= codeInfo(code).checkId === DUPLICATE ? 1 : 0) === 1;
}

/**
 * The settings for one draft: user settings (with their shorthands) < project layers < the draft's
 * front matter. Inline comments come last, in applyDirectives.
 */
function resolveFor(text: DraftText, format: TextFormat, settings: LintSettings) {
  const frontMatter = format === 'markdown' ? frontMatterSettings(String(text), checks) : undefined;
  const layers: SettingsLayer[] = [{ rules: userRules(settings) }];
  for (const layer of [...(settings.project ?? []), ...(frontMatter ? [frontMatter.layer] : [])]) {
    for (const preset of layer.extends ?? []) {
      const make = PRESETS[preset];
      if (make) layers.push(make(checks));
    }
    layers.push(layer);
  }
  const rules = keepReuseInStep(keepSentenceInStep(rulesOf(mergeLayers(layers), checks)));
  return { ...resolveSettings(checks, rules), frontMatter };
}

/** Problems in the draft's own front matter are shown where they are, like any finding. */
function frontMatterProblems(frontMatter: FrontMatterSettings | undefined): Finding[] {
  if (!frontMatter?.problems.length) return [];
  return frontMatter.problems.map((p) => ({
    checkId: DIRECTIVE_ID,
    messageId: 'frontMatter',
    message: `copydesk front matter: ${p.message}`,
    span: p.span,
    severity: p.severity,
    suggestions: [],
    related: [],
    tags: [],
  }));
}

/**
 * The same as lintText, but hands control back through `pause` between checks, so a server can
 * read newer edits meanwhile; returns undefined once `isCancelled` says the result is not wanted.
 * The text may be a draft kept in pieces (DraftText): an edit of plain text is then checked
 * without putting the whole draft together.
 */
export async function lintTextInSteps(
  text: DraftText,
  format: TextFormat,
  settings: LintSettings,
  options: LintOptions & { readonly pause: () => Promise<void> },
): Promise<LintResult | undefined> {
  const { settingFor, problems, frontMatter } = resolveFor(text, format, settings);
  const view = buildSourceText(text, format, options.history, options.known);
  const steps = lintSteps(view, checks, settingFor, options);
  // Hand control back about every 20 ms, not at every step: a pause costs a turn of the event loop.
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      if (options.isCancelled?.()) return undefined;
      return result(step.value, text, view.lineStarts, frontMatter, problems, options.history?.text === text && options.history.markerFree, options.history?.lists.refined);
    }
    if (performance.now() - since < PAUSE_EVERY_MS) continue;
    await options.pause();
    since = performance.now();
    if (options.isCancelled?.()) return undefined;
  }
}

const PAUSE_EVERY_MS = 20;

/**
 * Applies every safe fix (what fix-all applies), in passes until none is left; `filter` narrows
 * which findings' fixes count. Returns the fixed text and the edits against the original.
 */
export function fixText(text: string, format: TextFormat, settings: LintSettings = {}, filter: (f: Finding) => boolean = () => true, options: LintOptions = {}): StableFixes {
  // Each pass changes a few paragraphs: the others' findings come from the cache.
  const blockCache = options.blockCache ?? new BlockCache();
  return fixUntilStable(text, (current) => lintText(current, format, settings, { ...options, blockCache }).findings.filter(filter).flatMap((f) => (f.fix ? [f.fix] : [])));
}

/** The user settings' rules with the `loadedLanguage` and `nearDuplicateThreshold` shorthands applied (explicit rule options win). */
function userRules(settings: LintSettings): Record<string, unknown> {
  const rules: Record<string, unknown> = typeof settings.rules === 'object' && settings.rules !== null ? { ...(settings.rules as Record<string, unknown>) } : {};
  const loaded = settings.loadedLanguage;
  if (loaded && Object.keys(loaded).length && rules[LOADED] !== 'off') {
    const base = asObject(rules[LOADED]);
    rules[LOADED] = { ...base, options: { ...loaded, ...asObject(base['options']) } };
  }
  if (settings.nearDuplicateThreshold !== undefined && rules[NEAR] !== 'off') {
    const near = asObject(rules[NEAR]);
    rules[NEAR] = { ...near, options: { threshold: settings.nearDuplicateThreshold, ...asObject(near['options']) } };
  }
  return rules;
}

/**
 * Keeps duplicate-sentence in step with near-duplicate-paragraph: sentence repeats inside a pair
 * that rule reports are left to it, and reported after all when it is off.
 */
function keepSentenceInStep(rules: Record<string, unknown>): Record<string, unknown> {
  const near = rules[NEAR];
  const effective = near === 'off' || asObject(near)['severity'] === 'off' ? 2 : (asObject(asObject(near)['options'])['threshold'] ?? nearDuplicate.meta.defaultOptions.threshold);
  const sentence = rules[SENTENCE];
  if (sentence !== 'off' && typeof effective === 'number') {
    const base = asObject(sentence);
    const options = asObject(base['options']);
    if (options['nearDuplicateThreshold'] === undefined) return { ...rules, [SENTENCE]: { ...base, options: { ...options, nearDuplicateThreshold: effective } } };
  }
  return rules;
}

/**
 * Keeps reused-paragraph in step with near-duplicate-paragraph: "nearly the same" across drafts
 * means what it means within one, unless reused-paragraph's own threshold is set.
 */
function keepReuseInStep(rules: Record<string, unknown>): Record<string, unknown> {
  const threshold = asObject(asObject(rules[NEAR])['options'])['threshold'];
  const reuse = asObject(rules[REUSE]);
  const options = asObject(reuse['options']);
  if (typeof threshold !== 'number' || rules[REUSE] === 'off' || options['threshold'] !== undefined) return rules;
  return { ...rules, [REUSE]: { ...reuse, options: { ...options, threshold } } };
}

const NEAR = 'near-duplicate-paragraph';
const REUSE = 'reused-paragraph';
const LOADED = 'loaded-language';
const SENTENCE = 'duplicate-sentence';

/** A rule setting as an object: a bare severity string becomes { severity }. */
function asObject(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') return { severity: value };
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** One rule as it runs for a draft: off, or a severity with its options (defaults filled in). */
export type EffectiveRule = 'off' | { readonly severity: Severity; readonly options: Readonly<Record<string, unknown>> };

/**
 * The settings every rule runs with for this draft, after the same merging lintText does (rule
 * defaults < settings < project layers < front matter); what `copydesk --print-config` prints.
 * Inline comments are not settings: they switch findings off line by line.
 */
export function effectiveRules(text: string, format: TextFormat, settings: LintSettings = {}): { readonly rules: Readonly<Record<string, EffectiveRule>>; readonly problems: readonly string[] } {
  const { settingFor, problems } = resolveFor(text, format, settings);
  const rules: Record<string, EffectiveRule> = {};
  for (const check of checks) {
    const setting = settingFor(check);
    rules[check.meta.id] = setting.enabled ? { severity: setting.severity, options: { ...check.meta.defaultOptions, ...setting.options } } : 'off';
  }
  return { rules, problems };
}
