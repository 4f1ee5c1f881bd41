import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { join } from 'node:path';
import { configSchemaText as schemaText } from '../../server/src/core/configSchema';

const SCHEMA_FILE = join(__dirname, '..', '..', 'schemas', 'copydesk.schema.json');

describe('schemas/copydesk.schema.json', () => {
  it('is the one generated from the registry (run scripts/generate-config-schema.ts)', () => {
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), schemaText());
  });
  it('accepts a typical configuration and rejects a wrong severity', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(schemaText()));
    assert.ok(validate({ extends: 'copydesk:strict', rules: { 'loaded-language': { severity: 'info', options: { quotes: 'hint' } }, echo: 'off' }, allow: ['slammed'] }), JSON.stringify(validate.errors));
    assert.equal(validate({ rules: { 'loaded-language': 'loud' } }), false);
  });
});
