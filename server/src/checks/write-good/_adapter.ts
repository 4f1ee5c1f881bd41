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
 * No cache of their own: write-good's rules are paragraph-scope, so the engine's BlockCache keeps
 * their findings per paragraph across versions, and a first look computes each paragraph's hits
 * once per sub-check either way. (A cache here, keyed by its own copy of every paragraph, held
 * 16 MB of a 4 MB draft's server for nothing but the rare block checked twice.)
 */
/** Where one sub-check fires in the writer's own prose, as document spans in text order. */
export function* writeGoodSpans(view: SourceTextView, check: SubCheck): Iterable<Span> {
  // Indexed loops: for-of in this generator made an iterator result per block and hit.
  const { blocks } = view;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    // A block quote is someone else's words from end to end.
    if (block.kind === 'blockquote') continue;
    const start = block.span.start;
    const hits = fastHits(check, view.prose.slice(start, block.span.end));
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      const span = { start: start + hit.start, end: start + hit.end };
      if (!isProtected(view, span)) yield span;
    }
  }
}

/** The flagged words for a message: on one line, without Markdown markup ("is **set**" → "is set"). */
export function flaggedText(view: SourceTextView, span: Span): string {
  return view.prose.slice(span.start, span.end).trim().replace(/\s+/g, ' ');
}
