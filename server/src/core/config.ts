/**
 * @file Project configuration: `.copydesk.json` (JSON with comments) and a Markdown draft's
 * `copydesk:` front matter, validated against the registry with every problem placed at the
 * offending key, so the writer sees where to fix it; linting goes on with the valid parts.
 *
 * Precedence, lowest first: rule defaults < user settings < .copydesk.json (nearest wins) < front
 * matter < inline comments (core/directives.ts). Presets (`extends`) sit under the file that names them.
 * Every term a writer supplies is a literal string: no configuration can bring in a regular expression.
 */
import { findNodeAtLocation, getNodePath, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { SEVERITIES, type Check, type Severity, type Span } from './types';

/** One layer of settings, as a config file or front matter gives it. */
export interface SettingsLayer {
  readonly rules?: Readonly<Record<string, unknown>>;
  readonly languages?: readonly string[];
  /** Globs, relative to the config file's folder, of drafts not to check. */
  readonly ignore?: readonly string[];
  /** Words every wording rule lets through (loaded-language's `allow`). */
  readonly allow?: readonly string[];
  /** The newsroom's own loaded terms (loaded-language's `terms`). */
  readonly terms?: readonly unknown[];
  /** Extra verbs of saying ("quipped") and named sources ("the Harbour Trust") that count as attribution. */
  readonly reportingVerbs?: readonly string[];
  readonly sources?: readonly string[];
  /** Presets and, in a trusted workspace, other config files this one builds on. */
  readonly extends?: readonly string[];
}

export interface ConfigProblem {
  readonly message: string;
  /** Offsets into the configuration text (the file, or the front matter within the draft). */
  readonly span: Span;
  readonly severity: 'error' | 'warning';
}

export interface ParsedConfig {
  readonly layer: SettingsLayer;
  readonly problems: readonly ConfigProblem[];
  /** The text is not JSON at all: nothing in it was used. */
  readonly fatal: boolean;
}

/** Built-in presets for `extends`. */
export const PRESETS: Readonly<Record<string, (checks: readonly Check[]) => SettingsLayer>> = {
  'copydesk:recommended': () => ({}),
  // Every rule on; attribution and accuracy rules at least warnings, style rules at least info.
  'copydesk:strict': (checks) => ({
    rules: Object.fromEntries(
      checks
        .filter((c) => !c.meta.id.endsWith('/e-prime'))
        .map((c) => [c.meta.id, atLeast(c.meta.defaultSeverity, c.meta.category === 'attribution' || c.meta.category === 'accuracy' ? 'warning' : 'info')]),
    ),
  }),
};

const KEYS: Readonly<Record<string, 'string[]' | 'object' | 'array' | 'schema'>> = {
  $schema: 'schema',
  extends: 'string[]',
  rules: 'object',
  languages: 'string[]',
  ignore: 'string[]',
  allow: 'string[]',
  terms: 'array',
  reportingVerbs: 'string[]',
  sources: 'string[]',
};

/** Parses and validates `.copydesk.json` text. */
export function parseConfigText(text: string, checks: readonly Check[]): ParsedConfig {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    message: `Not valid JSON here: ${describeParseError(printParseErrorCode(e.error))}.`,
    span: { start: e.offset, end: e.offset + Math.max(1, e.length) },
    severity: 'error',
  }));
  if (!root || root.type !== 'object') {
    if (!problems.length) problems.push({ message: 'A Copydesk configuration is a JSON object, like { "rules": { … } }.', span: { start: 0, end: Math.min(1, text.length) }, severity: 'error' });
    return { layer: {}, problems, fatal: true };
  }
  const locate = (path: readonly (string | number)[], key = false): Span => {
    const node = findNodeAtLocation(root, [...path]);
    const target = key && node?.parent?.type === 'property' ? node.parent.children?.[0] : node;
    return target ? { start: target.offset, end: target.offset + target.length } : { start: root.offset, end: root.offset + 1 };
  };
  const value = nodeValue(root);
  const checked = validateLayer(value, locate, checks);
  return { layer: checked.layer, problems: [...problems, ...checked.problems], fatal: false };
}

