/**
 * @file The write-good/* rules' shared part: where in a document write-good's sub-checks fire, one
 * sub-check at a time, so every finding keeps its own rule id (write-good merges the reasons of
 * sub-checks that flag the same span), on each paragraph's prose, so Markdown markup and code are
 * never seen, and never inside quotations, block quotes or URLs.
 *
 * The findings are write-good's (https://github.com/btford/write-good, MIT), computed by _fast.ts,
 * which gives the same results at a small fraction of the cost; `runWriteGood` calls write-good
 * itself and stays the reference the tests and scripts/diff-write-good.ts compare against.
 */
import writeGood from 'write-good';
import { isProtected } from '../../core/protected';
import type { SourceTextView, Span } from '../../core/types';
import { fastHits, type Hit, type SubCheck } from './_fast';

export type { Hit, SubCheck } from './_fast';

// weasel-words, passive-voice and e-prime (write-good's dependencies) assign to an undeclared
// `match`, which sloppy-mode code turns into a global. Our bundles are strict ("use strict" from
// tsconfig's `strict`), where that assignment throws and `runWriteGood` would silently report
// nothing; with the global present they run the same bundled as unbundled.
if (!('match' in globalThis)) Object.assign(globalThis, { match: undefined });

const ALL_OFF: Readonly<Record<SubCheck, false>> = {
  passive: false,
  illusion: false,
  so: false,
  thereIs: false,
  weasel: false,
  adverb: false,
  tooWordy: false,
  cliches: false,
  eprime: false,
};

/** write-good itself on one paragraph with only `check` turned on: the reference for `fastHits` and the cache. */
export function runWriteGood(check: SubCheck, prose: string): readonly Hit[] {
  const input = check === 'so' || check === 'thereIs' ? withoutUnfinishedSentences(prose) : prose;
  return writeGood(input, { ...ALL_OFF, [check]: true }).map((s) => ({ start: s.index, end: s.index + s.offset }));
}

/**
 * The `so` and `thereIs` checks find sentences with /([^\n.;!?]+)([.;!?]+)/g, which backtracks
 * through a run of text with no full stop before a line break or the end once for every character
 * in it: 0.5 s for 16,000 such characters, minutes for a pasted list or table. No match can start
 * in such a run (none can cross the line break, and one starting earlier stops at the punctuation
 * before the run), so turning its characters into line breaks changes no result and makes the
 * scan linear. Offsets are kept: one line break per UTF-16 unit.
 */
function withoutUnfinishedSentences(prose: string): string {
  return prose.replace(/[^\n.;!?]+/g, (run, start: number) => (/[.;!?]/.test(prose.charAt(start + run.length)) ? run : '\n'.repeat(run.length)));
}

/**
 * Why a cache: the editor re-lints the whole document on every keystroke, and only the paragraph
 * being typed in changes. `fastHits` reads the family at over ten megabytes a second (write-good's
 * clichés alone took about 2 s per megabyte), but a long draft would still be read in full on
 * every keystroke. Results are kept per paragraph prose (the whole input write-good sees) and
 * sub-check, paragraph-relative, so a paragraph that moves keeps its entry. They depend on nothing
 * else, so the cache changes speed, never findings.
 *
 * Least recently used paragraphs go first. The bound is in paragraphs and in characters: a
 * 5,000-paragraph cap alone would miss on every keystroke in a long draft (a 5 MB draft has about
 * 15,000 paragraphs, and an LRU read in order by more than it holds never hits), while the
 * character cap keeps memory to about 16 MB of text whatever the paragraphs' length.
 *
 * The recency order is a linked list through the entries, not the Map's insertion order: moving an
 * entry by deleting and re-inserting its key cost more than computing the hits (the family looks
 * each paragraph up nine times a pass, and each delete and insert hashes the key again).
 */
export const CACHE_LIMITS = { paragraphs: 20_000, characters: 8_000_000 } as const;

