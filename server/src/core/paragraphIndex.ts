/**
 * @file An in-memory index of the paragraphs of many drafts, for `reused-paragraph`: which
 * paragraphs of one draft appear, word for word or nearly, in another. Paragraphs are compared the
 * way the within-draft rules compare them (normalizeForComparison, bigram shingles,
 * similarityFromCounts), so the three rules agree on "the same" and "nearly the same", except that
 * short paragraphs must be closer (requiredSimilarity) and end punctuation is ignored. Pure: the
 * language server feeds it the drafts it read, the evaluation script the BBC articles.
 */
import type { DraftSummary, IndexedParagraph, ParagraphDigest } from './paragraphDigest';
import { similarityFromCounts } from './repeats';
import type { Span } from './types';

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
  /** When the shorter of two paragraphs has fewer words than this, they need shortThreshold (0: never). */
  readonly shortWords: number;
  /** The threshold for short paragraphs; the stricter of it and `threshold` applies. */
  readonly shortThreshold: number;
}

/**
 * The similarity two paragraphs of `a` and `b` words need to count as near copies. Two lines of a
 * couple of dozen words written to the same formula ("The Bank of England has held interest rates
 * at ...") share most of their word pairs without one being a version of the other; a background
 * paragraph of eighty words sharing 60% of them is.
 */
export function requiredSimilarity(a: number, b: number, options: MatchOptions): number {
  return Math.min(a, b) < options.shortWords ? Math.max(options.threshold, options.shortThreshold) : options.threshold;
}

/**
 * What a check may ask of the other drafts (CheckInput.workspace): for each of this draft's
 * paragraphs, in order, the other drafts' paragraphs it matches, one per draft, best first.
 */
export interface ParagraphLookup {
  matches(paragraphs: readonly IndexedParagraph[], options: MatchOptions): readonly (readonly ParagraphMatch[])[];
  /**
   * Whether any draft but this one is indexed. When none is nothing can match, and a rule need not
   * read the draft's paragraphs at all (on a 4 MB draft their first reading takes 0.4 s).
   */
  hasOthers?(): boolean;
}

/** The lookup the index itself hands out: it can also say, cheaply, whether the other drafts changed. */
export interface IndexLookup extends ParagraphLookup {
  /** The index's version now; it moves on whenever a draft is added, changed or removed. */
  version(): number;
  /** Whether a draft other than this one was added, changed or removed after `version`. */
  othersChangedSince(version: number): boolean;
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
  /** Shingle and word counts by paragraph number: the candidate loop reads them without touching the paragraphs. */
  private readonly sizes: number[] = [];
  private readonly words: number[] = [];
  private readonly free: number[] = [];
  private counts = new Int32Array(0);
  private version = 0;
  /** The last change and the last change by another draft than that one: enough for othersChangedSince. */
  private recent: { readonly id: string; readonly version: number }[] = [];
  /**
   * The last answer for a paragraph, by its digest (the open draft's digests are remembered by text,
   * so an unchanged paragraph brings the same digest on every keystroke): valid while no other
   * draft changed. A keystroke in a book-length draft then asks the index about one paragraph.
   */
  private readonly answers = new WeakMap<ParagraphDigest, { self: string | undefined; options: MatchOptions; version: number; matches: ParagraphMatch[] }>();

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

  /**
   * Adds or replaces a draft; false when it was there with the same paragraphs in the same places.
   * A paragraph whose text is unchanged keeps its postings and only moves: a keystroke in a
   * book-length open draft relinks one paragraph, not twenty thousand.
   */
  set(id: string, summary: DraftSummary): boolean {
    const old = this.drafts.get(id);
    if (old && sameSummary(old.summary, summary)) return false;
    const kept = new Map<number, number[]>();
    old?.summary.paragraphs.forEach((p, i) => {
      const list = kept.get(p.digest.key);
      if (list) list.push(old.numbers[i]!);
      else kept.set(p.digest.key, [old.numbers[i]!]);
    });
    const numbers = summary.paragraphs.map((p) => {
      const n = kept.get(p.digest.key)?.shift();
      if (n !== undefined) this.paragraph[n] = p;
      return n;
    });
    for (const list of kept.values()) for (const n of list) this.unlinkParagraph(n);
    this.drafts.set(id, { summary, numbers: numbers.map((n, i) => n ?? this.linkParagraph(id, summary.paragraphs[i]!)) });
    this.changed(id);
    return true;
  }

