/**
 * @file What every report format needs: the findings of each file, where a finding is in lines and
 * columns, and how its path is written for a CI service (relative to the working directory, `/`).
 */
import path from 'node:path';
import { computeLineStarts } from '../../core/lines';
import type { Finding } from '../../core/types';
import { lineColumn } from '../positions';

export interface FileReport {
  /** The name as reported (as typed, or found under a typed folder or glob). */
  readonly file: string;
  readonly text: string;
  readonly findings: readonly Finding[];
}

export interface FormatContext {
  /** The working directory, which CI paths are relative to. */
  readonly cwd: string;
  readonly colour: boolean;
  readonly version: string;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

export interface CiFinding {
  /** Relative to the working directory with `/`, or absolute when outside it. */
  readonly path: string;
  readonly line: number;
  /** 1-based, in UTF-16 code units (what editors and LSP count). */
  readonly column: number;
  readonly endLine: number;
  /** The column just after the finding (exclusive). */
  readonly endColumn: number;
}

const lineStartsOf = new WeakMap<FileReport, number[]>();

export function toCiFinding(report: FileReport, f: Finding, context: FormatContext): CiFinding {
  return { path: ciPath(report.file, context.cwd), ...rangeOf(report, f.span) };
}

export function rangeOf(report: FileReport, span: { start: number; end: number }): Omit<CiFinding, 'path'> {
  let starts = lineStartsOf.get(report);
  if (!starts) lineStartsOf.set(report, (starts = computeLineStarts(report.text)));
  const start = lineColumn(starts, span.start);
  const end = lineColumn(starts, span.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function ciPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
}
