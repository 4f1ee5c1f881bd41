/**
 * @file The one segmentation every check reads: blocks (headlines, paragraphs, list items, block
 * quotes), sentences, words and direct quotations, as UTF-16 spans into the writer's text.
 */
import { parseDirectives } from './directives';
import type { DraftText } from './draftText';
import { changeBetween, computeLineStarts, type KnownVersion } from './lines';
import { markdownLayout } from './markdown';
import { BlockList } from './blockList';
import { plainTextBlocks, plainTextBlocksAfter, type PlainLayout } from './plaintext';
import { blockSegments, type BlockSegments, type Offsets } from './segments';
import type { Block, Offset, Segment, Sentence, SourceTextView } from './types';

export type TextFormat = 'markdown' | 'plaintext';

export function buildSourceText(text: DraftText, format: TextFormat, history?: LayoutHistory, known?: KnownVersion): SourceTextView {
  // Only a first look, Markdown or a draft with a directive reads all of `text` at once; an edit of
  // plain text reads the lines around it (text may be a long draft kept in pieces: draftText.ts).
  const lineStarts = known?.lineStarts ?? computeLineStarts(String(text));
  const change = history?.text !== undefined ? changeBetween(history.text, text, known) : undefined;
  // A directive names its rules after "copydesk-": a draft without that string has none, and an
  // edit can only bring one in around where it changed the text.
  const markerFree = !history ? false : change && history.markerFree ? !text.slice(Math.max(0, change.start - MARKER.length), change.oldEnd + text.length - history.text!.length + MARKER.length).includes(MARKER) : !String(text).includes(MARKER);
  const last = history?.plain && change ? { layout: history.plain, change } : undefined;
  const { blocks, prose } = format === 'markdown' ? markdownLayout(String(text), lineStarts) : plainLayout(text, lineStarts, last, markerFree);
  if (history) {
    history.plain = prose === text && blocks instanceof BlockList ? { text, blocks, lines: lineStarts.length } : undefined;
    history.text = text;
    history.markerFree = markerFree;
  }
  return composeView(text, prose, blocks, lineStarts);
}

const MARKER = 'copydesk-';

/** One draft's last layout, so that an edit splits again only the paragraphs it touched (plain text without directive comments). */
export interface LayoutHistory {
  plain?: PlainLayout | undefined;
  /** The text last laid out, and whether it holds no directive (not even the word that starts one). */
  text?: DraftText | undefined;
  markerFree?: boolean | undefined;
}

/**
 * A view whose sentences, words and quotations are put together from the blocks' own segments on
 * first use: rules served from the caches never ask for them, and a keystroke then costs the
 * edited block's segmentation, not the whole draft's.
 */
export function composeView(text: DraftText, prose: DraftText, placedOrLaid: readonly Block[] | BlockList, lineStarts: readonly Offset[]): SourceTextView {
  const layout = placedOrLaid instanceof BlockList ? placedOrLaid : BlockList.of(placedOrLaid);
  /** All blocks' segments of one kind in draft offsets, built on the first ask. */
  const gathered = <T>(pick: (s: BlockSegments) => Offsets, make: (start: number, end: number, block: number) => T): (() => T[]) => {
    let out: T[] | undefined;
    return () => {
      if (out) return out;
      out = [];
      layout.all().forEach((block, index) => {
        const pairs = pick(blockSegments(block.text));
        const at = block.span.start;
        for (let i = 0; i < pairs.length; i += 2) out!.push(make(at + pairs[i]!, at + pairs[i + 1]!, index));
      });
      return out;
    };
  };
  const segment = (start: number, end: number): Segment => ({ span: { start, end }, text: prose.slice(start, end) });
  const sentences = gathered((s) => s.sentences, (start, end, block): Sentence => ({ span: { start, end }, text: prose.slice(start, end), block }));
  const words = gathered((s) => s.words, segment);
  const quotes = gathered((s) => s.quotes, segment);
  return {
    // Put together on the first read (then kept by the text itself): see SourceTextView.source.
    get text() {
      return String(text);
    },
    get prose() {
      return String(prose);
    },
    source: { text, prose },
    // Every block placed only when a reader wants them all (see SourceTextView.layout).
    get blocks() {
      return layout.all();
    },
    layout,
    lineStarts,
    get sentences() {
      return sentences();
    },
    get words() {
      return words();
    },
    get quotes() {
      return quotes();
    },
  };
}

/** Plain text is all prose, except Copydesk's own directive comments, which no rule should read. */
function plainLayout(text: DraftText, lineStarts: readonly number[], last: { layout: PlainLayout; change: { start: number; oldEnd: number } } | undefined, markerFree: boolean): { blocks: BlockList; prose: DraftText } {
  const comments = markerFree ? [] : parseDirectives(String(text), lineStarts, new Set()).directives.map((d) => d.span);
  if (last && !comments.length) {
    const blocks = plainTextBlocksAfter(text, lineStarts, last.layout, last.change.start, last.change.oldEnd);
    if (blocks) return { blocks, prose: text };
  }
  // Without comments the prose is the text itself, the same object, which says "all prose"; its
  // blocks are read through it as an edit's are (see plainTextBlocks).
  if (!comments.length) return { blocks: BlockList.of(plainTextBlocks(text, lineStarts)), prose: text };
  const flat = String(text);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of comments) parts.push(flat.slice(at, start), flat.slice(start, end).replace(/[^\n]/gu, ' ')), (at = end);
  const prose = parts.join('') + flat.slice(at);
  return { blocks: BlockList.of(plainTextBlocks(prose, lineStarts)), prose };
}

/** Markdown for .md-like names and languages, plain text for everything else. */
export function formatFor(languageIdOrPath: string): TextFormat {
  return /(^markdown$|^mdx$|\.(md|markdown|mdown|mkd|mdx)$)/i.test(languageIdOrPath) ? 'markdown' : 'plaintext';
}
