/**
 * @file `--jobs`: how many lanes a run gets, the option's errors, and the built bundle checking a
 * folder of drafts on one thread and in two worker threads with the same output, byte for byte, in
 * every format, with --fix, and when a rule, the engine or a worker fails part-way.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BYTES_PER_LANE, laneCount, parseJobs, type Input, type Jobs } from '../../../server/src/cli/lanes';
import { FORMATS } from '../../../server/src/cli/options';
import { runCli, tempTree } from '../../helpers/runCli';

const CLI = join(__dirname, '../../../server/out/cli.js');
const MARKS = join(__dirname, '../../fixtures/jobs/failOnMarks.cjs');
const built = existsSync(CLI) ? false : 'server/out/cli.js is not built; run `npm run build` first';

describe('how many lanes a run gets', () => {
  const KB = 1024;
  const cases: { name: string; jobs: Jobs; input: Input; parallelism: number; lanes: number }[] = [
    { name: 'auto, a handful of drafts: none in workers', jobs: 'auto', input: { drafts: 5, bytes: 20 * KB }, parallelism: 8, lanes: 1 },
    { name: 'auto, just under one lane of bytes', jobs: 'auto', input: { drafts: 300, bytes: BYTES_PER_LANE - 1 }, parallelism: 8, lanes: 1 },
    { name: 'auto, two lanes of bytes', jobs: 'auto', input: { drafts: 500, bytes: 2 * BYTES_PER_LANE }, parallelism: 8, lanes: 2 },
    { name: 'auto, two and a half lanes of bytes: whole lanes only', jobs: 'auto', input: { drafts: 700, bytes: 2.5 * BYTES_PER_LANE }, parallelism: 8, lanes: 2 },
    { name: 'auto, capped at the processors', jobs: 'auto', input: { drafts: 2000, bytes: 10_000 * KB }, parallelism: 2, lanes: 2 },
    { name: 'auto, one big draft: one lane', jobs: 'auto', input: { drafts: 1, bytes: 5 * BYTES_PER_LANE }, parallelism: 8, lanes: 1 },
    { name: 'auto, one processor', jobs: 'auto', input: { drafts: 2000, bytes: 10_000 * KB }, parallelism: 1, lanes: 1 },
    { name: '1: in-process whatever the input', jobs: 1, input: { drafts: 2000, bytes: 10_000 * KB }, parallelism: 8, lanes: 1 },
    { name: '2 on small input: as asked', jobs: 2, input: { drafts: 3, bytes: KB }, parallelism: 8, lanes: 2 },
    { name: 'more than the processors: as asked', jobs: 6, input: { drafts: 100, bytes: KB }, parallelism: 2, lanes: 6 },
    { name: 'more than the drafts: a lane per draft', jobs: 4, input: { drafts: 3, bytes: KB }, parallelism: 8, lanes: 3 },
    { name: 'no drafts', jobs: 4, input: { drafts: 0, bytes: 0 }, parallelism: 8, lanes: 1 },
  ];
  for (const c of cases) it(c.name, () => assert.equal(laneCount(c.jobs, c.input, c.parallelism), c.lanes));

  const values: [string, Jobs | undefined][] = [['auto', 'auto'], ['1', 1], ['12', 12], ['0', undefined], ['-1', undefined], ['1.5', undefined], ['abc', undefined], ['', undefined], ['Auto', undefined]];
  for (const [value, jobs] of values) it(`--jobs ${JSON.stringify(value)} → ${String(jobs)}`, () => assert.equal(parseJobs(value), jobs));
});

describe('--jobs on the command line', () => {
  const rejected: [string[], string][] = [
    [['--jobs', '0'], "copydesk: --jobs takes a number of threads (1 or more) or auto, not '0'\n"],
    [['--jobs=-1'], "copydesk: --jobs takes a number of threads (1 or more) or auto, not '-1'\n"],
    [['-j', 'abc'], "copydesk: --jobs takes a number of threads (1 or more) or auto, not 'abc'\n"],
  ];
  for (const [args, stderr] of rejected) {
    it(`${args.join(' ')}: exit 2, told why`, async () => {
      assert.deepEqual(await runCli([...args, 'draft.md']), { code: 2, stdout: '', stderr });
    });
  }
  it('--jobs -1 (a value that looks like an option): exit 2, told how to write it', async () => {
    const result = await runCli(['--jobs', '-1', 'draft.md']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^copydesk: Option '--jobs' argument is ambiguous\./);
  });
  it('--help lists it with its default', async () => {
    assert.match((await runCli(['--help'])).stdout, /^ {2}-j, --jobs N +check drafts in N worker threads at once; auto \(the default\)/m);
  });
});

/**
 * Drafts written for this test: repeats, loaded words, doubled words, Markdown and plain text, a
 * folder with its own configuration (an unknown rule, told once; an ignore glob), an empty draft,
 * and drafts holding the marks of failOnMarks.cjs.
 */
