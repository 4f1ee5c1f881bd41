/**
 * @file V8 flags the Node entry points (the language server, the CLI) set for themselves. V8 reads
 * them when it next needs them, so setting them at start is enough; a flag given to Node itself
 * (on its command line or in NODE_OPTIONS) wins.
 */
import { setFlagsFromString } from 'node:v8';

const given = `${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}`;

/** Sets `flag` unless Node was given a flag whose text contains `name`. */
export function defaultV8Flag(flag: string, name: string): void {
  if (!given.includes(name)) setFlagsFromString(flag);
}

/**
 * V8 first runs a regular expression in its interpreter and compiles it to machine code on the
 * next run: the rules' long case-insensitive alternations were compiled twice, the bytecode alone
 * up to 300 KB each, 0.2–0.3 s of a draft's first look. Compiled once instead (read per
 * expression): the CLI on one short draft takes ~40 ms less, on 1 MB ~80 ms less.
 */
export function compileRegExpsOnce(): void {
  defaultV8Flag('--no-regexp-tier-up', 'regexp-tier-up');
}

/**
 * A first look at a long draft runs most of the engine's code over a lot of text, once. V8's
 * optimising compiler (TurboFan) then compiled ~200 functions, each with its callees inlined, and
 * threw ~50 away again: ~1.6 s of compiler-thread time for one 1 MB draft, on a two-core machine
 * a core that the lint and the collector needed. Without inlining, and optimising a function after
 * ~4× the default run time in the interpreter (the interrupt budget, 66 KB by default), a first
 * lint of 1 MB took ~20–28% less CPU time and ~8% less wall time; the code the edits run stays
 * optimised, and re-linting a warmed-up draft was no slower.
 */
export function compileForFirstLooks(): void {
  defaultV8Flag('--no-turbo-inlining', 'turbo-inlining');
  defaultV8Flag('--interrupt-budget=262144', 'interrupt-budget');
}
