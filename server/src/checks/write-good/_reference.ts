/**
 * @file write-good itself, one sub-check at a time: the reference _fast.ts is held to by the tests
 * and scripts/diff-write-good.ts. No check imports this file, so the server, the CLI and the web
 * worker do not load write-good and its dependencies (no-cliches alone compiled its clichés into
 * regular expressions when loaded, ~10 ms before a draft's first look could start).
 */
import writeGood from 'write-good';
import type { Hit, SubCheck } from './_fast';

// weasel-words, passive-voice and e-prime (write-good's dependencies) assign to an undeclared
// `match`, which sloppy-mode code turns into a global. Strict-mode code (a bundle, or tsx's output)
// would throw there and `runWriteGood` would silently report nothing; with the global present they
// run the same everywhere.
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

/** write-good itself on one paragraph with only `check` turned on: what `fastHits` must agree with. */
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
