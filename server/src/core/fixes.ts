/**
 * @file Edits on offsets: merging the edits of one fix (ESLint's mergeFixes) and applying many fixes
 * at once without ever letting two of them touch the same text.
 */
import type { Fix, TextEdit } from './types';

/** One fix is one edit: several edits become a single replacement of the text they span. */
export function mergeEdits(edits: readonly TextEdit[], checkId: string, text?: string): TextEdit {
  if (edits.length === 0) throw new Error(`${checkId} reported a fix with no edits`);
  if (edits.length === 1) return edits[0]!;
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.span.start < sorted[i - 1]!.span.end) throw new Error(`${checkId} reported a fix with overlapping edits`);
  }
  if (text === undefined) throw new Error(`${checkId} reported a multi-edit fix; merging it needs the text`);
  let newText = '';
  for (let i = 0; i < sorted.length; i++) {
    const edit = sorted[i]!;
    newText += edit.newText;
    const next = sorted[i + 1];
    if (next) newText += text.slice(edit.span.end, next.span.start);
  }
  return { span: { start: sorted[0]!.span.start, end: sorted[sorted.length - 1]!.span.end }, newText };
}

export interface AppliedFixes {
  readonly text: string;
  readonly applied: readonly Fix[];
  /** Fixes left out because they overlapped one already applied; a second pass can take them. */
  readonly skipped: readonly Fix[];
}

/** Applies fixes in text order, skipping any that overlaps one already taken. */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const sorted = [...fixes].sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let out = '';
  let pos = 0;
  for (const fix of sorted) {
    const { span, newText } = fix.edit;
    const touchesInsertion = span.start === pos && applied.length > 0 && applied[applied.length - 1]!.edit.span.start === pos && span.start === span.end;
    if (span.start < pos || touchesInsertion) {
      skipped.push(fix);
      continue;
    }
    out += text.slice(pos, span.start) + newText;
    pos = span.end;
    applied.push(fix);
  }
  return { text: out + text.slice(pos), applied, skipped };
}
