/**
 * @file Blocks and the prose mask of a Markdown draft, from a CommonMark (+GFM, front matter)
 * syntax tree. Only the text of prose nodes survives in the mask: code, HTML and comments, front
 * matter, link destinations, autolinks, images and markup characters become spaces, so no check
 * ever reads them and every offset still points into the writer's text.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents } from 'mdast';
import { computeLineStarts, lineIndexAt } from './lines';
import { BlockScan } from './markdownScan';
import { plainTextBlocks } from './plaintext';
import { detached, intern, TextMemo } from './textMemo';
import type { Block, BlockKind, Offset, Span } from './types';

export interface MarkdownLayout {
  readonly blocks: Block[];
  readonly prose: string;
}

/**
 * The layout of a whole draft, parsed in top-level chunks that are remembered by their text: a
 * Markdown parse costs about 2 s per MB, so after a keystroke only the edited chunk is parsed
 * again. Chunks end at blank lines where nothing can continue (see markdownChunks); the one
 * difference from parsing the whole draft is that a reference-style link whose definition is in
 * another chunk keeps its brackets as text.
 */
export function markdownLayout(text: string, lineStarts: readonly Offset[]): MarkdownLayout {
  const chunks = markdownChunks(text);
  if (chunks.length === 1) return wholeMarkdownLayout(text, lineStarts);
  const blocks: Block[] = [];
  const prose: string[] = [];
  for (const { start, end } of chunks) {
    const local = chunkMemo.get(text.slice(start, end), (chunk) => {
      const layout = wholeMarkdownLayout(chunk, computeLineStarts(chunk));
      return { prose: detached(layout.prose), blocks: layout.blocks.map((b) => ({ kind: b.kind, span: b.span, outer: b.outer })) };
    });
    prose.push(local.prose);
    for (const b of local.blocks) {
      const span = { start: b.span.start + start, end: b.span.end + start };
      blocks.push({ kind: b.kind, span, outer: { start: b.outer.start + start, end: b.outer.end + start }, text: '', line: lineIndexAt(lineStarts, span.start) + 1 });
    }
  }
  const joined = prose.join('');
  return { prose: joined, blocks: blocks.map((b) => ({ ...b, text: intern(joined.slice(b.span.start, b.span.end)) })) };
}

const chunkMemo = new TextMemo<{ prose: string; blocks: { kind: BlockKind; span: Span; outer: Span }[] }>(20_000);

/**
 * Where a draft can be cut into independently parsed pieces: where BlockScan says a new top-level
 * block starts that nothing before it runs on over (an unindented line after a blank line, or a
 * bullet item in the first column, outside any fence, comment, raw HTML or front matter opened at
 * the top level). Two chunks of one loose list parse as two lists, whose items are list items all
 * the same. Long lists are parsed item by item: micromark's time grows with the square of a
 * chunk's nested containers ("- a" with a sub-item, 8,000 times: 28 s in one chunk).
 */
export function markdownChunks(text: string): Span[] {
  const chunks: Span[] = [];
  const scan = new BlockScan();
  let chunkStart = 0;
  let previousBlank = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const line = text.slice(lineStart, lineEnd).replace(/\r?\n$|\r$/u, '');
    if (lineStart > chunkStart && scan.startsChunk(line, previousBlank)) {
      chunks.push({ start: chunkStart, end: lineStart });
      chunkStart = lineStart;
    }
    previousBlank = scan.read(line);
    lineStart = lineEnd;
  }
  chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}

/**
 * The layout from one parse of the whole text. A text the parser cannot take in reasonable time or
 * at all is laid out as plain text: see tooHardToParse, and nesting deep enough to exhaust the stack.
 */
export function wholeMarkdownLayout(text: string, lineStarts: readonly Offset[]): MarkdownLayout {
  if (tooHardToParse(text)) return { prose: text, blocks: plainTextBlocks(text, lineStarts) };
  try {
    return parsedLayout(text, lineStarts);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { prose: text, blocks: plainTextBlocks(text, lineStarts) };
  }
}

/** Containers a line may open (block quotes, list items) before the text is read as plain text. */
const MAX_LINE_NESTING = 16;
const TOO_DEEP = new RegExp(String.raw`(?:^|[\n\r])[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]+|>){${MAX_LINE_NESTING + 1}}`, 'u');
/** A list item or quote indented this far sits dozens of containers deep (an outline indented a level a line). */
const TOO_FAR_IN = /(?:^|[\n\r])[ \t]{128,}(?:[-*+>]|\d{1,9}[.)])(?=[ \t]|$)/mu;
/** Brackets, or emphasis marks, one chunk may hold before it is read as plain text. */
const MAX_INLINE_MARKS = 1_000;
/** Lines without a blank one between them (outside code fences) before a chunk is read as plain text. */
const MAX_PARAGRAPH_LINES = 2_000;

