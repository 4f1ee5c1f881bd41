/**
 * @file Every quotation mark and apostrophe of a draft's prose, with its style (curly or straight)
 * and its role, so a straight mark can be turned into the right curly one and back.
 *
 * Curly marks say what they are. A straight mark is read from its neighbours, as quotes.ts reads
 * quotations: `"` opens after a space, bracket or dash and closes an open quotation; `'` between
 * letters is an apostrophe ("don't"), after a word it is an apostrophe or a closing quote (both
 * ’), and before a word it opens a quotation only when a closing mark follows in the paragraph
 * ("'90s", "'em" and "rock 'n' roll" are elisions, ’). A straight mark after a digit that closes
 * nothing is a prime (6'2", 45'), not a quotation mark; a mark with space on both sides, or one
 * that cannot be read either way, is left out. Code is already blanked out of the prose; marks
 * inside URLs and addresses are left out too.
 */
import { linksIn } from './protected';
import { SpanSet } from './spans';
import { TextMemo } from './textMemo';
import type { SourceTextView } from './types';

export type QuoteRole = 'open-double' | 'close-double' | 'open-single' | 'close-single' | 'apostrophe';
export interface QuoteMark {
  readonly offset: number;
  readonly style: 'curly' | 'straight';
  readonly role: QuoteRole;
}

const CURLY: Readonly<Record<QuoteRole, string>> = { 'open-double': '“', 'close-double': '”', 'open-single': '‘', 'close-single': '’', apostrophe: '’' };
/** The mark a role is written with in a style. */
export function markFor(role: QuoteRole, style: QuoteMark['style']): string {
  return style === 'curly' ? CURLY[role] : role.endsWith('double') ? '"' : "'";
}

const OPENS_AFTER = /[\s([{\u2014\u2013\-"“‘'«/]/u;
const WORDISH = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
/** Words that lose their first letters to an apostrophe and so start with one. */
const ELISIONS = /^(?:em|n|til|tis|twas|cause|bout|nuff|kay|sup|nother)(?![\p{L}\p{N}])/iu;

/** Every mark of the draft, in text order. */
export function quoteMarks(view: SourceTextView): QuoteMark[] {
  const marks: QuoteMark[] = [];
  for (const block of view.blocks) {
    const at = block.span.start;
    for (const m of blockQuoteMarks(block.text).marks) marks.push({ offset: m.offset + at, style: m.style, role: m.role });
  }
  return marks;
}

export interface BlockQuoteMarks {
  /** Offsets from the block's start. */
  readonly marks: readonly QuoteMark[];
  readonly curly: number;
  readonly straight: number;
}

/**
 * One block's marks, remembered by its prose: a mark is read from its own paragraph only (a
 * quotation still open at a paragraph's end closes there), so after a keystroke only the edited
 * paragraph is read again and the draft's counts are a sum over the blocks.
 */
export function blockQuoteMarks(prose: string): BlockQuoteMarks {
  return memo.get(prose, readMarks);
}

const memo = new TextMemo<BlockQuoteMarks>();

function readMarks(prose: string): BlockQuoteMarks {
  const marks: QuoteMark[] = [];
  // Straight to the marks, not through every character: a paragraph has a few, or none.
  QUOTE_CHAR.lastIndex = 0;
  if (!QUOTE_CHAR.test(prose)) return { marks, curly: 0, straight: 0 };
  const links = new SpanSet(linksIn(prose));
  const inLink = (i: number): boolean => links.contains({ start: i, end: i + 1 });
  const start = 0;
  const end = prose.length;
  let doubleOpen = false;
  let singleOpen = false;
  for (let i = QUOTE_CHAR.lastIndex - 1; i >= 0; i = nextQuoteChar(prose, i + 1)) {
    const c = prose.charAt(i);
    if (inLink(i)) continue;
    const prev = i > start ? prose.charAt(i - 1) : ' ';
    const next = i + 1 < end ? prose.charAt(i + 1) : ' ';
    const push = (role: QuoteRole): void => void marks.push({ offset: i, style: c === '"' || c === "'" ? 'straight' : 'curly', role });
    if (c === '“') (push('open-double'), (doubleOpen = true));
    else if (c === '”') (push('close-double'), (doubleOpen = false));
    else if (c === '"') {
      if (!doubleOpen && OPENS_AFTER.test(prev) && /\S/u.test(next)) (push('open-double'), (doubleOpen = true));
      else if (doubleOpen && /\S/u.test(prev)) (push('close-double'), (doubleOpen = false));
    } else if (c === '‘') {
      if (OPENS_AFTER.test(prev)) (push('open-single'), (singleOpen = true));
      else push('apostrophe');
    } else {
      const role = singleRole(prose, i, end, prev, next, singleOpen);
      if (role === 'open-single') singleOpen = true;
      if (role === 'close-single') singleOpen = false;
      if (role) push(role);
    }
  }
  const curly = marks.filter((m) => m.style === 'curly').length;
  return { marks, curly, straight: marks.length - curly };
}

const QUOTE_CHAR = /["'“”‘’]/g;

/** The offset of the next quotation mark or apostrophe from `from`, or -1. */
function nextQuoteChar(prose: string, from: number): number {
  QUOTE_CHAR.lastIndex = from;
  return QUOTE_CHAR.test(prose) ? QUOTE_CHAR.lastIndex - 1 : -1;
}

function singleRole(prose: string, i: number, end: number, prev: string, next: string, singleOpen: boolean): QuoteRole | undefined {
  const curly = prose.charAt(i) === '’';
  const afterWord = !OPENS_AFTER.test(prev);
  if (afterWord) {
    // 6'2", 45' are primes ("1980's" is not); a curly ’ there is a mistaken prime and converts like an apostrophe.
    if (DIGIT.test(prev) && !curly && !/\p{L}/u.test(next)) return undefined;
    if (WORDISH.test(next)) return 'apostrophe';
    return singleOpen ? 'close-single' : 'apostrophe';
  }
  if (curly) return 'apostrophe';
  if (!WORDISH.test(next)) return undefined;
  const rest = prose.slice(i + 1, Math.min(end, i + 12));
  if (DIGIT.test(next) || ELISIONS.test(rest)) return 'apostrophe';
  return hasClosingSingle(prose, i + 1, end) ? 'open-single' : undefined;
}

/** Whether a ' or ’ after a word and before a non-letter (a closing single quote) follows in the block. */
function hasClosingSingle(prose: string, from: number, end: number): boolean {
  for (let j = from; j < end; j++) {
    const c = prose.charAt(j);
    if (c !== "'" && c !== '’') continue;
    const prev = prose.charAt(j - 1);
    const next = j + 1 < end ? prose.charAt(j + 1) : ' ';
    if (!OPENS_AFTER.test(prev) && !WORDISH.test(next) && !DIGIT.test(prev)) return true;
  }
  return false;
}