interface Entry {
  /** The paragraph, copied: a slice of the document would keep the whole document alive in V8. */
  readonly key: string;
  readonly hits: Map<SubCheck, readonly Hit[]>;
  /** Neighbours in recency order: `older` is used less recently, `newer` more. */
  older: Entry;
  newer: Entry;
}

const cache = new Map<string, Entry>();
/** The list's sentinel: `lru.newer` is the least recently used entry, `lru.older` the most. */
const lru = { newer: undefined, older: undefined } as unknown as Entry;
lru.newer = lru.older = lru;
let cachedCharacters = 0;

function unlink(entry: Entry): void {
  entry.older.newer = entry.newer;
  entry.newer.older = entry.older;
}

function makeMostRecent(entry: Entry): void {
  entry.older = lru.older;
  entry.newer = lru;
  lru.older.newer = entry;
  lru.older = entry;
}

/** The cache entry for a paragraph, made the most recently used; created empty if there is none. */
function entryFor(prose: string): Entry {
  let entry = cache.get(prose);
  if (entry) {
    unlink(entry);
    makeMostRecent(entry);
    return entry;
  }
  // (' ' + prose).slice(1) copies the characters out of the document.
  const key = (' ' + prose).slice(1);
  entry = { key, hits: new Map(), older: lru, newer: lru };
  cache.set(key, entry);
  makeMostRecent(entry);
  cachedCharacters += key.length;
  while (cache.size > CACHE_LIMITS.paragraphs || (cachedCharacters > CACHE_LIMITS.characters && cache.size > 1)) {
    const oldest = lru.newer;
    unlink(oldest);
    cache.delete(oldest.key);
    cachedCharacters -= oldest.key.length;
  }
  return entry;
}

function hitsOf(entry: Entry, check: SubCheck): readonly Hit[] {
  let hits = entry.hits.get(check);
  if (!hits) entry.hits.set(check, (hits = Object.freeze(fastHits(check, entry.key))));
  return hits;
}

/** write-good's results (computed by `fastHits`), remembered. */
export function hitsIn(check: SubCheck, prose: string): readonly Hit[] {
  return hitsOf(entryFor(prose), check);
}

/**
 * Each block's cache entry (none for a block quote), looked up once per document version: the nine
 * rules then share them without hashing every paragraph again. An entry evicted meanwhile still
 * holds its paragraph's own results, so holding on to it changes nothing but memory, until the
 * version is dropped.
 */
let entriesByView = new WeakMap<SourceTextView, readonly (Entry | undefined)[]>();

function entriesOf(view: SourceTextView): readonly (Entry | undefined)[] {
  let entries = entriesByView.get(view);
  if (!entries) {
    // A block quote is someone else's words from end to end.
    entries = view.blocks.map((block) => (block.kind === 'blockquote' ? undefined : entryFor(view.prose.slice(block.span.start, block.span.end))));
    entriesByView.set(view, entries);
  }
  return entries;
}

/** For tests: how many paragraphs are cached, and a way to start empty. */
export const writeGoodCache = {
  size: (): number => cache.size,
  characters: (): number => cachedCharacters,
  clear: (): void => {
    cache.clear();
    lru.newer = lru.older = lru;
    cachedCharacters = 0;
    entriesByView = new WeakMap();
  },
};

/** Where one sub-check fires in the writer's own prose, as document spans in text order. */
export function* writeGoodSpans(view: SourceTextView, check: SubCheck): Iterable<Span> {
  const entries = entriesOf(view);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!entry) continue;
    const start = view.blocks[i]!.span.start;
    for (const hit of hitsOf(entry, check)) {
      const span = { start: start + hit.start, end: start + hit.end };
      if (!isProtected(view, span)) yield span;
    }
  }
}

/** The flagged words for a message: on one line, without Markdown markup ("is **set**" → "is set"). */
export function flaggedText(view: SourceTextView, span: Span): string {
  return view.prose.slice(span.start, span.end).trim().replace(/\s+/g, ' ');
}
