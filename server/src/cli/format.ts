/**
 * @file CLI output: `json` (the stable format scripts, CI, other editors and the Node API rely on;
 * see README) and `stylish` (ESLint-like, for people). The CI formats are in formats/.
 */
import { computeLineStarts } from '../core/lines';
import type { Finding, Fix, Severity } from '../core/types';
import type { FileReport } from './formats/shared';
import { lineColumn } from './positions';

export type { FileReport };

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(
    reports.map(({ file, text, findings }) => ({ file, diagnostics: diagnosticsOf(text, findings) })),
    null,
    2,
  );
}

/** One finding in the stable JSON shape (the README documents it; the Node API returns it too). */
export interface JsonDiagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** UTF-16 offsets into the text (JavaScript string indices), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 1-based; columns in UTF-16 code units. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The safe fix (what --fix applies) first when there is one, then the suggestions. */
  readonly fixes: readonly { readonly title: string; readonly edits: readonly { readonly start: number; readonly end: number; readonly text: string }[] }[];
}

export function diagnosticsOf(text: string, findings: readonly Finding[]): JsonDiagnostic[] {
  const lineStarts = computeLineStarts(text);
  return findings.map((f) => {
    const start = lineColumn(lineStarts, f.span.start);
    const end = lineColumn(lineStarts, f.span.end);
    return {
      rule: f.checkId,
      severity: f.severity,
      message: f.message,
      start: f.span.start,
      end: f.span.end,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fixes: [...(f.fix ? [f.fix] : []), ...f.suggestions].map(jsonFix),
    };
  });
}

function jsonFix(fix: Fix): JsonDiagnostic['fixes'][number] {
  return { title: fix.title, edits: [{ start: fix.edit.span.start, end: fix.edit.span.end, text: fix.edit.newText }] };
}

const COLOURS: Record<Severity | 'dim' | 'bold', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  info: [36, 39],
  hint: [90, 39],
  dim: [2, 22],
  bold: [1, 22],
};

export function formatStylish(reports: readonly FileReport[], colour: boolean): string {
  const paint = (style: keyof typeof COLOURS, s: string): string => (colour ? `\u001b[${COLOURS[style][0]}m${s}\u001b[${COLOURS[style][1]}m` : s);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  const out: string[] = [];
  for (const { file, text, findings } of reports) {
    if (findings.length === 0) continue;
    const lineStarts = computeLineStarts(text);
    out.push(paint('bold', file));
    for (const f of findings) {
      counts[f.severity]++;
      if (f.fix) fixable++;
      const { line, column } = lineColumn(lineStarts, f.span.start);
      out.push(`  ${paint('dim', `${line}:${column}`.padEnd(8))} ${paint(f.severity, f.severity.padEnd(7))}  ${f.message}  ${paint('dim', f.checkId)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(
    paint(counts.error ? 'error' : 'warning', `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info, ${plural(counts.hint, 'hint')})`),
  );
  if (fixable) out.push(`  ${plural(fixable, 'problem')} fixable with the \`--fix\` option.`);
  return out.join('\n') + '\n';
}
