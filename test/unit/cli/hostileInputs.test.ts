/**
 * The CLI on paths that are not drafts and on runs that go wrong: a named pipe (reading one waits
 * for ever for a writer), an unreadable file, a symlink loop, a rule that throws, a fixed draft that
 * cannot be written, and --fix killed part-way. Each is one clear line on stderr and exit 2, the
 * other files are still checked, and a draft is never left half-written.
 *
 * The pipe and the unreadable file run the built bundle in a child process with a deadline (a hang
 * fails the test instead of stopping it); tests run as root here, and root reads a chmod 000 file,
 * so that child runs as the user nobody.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { checks } from '../../../server/src/checks';
import { main } from '../../../server/src/cli/main';
import type { Check } from '../../../server/src/core/types';

const CLI = join(__dirname, '../../../server/out/cli.js');
const LEDE = 'The council in Kelby voted on Tuesday to keep the night ferry running until October.';
const DRAFT = `${LEDE}\n\nCouncillor Ada Penrose said the vote was closer than expected.\n\n${LEDE}\n`;
const FIXED = `${LEDE}\n\nCouncillor Ada Penrose said the vote was closer than expected.\n`;
const ONLY_DUPLICATES = checks.filter((c) => c.meta.id !== 'duplicate-paragraph').flatMap((c) => ['--rule', `${c.meta.id}=off`]);

const root = mkdtempSync(join(tmpdir(), 'copydesk-cli-hostile-'));
chmodSync(root, 0o755);
after(() => rmSync(root, { recursive: true, force: true }));

function caseDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(root, 'case-'));
  chmodSync(dir, 0o755);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content, { mode: 0o644 });
  return dir;
}

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), readStdin: () => new Uint8Array(), isTty: false, version: '0.0.0-test' });
  return { code, stdout, stderr };
}

/** The bundle in a child process, as `nobody` when we are root, killed after `ms`. */
function runBundle(argv: readonly string[], ms = 20_000): { status: number | null; signal: string | null; stdout: string; stderr: string } {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8', timeout: ms, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, ...asNobody });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const built = existsSync(CLI) ? false : 'server/out/cli.js is not built; run `npm run build` first';
/**
 * As root, runBundle runs as nobody, who cannot reach a checkout inside a private folder (`mktemp -d`
 * makes one, and so is /root): those tests are skipped then, saying why, rather than failing on
 * "Cannot find module".
 */
const nobodyCannotRead = (): string | false => {
  if (process.getuid?.() !== 0) return false;
  const r = spawnSync(process.execPath, ['-e', 'require("node:fs").accessSync(process.argv[1], require("node:fs").constants.R_OK)', CLI], { uid: 65534, gid: 65534 });
  return r.status === 0 ? false : `user nobody cannot read ${CLI} (the checkout is inside a private folder); clone it somewhere others may read to run this test`;
};
const asNobody = built || nobodyCannotRead();

describe('copydesk on paths that are not drafts', () => {
  it('a named pipe nobody writes to: refused at once (not read, which would wait for ever); the other file is checked', { skip: asNobody }, () => {
    const dir = caseDir({ 'ferry.txt': DRAFT });
    execFileSync('mkfifo', [join(dir, 'wire.md')]);
    const r = runBundle(['--format', 'json', ...ONLY_DUPLICATES, join(dir, 'wire.md'), join(dir, 'ferry.txt')]);
    assert.equal(r.signal, null, `killed after the deadline: it waited on the pipe\n${r.stderr}`);
    assert.equal(r.stderr, `copydesk: ${join(dir, 'wire.md')}: is not a regular file (a pipe, socket or device); to check what it holds, pipe it in with --stdin\n`);
    assert.deepEqual((JSON.parse(r.stdout) as { file: string; diagnostics: unknown[] }[]).map((f) => [f.file, f.diagnostics.length]), [[join(dir, 'ferry.txt'), 1]]);
    assert.equal(r.status, 2);
  });

  it('a file the user may not read: permission denied; the other file is checked', { skip: asNobody }, () => {
    const dir = caseDir({ 'ferry.txt': DRAFT, 'locked.md': DRAFT });
    chmodSync(join(dir, 'locked.md'), 0o000);
    const r = runBundle(['--format', 'json', ...ONLY_DUPLICATES, join(dir, 'locked.md'), join(dir, 'ferry.txt')]);
    assert.equal(r.stderr, `copydesk: ${join(dir, 'locked.md')}: permission denied\n`);
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file), [join(dir, 'ferry.txt')]);
    assert.equal(r.status, 2);
  });

  it('a symlink loop: named on stderr; the other file is checked', async () => {
    const dir = caseDir({ 'ferry.txt': DRAFT });
    symlinkSync(join(dir, 'b.md'), join(dir, 'a.md'));
    symlinkSync(join(dir, 'a.md'), join(dir, 'b.md'));
    const r = await run([...ONLY_DUPLICATES, '--format', 'json', join(dir, 'a.md'), join(dir, 'ferry.txt')]);
    assert.equal(r.stderr, `copydesk: ${join(dir, 'a.md')}: too many levels of symbolic links\n`);
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file), [join(dir, 'ferry.txt')]);
    assert.equal(r.code, 2);
  });

  it('a folder holding a pipe and a loop among its drafts: each told, the drafts checked', { skip: asNobody }, () => {
    const dir = caseDir({ 'ferry.md': DRAFT });
    execFileSync('mkfifo', [join(dir, 'wire.md')]);
    symlinkSync(join(dir, 'loop.md'), join(dir, 'loop.md'));
    const r = runBundle(['--format', 'json', ...ONLY_DUPLICATES, dir]);
    assert.equal(r.signal, null, 'it waited on the pipe');
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file), [join(dir, 'ferry.md')]);
    assert.ok(r.status === 0 || r.status === 2, String(r.status));
  });
});