/**
 * Validates a layer given as a plain value (front matter), keeping the valid parts. `locate` gives
 * the place of a path (`key`: the property name rather than its value).
 */
export function validateLayer(value: unknown, locate: (path: readonly (string | number)[], key?: boolean) => Span, checks: readonly Check[]): { layer: SettingsLayer; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const warn = (path: readonly (string | number)[], message: string, key = false): void => void problems.push({ message, span: locate(path, key), severity: 'warning' });
  if (!isRecord(value)) {
    warn([], 'Expected an object, like { "rules": { … } }.');
    return { layer: {}, problems };
  }
  const layer: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const kind = KEYS[key];
    if (!kind) {
      warn([key], `Unknown setting '${key}' (known: ${Object.keys(KEYS).filter((k) => k !== '$schema').join(', ')}).`, true);
      continue;
    }
    if (kind === 'schema') continue;
    if (key === 'extends') {
      const list = typeof v === 'string' ? [v] : v;
      if (!isStringList(list)) warn([key], 'Expected a preset name ("copydesk:recommended", "copydesk:strict") or a list of them.');
      else layer['extends'] = list;
      continue;
    }
    if (kind === 'string[]' && !isStringList(v)) warn([key], `'${key}' expects a list of strings.`);
    else if (kind === 'array' && !Array.isArray(v)) warn([key], `'${key}' expects a list.`);
    else if (key === 'rules') layer['rules'] = validateRules(v, locate, checks, problems);
    else if (key === 'terms') layer['terms'] = validTerms(v as unknown[], warn);
    else layer[key] = v;
  }
  return { layer: layer as SettingsLayer, problems };
}

function validateRules(value: unknown, locate: (path: readonly (string | number)[], key?: boolean) => Span, checks: readonly Check[], problems: ConfigProblem[]): Record<string, unknown> {
  const warn = (path: readonly (string | number)[], message: string, key = false): void => void problems.push({ message, span: locate(path, key), severity: 'warning' });
  if (!isRecord(value)) {
    warn(['rules'], 'Expected an object of rule settings: { "<rule-id>": "off" | "warning" | … }.');
    return {};
  }
  const byId = new Map(checks.map((c) => [c.meta.id, c]));
  const out: Record<string, unknown> = {};
  for (const [id, setting] of Object.entries(value)) {
    const check = byId.get(id);
    const path = ['rules', id];
    if (!check) {
      const near = nearestId(id, [...byId.keys()]);
      warn(path, `Unknown rule '${id}'${near ? `: did you mean '${near}'?` : '.'} It is ignored.`, true);
      continue;
    }
    if (setting === 'off' || isSeverity(setting)) {
      out[id] = setting;
      continue;
    }
    if (!isRecord(setting)) {
      warn(path, `Expected "off", ${SEVERITIES.map((s) => `"${s}"`).join(', ')} or { "severity": …, "options": { … } }.`);
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(setting)) {
      if (key === 'severity') {
        if (v === 'off' || isSeverity(v)) kept['severity'] = v;
        else warn([...path, key], `Expected "off" or one of ${SEVERITIES.join(', ')}.`);
      } else if (key === 'options') {
        kept['options'] = validateOptions(check, v, [...path, key], warn);
      } else warn([...path, key], `Unknown key '${key}' (expected "severity" and "options").`, true);
    }
    out[id] = kept;
  }
  return out;
}