/**
 * Where micromark's time grows with the square of something a writer never has thousands of:
 * containers opened on one line (a line of 20,000 '>' took over a minute), lists nested by
 * indentation (an outline a level deeper each line: 1,264 levels took 2 minutes), brackets (each
 * ']' looks back over every unmatched one for a footnote call: 40,000 took 17 s), emphasis marks
 * (matched against every earlier one: 26,000 '*' took 2.3 s; '~' alike), lines of one paragraph
 * (its text events are merged line by line, each merge moving all the events after it: 40,000
 * lines of "a a" took 20 s). Measured by `npm run bench:hostile`.
 */
function tooHardToParse(text: string): boolean {
  if (TOO_DEEP.test(text) || TOO_FAR_IN.test(text)) return true;
  let brackets = 0;
  let emphasis = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x5d) brackets++;
    else if (c === 0x2a || c === 0x5f || c === 0x7e) emphasis++;
  }
  return brackets > MAX_INLINE_MARKS || emphasis > MAX_INLINE_MARKS || longestRunOfLines(text) > MAX_PARAGRAPH_LINES;
}

/** The most lines in a row with no blank line between them, code fences left out. */
function longestRunOfLines(text: string): number {
  let longest = 0;
  let run = 0;
  let fence: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/u)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/u.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      run = 0;
    } else if (marker) {
      fence = marker;
      run = 0;
    } else if (/\S/u.test(line)) longest = Math.max(longest, ++run);
    else run = 0;
  }
  return longest;
}

function parsedLayout(text: string, lineStarts: readonly Offset[]): MarkdownLayout {
  // micromark drops a leading BOM, so its offsets start one unit later in the writer's text.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = fromMarkdown(shift ? text.slice(1) : text, {
    extensions: [gfm(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
  });
  const kept: Span[] = [];
  const blocks: Block[] = [];
  const spanOf = (node: Nodes): Span | undefined =>
    node.position?.start.offset === undefined || node.position.end.offset === undefined
      ? undefined
      : { start: node.position.start.offset + shift, end: node.position.end.offset + shift };

  const collectText = (node: Nodes, inQuote: boolean): void => {
    if (node.type === 'text') {
      const span = spanOf(node);
      if (span) kept.push(...(inQuote ? withoutQuoteMarkers(text, span) : [span]));
      return;
    }
    if (node.type === 'link' && isAutolink(node)) return;
    if ('children' in node) for (const child of node.children) collectText(child, inQuote);
  };

  const visit = (node: Nodes, container: BlockKind | undefined, inQuote: boolean): void => {
    const span = spanOf(node);
    switch (node.type) {
      case 'heading':
      case 'paragraph':
      case 'tableCell': {
        const before = kept.length;
        collectText(node, inQuote);
        const parts = kept.slice(before);
        if (!span || parts.length === 0) return;
        const kind: BlockKind = node.type === 'heading' ? 'heading' : node.type === 'tableCell' ? 'table-row' : container ?? 'paragraph';
        const blockSpan = { start: parts[0]!.start, end: parts[parts.length - 1]!.end };
        blocks.push({ kind, span: blockSpan, outer: span, text: '', line: lineIndexAt(lineStarts, blockSpan.start) + 1 });
        return;
      }
      case 'blockquote':
        return children(node, 'blockquote', true);
      case 'listItem':
        return children(node, container === 'blockquote' ? 'blockquote' : 'list-item', inQuote);
      default:
        if ('children' in node) children(node, container, inQuote);
    }
  };
  const children = (node: Parents, container: BlockKind | undefined, inQuote: boolean): void => {
    for (const child of node.children) visit(child, container, inQuote);
  };
  visit(tree, undefined, false);

  const prose = maskExcept(text, kept);
  return { prose, blocks: blocks.map((b) => ({ ...b, text: intern(prose.slice(b.span.start, b.span.end)) })) };
}

/** `<https://x.org>` and GFM's bare `www.x.org`: the link text is the address, not prose. */
function isAutolink(node: Extract<Nodes, { type: 'link' }>): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type !== 'text') return false;
  const url = node.url.replace(/^(mailto:|https?:\/\/)/, '');
  const label = only.value.replace(/^(mailto:|https?:\/\/)/, '');
  return url === label || node.url === `http://${only.value}`;
}

/** A text node inside a block quote spans its continuation lines' `>` markers; leave them out. */
function withoutQuoteMarkers(text: string, span: Span): Span[] {
  const parts: Span[] = [];
  const marker = /(\r\n|\r|\n)[ \t]*(?:>[ \t]?)*/g;
  marker.lastIndex = span.start;
  let start = span.start;
  for (let m = marker.exec(text); m && m.index < span.end; m = marker.exec(text)) {
    parts.push({ start, end: m.index + m[1]!.length });
    start = Math.min(m.index + m[0].length, span.end);
  }
  if (start < span.end) parts.push({ start, end: span.end });
  return parts.filter((p) => p.end > p.start);
}

/** The text with every character outside `kept` (sorted, disjoint) blanked; line breaks stay. */
export function maskExcept(text: string, kept: readonly Span[]): string {
  let out = '';
  let pos = 0;
  for (const span of kept) {
    if (span.start < pos) continue;
    out += blank(text.slice(pos, span.start)) + text.slice(span.start, span.end);
    pos = span.end;
  }
  return out + blank(text.slice(pos));
}

function blank(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}
