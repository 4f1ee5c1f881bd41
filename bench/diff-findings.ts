/**
 * @file Guards speed work on the rules: lints every BBC article on its own, then the 1 MB and 4 MB
 * drafts (cold, and the 1 MB one warm again through the same BlockCache), and saves or compares
 * every finding. A rule made faster must report exactly what it reported before.
 *
 *   npx tsx bench/diff-findings.ts --save /tmp/baseline.json      (on the tree to compare against)
 *   npx tsx bench/diff-findings.ts --compare /tmp/baseline.json   (on the changed tree)
 *
 * The baseline holds research text's findings (spans and messages), so keep it outside the repository.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BlockCache, lintText, type Finding } from '../server/src/api';
import { corpus, DATA_DIR } from './corpus';

type Results = Record<string, string[]>;

/** One line per finding: everything the writer sees, in the engine's order. */
function lines(findings: readonly Finding[]): string[] {
  return findings.map((f) => JSON.stringify([f.checkId, f.messageId, f.span.start, f.span.end, f.severity, f.message, f.fix, f.suggestions, f.related, f.tags, f.actual, f.expected]));
}

function articleFiles(): string[] {
  const bbc = path.join(DATA_DIR, 'bbc');
  const topics = readdirSync(bbc, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return topics.flatMap((t) => readdirSync(path.join(bbc, t)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(t, f)));
}

function collect(): Results {
  const results: Results = {};
  const started = performance.now();
  for (const file of articleFiles()) results[file] = lines(lintText(readFileSync(path.join(DATA_DIR, 'bbc', file), 'utf8'), 'plaintext').findings);
  console.log(`articles: ${Object.keys(results).length} in ${Math.round(performance.now() - started)} ms`);
  for (const label of ['1 MB', '4 MB'] as const) {
    const { text } = corpus(label);
    const cache = new BlockCache();
    let t = performance.now();
    results[`${label} cold`] = lines(lintText(text, 'plaintext', {}, { blockCache: cache }).findings);
    console.log(`${label} cold: ${Math.round(performance.now() - t)} ms`);
    if (label !== '1 MB') continue;
    t = performance.now();
    results[`${label} warm`] = lines(lintText(text, 'plaintext', {}, { blockCache: cache }).findings);
    console.log(`${label} warm: ${Math.round(performance.now() - t)} ms`);
  }
  return results;
}

function compare(baseline: Results, current: Results): number {
  let differing = 0;
  let shown = 0;
  for (const key of new Set([...Object.keys(baseline), ...Object.keys(current)])) {
    const before = baseline[key] ?? [];
    const after = current[key] ?? [];
    if (before.length === after.length && before.every((line, i) => line === after[i])) continue;
    differing++;
    if (shown >= 10) continue;
    shown++;
    const i = before.findIndex((line, j) => line !== after[j]);
    const at = i < 0 ? before.length : i;
    console.log(`${key}: ${before.length} → ${after.length} findings; first difference at #${at}`);
    console.log(`  before: ${before[at] ?? '(none)'}`);
    console.log(`  after:  ${after[at] ?? '(none)'}`);
  }
  return differing;
}

const args = process.argv.slice(2);
const save = args.indexOf('--save');
const against = args.indexOf('--compare');
if (save < 0 && against < 0) {
  console.error('usage: tsx bench/diff-findings.ts --save FILE | --compare FILE');
  process.exit(2);
}
const results = collect();
const total = Object.values(results).reduce((n, l) => n + l.length, 0);
console.log(`${Object.keys(results).length} texts, ${total} findings`);
if (save >= 0) {
  writeFileSync(args[save + 1]!, JSON.stringify(results));
  console.log(`saved to ${args[save + 1]}`);
} else {
  const baseline = JSON.parse(readFileSync(args[against + 1]!, 'utf8')) as Results;
  const differing = compare(baseline, results);
  console.log(differing ? `DIFFERENT: ${differing} of ${Object.keys(results).length} texts` : 'IDENTICAL: every text gives the same findings');
  process.exitCode = differing ? 1 : 0;
}
