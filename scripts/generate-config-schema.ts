/**
 * @file Writes schemas/copydesk.schema.json from the rule registry (server/src/core/configSchema.ts).
 * `test/unit/configSchema.test.ts` fails when the committed file is out of date.
 *
 * Usage: npx tsx scripts/generate-config-schema.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configSchemaText } from '../server/src/core/configSchema';

const SCHEMA_FILE = path.resolve(typeof __dirname === 'string' ? path.join(__dirname, '..') : process.cwd(), 'schemas', 'copydesk.schema.json');
const text = configSchemaText();
if (process.argv.includes('--check')) {
  if (readFileSync(SCHEMA_FILE, 'utf8') !== text) {
    console.error(`${path.relative(process.cwd(), SCHEMA_FILE)} is out of date: run npx tsx scripts/generate-config-schema.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
