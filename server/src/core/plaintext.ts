/**
 * @file Paragraphs in plain-text drafts.
 *
 * The rule (documented in docs/segmentation.md): blank lines always separate paragraphs. A run of
 * non-blank lines is hard-wrapped prose only when its longest line is no wider than anyone wraps
 * (120 characters) and some line breaks mid-sentence where the next line's first word would not
 * have fitted: a greedy wrapper leaves no such room. In hard-wrapped runs, a break where the next
 * word would have fitted is a paragraph break. Every other run is one paragraph per line, as in
 * drafts pasted from a CMS where a headline line runs straight into the lede.
 */
import { lineContentEnd } from './lines';
import { intern } from './textMemo';
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
    const soft = r.map((line, k) => k + 1 < r.length && width <= MAX_WRAP_WIDTH && !wouldHaveFitted(text, line, r[k + 1]!, width));
    const hardWrapped = soft.some((isSoft, k) => isSoft && !endsSentence(text, r[k]!));
    let first = r[0]!;
    for (let k = 1; k <= r.length; k++) {
      const prev = r[k - 1]!;
      const next = r[k];
      if (next && hardWrapped && soft[k - 1]) continue;
      spans.push({ span: { start: first.start, end: prev.end }, line: first.index + 1, lines: prev.index - first.index + 1 });
      if (next) first = next;
    }
  }
  return spans.map(({ span, line, lines }, i) => {
    const own = intern(text.slice(span.start, span.end));
    return { span, outer: span, line, text: own, kind: lines === 1 && i + 1 < spans.length && classifyPlainLine(own) === 'heading' ? 'heading' : 'paragraph' };
  });
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

function endsSentence(text: string, line: Line): boolean {
  return /[.!?…]["'”’)\]]*$/u.test(text.slice(Math.max(line.start, line.end - 4), line.end));
}

/** Whitespace, the BOM and zero-width characters: none of them make a line non-blank. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 11 || c === 12;
}
