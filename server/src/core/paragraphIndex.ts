/**
 * @file An in-memory index of the paragraphs of many drafts, for `reused-paragraph`: which
 * paragraphs of one draft appear, word for word or nearly, in another. Paragraphs are compared the
 * way the within-draft rules compare them (normalizeForComparison, bigram shingles,
 * similarityFromCounts), so the three rules agree on "the same" and "nearly the same". Pure: the
 * language server feeds it the drafts it read, the evaluation script the BBC articles.
 */
import { comparisonWords, normalizeForComparison } from './normalize';
import { SHINGLE_SIZE, shinglesOf, similarityFromCounts } from './repeats';
import { shingleSet } from './shingles';
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
  /** Hash (53 bits) of the comparison key: equal keys are "the same paragraph" to a reader. */
  readonly key: number;
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

/** A paragraph of another draft that repeats one of ours. */
export interface ParagraphMatch {
  /** The other draft's id (the server: its URI). */
  readonly document: string;
  readonly name: string;
  readonly span: Span;
  readonly line: number;
  /** 1 for a word-for-word copy; else the near-duplicate similarity. */
  readonly similarity: number;
  readonly exact: boolean;
}

export interface MatchOptions {
  /** The near-duplicate threshold (0.3–1). */
  readonly threshold: number;
  /** A paragraph found in more other drafts than this is house boilerplate, not reuse. */
  readonly maxDrafts: number;
}

/**
 * What a check may ask of the other drafts (CheckInput.workspace): for each of this draft's
 * paragraphs, in order, the other drafts' paragraphs it matches, one per draft, best first.
 */
export interface ParagraphLookup {
  matches(paragraphs: readonly IndexedParagraph[], options: MatchOptions): readonly (readonly ParagraphMatch[])[];
}

/**
 * A shingle held by more paragraphs than this ("of the", "said that") no longer proposes
 * candidates; it still counts in every similarity (sorted arrays are intersected in full).
 */
const MAX_POSTINGS = 64;
/**
 * Paragraph numbers holding a key or shingle: one, several, or COMMON once past MAX_POSTINGS.
 * Shingles are looked up as `s | 0`: as int32 they are small integers to V8, as uint32 half of
 * them would be boxed numbers, which made every lookup several times slower.
 */
type Postings = number | number[];
const COMMON = -1;

interface Entry {
  readonly summary: DraftSummary;
  /** Each paragraph's number in the index, in summary order. */
  readonly numbers: readonly number[];
}

export class ParagraphIndex {
  private readonly drafts = new Map<string, Entry>();
  private readonly byKey = new Map<number, Postings>();
  private readonly byShingle = new Map<number, Postings>();
  /**
   * By paragraph number (small integers, reused after removal, so counts live in a typed array and
   * postings stay small-integer arrays): the draft holding it and the paragraph itself.
   */
  private readonly owner: (string | undefined)[] = [];
  private readonly paragraph: (IndexedParagraph | undefined)[] = [];
  /** Shingle counts by paragraph number: the candidate loop reads them without touching the paragraphs. */
  private readonly sizes: number[] = [];
  private readonly free: number[] = [];
  private counts = new Int32Array(0);

  get size(): number {
    return this.drafts.size;
  }

  has(id: string): boolean {
    return this.drafts.has(id);
  }

  ids(): IterableIterator<string> {
    return this.drafts.keys();
  }

  summaryOf(id: string): DraftSummary | undefined {
    return this.drafts.get(id)?.summary;
  }

  /** Adds or replaces a draft; false when it was there with the same paragraphs in the same places. */
  set(id: string, summary: DraftSummary): boolean {
    const old = this.drafts.get(id);
    if (old && sameSummary(old.summary, summary)) return false;
    if (old) this.unlink(old);
    const numbers = summary.paragraphs.map((p) => {
      const n = this.free.pop() ?? this.paragraph.length;
      this.owner[n] = id;
      this.paragraph[n] = p;
      add(this.byKey, p.digest.key, n, Infinity);
      for (const s of p.digest.shingles) add(this.byShingle, s | 0, n, MAX_POSTINGS);
      this.sizes[n] = p.digest.shingles.length;
      return n;
    });
    this.drafts.set(id, { summary, numbers });
    return true;
  }

  /** Drops a draft; false when it was not there. */
  remove(id: string): boolean {
    const old = this.drafts.get(id);
    if (!old) return false;
    this.unlink(old);
    this.drafts.delete(id);
    return true;
  }

  /** The lookup a check gets for the draft `self` (left out of its own matches; it may or may not be indexed). */
  lookupFor(self: string | undefined): ParagraphLookup {
    return { matches: (paragraphs, options) => paragraphs.map((p) => this.query(self, p, options)) };
  }