describe('copydesk when something fails inside', () => {
  const restore: (() => void)[] = [];
  afterEach(() => restore.splice(0).forEach((undo) => undo()));

  it('a rule that throws: told once on stderr, the other rules still report on every file, exit 2', async () => {
    const check = checks.find((c) => c.meta.id === 'loaded-language') as { run: Check['run'] };
    const original = check.run;
    check.run = () => {
      throw new Error('lexicon missing');
    };
    restore.push(() => (check.run = original));
    const dir = caseDir({ 'a.txt': DRAFT, 'b.txt': `The draconian plan.\n\n${DRAFT}` });
    const r = await run(['--format', 'json', join(dir, 'a.txt'), join(dir, 'b.txt')]);
    assert.equal(r.stderr, "copydesk: the rule 'loaded-language' failed and was skipped (lexicon missing); the other rules still ran\n");
    const files = JSON.parse(r.stdout) as { file: string; diagnostics: { rule: string }[] }[];
    assert.deepEqual(files.map((f) => f.diagnostics.some((d) => d.rule === 'duplicate-paragraph')), [true, true]);
    assert.ok(!files.some((f) => f.diagnostics.some((d) => d.rule === 'loaded-language')));
    assert.equal(r.code, 2);
  });

  it('--fix that cannot write the fixed draft: the draft is unchanged, the reason told, exit 2', async () => {
    const dir = caseDir({ 'ferry.txt': DRAFT });
    // The temporary file's name is taken (by a folder), so the new text cannot be written beside the draft.
    mkdirSync(join(dir, `.ferry.txt.copydesk-${process.pid}.tmp`));
    const r = await run(['--fix', ...ONLY_DUPLICATES, join(dir, 'ferry.txt')]);
    assert.match(r.stderr, /^copydesk: .*ferry\.txt: could not write the fixed draft \(EEXIST: .*\); the file is unchanged\n$/);
    assert.equal(readFileSync(join(dir, 'ferry.txt'), 'utf8'), DRAFT);
    assert.equal(r.code, 2);
    // Once the name is free again, the same run fixes it.
    rmSync(join(dir, `.ferry.txt.copydesk-${process.pid}.tmp`), { recursive: true });
    assert.equal((await run(['--fix', ...ONLY_DUPLICATES, join(dir, 'ferry.txt')])).code, 0);
    assert.equal(readFileSync(join(dir, 'ferry.txt'), 'utf8'), FIXED);
  });

  it('--fix killed at any moment: the draft is the old text or the fixed one, never a mix', { skip: built, timeout: 120_000 }, async (t) => {
    // Large enough that checking and writing take a while: 1.5 MB of paragraphs, some repeated.
    const paragraphs = Array.from({ length: 16_000 }, (_, i) => `Paragraph ${i} of the harbour story, about the levy and the ferry, and the vote on it.`);
    const draft = [...paragraphs, ...paragraphs.slice(0, 50)].join('\n\n') + '\n';
    const fixed = paragraphs.join('\n\n') + '\n';
    const outcomes = new Set<string>();
    for (const delay of [300, 1_000, 2_500]) {
      const dir = caseDir({ 'long.txt': draft });
      const child = spawn(process.execPath, [CLI, '--fix', '--rule', 'echo=off', ...ONLY_DUPLICATES, join(dir, 'long.txt')], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const now = readFileSync(join(dir, 'long.txt'), 'utf8');
      assert.ok(now === draft || now === fixed, `after ${delay} ms the draft is neither the old text nor the fixed one (${now.length} characters)`);
      outcomes.add(now === draft ? 'old' : 'fixed');
      t.diagnostic(`killed after ${delay} ms: ${now === draft ? 'the old text' : 'the fixed text'}`);
      // A hidden temporary file may be left by a kill (no process can clean up after SIGKILL); never a partial draft.
      for (const name of readdirSync(dir)) assert.ok(name === 'long.txt' || /^\.long\.txt\.copydesk-\d+\.tmp$/.test(name), name);
    }
    assert.ok(outcomes.size >= 1);
  });
});
