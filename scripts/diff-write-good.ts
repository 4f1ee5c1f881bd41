/// <reference path="../server/src/checks/write-good/_write-good.d.ts" />
/**
 * @file Differential test of the write-good/* rules' fast path (server/src/checks/write-good/_fast.ts)
 * against write-good itself, on the whole BBC News corpus: for each of the nine sub-checks, the
 * spans write-good reports with only that sub-check on, and the spans `fastHits` reports, must be
 * the same, in the same order. Both run on the same inputs:
 * - paragraphs: each block's prose as the rules hand it over (plain text; block quotes are skipped
 *   by the rules, and plain text has none);
 * - articles: each file whole, line breaks and all, which the paragraphs never contain.
 * Prints the counts, every difference (at most 20 in full) and the throughput of both; exits 1 on
 * any difference. Run by hand or by the bench, not by `npm test` (about a minute).
 *
 * Usage: npx tsx scripts/diff-write-good.ts [benchDir]
 *   benchDir default ../shared/bench, resolved from the working directory (needs bbc/<topic>/<nnn>.txt)
 * The data is never copied into the repository; a missing folder is reported as SKIPPED (exit 0).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import writeGood from 'write-good';
import { fastHits, type Hit, type SubCheck } from '../server/src/checks/write-good/_fast';
import { buildSourceText } from '../server/src/core/text';

const SUB_CHECKS: readonly SubCheck[] = ['passive', 'illusion', 'so', 'thereIs', 'weasel', 'adverb', 'tooWordy', 'cliches', 'eprime'];
const SHOWN = 20;

/** write-good itself, with only `sub` on. */
function reference(sub: SubCheck, text: string): Hit[] {
  const only = Object.fromEntries(SUB_CHECKS.map((c) => [c, c === sub]));
  return writeGood(text, only).map((s) => ({ start: s.index, end: s.index + s.offset }));
}

interface Input {
  /** Where it comes from: an article, and a paragraph number in it if it is one. */
  readonly where: string;
  readonly text: string;
}

interface Articles {
  readonly articles: readonly Input[];
  readonly paragraphs: readonly Input[];
}

function load(bbcDir: string): Articles {
  const articles: Input[] = [];
  const paragraphs: Input[] = [];
  for (const topic of readdirSync(bbcDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of readdirSync(path.join(bbcDir, topic)).filter((n) => n.endsWith('.txt')).sort()) {
      const where = `bbc/${topic}/${name}`;
      // One file is Latin-1: decoded as UTF-8 it gets replacement characters, input like any other.
      const text = readFileSync(path.join(bbcDir, topic, name), 'utf8');
      articles.push({ where, text });
      const view = buildSourceText(text, 'plaintext');
      view.blocks.forEach((block, i) => {
        if (block.kind !== 'blockquote') paragraphs.push({ where: `${where} ¶${i + 1}`, text: view.prose.slice(block.span.start, block.span.end) });
      });
    }
  }
  return { articles, paragraphs };
}

interface Side {
  hits: number;
  ms: number;
}

interface Row {
  readonly sub: SubCheck;
  readonly writeGood: Side;
  readonly fast: Side;
  readonly differing: number;
}

interface Difference {
  readonly sub: SubCheck;
  readonly input: Input;
  readonly writeGood: readonly Hit[];
  readonly fast: readonly Hit[];
}

function run(sub: SubCheck, inputs: readonly Input[], compute: (sub: SubCheck, text: string) => Hit[]): { results: Hit[][]; side: Side } {
  const results: Hit[][] = [];
  const started = performance.now();
  for (const { text } of inputs) results.push(compute(sub, text));
  const ms = performance.now() - started;
  return { results, side: { hits: results.reduce((n, r) => n + r.length, 0), ms } };
}

function compare(inputs: readonly Input[], differences: Difference[]): Row[] {
  // Both sides warmed up on a few inputs first, so that neither pays for its compilation in the timing.
  for (const sub of SUB_CHECKS) for (const { text } of inputs.slice(0, 20)) reference(sub, text), fastHits(sub, text);
  return SUB_CHECKS.map((sub) => {
    const wg = run(sub, inputs, reference);
    const fast = run(sub, inputs, fastHits);
    let differing = 0;
    inputs.forEach((input, i) => {
      const a = wg.results[i]!;
      const b = fast.results[i]!;
      if (a.length === b.length && a.every((h, j) => h.start === b[j]!.start && h.end === b[j]!.end)) return;
      differing++;
      differences.push({ sub, input, writeGood: a, fast: b });
    });
    return { sub, writeGood: wg.side, fast: fast.side, differing };
  });
}

const mbps = (characters: number, ms: number): string => (characters / 1e6 / (ms / 1000)).toFixed(2);

function report(title: string, inputs: readonly Input[], rows: readonly Row[]): void {
  const characters = inputs.reduce((n, i) => n + i.text.length, 0);
  console.log(`\n## ${title}: ${inputs.length.toLocaleString('en')} compared, ${(characters / 1e6).toFixed(2)} MB (millions of UTF-16 units)\n`);
  console.log('| sub-check | write-good hits | fast hits | inputs differing | write-good MB/s | fast MB/s |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.sub} | ${r.writeGood.hits} | ${r.fast.hits} | ${r.differing} | ${mbps(characters, r.writeGood.ms)} | ${mbps(characters, r.fast.ms)} |`);
  const sum = (f: (r: Row) => number): number => rows.reduce((n, r) => n + f(r), 0);
  const wgMs = sum((r) => r.writeGood.ms);
  const fastMs = sum((r) => r.fast.ms);
  console.log(
    `| **all nine** | ${sum((r) => r.writeGood.hits)} | ${sum((r) => r.fast.hits)} | ${sum((r) => r.differing)} | ${mbps(characters, wgMs)} | ${mbps(characters, fastMs)} |`,
  );
  console.log(`\nAll nine sub-checks: write-good ${(wgMs / 1000).toFixed(1)} s, fast ${(fastMs / 1000).toFixed(2)} s (${(wgMs / fastMs).toFixed(0)}× faster).`);
}

function main(): number {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('Usage: npx tsx scripts/diff-write-good.ts [benchDir=../shared/bench]');
    return 0;
  }
  const bbcDir = path.join(path.resolve(process.cwd(), args[0] ?? '../shared/bench'), 'bbc');
  if (!existsSync(bbcDir)) {
    console.log(`SKIPPED: ${bbcDir} not found (the bench folder is the first argument).`);
    return 0;
  }
  const { articles, paragraphs } = load(bbcDir);
  console.log(`# write-good: fast path against write-good ${require('write-good/package.json').version} itself, on ${articles.length.toLocaleString('en')} BBC articles`);
  console.log('Each sub-check alone, one pass, cold (nothing cached), on one core; timings vary with the machine’s load.');
  const differences: Difference[] = [];
  report('Paragraphs, as the rules see them', paragraphs, compare(paragraphs, differences));
  report('Articles whole', articles, compare(articles, differences));

  console.log(`\n${differences.length === 0 ? 'No difference.' : `${differences.length} DIFFERENCES:`}`);
  for (const d of differences.slice(0, SHOWN)) {
    console.log(`- ${d.sub} in ${d.input.where}: write-good ${JSON.stringify(d.writeGood)}, fast ${JSON.stringify(d.fast)}`);
    console.log(`  ${JSON.stringify(d.input.text.length > 300 ? `${d.input.text.slice(0, 300)}…` : d.input.text)}`);
  }
  if (differences.length > SHOWN) console.log(`… and ${differences.length - SHOWN} more.`);
  return differences.length === 0 ? 0 : 1;
}

process.exitCode = main();
