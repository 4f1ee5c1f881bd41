/**
 * @file Runs write-good (https://github.com/btford/write-good, MIT licence) for the write-good/*
 * rules: one sub-check per call, so every finding keeps its own rule id (write-good merges the
 * reasons of sub-checks that flag the same span), on each paragraph's prose, so Markdown markup
 * and code are never seen, and never inside quotations, block quotes or URLs.
 */
import writeGood from 'write-good';
import { isProtected } from '../../core/protected';
import type { SourceTextView, Span } from '../../core/types';

/** write-good's option names for its sub-checks. */
export type SubCheck = 'passive' | 'illusion' | 'so' | 'thereIs' | 'weasel' | 'adverb' | 'tooWordy' | 'cliches' | 'eprime';

/** A flagged stretch, relative to the start of its paragraph. */
export interface Hit {
  readonly start: number;
  readonly end: number;
}

// weasel-words, passive-voice and e-prime (write-good's dependencies) assign to an undeclared
// `match`, which sloppy-mode code turns into a global. Our bundles are strict ("use strict" from
// tsconfig's `strict`), where that assignment throws and the rule would silently report nothing;
// with the global present they run the same bundled as unbundled.
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

/** write-good on one paragraph with only `check` turned on. Not cached: the cache's reference. */
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
 * Why a cache: the editor re-lints the whole document on every keystroke, and write-good's cliché
 * check alone costs about 2 s per megabyte (hundreds of phrases tried at every word). Only the
 * paragraph being typed in changes, so results are kept per paragraph prose (the whole input
 * write-good sees) and sub-check, paragraph-relative, so a paragraph that moves keeps its entry.
 * They depend on nothing else, so the cache changes speed, never findings.
 *
 * Least recently used paragraphs go first. The bound is in paragraphs and in characters: a
 * 5,000-paragraph cap alone would miss on every keystroke in a long draft (a 5 MB draft has about
 * 15,000 paragraphs, and an LRU read in order by more than it holds never hits), while the
 * character cap keeps memory to about 16 MB of text whatever the paragraphs' length.
 */
export const CACHE_LIMITS = { paragraphs: 20_000, characters: 8_000_000 } as const;
const cache = new Map<string, Map<SubCheck, readonly Hit[]>>();
let cachedCharacters = 0;

/** `runWriteGood`, remembered. */
export function hitsIn(check: SubCheck, prose: string): readonly Hit[] {
  let entry = cache.get(prose);
  if (entry) {
    // A Map iterates in insertion order: re-inserting makes this the most recently used.
    cache.delete(prose);
    cache.set(prose, entry);
  } else {
    // A slice of the document keeps the whole document alive in V8 (a "sliced string"); a key
    // copied out of it holds only its own characters, not every old version of the draft.
    cache.set((' ' + prose).slice(1), (entry = new Map()));
    cachedCharacters += prose.length;
    while (cache.size > CACHE_LIMITS.paragraphs || (cachedCharacters > CACHE_LIMITS.characters && cache.size > 1)) {
      const oldest = cache.keys().next().value!;
      cache.delete(oldest);
      cachedCharacters -= oldest.length;
    }
  }
  let hits = entry.get(check);
  if (!hits) entry.set(check, (hits = Object.freeze(runWriteGood(check, prose))));
  return hits;
}

/** For tests: how many paragraphs are cached, and a way to start empty. */
export const writeGoodCache = {
  size: (): number => cache.size,
  characters: (): number => cachedCharacters,
  clear: (): void => {
    cache.clear();
    cachedCharacters = 0;
  },
};

/** Where one sub-check fires in the writer's own prose, as document spans in text order. */
export function* writeGoodSpans(view: SourceTextView, check: SubCheck): Iterable<Span> {
  for (const block of view.blocks) {
    // A block quote is someone else's words from end to end.
    if (block.kind === 'blockquote') continue;
    const prose = view.prose.slice(block.span.start, block.span.end);
    for (const hit of hitsIn(check, prose)) {
      const span = { start: block.span.start + hit.start, end: block.span.start + hit.end };
      if (!isProtected(view, span)) yield span;
    }
  }
}

/** The flagged words for a message: on one line, without Markdown markup ("is **set**" → "is set"). */
export function flaggedText(view: SourceTextView, span: Span): string {
  return view.prose.slice(span.start, span.end).trim().replace(/\s+/g, ' ');
}
