import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checks } from '../../server/src/checks';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const properties: Record<string, { default: unknown; markdownDescription?: string; enum?: string[] }> = manifest.contributes.configuration.properties;
const ids = checks.map((c) => c.meta.id);

describe('registry parity: one id, five places', () => {
  it('ids are unique, kebab-case (optionally one family/ prefix) and in alphabetical order', () => {
    assert.deepEqual(ids, [...new Set(ids)].sort());
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*(\/[a-z]+(-[a-z]+)*)?$/);
  });
  it('every check file is registered, and every registered check has its file', () => {
    // A family ("write-good/passive") is a folder of rule files; a file there starting with "_" is a helper they share.
    const dir = join(root, 'server/src/checks');
    const files = readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      if (e.isDirectory()) return readdirSync(join(dir, e.name)).filter((f) => !f.startsWith('_')).map((f) => `${e.name}/${f.replace(/\.ts$/, '')}`);
      return e.name === 'index.ts' ? [] : [e.name.replace(/\.ts$/, '')];
    });
    assert.deepEqual(files.sort(), ids);
  });
  for (const check of checks) {
    const { id, description, defaultSeverity, enabledByDefault, docsUrl } = check.meta;
    it(`${id}: test file, docs page, setting and docs URL`, () => {
      assert.ok(existsSync(join(root, `test/unit/checks/${id}.test.ts`)), 'test file');
      const doc = join(root, `docs/rules/${id}.md`);
      assert.ok(existsSync(doc), 'docs page');
      assert.match(readFileSync(doc, 'utf8'), new RegExp(`^# ${id}\\n`), 'docs page opens with the id');
      const setting = properties[`copydesk.rules.${id}`];
      assert.ok(setting, 'package.json setting copydesk.rules.<id>');
      assert.equal(setting.default, enabledByDefault ? defaultSeverity : 'off');
      assert.ok(setting.markdownDescription?.startsWith(description), 'setting description starts with meta.description');
      assert.ok(setting.markdownDescription?.includes(docsUrl), 'setting links the docs page');
      assert.ok(docsUrl.endsWith(`/docs/rules/${id}.md`));
    });
  }
  it('the near-duplicate threshold setting defaults to the check default', () => {
    const near = checks.find((c) => c.meta.id === 'near-duplicate-paragraph')!;
    assert.equal(properties['copydesk.nearDuplicateThreshold']?.default, (near.meta.defaultOptions as { threshold: number }).threshold);
  });
  it('a setting with options (anyOf form) declares exactly the rule’s options, with its defaults', () => {
    for (const check of checks) {
      const setting = properties[`copydesk.rules.${check.meta.id}`] as { anyOf?: { properties?: { options?: { properties?: Record<string, { default?: unknown }> } } }[] } | undefined;
      const declared = setting?.anyOf?.find((branch) => branch.properties?.options)?.properties?.options?.properties;
      if (!declared) continue;
      const defaults = Object.fromEntries(Object.entries(declared).map(([key, schema]) => [key, schema.default]));
      assert.deepEqual(defaults, { ...check.meta.defaultOptions }, check.meta.id);
    }
  });
  it('the README rules table lists every rule with its docs link', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const id of ids) assert.ok(readme.includes(`[\`${id}\`](docs/rules/${id}.md)`), `README lists ${id}`);
  });
});
