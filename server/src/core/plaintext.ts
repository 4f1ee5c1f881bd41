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
import type { BlockList } from './blockList';
import type { DraftText } from './draftText';
import { lineContentEnd, lineIndexAt } from './lines';
import { intern } from './textMemo';
import type { Block, Offset } from './types';
import { classifyPlainLine } from './headline';

const MAX_WRAP_WIDTH = 120;

/**
 * `text` is read as the edits read it (plainTextBlocksAfter): a server's open hands over its draft's
 * PieceText, not the joined string, so the code V8 optimised for the open is the code the first
 * keystrokes run (a string at the open made trimmedLine deoptimise at the first edit).
 */
export function plainTextBlocks(text: DraftText, lineStarts: readonly Offset[]): Block[] {
  const blocks = noBlocks();
  // The draft's last block is never a headline (nothing follows it for it to head), and is not
  // classified at all: a long last line of punctuation is where classifyPlainLine is slow.
  let last = lineStarts.length - 1;
  while (last >= 0 && isBlankLine(text, lineStarts, last)) last--;
  runBlocks(text, lineStarts, 0, lineStarts.length, blocks, last);
  return blocks;
}

/** A draft's last version, as the blocks were split then. */
export interface PlainLayout {
  readonly text: DraftText;
  readonly blocks: BlockList;
  /** Its number of lines. */
  readonly lines: number;
}

/**
 * The same blocks as plainTextBlocks, from the last version's: only the runs of lines an edit
 * touched are split again (a run is split as a whole: its widest line decides whether it is
 * hard-wrapped), the blocks before them are the same and those after are moved (placed when read:
 * see BlockList). Undefined when the edit reaches into the last run, whose last block is never a
 * headline.
 */
export function plainTextBlocksAfter(text: DraftText, lineStarts: readonly Offset[], last: PlainLayout, start: Offset, oldEnd: Offset): BlockList | undefined {
  const delta = text.length - last.text.length;
  const blank = (line: number): boolean => isBlankLine(text, lineStarts, line);
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
  const head = old.lastEndingBy(regionStart - 1) + 1;
  const tail = Math.max(head, old.lastStartingBy(oldRegionEnd - 1) + 1);
  if (tail === old.length) return undefined;
  const middle = noBlocks();
  runBlocks(text, lineStarts, from, to, middle, -1);
  const blocks = old.replaced(head, tail, middle, delta, lineStarts.length - last.lines);
  lastDerivation = { blocks, from: old, head, kept: old.length - tail, delta };
  return blocks;
}

/**
 * How a layout was made from the one before it: its first `head` blocks are `from`'s, in the same
 * place, and its last `kept` are `from`'s last, moved by `delta` (same text, kind and shape).
 * Whoever compares the two layouts block by block (the engine's unchanged blocks, each block
 * summary's alignment) starts from these instead of walking 10,000 blocks on every keystroke.
 */
export interface Derivation {
  readonly from: BlockList;
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
let lastDerivation: (Derivation & { readonly blocks: BlockList }) | undefined;

/** How `blocks` was made from an earlier layout, when plainTextBlocksAfter made it last. */
export function derivationOf(blocks: BlockList): Derivation | undefined {
  return lastDerivation?.blocks === blocks ? lastDerivation : undefined;
}

/**
 * An empty list of blocks of the kind it has once it holds one (packed, any element). A literal []
 * starts as small integers and changes kind at its first push: the open's did so before splitRun
 * had type feedback, so its code knew only the later kind and met a keystroke's fresh list at its
 * first push ("wrong map" at the first keystroke).
 */
function noBlocks(): Block[] {
  const out = [undefined] as unknown as Block[];
  out.length = 0;
  return out;
}

function toBlock(text: DraftText, start: Offset, end: Offset, line: number, lines: number, notLast: boolean): Block {
  const own = intern(text.slice(start, end));
  const span = { start, end };
  return { span, outer: span, line, text: own, kind: lines === 1 && notLast && classifyPlainLine(own) === 'heading' ? 'heading' : 'paragraph' };
}

/**
 * Each run of non-blank lines' trimmed start and end and line index (three entries a line), in
 * one array kept from call to call: a line object per line and arrays per run and per line's
 * softness came to ~7 MB of short-lived objects per segmentation of a 4 MB draft, all alive until
 * its last run was split, which made each scavenge of a whole-draft lint copy them.
 */
let lines = new Int32Array(3 * 256);

/**
 * Appends to `out` the blocks of lines `fromLine` to `toLine` (exclusive), which start and end a
 * run; the block ending on line `lastLine` is the draft's last.
 */
function runBlocks(text: DraftText, lineStarts: readonly Offset[], fromLine: number, toLine: number, out: Block[], lastLine: number): void {
  let n = 0;
  for (let i = fromLine; i < toLine; i++) {
    let start = lineStarts[i]!;
    let end = lineContentEnd(text, lineStarts, i);
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start < end) {
      if (3 * n + 3 > lines.length) {
        const wider = new Int32Array(2 * lines.length);
        wider.set(lines);
        lines = wider;
      }
      lines[3 * n] = start;
      lines[3 * n + 1] = end;
      lines[3 * n + 2] = i;
      n++;
    } else if (n) {
      splitRun(text, n, out, lastLine);
      n = 0;
    }
  }
  if (n) splitRun(text, n, out, lastLine);
}

/** The blocks of the run of `n` lines in `lines`. */
function splitRun(text: DraftText, n: number, out: Block[], lastLine: number): void {
  let width = 0;
  for (let k = 0; k < n; k++) width = Math.max(width, lines[3 * k + 1]! - lines[3 * k]!);
  // A break is soft where the next line's first word would not have fitted on the line before.
  const wrapped = width <= MAX_WRAP_WIDTH;
  let hardWrapped = false;
  for (let k = 0; wrapped && !hardWrapped && k + 1 < n; k++) hardWrapped = isSoft(text, k, width) && !endsSentence(text, lines[3 * k]!, lines[3 * k + 1]!);
  let first = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && hardWrapped && isSoft(text, k - 1, width)) continue;
    const line = lines[3 * first + 2]!;
    const endLine = lines[3 * (k - 1) + 2]!;
    out.push(toBlock(text, lines[3 * first]!, lines[3 * (k - 1) + 1]!, line + 1, endLine - line + 1, endLine !== lastLine));
    first = k;
  }
}

/** Whether the break after the run's k-th line is soft: the next line's first word would not have fitted on it. */
function isSoft(text: DraftText, k: number, width: number): boolean {
  const start = lines[3 * (k + 1)]!;
  const end = lines[3 * (k + 1) + 1]!;
  let wordEnd = start;
  while (wordEnd < end && !isSpace(text.charCodeAt(wordEnd))) wordEnd++;
  return lines[3 * k + 1]! - lines[3 * k]! + 1 + (wordEnd - start) > width;
}

function endsSentence(text: DraftText, start: Offset, end: Offset): boolean {
  return /[.!?…]["'”’)\]]*$/u.test(text.slice(Math.max(start, end - 4), end));
}

function isBlankLine(text: DraftText, lineStarts: readonly Offset[], index: number): boolean {
  const end = lineContentEnd(text, lineStarts, index);
  for (let i = lineStarts[index]!; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Whitespace, the BOM and zero-width characters: none of them make a line non-blank. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 11 || c === 12;
}
