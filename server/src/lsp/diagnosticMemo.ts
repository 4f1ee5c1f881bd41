/**
 * @file A draft's diagnostics kept from one report to the next. On a long draft a keystroke's
 * report is ~1,000 diagnostics of which ~990 equal the last one's. Converting them afresh made
 * ~6,000 objects per keystroke, which the report ids then compared field by field with the last
 * ones and the encoder stringified again. Here a finding gives back last report's diagnostic at
 * its place when every field toDiagnostic would write is still equal (positions included: text
 * typed before it on its line moves them), so the report ids see the same object and the encoder
 * writes the JSON it kept. Nothing is assumed from the edit: each reuse is checked.
 */
import { DiagnosticTag, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types';
import { descriptionOf, otherRange, SEVERITY, SOURCE, toDiagnostic, type DiagnosticFeatures, type OtherDrafts } from './convert';

export class DiagnosticMemo {
  /** Last report's diagnostics, in its order (only the last report's: nothing older is kept). */
  private last: readonly Diagnostic[] = [];

  /**
   * `stored[i]` placed by `shifts[i]`, as toDiagnostic converts it, reusing last report's object
   * where equal. Candidates are found by place, walking both reports in document order, not by
   * finding: the document rules make new finding objects on every keystroke, equal to the last ones.
   */
  convert(doc: TextDocument, stored: readonly Finding[], shifts: readonly number[], features: DiagnosticFeatures, others?: OtherDrafts): Diagnostic[] {
    const last = this.last;
    const out = new Array<Diagnostic>(stored.length);
    let j = 0;
    for (let i = 0; i < stored.length; i++) {
      const finding = stored[i]!;
      const by = shifts[i]!;
      const start = doc.positionAt(finding.span.start + by);
      const { line, character } = start;
      // Compared inline, not through a function: the server runs without TurboFan inlining.
      for (; j < last.length; j++) {
        const at = last[j]!.range.start;
        if (at.line > line || (at.line === line && at.character >= character)) break;
      }
      let diagnostic: Diagnostic | undefined;
      // Several diagnostics can start at one place (different rules): any equal one will do.
      for (let k = j; k < last.length; k++) {
        const candidate = last[k]!;
        if (candidate.range.start.line !== line || candidate.range.start.character !== character) break;
        if (sameAsConverted(candidate, doc, finding, features, others, by, start)) {
          diagnostic = candidate;
          break;
        }
      }
      out[i] = diagnostic ?? toDiagnostic(doc, finding, features, others, by);
    }
    this.last = out;
    // The caller's to change (the server adds its notice of omitted findings): not the one kept.
    return out.slice();
  }
}

/**
 * Whether toDiagnostic(doc, finding, features, others, by) would write `d`'s JSON, field by field.
 * @param start where the finding starts (doc.positionAt(finding.span.start + by)), found already.
 */
function sameAsConverted(d: Diagnostic, doc: TextDocument, finding: Finding, features: DiagnosticFeatures, others: OtherDrafts | undefined, by: number, start: Position): boolean {
  if (d.code !== finding.checkId || d.message !== finding.message || d.severity !== SEVERITY[finding.severity] || d.source !== SOURCE) return false;
  if (!samePosition(d.range.start, start) || !samePosition(d.range.end, doc.positionAt(finding.span.end + by))) return false;
  if (d.codeDescription !== (features.codeDescription ? descriptionOf(finding.checkId) : undefined)) return false;
  const unnecessary = features.unnecessaryTag && finding.tags.includes('unnecessary');
  if (unnecessary ? d.tags?.length !== 1 || d.tags[0] !== DiagnosticTag.Unnecessary : d.tags !== undefined) return false;
  return sameRelated(d, doc, finding, features, others, by);
}

function sameRelated(d: Diagnostic, doc: TextDocument, finding: Finding, features: DiagnosticFeatures, others: OtherDrafts | undefined, by: number): boolean {
  const related = d.relatedInformation;
  if (!features.relatedInformation || !finding.related.length) return related === undefined;
  let k = 0;
  for (const r of finding.related) {
    if (r.document === undefined) {
      const had = related?.[k++];
      if (!had || had.location.uri !== doc.uri || had.message !== r.message || !samePlace(had.location.range, doc, r.span.start + by, r.span.end + by)) return false;
      continue;
    }
    // Another draft's place moves when that draft changes, which this draft's edits do not show.
    const range = otherRange(others, r.document, r.span);
    if (!range) continue;
    const had = related?.[k++];
    if (!had || had.location.uri !== r.document || had.message !== r.message || !samePosition(had.location.range.start, range.start) || !samePosition(had.location.range.end, range.end)) return false;
  }
  // toDiagnostic leaves the field out when no place was known.
  return k === 0 ? related === undefined : related?.length === k;
}

function samePlace(range: Range, doc: TextDocument, start: number, end: number): boolean {
  return samePosition(range.start, doc.positionAt(start)) && samePosition(range.end, doc.positionAt(end));
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}
