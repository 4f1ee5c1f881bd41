/**
 * @file The options added for CI: --max-warnings, --quiet, colour (flags, NO_COLOR, FORCE_COLOR, a
 * terminal), --print-config, and --help listing every option there is.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checks } from '../../../server/src/checks';
import { wantsColour } from '../../../server/src/cli/colour';
import { OPTIONS } from '../../../server/src/cli/options';
import { onlyRulesArgs } from '../../helpers/onlyRules';
import { runCli, tempTree } from '../../helpers/runCli';

const LEDE = 'The council in Kelby voted on Tuesday to keep the night ferry running until October.';
// Two copies (warnings) and a doubled "the" (info), and nothing else once other rules are off.
const DRAFT = `${LEDE}\n\n${LEDE}\n\nBorrowers can return the the books at the town hall.\n\n${LEDE}\n`;
const ONLY = onlyRulesArgs('duplicate-paragraph', 'write-good/illusion');

function draft(): string {
  return join(tempTree({ 'ferry.txt': DRAFT }), 'ferry.txt');
}

describe('--max-warnings', () => {
  const cases: { args: string[]; code: number; stderr: string }[] = [
    { args: ['--max-warnings', '2'], code: 0, stderr: '' },
    { args: ['--max-warnings', '1'], code: 1, stderr: 'copydesk: 2 warnings, more than --max-warnings 1\n' },
    { args: ['--max-warnings', '0'], code: 1, stderr: 'copydesk: 2 warnings, more than --max-warnings 0\n' },
    // Info findings are not warnings.
    { args: ['--max-warnings', '0', '--rule', 'duplicate-paragraph=info'], code: 0, stderr: '' },
    // Counted even when --quiet hides them, as ESLint counts them.
    { args: ['--max-warnings', '1', '--quiet'], code: 1, stderr: 'copydesk: 2 warnings, more than --max-warnings 1\n' },
    { args: ['--max-warnings=-1'], code: 2, stderr: "copydesk: --max-warnings takes a whole number (0 or more), not '-1'\n" },
    { args: ['--max-warnings', 'lots'], code: 2, stderr: "copydesk: --max-warnings takes a whole number (0 or more), not 'lots'\n" },
  ];
  for (const { args, code, stderr } of cases) {
    it(`${args.join(' ')} → exit ${code}`, async () => {
      const result = await runCli([...ONLY, ...args, draft()]);
      assert.equal(result.stderr, stderr);
      assert.equal(result.code, code);
    });
  }
});

describe('--quiet', () => {
  it('prints errors only', async () => {
    const file = draft();
    const rules = async (args: string[]) => (JSON.parse((await runCli([...ONLY, '--format', 'json', ...args, file])).stdout) as { diagnostics: { rule: string; severity: string }[] }[])[0]!.diagnostics.map((d) => `${d.rule}:${d.severity}`);
    assert.deepEqual(await rules([]), ['duplicate-paragraph:warning', 'write-good/illusion:info', 'duplicate-paragraph:warning']);
    assert.deepEqual(await rules(['--quiet']), []);
    assert.deepEqual(await rules(['-q', '--rule', 'write-good/illusion=error']), ['write-good/illusion:error']);
  });
  it('--fail-on still counts what it hides', async () => {
    assert.deepEqual(await runCli([...ONLY, '--quiet', '--fail-on', 'warning', draft()]), { code: 1, stdout: '', stderr: '' });
  });
});

describe('colour', () => {
  const cases: { flags?: { color?: boolean; noColor?: boolean }; env?: Record<string, string>; tty: boolean; colour: boolean }[] = [
    { tty: true, colour: true },
    { tty: false, colour: false },
    { env: { NO_COLOR: '1' }, tty: true, colour: false },
    // An empty NO_COLOR is "not set" (no-color.org).
    { env: { NO_COLOR: '' }, tty: true, colour: true },
    { env: { FORCE_COLOR: '1' }, tty: false, colour: true },
    { env: { FORCE_COLOR: '' }, tty: false, colour: true },
    { env: { FORCE_COLOR: '0' }, tty: true, colour: false },
    { env: { FORCE_COLOR: 'false' }, tty: true, colour: false },
    { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, tty: false, colour: true },
    { env: { TERM: 'dumb' }, tty: true, colour: false },
    { flags: { color: true }, env: { NO_COLOR: '1' }, tty: false, colour: true },
    { flags: { noColor: true }, env: { FORCE_COLOR: '1' }, tty: true, colour: false },
  ];
  for (const { flags = {}, env = {}, tty, colour } of cases) {
    it(`${JSON.stringify({ ...flags, ...env, tty })} → ${colour ? 'colour' : 'none'}`, () => assert.equal(wantsColour(flags, env, tty), colour));
  }
  it('reaches the stylish output (and never the JSON)', async () => {
    const file = draft();
    assert.match((await runCli([...ONLY, file], { isTty: true })).stdout, /\u001b\[33mwarning/);
    assert.doesNotMatch((await runCli([...ONLY, file], { isTty: true, env: { NO_COLOR: '1' } })).stdout, /\u001b/);
    assert.match((await runCli([...ONLY, '--color', file])).stdout, /\u001b\[/);
    assert.doesNotMatch((await runCli([...ONLY, '--color', '--format', 'json', file])).stdout, /\u001b/);
    assert.equal((await runCli(['--color', '--no-color', file])).code, 2);
  });
});

describe('--print-config', () => {
  it('the settings for a file: defaults, .copydesk.json, --rule and front matter', async () => {
    const dir = tempTree({
      '.copydesk.json': '{ "rules": { "loaded-language": "error", "sentence-length": { "options": { "max": 30 } } }, "ignore": ["old/**"] }',
      'a.md': '---\ncopydesk:\n  rules:\n    echo: off\n---\nText.\n',
    });
    const result = await runCli(['--print-config', join(dir, 'a.md'), '--rule', 'double-space=hint']);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    const printed = JSON.parse(result.stdout) as { file: string; format: string; config: string; ignored: boolean; rules: Record<string, unknown> };
    assert.deepEqual(Object.keys(printed), ['file', 'format', 'config', 'ignored', 'rules']);
    assert.equal(printed.format, 'markdown');
    assert.ok(printed.config.endsWith('.copydesk.json'));
    assert.equal(printed.ignored, false);
    assert.deepEqual(Object.keys(printed.rules).sort(), checks.map((c) => c.meta.id).sort());
    assert.deepEqual(printed.rules['loaded-language'], { severity: 'error', options: (printed.rules['loaded-language'] as { options: object }).options });
    assert.deepEqual(printed.rules['sentence-length'], { severity: 'info', options: { max: 30 } });
    assert.deepEqual(printed.rules['double-space'], { severity: 'hint', options: {} });
    assert.equal(printed.rules['echo'], 'off');
    assert.equal(printed.rules['write-good/e-prime'], 'off');
  });
  it('a file that does not exist yet, an ignored one, and without configuration', async () => {
    const dir = tempTree({ '.copydesk.json': '{ "ignore": ["old/**"] }' });
    const ignored = JSON.parse((await runCli(['--print-config', join(dir, 'old/x.txt')])).stdout) as { ignored: boolean; format: string };
    assert.deepEqual([ignored.ignored, ignored.format], [true, 'plaintext']);
    assert.equal((JSON.parse((await runCli(['--print-config', join(dir, 'x.md'), '--no-config'])).stdout) as { config: unknown }).config, null);
  });
  it('is given on its own', async () => {
    assert.deepEqual(await runCli(['--print-config', 'a.md', 'b.md']), { code: 2, stdout: '', stderr: 'copydesk: give --print-config FILE on its own, without drafts to check, --stdin or --fix\n' });
  });
});

describe('--help', async () => {
  const help = (await runCli(['--help'])).stdout;
  for (const [name, spec] of Object.entries(OPTIONS)) {
    it(`lists --${name}`, () => assert.ok(help.includes(`--${name}`) && ('short' in spec ? help.includes(`-${spec.short}, --${name}`) : true), help));
  }
  it('the README shows the same options', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    for (const name of Object.keys(OPTIONS)) assert.ok(readme.includes(`--${name}`), `README mentions --${name}`);
  });
  it('every format', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github', 'checkstyle', 'junit']) assert.ok(help.includes(format), format);
  });
});
