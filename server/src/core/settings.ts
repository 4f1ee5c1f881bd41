/**
 * @file Turns raw rule settings (from VS Code settings, the CLI or later a config file) into one
 * CheckSetting per check, with a clear message for every value it had to ignore, so a typo in a
 * setting is reported instead of silently switching a rule off.
 */
import { SEVERITIES, type Check, type CheckSetting, type Severity } from './types';

/** `"off"`, a severity, or `{ "severity": …, "options": { … } }`, keyed by rule id. */
export type RawRuleSetting = unknown;

export interface ResolvedSettings {
  readonly settingFor: (check: Check) => CheckSetting;
  /** Human-readable problems found in the raw settings (unknown rules, bad values). */
  readonly problems: readonly string[];
}

export function resolveSettings(checks: readonly Check[], rules: unknown, origin = 'rules'): ResolvedSettings {
  const problems: string[] = [];
  const byId = new Map<string, CheckSetting>();
  const raw = isRecord(rules) ? rules : {};
  if (rules !== undefined && rules !== null && !isRecord(rules)) problems.push(`${origin}: expected an object of rule settings`);
  const known = new Set(checks.map((c) => c.meta.id));
  for (const id of Object.keys(raw)) if (!known.has(id)) problems.push(`${origin}.${id}: unknown rule (known: ${[...known].join(', ')})`);

  for (const check of checks) {
    const { id, defaultSeverity, enabledByDefault, defaultOptions } = check.meta;
    const fallback: CheckSetting = enabledByDefault ? { enabled: true, severity: defaultSeverity, options: {} } : { enabled: false };
    const value = raw[id];
    if (value === undefined || value === null || value === 'default') byId.set(id, fallback);
    else if (value === 'off' || value === false) byId.set(id, { enabled: false });
    else if (isSeverity(value)) byId.set(id, { enabled: true, severity: value, options: {} });
    else if (isRecord(value)) {
      const severity = value['severity'] ?? (enabledByDefault ? defaultSeverity : 'warning');
      const options = checkOptions(value['options'], defaultOptions, `${origin}.${id}.options`, problems);
      if (severity === 'off') byId.set(id, { enabled: false });
      else if (isSeverity(severity)) byId.set(id, { enabled: true, severity, options });
      else {
        problems.push(`${origin}.${id}.severity: expected one of off, ${SEVERITIES.join(', ')}`);
        byId.set(id, fallback.enabled ? { ...fallback, options } : fallback);
      }
    } else {
      problems.push(`${origin}.${id}: expected "off", ${SEVERITIES.map((s) => `"${s}"`).join(', ')} or { "severity", "options" }`);
      byId.set(id, fallback);
    }
  }
  for (const check of checks) {
    const setting = byId.get(check.meta.id);
    if (!setting?.enabled || !check.validate) continue;
    const merged = { ...check.meta.defaultOptions, ...setting.options };
    for (const problem of check.validate(merged)) problems.push(`${origin}.${check.meta.id}.options: ${problem}`);
  }
  return { settingFor: (check) => byId.get(check.meta.id) ?? { enabled: false }, problems };
}

/** Keeps only options the check declares, of the same type as their defaults. */
function checkOptions(value: unknown, defaults: object, origin: string, problems: string[]): object {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    problems.push(`${origin}: expected an object`);
    return {};
  }
  const out: Record<string, unknown> = {};
  const defaultsRecord = defaults as Record<string, unknown>;
  for (const [key, v] of Object.entries(value)) {
    if (!(key in defaultsRecord)) problems.push(`${origin}.${key}: unknown option (known: ${Object.keys(defaultsRecord).join(', ') || 'none'})`);
    else if (typeof v !== typeof defaultsRecord[key] || (typeof v === 'number' && !Number.isFinite(v))) {
      problems.push(`${origin}.${key}: expected a ${typeof defaultsRecord[key]}`);
    } else out[key] = v;
  }
  return out;
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
