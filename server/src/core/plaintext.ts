/**
 * @file Paragraphs in plain-text drafts.
 *
 * The rule (documented in docs/segmentation.md): blank lines always separate paragraphs. Inside a
 * run of non-blank lines, a line break is a paragraph break when the first word of the next line
 * would have fitted on the line before it, judged against the run's longest line; a greedy
 * hard-wrapper never leaves such room, so its breaks stay inside one paragraph. A run whose
 * longest line is wider than anyone hard-wraps (120 characters) is one paragraph per line, as in
 * drafts pasted from a CMS where a headline line runs straight into the lede.
 */
import { lineContentEnd } from './lines';
import type { Block, Offset, Span } from './types';
import { classifyPlainLine } from './headline';

const MAX_WRAP_WIDTH = 120;

interface Line { readonly start: Offset; readonly end: Offset; readonly index: number }

export function plainTextBlocks(text: string, lineStarts: readonly Offset[]): Block[] {
  const runs: Line[][] = [];
  let run: Line[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const line = trimmedLine(text, lineStarts, i);
    if (line) run.push(line);
    else if (run.length) (runs.push(run), (run = []));
  }
  if (run.length) runs.push(run);

  const spans: { span: Span; line: number; lines: number }[] = [];
  for (const r of runs) {
    const width = Math.max(...r.map((l) => l.end - l.start));
    let first = r[0]!;
    for (let k = 1; k <= r.length; k++) {
      const prev = r[k - 1]!;
      const next = r[k];
      if (next && width <= MAX_WRAP_WIDTH && !wouldHaveFitted(text, prev, next, width)) continue;
      spans.push({ span: { start: first.start, end: prev.end }, line: first.index + 1, lines: prev.index - first.index + 1 });
      if (next) first = next;
    }
  }
  return spans.map(({ span, line, lines }, i) => ({
    span,
    outer: span,
    line,
    text: text.slice(span.start, span.end),
    kind: lines === 1 && i + 1 < spans.length && classifyPlainLine(text.slice(span.start, span.end)) === 'heading' ? 'heading' : 'paragraph',
  }));
}

function trimmedLine(text: string, lineStarts: readonly Offset[], index: number): Line | undefined {
  let start = lineStarts[index]!;
  let end = lineContentEnd(text, lineStarts, index);
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start < end ? { start, end, index } : undefined;
}

function wouldHaveFitted(text: string, prev: Line, next: Line, width: number): boolean {
  let wordEnd = next.start;
  while (wordEnd < next.end && !isSpace(text.charCodeAt(wordEnd))) wordEnd++;
  return prev.end - prev.start + 1 + (wordEnd - next.start) <= width;
}

/** Whitespace, the BOM and zero-width characters: none of them make a line non-blank. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 11 || c === 12;
}