  /** Drops a draft; false when it was not there. */
  remove(id: string): boolean {
    const old = this.drafts.get(id);
    if (!old) return false;
    this.unlink(old);
    this.drafts.delete(id);
    this.changed(id);
    return true;
  }

  /** The lookup a check gets for the draft `self` (left out of its own matches; it may or may not be indexed). */
  lookupFor(self: string | undefined): IndexLookup {
    return {
      matches: (paragraphs, options) => paragraphs.map((p) => this.query(self, p, options)),
      hasOthers: () => this.drafts.size > (self !== undefined && this.drafts.has(self) ? 1 : 0),
      version: () => this.version,
      othersChangedSince: (version) => this.othersChangedSince(self, version),
    };
  }

  /** The latest change by a draft other than `self` is the last change, or the one before it by another draft. */
  private othersChangedSince(self: string | undefined, version: number): boolean {
    return (this.recent.find((c) => c.id !== self)?.version ?? 0) > version;
  }

  private changed(id: string): void {
    const change = { id, version: ++this.version };
    this.recent = this.recent[0]?.id === id ? [change, ...this.recent.slice(1)] : [change, ...this.recent.slice(0, 1)];
  }

  /** Other drafts' paragraphs matching `p` at or above the threshold, one per draft, best first. */
  query(self: string | undefined, p: IndexedParagraph, options: MatchOptions): readonly ParagraphMatch[] {
    const known = this.answers.get(p.digest);
    if (known && known.self === self && sameOptions(known.options, options) && !this.othersChangedSince(self, known.version)) return known.matches;
    const matches = this.search(self, p, options);
    const { threshold, maxDrafts, shortWords, shortThreshold } = options;
    this.answers.set(p.digest, { self, options: { threshold, maxDrafts, shortWords, shortThreshold }, version: this.version, matches });
    return matches;
  }

  private search(self: string | undefined, p: IndexedParagraph, options: MatchOptions): ParagraphMatch[] {
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
      const required = requiredSimilarity(p.digest.words, this.words[n]!, options);
      // Common shingles are the only ones the count can have missed: skip hopeless pairs unverified.
      if (similarityFromCounts(Math.min(count + common, size, otherSize), size, otherSize) < required || this.owner[n] === self) continue;
      const similarity = similarityFromCounts(common ? intersectionOfSorted(p.digest.shingles, this.paragraph[n]!.digest.shingles) : count, size, otherSize);
      if (similarity >= required) consider(n, similarity, false);
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
    for (const n of entry.numbers) this.unlinkParagraph(n);
  }

  private linkParagraph(id: string, p: IndexedParagraph): number {
    const n = this.free.pop() ?? this.paragraph.length;
    this.owner[n] = id;
    this.paragraph[n] = p;
    this.sizes[n] = p.digest.shingles.length;
    this.words[n] = p.digest.words;
    add(this.byKey, p.digest.key, n, Infinity);
    for (const s of p.digest.shingles) add(this.byShingle, s | 0, n, MAX_POSTINGS);
    return n;
  }

  private unlinkParagraph(n: number): void {
    const p = this.paragraph[n]!;
    drop(this.byKey, p.digest.key, n);
    for (const s of p.digest.shingles) drop(this.byShingle, s | 0, n);
    this.owner[n] = undefined;
    this.paragraph[n] = undefined;
    this.free.push(n);
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

function sameOptions(a: MatchOptions, b: MatchOptions): boolean {
  return a.threshold === b.threshold && a.maxDrafts === b.maxDrafts && a.shortWords === b.shortWords && a.shortThreshold === b.shortThreshold;
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
