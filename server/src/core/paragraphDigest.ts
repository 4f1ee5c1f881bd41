/**
 * @file What the workspace index keeps of a draft: its paragraphs worth comparing with other drafts,
 * each as a hash of its comparison key, its word count and its sorted word-pair shingles, folded and
 * cut as duplicate-paragraph and near-duplicate-paragraph fold and cut them within one draft (the key
 * also drops the punctuation at either end: see paragraphKey).
 */
import { comparisonWords, normalizeForComparison } from './normalize';
import { SHINGLE_SIZE, shinglesOf } from './repeats';
import { shingleSet } from './shingles';
import { uint32sOf } from './slab';
import { TextMemo } from './textMemo';
import type { Offset, SourceTextView, Span } from './types';

/**
 * Paragraphs under this many words are never compared across drafts: datelines, bylines, "Advertisement",
 * "Share this article" and sign-offs repeat in every draft and say nothing about reuse. The same
 * floor as near-duplicate-paragraph's `minWords`.
 */
export const MIN_WORDS = 8;

/** What the index keeps of a paragraph's text, wherever it sits. */
export interface ParagraphDigest {
  /** Hash (53 bits) of paragraphKey: equal keys are "the same paragraph" to a reader. */
  readonly key: number;
  /** Its words as comparisonWords counts them: a short paragraph must be closer to count as a near copy. */
  readonly words: number;
  /** The bigram shingle hashes, distinct and sorted. */
  readonly shingles: Uint32Array;
}

/** A paragraph of a draft as the index sees it. */
export interface IndexedParagraph {
  /** The block's prose span in its draft. */
  readonly span: Span;
  /** 1-based line of its first character. */
  readonly line: number;
  readonly digest: ParagraphDigest;
}

/** One draft as the index holds it. */
export interface DraftSummary {
  /** How messages name the draft (the server: its path in the workspace folder). */
  readonly name: string;
  readonly paragraphs: readonly IndexedParagraph[];
  /** Where its lines start, so an editor can turn a match's span into a position without the text. */
  readonly lineStarts: readonly Offset[];
}

/** A paragraph's digest, or undefined when it is too short to compare (MIN_WORDS). */
export function digestOf(text: string, remember = false): ParagraphDigest | undefined {
  const words = comparisonWords(text);
  if (words.length < MIN_WORDS) return undefined;
  // The open draft's shingles are the near-duplicate rule's, remembered by text; a workspace
  // build computes its own, so thousands of other drafts do not push the draft's out of the memo.
  const set = remember ? shinglesOf(text) : shingleSet(text, SHINGLE_SIZE);
  return { key: keyHash(paragraphKey(text)), words: words.length, shingles: uint32sOf(set.list).sort() };
}

/** Punctuation, quote marks and brackets that may open or close a folded paragraph (quotes and dashes are folded to ' " - by then). */
const EDGE_MARKS = new Set([...' .,;:!?\'"()[]-'].map((c) => c.charCodeAt(0)));

/**
 * The word-for-word key of a paragraph across drafts: normalizeForComparison's, minus the
 * punctuation and quote marks at either end. Two articles carrying the same line often end it
 * differently (the full stop inside or outside the closing quote, one without it, a stray colon
 * left of a pasted team list); a reader sees one paragraph, so it is a copy, not a near copy that
 * the short-paragraph threshold could turn down.
 */
export function paragraphKey(text: string): string {
  const folded = normalizeForComparison(text);
  // Loops, not /[…]+$/: that pattern rescans from every punctuation mark of a hostile paragraph.
  let start = 0;
  let end = folded.length;
  while (end > 0 && EDGE_MARKS.has(folded.charCodeAt(end - 1))) end--;
  while (start < end && EDGE_MARKS.has(folded.charCodeAt(start))) start++;
  return folded.slice(start, end);
}

const digestMemo = new TextMemo<ParagraphDigest | null>();
const byView = new WeakMap<SourceTextView, IndexedParagraph[]>();

/**
 * The paragraphs of a draft worth comparing with other drafts: headlines are left out (a repeated
 * headline is a story's versions sharing a name, and section heads like "Advertisement" are
 * boilerplate), and so are paragraphs under MIN_WORDS words.
 * `remember`: keep digests by paragraph text across versions (the open draft, checked per keystroke).
 */
export function indexableParagraphs(view: SourceTextView, remember = true): IndexedParagraph[] {
  const known = remember ? byView.get(view) : undefined;
  if (known) return known;
  const out: IndexedParagraph[] = [];
  // Read without placing the blocks (SourceTextView.layout): reused-paragraph asks on every
  // keystroke, and placing every block after the edit made ~5,000 block objects on a 4 MB draft.
  const { layout } = view;
  for (let k = 0; k < layout.length; k++) {
    if (layout.kindAt(k) === 'heading') continue;
    const text = layout.textAt(k);
    const digest = remember ? digestMemo.get(text, (t) => digestOf(t, true) ?? null) : digestOf(text);
    if (digest) out.push({ span: layout.spanAt(k), line: layout.lineAt(k), digest });
  }
  if (remember) byView.set(view, out);
  return out;
}

/** What the index keeps of one draft. */
export function summarizeDraft(view: SourceTextView, name: string): DraftSummary {
  return { name, paragraphs: indexableParagraphs(view, false), lineStarts: view.lineStarts };
}

/** Two FNV-1a variants combined into 53 bits: collisions among a newsroom's paragraphs are out of reach. */
function keyHash(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 2 ** 21 + ((h2 >>> 0) >>> 11);
}
