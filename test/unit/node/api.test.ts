/**
 * @file The Node API (`require('copydesk')`): the same findings as `copydesk --format json`, the
 * same configuration lookup, fixes as `--fix`, errors a script should stop at, and published types
 * that stay equal to the CLI's JSON shape.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { JsonDiagnostic } from '../../../server/src/cli/format';
import { checks } from '../../../server/src/checks';
import { fix, lint, rules, type Diagnostic } from '../../../server/src/node/api';
import type { Severity as EngineSeverity } from '../../../server/src/api';
import type { Severity } from '../../../server/src/node/api';
import { runCli, tempTree } from '../../helpers/runCli';

// Compile-time: the published types, declared on their own, are exactly the CLI's and the engine's.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameDiagnostic: Same<Diagnostic, JsonDiagnostic> = true;
const sameSeverity: Same<Severity, EngineSeverity> = true;
void [sameDiagnostic, sameSeverity];

const LEDE = 'The council in Kelby voted on Tuesday to keep the night ferry running until October.';
const DRAFT = `Ferry Vote\n\n${LEDE}\n\nThe mayor slammed the draconian plan.\n\n${LEDE}\n`;

describe('lint', () => {
  it('gives what copydesk --format json gives for the same file', async () => {
    const dir = tempTree({ 'ferry.md': DRAFT, '.copydesk.json': '{ "rules": { "unattributed-claim": "off" } }' });
    const file = join(dir, 'ferry.md');
    const cli = (JSON.parse((await runCli(['--format', 'json', file])).stdout) as { diagnostics: unknown[] }[])[0]!.diagnostics;
    const api = lint(DRAFT, { filename: file });
    assert.deepEqual(api, { diagnostics: cli, problems: [], ignored: false });
    assert.ok(!api.diagnostics.some((d) => d.rule === 'unattributed-claim'));
  });

  const cases: { name: string; options: Parameters<typeof lint>[1]; rules: string[] }[] = [
    { name: 'no file name: plain text, no configuration', options: {}, rules: ['duplicate-paragraph', 'loaded-language', 'loaded-language', 'unattributed-claim'] },
    { name: 'rules over the defaults', options: { rules: { 'loaded-language': 'off', 'unattributed-claim': { severity: 'off' } } }, rules: ['duplicate-paragraph'] },
  ];
  for (const { name, options, rules: expected } of cases) {
    it(name, () => assert.deepEqual(lint(DRAFT, options).diagnostics.map((d) => d.rule).sort(), expected));
  }

  it('the nearest .copydesk.json, a named one, or none; ignore globs', () => {
    const dir = tempTree({ '.copydesk.json': '{ "rules": { "loaded-language": "off" }, "ignore": ["old/**"] }', 'house.json': '{ "rules": { "duplicate-paragraph": "off" } }' });
    const found = (options: Parameters<typeof lint>[1]) => lint(DRAFT, options).diagnostics.map((d) => d.rule);
    assert.ok(!found({ filename: join(dir, 'a.md') }).includes('loaded-language'));
    assert.ok(found({ filename: 'a.md', cwd: dir, config: false }).includes('loaded-language'));
    assert.ok(!found({ filename: 'a.md', cwd: dir, config: 'house.json' }).includes('duplicate-paragraph'));
    assert.deepEqual(lint(DRAFT, { filename: join(dir, 'old/a.md') }), { diagnostics: [], problems: [], ignored: true });
  });

  it('problems in the configuration are returned; the valid parts still apply', () => {
    const dir = tempTree({ '.copydesk.json': '{ "rules": { "loaded-langauge": "off", "duplicate-paragraph": "off" } }' });
    const result = lint(DRAFT, { filename: join(dir, 'a.md') });
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]!, /\.copydesk\.json:1:\d+: warning: Unknown rule 'loaded-langauge'/);
    assert.ok(!result.diagnostics.some((d) => d.rule === 'duplicate-paragraph'));
  });

  it('throws on what a script must fix first', () => {
    assert.throws(() => lint(DRAFT, { rules: { bogus: 'off' } }), /rules\.bogus: unknown rule/);
    assert.throws(() => lint(DRAFT, { rules: { echo: 'loud' as 'off' } }), /rules\.echo/);
    assert.throws(() => lint(DRAFT, { config: '/nowhere/house.json' }), /config: .*not found/);
    const dir = tempTree({ '.copydesk.json': 'rules: off' });
    assert.throws(() => lint(DRAFT, { filename: join(dir, 'a.md') }), /copydesk: .*\.copydesk\.json/);
  });
});

describe('fix', () => {
  it('removes the copy, as --fix does, and checks what is left', () => {
    const result = fix(DRAFT, { rules: { 'unattributed-claim': 'off' } });
    assert.equal(result.text, `Ferry Vote\n\n${LEDE}\n\nThe mayor slammed the draconian plan.\n`);
    assert.equal(result.changed, true);
    assert.deepEqual(result.diagnostics.map((d) => d.rule), ['loaded-language', 'loaded-language']);
    assert.equal(fix(result.text).changed, false);
  });
});

describe('rules', () => {
  it('lists every rule with its page', () => {
    assert.deepEqual(rules.map((r) => r.id), checks.map((c) => c.meta.id));
    assert.ok(rules.every((r) => r.docsUrl.endsWith(`/docs/rules/${r.id}.md`)));
  });
});
