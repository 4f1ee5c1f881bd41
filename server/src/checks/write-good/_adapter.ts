/**
 * @file The write-good/* rules' shared part: where in a document write-good's sub-checks fire, one
 * sub-check at a time, so every finding keeps its own rule id (write-good merges the reasons of
 * sub-checks that flag the same span), on each paragraph's prose, so Markdown markup and code are
 * never seen, and never inside quotations, block quotes or URLs.
 *
 * The findings are write-good's (https://github.com/btford/write-good, MIT), computed by _fast.ts,
 * which gives the same results at a small fraction of the cost; write-good itself is the reference
 * the tests and scripts/diff-write-good.ts compare against (_reference.ts), and is not loaded here.
 */
import { isProtected } from '../../core/protected';
import type { SourceTextView, Span } from '../../core/types';
import { fastHits, type SubCheck } from './_fast';

export type { Hit, SubCheck } from './_fast';

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
