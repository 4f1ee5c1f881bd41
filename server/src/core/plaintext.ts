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
import type { DraftText } from './draftText';
import { lineContentEnd, lineIndexAt } from './lines';
import { lastAtOrBefore } from './spans';
import { intern } from './textMemo';
import type { Block, Offset, Span } from './types';
import { classifyPlainLine } from './headline';

const MAX_WRAP_WIDTH = 120;

interface Line { readonly start: Offset; readonly end: Offset; readonly index: number }

/**
 * `text` is read as the edits read it (plainTextBlocksAfter): a server's open hands over its draft's
 * PieceText, not the joined string, so the code V8 optimised for the open is the code the first
 * keystrokes run (a string at the open made trimmedLine and runSpans deoptimise at the first edit).
 */
export function plainTextBlocks(text: DraftText, lineStarts: readonly Offset[]): Block[] {
  const spans = runSpans(text, lineStarts, 0, lineStarts.length);
  return spans.map((s, i) => toBlock(text, s, i + 1 < spans.length));
}

/** A draft's last version, as the blocks were split then. */
export interface PlainLayout {
  readonly text: DraftText;
  readonly blocks: readonly Block[];
  /** Its number of lines. */
  readonly lines: number;
}

/**
 * The same blocks as plainTextBlocks, from the last version's: only the runs of lines an edit
 * touched are split again (a run is split as a whole: its widest line decides whether it is
 * hard-wrapped), the blocks before them are the same objects and those after are moved. Undefined
 * when the edit reaches into the last run, whose last block is never a headline.
 */
export function plainTextBlocksAfter(text: DraftText, lineStarts: readonly Offset[], last: PlainLayout, start: Offset, oldEnd: Offset): Block[] | undefined {
  const delta = text.length - last.text.length;
  const blank = (line: number): boolean => !trimmedLine(text, lineStarts, line);
  let from = lineIndexAt(lineStarts, start);
  while (from > 0 && !blank(from - 1)) from--;
  let to = lineIndexAt(lineStarts, oldEnd + delta) + 1;
  while (to < lineStarts.length && !blank(to)) to++;
  const regionStart = lineStarts[from]!;
  // The old text from here on is the new text's from regionEnd: the edit ends before it.
  const oldRegionEnd = (to < lineStarts.length ? lineStarts[to]! : text.length) - delta;
  const old = last.blocks;
  // Binary searches (the blocks are in text order and do not overlap), not a walk over every block:
  // head is the first block ending at or after regionStart, tail the first from head starting at or after oldRegionEnd.
  const head = lastAtOrBefore(old, regionStart - 1, (b) => b.outer.end) + 1;
  const tail = Math.max(head, lastAtOrBefore(old, oldRegionEnd - 1, (b) => b.outer.start) + 1);
  if (tail === old.length) return undefined;
  const lineDelta = lineStarts.length - last.lines;
  const middle = runSpans(text, lineStarts, from, to).map((s) => toBlock(text, s, true));
  // One array for the new layout, not a slice, a map and a spread of the draft's 10,000 blocks;
  // with as many blocks as before (a keystroke within a paragraph), a copy written over in place.
  const same = middle.length === tail - head;
  const blocks = same ? old.slice() : old.slice(0, head);
  for (let k = 0; k < middle.length; k++) {
    if (same) blocks[head + k] = middle[k]!;
    else blocks.push(middle[k]!);
  }
  for (let k = tail; k < old.length; k++) {
    if (same) blocks[k] = moved(old[k]!, delta, lineDelta);
    else blocks.push(moved(old[k]!, delta, lineDelta));
  }
  lastDerivation = { blocks, from: old, head, kept: old.length - tail, delta };
  return blocks;
}

/**
 * How a layout was made from the one before it: its first `head` blocks are `from`'s, the same
 * objects, and its last `kept` are `from`'s last, moved by `delta` (same text, kind and shape).
 * Whoever compares the two layouts block by block (the engine's unchanged blocks, each block
 * summary's alignment) starts from these instead of walking 10,000 blocks on every keystroke.
 */
export interface Derivation {
  readonly from: readonly Block[];
  readonly head: number;
  readonly kept: number;
  readonly delta: number;
}

/**
 * The last layout made, only: a derivation kept per layout (in a WeakMap by its blocks) would keep
 * its `from` alive, and that one's, every version's blocks since the open (+20 MB of RSS over 50
 * keystrokes on a 4 MB draft). The blocks are compared right after they are made; a draft laid out
 * in between (another open draft) only costs the walk over every block.
 */
let lastDerivation: (Derivation & { readonly blocks: readonly Block[] }) | undefined;

/** How `blocks` was made from an earlier layout, when plainTextBlocksAfter made it last. */
export function derivationOf(blocks: readonly Block[]): Derivation | undefined {
  return lastDerivation?.blocks === blocks ? lastDerivation : undefined;
}

function moved(b: Block, delta: number, lineDelta: number): Block {
  const span = { start: b.span.start + delta, end: b.span.end + delta };
  return { span, outer: b.outer === b.span ? span : { start: b.outer.start + delta, end: b.outer.end + delta }, line: b.line + lineDelta, text: b.text, kind: b.kind };
}

function toBlock(text: DraftText, { span, line, lines }: { span: Span; line: number; lines: number }, notLast: boolean): Block {
  const own = intern(text.slice(span.start, span.end));
  return { span, outer: span, line, text: own, kind: lines === 1 && notLast && classifyPlainLine(own) === 'heading' ? 'heading' : 'paragraph' };
}

/** Blocks' spans in lines `fromLine` to `toLine` (exclusive), which start and end a run. */
function runSpans(text: DraftText, lineStarts: readonly Offset[], fromLine: number, toLine: number): { span: Span; line: number; lines: number }[] {
  const runs: Line[][] = [];
  let run: Line[] = [];
  for (let i = fromLine; i < toLine; i++) {
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
  return spans;
}

function trimmedLine(text: DraftText, lineStarts: readonly Offset[], index: number): Line | undefined {
  let start = lineStarts[index]!;
  let end = lineContentEnd(text, lineStarts, index);
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start < end ? { start, end, index } : undefined;
}

function wouldHaveFitted(text: DraftText, prev: Line, next: Line, width: number): boolean {
  let wordEnd = next.start;
  while (wordEnd < next.end && !isSpace(text.charCodeAt(wordEnd))) wordEnd++;
  return prev.end - prev.start + 1 + (wordEnd - next.start) <= width;
}

function endsSentence(text: DraftText, line: Line): boolean {
  return /[.!?…]["'”’)\]]*$/u.test(text.slice(Math.max(line.start, line.end - 4), line.end));
}

/** Whitespace, the BOM and zero-width characters: none of them make a line non-blank. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 11 || c === 12;
}
