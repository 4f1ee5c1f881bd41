/**
 * @file Runs checks over a segmented text and turns their reports into findings: validates spans
 * and message ids, merges each fix's edits into one, isolates a check that throws, and honours
 * cancellation between checks, so one broken rule never hides the others.
 */
import { mergeEdits } from './fixes';
import { SEVERITIES, type Check, type CheckSetting, type Finding, type Fix, type FixReport, type Report, type Severity, type SourceTextView, type Span } from './types';

export interface LintOptions {
  /** Asked between checks; when true the run stops and returns what it has. */
  readonly isCancelled?: () => boolean;
  /** Told about a check that threw; the run goes on without that check's findings. */
  readonly onCheckError?: (checkId: string, error: unknown) => void;
}

export function lint(
  view: SourceTextView,
  checks: readonly Check[],
  settingFor: (check: Check) => CheckSetting,
  options: LintOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    if (options.isCancelled?.()) break;
    const setting = settingFor(check);
    if (!setting.enabled) continue;
    try {
      const own: Finding[] = [];
      for (const report of check.run({ text: view, options: { ...check.meta.defaultOptions, ...setting.options } })) {
        own.push(toFinding(check, report, setting.severity, view.text));
      }
      findings.push(...own);
    } catch (error) {
      options.onCheckError?.(check.meta.id, error);
    }
  }
  return findings.sort(compareFindings);
}

/** Text order, then rule id, so output is stable whatever order the checks ran in. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.checkId.localeCompare(b.checkId);
}

function toFinding(check: Check, report: Report<string>, severity: Finding['severity'], text: string): Finding {
  const { meta } = check;
  const length = text.length;
  assertSpan(report.span, length, meta.id);
  if (report.fix && !meta.fixable) throw new Error(`${meta.id} reported a fix but is not marked fixable`);
  const message = (id: string, data?: Readonly<Record<string, string>>): string => interpolate(meta.messages, id, data, meta.id);
  const toFix = (f: FixReport<string>): Fix => {
    f.edits.forEach((e) => assertSpan(e.span, length, meta.id));
    return { title: message(f.messageId, f.data), edit: mergeEdits(f.edits, meta.id, text) };
  };
  return {
    checkId: meta.id,
    messageId: report.messageId,
    message: message(report.messageId, report.data),
    span: report.span,
    severity: report.maxSeverity ? milder(severity, report.maxSeverity) : severity,
    ...(report.fix ? { fix: toFix(report.fix) } : {}),
    suggestions: (report.suggestions ?? []).map(toFix),
    related: (report.related ?? []).map((r) => (assertSpan(r.span, length, meta.id), { span: r.span, message: message(r.messageId, r.data) })),
    tags: report.tags ?? [],
    ...(report.actual !== undefined ? { actual: report.actual } : {}),
    ...(report.expected !== undefined ? { expected: report.expected } : {}),
    ...(report.note !== undefined ? { note: report.note } : {}),
  };
}

function milder(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

function assertSpan(span: Span, length: number, checkId: string): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length)) {
    throw new Error(`${checkId} reported an invalid span ${span.start}..${span.end} (text length ${length})`);
  }
}

/** Fills {{name}} placeholders; an unknown message id or a missing value is the check's bug. */
export function interpolate(messages: Readonly<Record<string, string>>, id: string, data: Readonly<Record<string, string>> | undefined, checkId: string): string {
  const template = messages[id];
  if (template === undefined) throw new Error(`${checkId} used unknown message id '${id}'`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = data?.[name];
    if (value === undefined) throw new Error(`${checkId} message '${id}' needs a value for {{${name}}}`);
    return value;
  });
}
