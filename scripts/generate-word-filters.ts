/**
 * @file Writes server/src/data/word-filters.json: for each expression the rules filter by words
 * (core/wordFilter.ts), the words any match must contain, read off the expression (core/wordNeed.ts).
 * The expressions are collected by linting test/fixtures/corpus/clean with every rule on. Run after changing
 * such an expression; `test/unit/core/wordFilter.test.ts` fails when the file is out of date.
 *
 * Usage: npx tsx scripts/generate-word-filters.ts [--check]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checks, lintText } from '../server/src/api';
import { expressionsAsked } from '../server/src/core/wordFilter';
import { wordFilterTableText } from '../server/src/core/wordNeed';

const ROOT = path.join(__dirname, '..');
const FILE = path.join(ROOT, 'server', 'src', 'data', 'word-filters.json');
// Every rule on, over real copy: each rule asks for its expressions' filters on its first sentences.
const every = Object.fromEntries(checks.map((c) => [c.meta.id, 'info']));
const fixtures = path.join(ROOT, 'test', 'fixtures', 'corpus', 'clean');
for (const file of readdirSync(fixtures)) lintText(readFileSync(path.join(fixtures, file), 'utf8'), 'plaintext', { rules: every });
const text = wordFilterTableText(expressionsAsked());
if (process.argv.includes('--check')) {
  if (readFileSync(FILE, 'utf8') !== text) {
    console.error(`${path.relative(process.cwd(), FILE)} is out of date: run npx tsx scripts/generate-word-filters.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(FILE, text);
  console.log(`wrote ${path.relative(process.cwd(), FILE)}`);
}
