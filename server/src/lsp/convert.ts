/**
 * @file The edge between offsets and LSP positions: findings become diagnostics and fixes become
 * text edits here, and only here. Optional diagnostic fields are sent only to clients that said
 * they understand them.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation, type Range, type TextEdit } from 'vscode-languageserver';
import { docsUrlFor } from '../core/defineCheck';
import { lineIndexAt } from '../core/lines';
import type { DraftSummary } from '../core/paragraphDigest';
import type { Finding, Fix, Severity, Span } from '../core/types';

export interface DiagnosticFeatures {
  readonly codeDescription: boolean;
  readonly unnecessaryTag: boolean;
  readonly relatedInformation: boolean;
}

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'copydesk';

export function toRange(doc: TextDocument, span: Span, by = 0): Range {
  return { start: doc.positionAt(span.start + by), end: doc.positionAt(span.end + by) };
}

/**
 * Where a span of another draft is, for a finding's related locations there (reused-paragraph): the
 * draft's summary in the workspace index has its line starts, so no text is kept or read for it.
 */
export type OtherDrafts = (document: string) => Pick<DraftSummary, 'name' | 'lineStarts'> | undefined;

/** A span of another draft as an LSP range, or undefined when that draft is not known (any more). */
export function otherRange(others: OtherDrafts | undefined, document: string, span: Span): Range | undefined {
  const starts = others?.(document)?.lineStarts;
  if (!starts) return undefined;
  const at = (offset: number) => {
    const line = lineIndexAt(starts, offset);
    return { line, character: offset - starts[line]! };
  };
  return { start: at(span.start), end: at(span.end) };
}

/**
 * One link object per rule, shared by its diagnostics (they are only read, then sent): not a new
 * object and URL string for each of a keystroke's 1,000 diagnostics.
 */
const descriptions = new Map<string, { readonly href: string }>();

export function descriptionOf(checkId: string): { readonly href: string } {
  let description = descriptions.get(checkId);
  if (!description) descriptions.set(checkId, (description = Object.freeze({ href: docsUrlFor(checkId) })));
  return description;
}

/**
 * @param by what places `finding` in the draft (FindingList.shifts): a paragraph's finding is kept
 *   relative to its paragraph, and converting it with its shift makes no placed copy of it first.
 */
export function toDiagnostic(doc: TextDocument, finding: Finding, features: DiagnosticFeatures, others?: OtherDrafts, by = 0): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(doc, finding.span, by),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.checkId,
    message: finding.message,
  };
  if (features.codeDescription) diagnostic.codeDescription = descriptionOf(finding.checkId);
  if (features.unnecessaryTag && finding.tags.includes('unnecessary')) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (features.relatedInformation && finding.related.length) {
    // A loop, not flatMap: a keystroke converts ~1,000 findings, and flatMap made an array per place.
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of finding.related) {
      if (r.document === undefined) {
        related.push({ location: { uri: doc.uri, range: toRange(doc, r.span, by) }, message: r.message });
        continue;
      }
      const range = otherRange(others, r.document, r.span);
      if (range) related.push({ location: { uri: r.document, range }, message: r.message });
    }
    if (related.length) diagnostic.relatedInformation = related;
  }
  return diagnostic;
}

export function toTextEdit(doc: TextDocument, fix: Fix): TextEdit {
  return { range: toRange(doc, fix.edit.span), newText: fix.edit.newText };
}

/** Whether a client diagnostic is the one this finding produced (same rule, same place). */
export function sameFinding(doc: TextDocument, finding: Finding, diagnostic: Diagnostic): boolean {
  if (diagnostic.source !== SOURCE || diagnostic.code !== finding.checkId) return false;
  return doc.offsetAt(diagnostic.range.start) === finding.span.start && doc.offsetAt(diagnostic.range.end) === finding.span.end;
}
