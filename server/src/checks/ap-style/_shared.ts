/**
 * @file What the AP style rules share: matching in the writer's own prose only (never inside
 * quotations, block quotes, URLs or code), telling headlines and tables apart (AP's headline style
 * keeps figures and "%"), and knowing whether a word opens a sentence.
 */
import { isProtected } from '../../core/protected';
import { lastAtOrBefore } from '../../core/spans';
import { wordFilter, wordsOf, type WordFilter, type Words } from '../../core/wordFilter';
import type { BlockKind, SourceTextView, Span } from '../../core/types';

export interface ProseMatch {
  readonly match: RegExpExecArray;
  readonly span: Span;
  readonly block: BlockKind;
  /** The block's extent, markup included: all a paragraph-scope rule may read around the match. */
  readonly bounds: Span;
}

/**
 * Matches of `re` (global) in `view.prose` outside protected text, each with the kind of block it
 * is in. `skip` names block kinds to leave out. Searched block by block, as the engine runs these
 * rules after an edit: a match running on into the next paragraph ("5\rAM") was found on a first
 * look and not after a keystroke.
 */
export function* proseMatches(view: SourceTextView, re: RegExp, skip: readonly BlockKind[] = []): Iterable<ProseMatch> {
  let filter = filters.get(re);
  if (!filter) filters.set(re, (filter = wordFilter(re)));
  let words = blockWords.get(view);
  if (!words && !filter.always) blockWords.set(view, (words = []));
  // Indexed: entries() made an [index, block] pair and an iterator result per block, for each of
  // the AP rules' dozen expressions (4 MB of a 1 MB first look).
  const { blocks } = view;
  for (let index = 0; index < blocks.length; index++) {
    const b = blocks[index]!;
    if (skip.includes(b.kind)) continue;
    const at = b.outer.start;
    const prose = view.prose.slice(at, b.outer.end);
    // Most paragraphs hold none of the words a match needs (a month, "amidst"): the expression,
    // with its look-behind tried at every character, is not run through them.
    if (words && !filter.always && !filter.mayMatch((words[index] ??= wordsOf(prose)))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(prose); m; m = re.exec(prose)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const span = { start: at + m.index, end: at + m.index + m[0].length };
      const block = blockKindAt(view, span.start);
      if (block === undefined || skip.includes(block) || isProtected(view, span)) continue;
      yield { match: m, span, block, bounds: b.outer };
    }
  }
}

const filters = new Map<RegExp, WordFilter>();
/** Each block's words, read once for all the AP rules (by the view: a paragraph's index is its place in it). */
const blockWords = new WeakMap<SourceTextView, Words[]>();

/** The extent (markup included) of the block around `offset`, or the whole draft between blocks. */
export function blockBounds(view: SourceTextView, offset: number): Span {
  const b = view.blocks[lastAtOrBefore(view.blocks, offset, (x) => x.outer.start)];
  return b && offset <= b.outer.end ? b.outer : { start: 0, end: view.prose.length };
}

export function blockKindAt(view: SourceTextView, offset: number): BlockKind | undefined {
  const b = view.blocks[lastAtOrBefore(view.blocks, offset, (x) => x.span.start)];
  return b && offset < b.span.end ? b.kind : undefined;
}

/** Whether only quote marks, brackets or spaces stand between the sentence's start and `offset`. */
export function opensSentence(view: SourceTextView, offset: number): boolean {
  const s = view.sentences[lastAtOrBefore(view.sentences, offset, (x) => x.span.start)];
  return s !== undefined && offset < s.span.end && /^["'“‘(\[\s*_]*$/u.test(view.prose.slice(s.span.start, offset));
}

/** The word just before `offset` (letters, digits, apostrophes, inner dots), or '' after punctuation. */
export function wordBefore(prose: string, offset: number): string {
  const m = /([\p{L}\p{N}][\p{L}\p{N}'’.-]*)\s+$/u.exec(prose.slice(Math.max(0, offset - 60), offset));
  return m?.[1] ?? '';
}

/** The word just after `offset` past spaces, or ''. */
export function wordAfter(prose: string, offset: number): string {
  return /^\s+([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(prose.slice(offset, offset + 60))?.[1] ?? '';
}

export const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A replacement as a report's `fix` or one of its `suggestions`. */
export function replacement<M extends string>(messageId: M, span: Span, newText: string) {
  return { messageId, data: { replacement: newText }, edits: [{ span, newText }] };
}
