/**
 * @file The one segmentation every check reads: blocks (headlines, paragraphs, list items, block
 * quotes), sentences, words and direct quotations, as UTF-16 spans into the writer's text.
 */
import { parseDirectives } from './directives';
import { computeLineStarts } from './lines';
import { markdownLayout } from './markdown';
import { plainTextBlocks } from './plaintext';
import { blockSegments, type BlockSegments } from './segments';
import type { Block, Offset, Segment, Sentence, SourceTextView } from './types';

export type TextFormat = 'markdown' | 'plaintext';

export function buildSourceText(text: string, format: TextFormat): SourceTextView {
  const lineStarts = computeLineStarts(text);
  const { blocks, prose } = format === 'markdown' ? markdownLayout(text, lineStarts) : plainLayout(text, lineStarts);
  return composeView(text, prose, blocks, lineStarts);
}

/**
 * A view whose sentences, words and quotations are put together from the blocks' own segments on
 * first use: rules served from the caches never ask for them, and a keystroke then costs the
 * edited block's segmentation, not the whole draft's.
 */
export function composeView(text: string, prose: string, blocks: readonly Block[], lineStarts: readonly Offset[]): SourceTextView {
  let sentences: Sentence[] | undefined;
  let words: Segment[] | undefined;
  let quotes: Segment[] | undefined;
  const each = (pick: (s: BlockSegments) => Uint32Array, make: (start: number, end: number, block: number) => void) => {
    blocks.forEach((block, index) => {
      const pairs = pick(blockSegments(block.text));
      const at = block.span.start;
      for (let i = 0; i < pairs.length; i += 2) make(at + pairs[i]!, at + pairs[i + 1]!, index);
    });
  };
  return {
    text,
    prose,
    blocks,
    lineStarts,
    get sentences() {
      if (!sentences) {
        const out: Sentence[] = [];
        each((s) => s.sentences, (start, end, block) => out.push({ span: { start, end }, text: prose.slice(start, end), block }));
        sentences = out;
      }
      return sentences;
    },
    get words() {
      if (!words) {
        const out: Segment[] = [];
        each((s) => s.words, (start, end) => out.push({ span: { start, end }, text: prose.slice(start, end) }));
        words = out;
      }
      return words;
    },
    get quotes() {
      if (!quotes) {
        const out: Segment[] = [];
        each((s) => s.quotes, (start, end) => out.push({ span: { start, end }, text: prose.slice(start, end) }));
        quotes = out;
      }
      return quotes;
    },
  };
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
