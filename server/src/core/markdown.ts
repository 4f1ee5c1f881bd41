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
import { lineIndexAt } from './lines';
import type { Block, BlockKind, Offset, Span } from './types';

export interface MarkdownLayout {
  readonly blocks: Block[];
  readonly prose: string;
}

export function markdownLayout(text: string, lineStarts: readonly Offset[]): MarkdownLayout {
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
  return { prose, blocks: blocks.map((b) => ({ ...b, text: prose.slice(b.span.start, b.span.end) })) };
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
