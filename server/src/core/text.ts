/**
 * @file The one segmentation every check reads: blocks (headlines, paragraphs, list items, block
 * quotes), sentences, words and direct quotations, as UTF-16 spans into the writer's text.
 */
import { parseDirectives } from './directives';
import { computeLineStarts } from './lines';
import { markdownLayout } from './markdown';
import { plainTextBlocks } from './plaintext';
import { findQuotes } from './quotes';
import { splitSentences } from './sentences';
import type { Segment, Sentence, SourceTextView } from './types';

export type TextFormat = 'markdown' | 'plaintext';

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

export function buildSourceText(text: string, format: TextFormat): SourceTextView {
  const lineStarts = computeLineStarts(text);
  const { blocks, prose } = format === 'markdown' ? markdownLayout(text, lineStarts) : plainLayout(text, lineStarts);
  const sentences: Sentence[] = [];
  const words: Segment[] = [];
  blocks.forEach((block, index) => {
    for (const span of splitSentences(prose, block.span.start, block.span.end)) {
      sentences.push({ span, text: prose.slice(span.start, span.end), block: index });
    }
    for (const m of block.text.matchAll(WORD)) {
      const start = block.span.start + m.index;
      words.push({ span: { start, end: start + m[0].length }, text: m[0] });
    }
  });
  return { text, prose, blocks, sentences, words, quotes: findQuotes(prose, blocks), lineStarts };
}

/** Plain text is all prose, except Copydesk's own directive comments, which no rule should read. */
function plainLayout(text: string, lineStarts: readonly number[]) {
  const comments = parseDirectives(text, lineStarts, new Set()).directives.map((d) => d.span);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of comments) parts.push(text.slice(at, start), text.slice(start, end).replace(/[^\n]/gu, ' ')), (at = end);
  const prose = comments.length ? parts.join('') + text.slice(at) : text;
  return { blocks: plainTextBlocks(prose, lineStarts), prose };
}

/** Markdown for .md-like names and languages, plain text for everything else. */
export function formatFor(languageIdOrPath: string): TextFormat {
  return /(^markdown$|^mdx$|\.(md|markdown|mdown|mkd|mdx)$)/i.test(languageIdOrPath) ? 'markdown' : 'plaintext';
}
