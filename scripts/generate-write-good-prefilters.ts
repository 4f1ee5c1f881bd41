/**
 * @file Writes server/src/data/write-good-prefilters.json: the prefilter expression of each
 * write-good word list (checks/write-good/_fast.ts), worked out ahead of time rather than on a
 * draft's first look. Run after changing a list in _lists.ts or how prefilters are written;
 * `test/unit/checks/write-good/_fast.test.ts` fails while the file is out of date (and until then
 * the rule works the prefilter out again, since a stored one is used only for its own list).
 *
 * Usage: npx tsx scripts/generate-write-good-prefilters.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prefilterTableText } from '../server/src/checks/write-good/_fast';

const FILE = path.join(__dirname, '..', 'server', 'src', 'data', 'write-good-prefilters.json');
const text = prefilterTableText();
if (process.argv.includes('--check')) {
  if (readFileSync(FILE, 'utf8') !== text) {
    console.error(`${path.relative(process.cwd(), FILE)} is out of date: run npx tsx scripts/generate-write-good-prefilters.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(FILE, text);
  console.log(`wrote ${path.relative(process.cwd(), FILE)}`);
}
