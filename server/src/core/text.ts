/**
 * @file The one segmentation every check reads: blocks (headlines, paragraphs, list items, block
 * quotes), sentences, words and direct quotations, as UTF-16 spans into the writer's text.
 */
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
  const { blocks, prose } =
    format === 'markdown' ? markdownLayout(text, lineStarts) : { blocks: plainTextBlocks(text, lineStarts), prose: text };
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

/** Markdown for .md-like names and languages, plain text for everything else. */
export function formatFor(languageIdOrPath: string): TextFormat {
  return /(^markdown$|^mdx$|\.(md|markdown|mdown|mkd|mdx)$)/i.test(languageIdOrPath) ? 'markdown' : 'plaintext';
}