const DRAFTS: Record<string, string> = {
  'desk/harbour.md': '# Harbour levy passes\n\nThe council slammed the harbour levy on Monday.\n\nThe council slammed the harbour levy on Monday.\n\nThe the levy starts in May.\n',
  'desk/ferry.txt': 'Ferry fares rise in spring\nFerry fares rise in spring The operator said fares would rise by 4 per cent.\n\nMany people say the rise is unfair.\n',
  'desk/school.md': '# School roof\n\nIt is widely believed that the roof will be fixed by June.\n\nThe head teacher said the work would start after the exams.\n',
  'desk/empty.md': '',
  'desk/umbrella.md': 'Rain \u2602 fell on the market square all day.\n\nStallholders said trade was slow.\n\nStallholders said trade was slow.\n',
  'desk/snowman.md': 'Snow \u2603 closed the hill road.\n\nThe road reopened at noon.\n',
  'desk/quotes.md': 'The mayor called the plan "draconian" at the meeting.\n\nShe said: "We were not consulted."\n\nThere is a vote next week.\n',
  'sport/.copydesk.json': '{ "rules": { "no-such-rule": "off", "double-space": "error" }, "ignore": ["archive/**"] }\n',
  'sport/derby.md': 'The derby  ended level after a late goal.\n\nThe manager blasted the referee after the game.\n',
  'sport/cup.txt': 'The cup run ended in the semi-final.\n\nFans said the team had done the club proud.\n',
  'sport/archive/old.md': 'An old report that the configuration ignores.\n\nAn old report that the configuration ignores.\n',
  'sport/rowing.md': 'The rowing club   won three races.\n\nThe club said the win was a shock.\n\nThe club said the win was a shock.\n',
  'wire/storm.md': 'Storm \u2602 warnings were issued for the coast.\n\nSo the ferry was cancelled.\n',
  'wire/long.txt': Array.from({ length: 24 }, (_, i) => `Paragraph ${i % 12} of the long wire report about the harbour, the levy and the vote.`).join('\n\n') + '\n',
};

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function bundle(cwd: string, args: readonly string[], env: Record<string, string> = {}): Outcome {
  const r = spawnSync(process.execPath, ['--require', MARKS, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folder(): string {
  const dir = tempTree(DRAFTS);
  // Not UTF-8: told on stderr and skipped, the same way on every thread.
  writeFileSync(join(dir, 'desk', 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
  return dir;
}

/** Every file under `dir` with its text, to compare what two --fix runs left on disk. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    try {
      out[name] = readFileSync(path, 'latin1');
    } catch {
      // a folder
    }
  }
  return out;
}

describe('one thread and two worker threads say the same (the built bundle)', { skip: built }, () => {
  const dir = built ? '' : folder();
  // Each format once; the other options ride along so that each pair of runs also covers one of them.
  const extra: Record<(typeof FORMATS)[number], string[]> = {
    stylish: ['--max-warnings', '2'],
    json: [],
    sarif: [],
    github: ['sport/archive/old.md', 'desk/missing.md'],
    checkstyle: ['--fail-on', 'warning'],
    junit: ['--quiet'],
  };
  const runs = FORMATS.map((format) => ({ name: `--format ${format} ${extra[format].join(' ')}`.trim(), args: ['--format', format, ...extra[format]] }));
  for (const { name, args } of runs) {
    it(name, () => {
      const one = bundle(dir, ['--jobs', '1', ...args, 'desk', 'sport', 'wire']);
      const two = bundle(dir, ['--jobs', '2', ...args, 'desk', 'sport', 'wire']);
      assert.ok(one.stdout.length > 0, one.stderr);
      assert.match(one.stderr, /the rule 'duplicate-paragraph' failed and was skipped \(an umbrella in the text\)/);
      assert.match(one.stderr, /desk\/snowman\.md: could not be checked \(a snowman in the text\); skipped/);
      assert.deepEqual(two, one);
    });
  }

  it('--fix: the same files rewritten, the same report, the same exit code', () => {
    const first = folder();
    const second = folder();
    const one = bundle(first, ['--jobs', '1', '--fix', '--format', 'json', 'desk', 'sport', 'wire']);
    const two = bundle(second, ['-j', '2', '--fix', '--format', 'json', 'desk', 'sport', 'wire']);
    assert.deepEqual(two, one);
    assert.deepEqual(contents(second), contents(first));
    assert.notDeepEqual(contents(first), contents(folder()), 'something was fixed');
    assert.equal(one.status, 2);
  });

  it('the drafts are checked in the worker threads', () => {
    const one = bundle(dir, ['--jobs', '1', '--format', 'json', 'wire'], { COPYDESK_TEST_MARKS: 'workers' });
    const two = bundle(dir, ['--jobs', '2', '--format', 'json', 'wire'], { COPYDESK_TEST_MARKS: 'workers' });
    assert.equal(one.stderr, '');
    assert.match(two.stderr, /^copydesk: the rule 'duplicate-paragraph' failed and was skipped \(an umbrella in the text\)/);
  });

  it('a worker thread that stops: its draft is named as not checked, the others are reported, exit 2', () => {
    const crash = tempTree({ 'a.md': 'The levy passed.\n', 'b.md': 'A comet \u2604 was seen over the bay.\n', 'c.md': 'The the ferry sailed.\n' });
    const result = bundle(crash, ['--jobs', '2', '--format', 'json', '.']);
    assert.equal(result.stderr, 'copydesk: b.md: could not be checked (its worker thread failed: it stopped with exit code 3); skipped\n');
    assert.deepEqual((JSON.parse(result.stdout) as { file: string }[]).map((f) => f.file), ['a.md', 'c.md']);
    assert.equal(result.status, 2);
  });
});

describe('auto', { skip: built }, () => {
  it('a small run stays in the main thread', () => {
    const dir = tempTree({ 'a.md': 'A comet \u2604 was seen over the bay.\n', 'b.md': 'The levy passed.\n' });
    // ☄ would stop a worker thread; in the main thread it does nothing.
    const result = bundle(dir, ['--format', 'json', '.']);
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
  });
});
