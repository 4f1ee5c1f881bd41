/**
 * @file Edits on offsets: merging the edits of one fix (ESLint's mergeFixes) and applying many fixes
 * at once without ever letting two of them touch the same text.
 */
import type { DraftText } from './draftText';
import type { Fix, TextEdit } from './types';

/** One fix is one edit: several edits become a single replacement of the text they span. */
export function mergeEdits(edits: readonly TextEdit[], checkId: string, text?: DraftText): TextEdit {
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

export interface StableFixes {
  readonly text: string;
  /** Edits against the original text, sorted and disjoint, that turn it into `text`. */
  readonly edits: readonly TextEdit[];
}

/**
 * Applies safe fixes in passes until none is left, because two neighbouring fixes may claim the
 * same text (two adjacent copies and the separator between them). The result comes back as edits
 * against the original text, so an editor can apply it as one versioned edit set.
 */
export function fixUntilStable(text: string, fixesFor: (current: string) => readonly Fix[], maxPasses = 10): StableFixes {
  let current = text;
  let edits: TextEdit[] | undefined = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = fixesFor(current);
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    const mapped: TextEdit[] | undefined = edits && mapToOriginal(edits, result.applied.map((f) => f.edit));
    edits = mapped && mergeTouching([...edits!, ...mapped]);
    current = result.text;
    if (result.skipped.length === 0) break;
  }
  if (current === text) return { text, edits: [] };
  return { text: current, edits: edits ?? [wholeChange(text, current)] };
}

/** Maps edits made to the edited text back to original offsets; undefined when one lands inside replaced text. */
function mapToOriginal(previous: readonly TextEdit[], next: readonly TextEdit[]): TextEdit[] | undefined {
  const out: TextEdit[] = [];
  for (const edit of next) {
    const start = toOriginal(previous, edit.span.start, 'start');
    const end = toOriginal(previous, edit.span.end, 'end');
    if (start === undefined || end === undefined) return undefined;
    out.push({ span: { start, end }, newText: edit.newText });
  }
  return out;
}

/**
 * Where an offset of the edited text was in the original. At a point where text was deleted, an
 * edit's start maps after the deleted text and its end before it, so the two edits just touch.
 */
function toOriginal(previous: readonly TextEdit[], offset: number, side: 'start' | 'end'): number | undefined {
  let delta = 0;
  for (const e of previous) {
    const from = e.span.start + delta;
    const to = from + e.newText.length;
    if (offset < from || (offset === from && side === 'end')) return offset - delta;
    if (offset < to) return undefined;
    if (offset === to) return e.span.end;
    delta += e.newText.length - (e.span.end - e.span.start);
  }
  return offset - delta;
}

/** Sorts edits and joins those that touch; undefined if any overlap. */
function mergeTouching(edits: readonly TextEdit[]): TextEdit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.span.start < last.span.end) return undefined;
    if (last && e.span.start === last.span.end) out[out.length - 1] = { span: { start: last.span.start, end: e.span.end }, newText: last.newText + e.newText };
    else out.push(e);
  }
  return out;
}

/** One edit covering everything between the common prefix and suffix of two texts. */
function wholeChange(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}