  /** Other drafts' paragraphs matching `p` at or above the threshold, one per draft, best first. */
  query(self: string | undefined, p: IndexedParagraph, options: MatchOptions): ParagraphMatch[] {
    // Per other draft, its closest paragraph: word for word first, then the most similar, then the first.
    const best = new Map<string, { n: number; similarity: number; exact: boolean }>();
    const consider = (n: number, similarity: number, exact: boolean): void => {
      const id = this.owner[n]!;
      const held = best.get(id);
      const earlier = (): boolean => this.paragraph[n]!.span.start < this.paragraph[held!.n]!.span.start;
      if (!held || (exact && !held.exact) || (exact === held.exact && (similarity > held.similarity || (similarity === held.similarity && earlier())))) best.set(id, { n, similarity, exact });
    };
    for (const n of list(this.byKey.get(p.digest.key))) if (this.owner[n] !== self) consider(n, 1, true);

    if (this.counts.length < this.paragraph.length) this.counts = new Int32Array(this.paragraph.length * 2);
    const { counts } = this;
    const touched: number[] = [];
    let common = 0;
    for (const s of p.digest.shingles) {
      const postings = this.byShingle.get(s | 0);
      if (postings === COMMON) common++;
      else if (typeof postings === 'number') counts[postings]!++ === 0 && touched.push(postings);
      else if (postings) for (const n of postings) if (counts[n]!++ === 0) touched.push(n);
    }
    const size = p.digest.shingles.length;
    for (const n of touched) {
      const count = counts[n]!;
      counts[n] = 0;
      const otherSize = this.sizes[n]!;
      // Common shingles are the only ones the count can have missed: skip hopeless pairs unverified.
      if (similarityFromCounts(Math.min(count + common, size, otherSize), size, otherSize) < options.threshold || this.owner[n] === self) continue;
      const similarity = similarityFromCounts(common ? intersectionOfSorted(p.digest.shingles, this.paragraph[n]!.digest.shingles) : count, size, otherSize);
      if (similarity >= options.threshold) consider(n, similarity, false);
    }
    if (best.size > options.maxDrafts) return [];
    return [...best]
      .map(([id, { n, similarity, exact }]) => {
        const other = this.paragraph[n]!;
        return { document: id, name: this.drafts.get(id)!.summary.name, span: other.span, line: other.line, similarity: exact ? 1 : similarity, exact };
      })
      .sort((a, b) => Number(b.exact) - Number(a.exact) || b.similarity - a.similarity || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.line - b.line));
  }

  private unlink(entry: Entry): void {
    entry.summary.paragraphs.forEach((p, i) => {
      const n = entry.numbers[i]!;
      drop(this.byKey, p.digest.key, n);
      for (const s of p.digest.shingles) drop(this.byShingle, s | 0, n);
      this.owner[n] = undefined;
      this.paragraph[n] = undefined;
      this.free.push(n);
    });
  }
}

function list(postings: Postings | undefined): readonly number[] {
  return postings === undefined || postings === COMMON ? [] : typeof postings === 'number' ? [postings] : postings;
}

function add(map: Map<number, Postings>, key: number, n: number, max: number): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, n);
  else if (held === COMMON) return;
  else if (typeof held === 'number') map.set(key, [held, n]);
  // Once common, a shingle stays common until the index is built again: it only stops proposing
  // candidates, and its postings would cost more memory than the rest of the index.
  else if (held.length >= max) map.set(key, COMMON);
  else held.push(n);
}

function drop(map: Map<number, Postings>, key: number, n: number): void {
  const held = map.get(key);
  if (held === undefined || held === COMMON) return;
  if (held === n) map.delete(key);
  else if (typeof held !== 'number') {
    const at = held.indexOf(n);
    if (at >= 0) held.splice(at, 1);
    if (held.length === 1) map.set(key, held[0]!);
  }
}

function sameSummary(a: DraftSummary, b: DraftSummary): boolean {
  if (a.name !== b.name || a.paragraphs.length !== b.paragraphs.length || a.lineStarts.length !== b.lineStarts.length) return false;
  for (let i = 0; i < a.lineStarts.length; i++) if (a.lineStarts[i] !== b.lineStarts[i]) return false;
  return a.paragraphs.every((p, i) => {
    const q = b.paragraphs[i]!;
    return p.digest.key === q.digest.key && p.span.start === q.span.start && p.span.end === q.span.end;
  });
}

/** Shared values of two sorted arrays. */
export function intersectionOfSorted(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else (n++, i++, j++);
  }
  return n;
}

/** A paragraph's digest, or undefined when it is too short to compare (MIN_WORDS). */
export function digestOf(text: string, remember = false): ParagraphDigest | undefined {
  const words = comparisonWords(text);
  if (words.length < MIN_WORDS) return undefined;
  // The open draft's shingles are the near-duplicate rule's, remembered by text; a workspace
  // build computes its own, so thousands of other drafts do not push the draft's out of the memo.
  const set = remember ? shinglesOf(text) : shingleSet(text, SHINGLE_SIZE);
  return { key: keyHash(normalizeForComparison(text)), shingles: Uint32Array.from(set.list).sort() };
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
  for (const block of view.blocks) {
    if (block.kind === 'heading') continue;
    const digest = remember ? digestMemo.get(block.text, (t) => digestOf(t, true) ?? null) : digestOf(block.text);
    if (digest) out.push({ span: block.span, line: block.line, digest });
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