function validateOptions(check: Check, value: unknown, path: readonly (string | number)[], warn: (path: readonly (string | number)[], message: string, key?: boolean) => void): Record<string, unknown> {
  if (!isRecord(value)) {
    warn(path, 'Expected an object of options.');
    return {};
  }
  const defaults = check.meta.defaultOptions as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!(key in defaults)) warn([...path, key], `${check.meta.id} has no option '${key}' (options: ${Object.keys(defaults).join(', ') || 'none'}).`, true);
    else if (typeOf(v) !== typeOf(defaults[key])) warn([...path, key], `'${key}' expects ${article(typeOf(defaults[key]))}.`);
    else out[key] = v;
  }
  // Range checks live with the rule; a problem there drops the options it concerns only when the rule cannot cope, so report and keep.
  for (const problem of check.validate?.({ ...defaults, ...out }) ?? []) warn(path, `${check.meta.id}: ${problem}.`);
  return out;
}

function validTerms(terms: readonly unknown[], warn: (path: readonly (string | number)[], message: string) => void): unknown[] {
  return terms.filter((t, i) => {
    const ok = isRecord(t) && typeof t['term'] === 'string' && t['term'].trim() !== '';
    if (!ok) warn(['terms', i], 'Each term is an object with at least { "term": "…" } (plain words, no regular expressions).');
    return ok;
  });
}

/**
 * Folds layers (lowest precedence first) into one: rule settings merge per rule (a later severity
 * wins, options merge key by key); lists of words add up; languages and ignore globs are replaced.
 */
export function mergeLayers(layers: readonly SettingsLayer[]): SettingsLayer {
  const rules: Record<string, unknown> = {};
  const out: { -readonly [K in keyof SettingsLayer]: SettingsLayer[K] } = {};
  for (const layer of layers) {
    for (const [id, setting] of Object.entries(layer.rules ?? {})) rules[id] = mergeRule(rules[id], setting);
    if (layer.languages) out.languages = layer.languages;
    if (layer.ignore) out.ignore = layer.ignore;
    for (const key of ['allow', 'terms', 'reportingVerbs', 'sources'] as const) {
      const more = layer[key];
      if (more) out[key] = [...((out[key] as readonly unknown[] | undefined) ?? []), ...more] as never;
    }
  }
  return { ...out, rules };
}

/** The rule settings a merged layer means: word lists become the options of the rules that use them. */
export function rulesOf(layer: SettingsLayer, checks: readonly Check[]): Record<string, unknown> {
  const rules: Record<string, unknown> = { ...(layer.rules ?? {}) };
  const give = (option: string, values: readonly unknown[] | undefined): void => {
    if (!values?.length) return;
    for (const check of checks) {
      if (!(option in (check.meta.defaultOptions as object))) continue;
      const id = check.meta.id;
      if (rules[id] === 'off' || asObject(rules[id])['severity'] === 'off') continue;
      const base = asObject(rules[id]);
      const options = asObject(base['options']);
      const before = Array.isArray(options[option]) ? (options[option] as unknown[]) : [];
      rules[id] = { ...base, options: { ...options, [option]: [...before, ...values] } };
    }
  };
  give('allow', layer.allow);
  give('terms', layer.terms);
  give('reportingVerbs', layer.reportingVerbs);
  give('sources', layer.sources);
  return rules;
}

function mergeRule(base: unknown, over: unknown): unknown {
  if (base === undefined || typeof over === 'string') return over;
  const b = asObject(base);
  const o = asObject(over);
  return { ...b, ...o, ...(b['options'] || o['options'] ? { options: { ...asObject(b['options']), ...asObject(o['options']) } } : {}) };
}

function atLeast(severity: Severity, floor: Severity): Severity {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(floor) ? severity : floor;
}

/** The known id closest to a typo, if close (at most a third of its letters differ). */
export function nearestId(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(id.toLowerCase(), k);
    if (d < bestDistance) (best = k), (bestDistance = d);
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).filter((p) => p.children?.length === 2).map((p) => [p.children![0]!.value as string, nodeValue(p.children![1]!)]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase();
}

const typeOf = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
const article = (t: string): string => (t === 'array' ? 'a list' : t === 'object' ? 'an object' : `a ${t}`);
const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function asObject(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') return { severity: value };
  return isRecord(value) ? value : {};
}
export { getNodePath };
