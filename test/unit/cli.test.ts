/**
 * @file The `copydesk` command: argument handling, output formats, exit codes, --fix on disk and on
 * stdin, unreadable inputs, and one run of the built bundle. Runs `main` in-process with a fake io
 * on drafts written to a fresh temporary directory.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checks } from '../../server/src/checks';
import { main } from '../../server/src/cli/main';
import { DUPLICATE_RULES, onlyRulesArgs } from '../helpers/onlyRules';

/** The message for `--rule bogus=…`: it lists every registered rule. */
const UNKNOWN_BOGUS = `copydesk: --rule: bogus: unknown rule (known: ${checks.map((c) => c.meta.id).join(', ')})\n`;

/** For drafts written for the duplicate rules, whose exact output must not change as rules are added. */
const DUPLICATES_ONLY = onlyRulesArgs(...DUPLICATE_RULES);

const root = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A fresh directory per test, so leftovers (temp files) of one test never hide in another's. */
function draftDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(root, 'case-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(argv: readonly string[], stdin: string | Uint8Array = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: () => (typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin),
    isTty: false,
    version: '0.0.0-test',
  });
  return { code, stdout, stderr };
}

interface JsonEdit {
  start: number;
  end: number;
  text: string;
}
interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes: { title: string; edits: JsonEdit[] }[];
}
interface JsonReport {
  file: string;
  diagnostics: JsonDiagnostic[];
}

function applyEdits(text: string, edits: readonly JsonEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

// A CMS paste: one paragraph per line, the headline pasted twice straight into the lede.
const HEADLINE = 'Kelby Council Approves Night Ferry';
const LEDE = 'The council in Kelby voted on Tuesday to keep the night ferry running until October.';
const QUOTE = 'Councillor Ada Penrose said the vote was closer than expected.';
const DRAFT = `${HEADLINE}\n${HEADLINE}\n${LEDE}\n\n${QUOTE}\n\n${LEDE}\n`;
const FIXED = `${HEADLINE}\n${LEDE}\n\n${QUOTE}\n`;

function stylishFor(file: string, severity: 'error' | 'warning' | 'info' = 'warning'): string {
  const summary = { error: '2 errors, 0 warnings, 0 info', warning: '0 errors, 2 warnings, 0 info', info: '0 errors, 0 warnings, 2 info' }[severity];
  return [
    file,
    `  2:1      ${severity.padEnd(7)}  Repeats the headline at line 1.  duplicate-paragraph`,
    `  7:1      ${severity.padEnd(7)}  Repeats the paragraph at line 3.  duplicate-paragraph`,
    '',
    `✖ 2 problems (${summary}, 0 hints)`,
    '  2 problems fixable with the `--fix` option.',
    '',
  ].join('\n');
}

describe('copydesk: stylish output and exit codes', () => {
  const cases: { args: string[]; code: number; stdout: (file: string) => string }[] = [
    { args: [], code: 0, stdout: (f) => stylishFor(f) },
    { args: ['--fail-on', 'error'], code: 0, stdout: (f) => stylishFor(f) },
    { args: ['--fail-on', 'warning'], code: 1, stdout: (f) => stylishFor(f) },
    { args: ['--fail-on', 'hint'], code: 1, stdout: (f) => stylishFor(f) },
    { args: ['--rule', 'duplicate-paragraph=error'], code: 1, stdout: (f) => stylishFor(f, 'error') },
    { args: ['--rule', 'duplicate-paragraph=info', '--fail-on', 'warning'], code: 0, stdout: (f) => stylishFor(f, 'info') },
    { args: ['--rule', 'duplicate-paragraph=off', '--fail-on', 'hint'], code: 0, stdout: () => '' },
  ];
  for (const { args, code, stdout } of cases) {
    it(`${args.join(' ') || '(defaults)'} → exit ${code}`, async () => {
      const file = join(draftDir({ 'ferry.txt': DRAFT }), 'ferry.txt');
      assert.deepEqual(await run([...args, file]), { code, stdout: stdout(file), stderr: '' });
    });
  }
});

describe('copydesk --format json', () => {
  // CRLF line ends and emoji before and inside the findings: columns must count UTF-16 units.
  const EMOJI_HEAD = 'Flood Warning For Kelby 🌊';
  const FIRST = 'The river rose two metres overnight and the old mill bridge was shut by police before dawn.';
  const SENTENCE = 'Residents of Kelby were told to move cars off the river road.';
  const STORM = 'Storm 🌊 hits Kelby as rain keeps falling on the hills above the town.';
  const SANDBAGS = 'Sandbags 🌊 are handed out at the 🏫 school gates from noon.';
  const text = [EMOJI_HEAD, `${FIRST} ${SENTENCE}`, '', `${STORM} ${SENTENCE}`, '', SANDBAGS, '', SANDBAGS, ''].join('\r\n');

  it('prints exactly the documented shape, with UTF-16 offsets and 1-based UTF-16 columns', async () => {
    const dir = draftDir({ 'flood.txt': text });
    // Not normalised on purpose: `file` must be the path exactly as given.
    const given = `${dir}/./flood.txt`;
    const result = await run([...DUPLICATES_ONLY, '--format', 'json', given]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    assert.ok(result.stdout.endsWith(']\n'));
    const reports = JSON.parse(result.stdout) as JsonReport[];

    assert.equal(reports.length, 1);
    const report = reports[0]!;
    assert.deepEqual(Object.keys(report), ['file', 'diagnostics']);
    assert.equal(report.file, given);
    for (const d of report.diagnostics) {
      assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'start', 'end', 'line', 'column', 'endLine', 'endColumn', 'fixes']);
      for (const fix of d.fixes) {
        assert.deepEqual(Object.keys(fix), ['title', 'edits']);
        for (const edit of fix.edits) assert.deepEqual(Object.keys(edit), ['start', 'end', 'text']);
      }
    }

    const sentenceStart = text.indexOf(`${STORM} ${SENTENCE}`) + STORM.length + 1;
    const sandbagsStart = text.lastIndexOf(SANDBAGS);
    const withoutLastSandbags = [EMOJI_HEAD, `${FIRST} ${SENTENCE}`, '', `${STORM} ${SENTENCE}`, '', SANDBAGS, ''].join('\r\n');
    const withoutRepeatedSentence = text.replace(`${STORM} ${SENTENCE}`, STORM);

    const [sentence, paragraph] = report.diagnostics;
    assert.equal(report.diagnostics.length, 2);
    assert.deepEqual({ ...sentence!, fixes: undefined }, {
      rule: 'duplicate-sentence',
      severity: 'warning',
      message: 'This sentence already appears in the paragraph at line 2.',
      start: sentenceStart,
      end: sentenceStart + SENTENCE.length,
      line: 4,
      // STORM plus a space is 70 characters but 71 UTF-16 units: 🌊 is a surrogate pair.
      column: 72,
      endLine: 4,
      endColumn: 133,
      fixes: undefined,
    });
    assert.equal(text.slice(sentence!.start, sentence!.end), SENTENCE);
    assert.deepEqual(sentence!.fixes.map((f) => [f.title, applyEdits(text, f.edits)]), [['Remove the repeated sentence', withoutRepeatedSentence]]);

    assert.deepEqual({ ...paragraph!, fixes: undefined }, {
      rule: 'duplicate-paragraph',
      severity: 'warning',
      message: 'Repeats the paragraph at line 6.',
      start: sandbagsStart,
      end: sandbagsStart + SANDBAGS.length,
      line: 8,
      column: 1,
      endLine: 8,
      // 58 characters, two of them emoji: 60 UTF-16 units, so the end is at column 61.
      endColumn: 61,
      fixes: undefined,
    });
    assert.equal(text.slice(paragraph!.start, paragraph!.end), SANDBAGS);
    assert.deepEqual(paragraph!.fixes.map((f) => [f.title, applyEdits(text, f.edits)]), [['Remove duplicate paragraph', withoutLastSandbags]]);
  });

  it('lists every file given, in order, including clean ones', async () => {
    const dir = draftDir({ 'a.txt': DRAFT, 'clean.txt': `${LEDE}\n` });
    const result = await run(['--format', 'json', join(dir, 'clean.txt'), join(dir, 'a.txt')]);
    const reports = JSON.parse(result.stdout) as JsonReport[];
    assert.deepEqual(
      reports.map((r) => [r.file, r.diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`)]),
      [
        [join(dir, 'clean.txt'), []],
        [join(dir, 'a.txt'), ['duplicate-paragraph@2:1', 'duplicate-paragraph@7:1']],
      ],
    );
    assert.equal(result.code, 0);
  });
});

describe('copydesk --fix', () => {
  it('removes every copy, changes nothing else, keeps the mode and leaves no temp file', async () => {
    const dir = draftDir({ 'ferry.txt': DRAFT });
    const file = join(dir, 'ferry.txt');
    chmodSync(file, 0o640);
    const result = await run(['--fix', file]);
    assert.deepEqual(result, { code: 0, stdout: '', stderr: '' });
    assert.equal(readFileSync(file, 'utf8'), FIXED);
    assert.deepEqual(readdirSync(dir), ['ferry.txt']);
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  it('is idempotent: a second run leaves the file untouched (not even rewritten)', async () => {
    const dir = draftDir({ 'ferry.txt': DRAFT });
    const file = join(dir, 'ferry.txt');
    await run(['--fix', file]);
    const before = statSync(file);
    const again = await run(['--fix', '--fail-on', 'hint', file]);
    assert.deepEqual(again, { code: 0, stdout: '', stderr: '' });
    assert.equal(readFileSync(file, 'utf8'), FIXED);
    assert.equal(statSync(file).ino, before.ino);
    assert.deepEqual(readdirSync(dir), ['ferry.txt']);
  });

  it('reports what it cannot fix and fails on it', async () => {
    const first = 'The river rose two metres overnight and the old mill bridge was shut by police before dawn.';
    const shared = 'Residents of Kelby were told to move cars off the river road.';
    const later = 'Storm clouds gathered over Kelby as rain kept falling on the hills above the town.';
    const text = `${first} ${shared}\n\n${later} ${shared}\n\n${later} ${shared}\n`;
    const file = join(draftDir({ 'storm.txt': text }), 'storm.txt');
    const result = await run([...DUPLICATES_ONLY, '--fix', '--fail-on', 'warning', file]);
    assert.equal(readFileSync(file, 'utf8'), `${first} ${shared}\n\n${later} ${shared}\n`);
    assert.equal(result.stdout, [file, `  3:84     warning  This sentence already appears in the paragraph at line 1.  duplicate-sentence`, '', '✖ 1 problem (0 errors, 1 warning, 0 info, 0 hints)', ''].join('\n'));
    assert.equal(result.code, 1);
  });

  it('keeps a byte-order mark', async () => {
    const body = 'The Ashby library will close on Sunday for roof repairs.\n\nThe Ashby library will close on Sunday for roof repairs.\n\nBorrowers can return books at the town hall.\n';
    const file = join(draftDir({ 'library.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]) }), 'library.txt');
    const result = await run(['--fix', file]);
    assert.deepEqual(result, { code: 0, stdout: '', stderr: '' });
    assert.deepEqual(
      readFileSync(file),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('The Ashby library will close on Sunday for roof repairs.\n\nBorrowers can return books at the town hall.\n')]),
    );
  });

  it('Markdown: removes a repeated list item and never touches code', async () => {
    const fence = '```';
    const head = ['# Eastmoor bridge vote delayed', '', 'The Eastmoor bridge vote was put back until March after a late objection.', ''];
    const code = [`${fence}text`, 'Reopen the Mill Lane crossing by Friday.', 'Reopen the Mill Lane crossing by Friday.', fence, ''];
    const tail = ['Mayor Lina Ortiz said the delay was regrettable.', ''];
    const list = (items: string[]): string[] => [...items.map((i) => `- ${i}`), ''];
    const meeting = 'Residents asked for a second public meeting.';
    const toll = 'Traders asked for the toll to be scrapped before the bridge opens.';
    const survey = 'The county will publish its traffic survey in April.';
    const text = [...head, ...list([meeting, toll, meeting, survey]), ...code, ...tail].join('\n');
    const expected = [...head, ...list([meeting, toll, survey]), ...code, ...tail].join('\n');

    const file = join(draftDir({ 'bridge.md': text }), 'bridge.md');
    const before = JSON.parse((await run([...DUPLICATES_ONLY, '--format', 'json', file])).stdout) as JsonReport[];
    assert.deepEqual(
      before[0]!.diagnostics.map((d) => [d.rule, d.message, d.line, d.column, text.slice(d.start, d.end)]),
      [['duplicate-paragraph', 'Repeats the list item at line 5.', 7, 3, meeting]],
    );

    assert.deepEqual(await run([...DUPLICATES_ONLY, '--fix', file]), { code: 0, stdout: '', stderr: '' });
    assert.equal(readFileSync(file, 'utf8'), expected);
  });

  it('Markdown: removing the last item of a list does not pull the next paragraph into the list', async () => {
    const meeting = 'Residents asked for a second public meeting.';
    const toll = 'Traders asked for the toll to be scrapped before the bridge opens.';
    const mayor = 'Mayor Lina Ortiz said the delay was regrettable.';
    const file = join(draftDir({ 'list.md': `- ${meeting}\n- ${toll}\n- ${meeting}\n\n${mayor}\n` }), 'list.md');
    await run(['--fix', file]);
    // The blank line must stay: without it the paragraph becomes a lazy continuation of the item.
    assert.equal(readFileSync(file, 'utf8'), `- ${meeting}\n- ${toll}\n\n${mayor}\n`);
  });

  it('rewrites only the files that need it and still reports a bad one', async () => {
    const dir = draftDir({ 'ferry.txt': DRAFT, 'clean.txt': `${LEDE}\n` });
    const cleanBefore = statSync(join(dir, 'clean.txt')).ino;
    const result = await run(['--fix', join(dir, 'missing.txt'), join(dir, 'clean.txt'), join(dir, 'ferry.txt')]);
    assert.equal(result.stderr, `copydesk: ${join(dir, 'missing.txt')}: no such file\n`);
    assert.equal(result.code, 2);
    assert.equal(readFileSync(join(dir, 'ferry.txt'), 'utf8'), FIXED);
    assert.equal(statSync(join(dir, 'clean.txt')).ino, cleanBefore);
    assert.deepEqual(readdirSync(dir).sort(), ['clean.txt', 'ferry.txt']);
  });
});

describe('copydesk: inputs it cannot check', () => {
  const cases: { name: string; make: (dir: string) => string; message: (path: string) => string }[] = [
    { name: 'a missing file', make: (dir) => join(dir, 'nowhere.txt'), message: (p) => `${p}: no such file` },
    {
      name: 'a directory without drafts',
      make: (dir) => (mkdirSync(join(dir, 'drafts')), join(dir, 'drafts')),
      message: (p) => `${p}: no drafts in it (.md .markdown .mdown .mkd .mdx .txt files that .gitignore does not ignore)`,
    },
    {
      name: 'a binary file (contains NUL)',
      make: (dir) => (writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a])), join(dir, 'photo.txt')),
      message: (p) => `${p}: looks like a binary file, not a text draft; skipped`,
    },
    {
      name: 'a file that is not UTF-8',
      make: (dir) => (writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(' opens in Ravenby.\n')])), join(dir, 'latin1.txt')),
      message: (p) => `${p}: is not valid UTF-8 text (save it as UTF-8); skipped`,
    },
  ];
  for (const { name, make, message } of cases) {
    it(`${name}: one stderr line naming it, exit 2, the other files still reported`, async () => {
      const dir = draftDir({ 'ferry.txt': DRAFT });
      const bad = make(dir);
      const good = join(dir, 'ferry.txt');
      const result = await run([bad, good]);
      assert.equal(result.stderr, `copydesk: ${message(bad)}\n`);
      assert.equal(result.stdout, stylishFor(good));
      assert.equal(result.code, 2);

      const json = await run(['--format', 'json', good, bad]);
      assert.deepEqual((JSON.parse(json.stdout) as JsonReport[]).map((r) => [r.file, r.diagnostics.length]), [[good, 2]]);
      assert.equal(json.code, 2);
    });
  }

  it('an empty (or blank) file: a notice on stderr, exit 0', async () => {
    const dir = draftDir({ 'empty.txt': '', 'blank.md': ' \n\n\t\n' });
    const result = await run(['--fail-on', 'hint', join(dir, 'empty.txt'), join(dir, 'blank.md')]);
    assert.deepEqual(result, {
      code: 0,
      stdout: '',
      stderr: `copydesk: ${join(dir, 'empty.txt')}: is empty; nothing to check\ncopydesk: ${join(dir, 'blank.md')}: is empty; nothing to check\n`,
    });
  });
});

describe('copydesk --stdin', () => {
  const fence = '```';
  const meeting = 'Residents of Ravenby asked for a second public meeting.';
  const code = 'Publish the Ravenby survey results.';
  const stdin = `${meeting}\n\n${fence}\n${code}\n${code}\n${fence}\n\n${meeting}\n`;

  it('--stdin-filename picks the name and the format (Markdown ignores code)', async () => {
    const md = await run(['--stdin', '--stdin-filename', 'x.md'], stdin);
    assert.equal(md.stdout, ['x.md', '  8:1      warning  Repeats the paragraph at line 1.  duplicate-paragraph', '', '✖ 1 problem (0 errors, 1 warning, 0 info, 0 hints)', '  1 problem fixable with the `--fix` option.', ''].join('\n'));
    assert.equal(md.stderr, '');
    assert.equal(md.code, 0);

    // As plain text the fenced lines are prose too, so the repeated code line counts.
    const txt = JSON.parse((await run(['--stdin', '--stdin-filename', 'x.txt', '--format', 'json'], stdin)).stdout) as JsonReport[];
    assert.deepEqual(
      txt.map((r) => [r.file, r.diagnostics.map((d) => `${d.rule}@${d.line}`)]),
      [['x.txt', ['duplicate-paragraph@5', 'duplicate-paragraph@8']]],
    );
  });

  it('without a name it is reported as <stdin>, as plain text', async () => {
    const result = await run(['--stdin', '--fail-on', 'warning', '--format', 'json'], DRAFT);
    assert.deepEqual((JSON.parse(result.stdout) as JsonReport[]).map((r) => [r.file, r.diagnostics.length]), [['<stdin>', 2]]);
    assert.equal(result.code, 1);
  });

  it('--fix prints the fixed text and nothing else', async () => {
    assert.deepEqual(await run(['--stdin', '--fix'], DRAFT), { code: 0, stdout: FIXED, stderr: '' });
    assert.deepEqual(await run(['--stdin', '--fix', '--stdin-filename', 'x.md'], stdin), { code: 0, stdout: `${meeting}\n\n${fence}\n${code}\n${code}\n${fence}\n`, stderr: '' });
  });

  it('--fix --fail-on warning with an unfixable finding left', async () => {
    const first = 'The river rose two metres overnight and the old mill bridge was shut by police before dawn.';
    const shared = 'Residents of Kelby were told to move cars off the river road.';
    const later = 'Storm clouds gathered over Kelby as rain kept falling on the hills above the town.';
    const text = `${first} ${shared}\n\n${later} ${shared}\n`;
    // The fixed text goes to stdout; the duplicate-sentence warning left in it still fails the run.
    assert.deepEqual(await run(['--stdin', '--fix', '--fail-on', 'warning'], text), { code: 1, stdout: text, stderr: '' });
  });

  it('rejects binary input like a file', async () => {
    const result = await run(['--stdin', '--stdin-filename', 'wire.txt'], Buffer.from([0x41, 0x00, 0x42]));
    assert.deepEqual(result, { code: 2, stdout: '', stderr: 'copydesk: wire.txt: looks like a binary file, not a text draft; skipped\n' });
  });
});

describe('copydesk: usage errors', () => {
  const cases: { args: (file: string) => string[]; stderr: string | RegExp }[] = [
    { args: (f) => ['--format', 'xml', f], stderr: "copydesk: --format must be one of stylish, json, sarif, github, checkstyle, junit, not 'xml'\n" },
    { args: (f) => ['--fail-on', 'nope', f], stderr: "copydesk: --fail-on must be one of error, warning, info, hint, not 'nope'\n" },
    { args: () => [], stderr: 'copydesk: no files given (try: copydesk draft.md, or --help)\n' },
    { args: (f) => ['--rule', 'x', f], stderr: "copydesk: --rule takes ID=LEVEL (LEVEL: off, error, warning, info, hint), not 'x'\n" },
    { args: (f) => ['--rule', 'duplicate-paragraph=loud', f], stderr: "copydesk: --rule takes ID=LEVEL (LEVEL: off, error, warning, info, hint), not 'duplicate-paragraph=loud'\n" },
    { args: (f) => ['--stdin', f], stderr: 'copydesk: give either --stdin or file names, not both\n' },
    { args: (f) => ['--colour', f], stderr: /^copydesk: Unknown option '--colour'\.[^\n]*\n$/ },
  ];
  for (const { args, stderr } of cases) {
    it(`${args('draft.txt').join(' ') || '(no arguments)'} → exit 2, one line on stderr, nothing on stdout`, async () => {
      const file = join(draftDir({ 'ferry.txt': DRAFT }), 'ferry.txt');
      const result = await run(args(file));
      if (typeof stderr === 'string') assert.equal(result.stderr, stderr);
      else assert.match(result.stderr, stderr);
      assert.equal(result.stdout, '');
      assert.equal(result.code, 2);
    });
  }

  it('--rule bogus=warning → exit 2, one line naming the unknown rule', async () => {
    const file = join(draftDir({ 'ferry.txt': DRAFT }), 'ferry.txt');
    const result = await run(['--rule', 'bogus=warning', file]);
    assert.deepEqual(result, {
      code: 2,
      stdout: '',
      stderr: UNKNOWN_BOGUS,
    });
  });

  it('--rule bogus=warning with two files: the settings problem is told once', async () => {
    const dir = draftDir({ 'a.txt': DRAFT, 'b.txt': DRAFT });
    const result = await run(['--rule', 'bogus=warning', join(dir, 'a.txt'), join(dir, 'b.txt')]);
    assert.equal(result.stderr, UNKNOWN_BOGUS);
    assert.equal(result.code, 2);
  });

  it('--rule duplicate-paragraph=off silences the rule; the last --rule for an id wins', async () => {
    const file = join(draftDir({ 'ferry.txt': DRAFT }), 'ferry.txt');
    assert.deepEqual(await run(['--rule', 'duplicate-paragraph=off', '--fail-on', 'hint', file]), { code: 0, stdout: '', stderr: '' });
    assert.equal((await run(['--rule', 'duplicate-paragraph=off', '--rule', 'duplicate-paragraph=error', file])).code, 1);
  });
});

describe('copydesk --help / --version', () => {
  for (const flag of ['--help', '-h']) {
    it(`${flag} prints the usage on stdout, exit 0`, async () => {
      const result = await run([flag]);
      assert.equal(result.code, 0);
      assert.equal(result.stderr, '');
      assert.ok(result.stdout.startsWith('Usage: copydesk [options] FILE|DIRECTORY|GLOB...\n'), result.stdout);
      assert.ok(result.stdout.endsWith('\n'));
      for (const option of ['--format', '--fix', '--fail-on', '--rule', '--stdin', '--stdin-filename', '--version', '--help']) {
        assert.ok(result.stdout.includes(`  ${option}`) || result.stdout.includes(`, ${option}`), `usage mentions ${option}`);
      }
    });
  }
  for (const flag of ['--version', '-v']) {
    it(`${flag} prints the version, exit 0`, async () => {
      assert.deepEqual(await run([flag]), { code: 0, stdout: '0.0.0-test\n', stderr: '' });
    });
  }
});

describe('copydesk on a 5 MB draft', () => {
  /** Deterministic invented words, so every paragraph differs and no word pair is common. */
  function* words(seed: number): Generator<string> {
    let s = seed >>> 0;
    const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'der', 'bel', 'mor', 'tan', 'gri', 'pol', 'wen', 'hu', 'zo', 'fa', 'qui', 'ost'];
    for (;;) {
      let w = '';
      const n = 2 + (s % 3);
      for (let i = 0; i < n; i++) {
        s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
        w += syllables[s % syllables.length];
      }
      yield w;
    }
  }

  it('reports exactly the planted repeats', async () => {
    const gen = words(20240611);
    const paragraphs: string[] = [];
    let size = 0;
    while (size < 5_000_000) {
      const sentences: string[] = [];
      for (let k = 0; k < 3; k++) {
        const ws = Array.from({ length: 12 }, () => gen.next().value as string);
        sentences.push(ws.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.');
      }
      const p = sentences.join(' ');
      paragraphs.push(p);
      size += p.length + 2;
    }
    // Repeats planted far apart and never next to each other, so each is its own finding.
    for (const [from, at] of [
      [10, 5_000],
      [2_000, 9_000],
      [7_500, paragraphs.length - 100],
    ] as const) {
      paragraphs.splice(at, 0, paragraphs[from]!);
    }
    const text = paragraphs.join('\n\n') + '\n';
    assert.ok(text.length > 5_000_000);
    const file = join(draftDir({ 'big.txt': text }), 'big.txt');

    const expected: [string, number, number, number][] = [];
    const seen = new Set<string>();
    let offset = 0;
    paragraphs.forEach((p, i) => {
      if (seen.has(p)) expected.push(['duplicate-paragraph', offset, offset + p.length, 2 * i + 1]);
      seen.add(p);
      offset += p.length + 2;
    });
    assert.equal(expected.length, 3);

    const result = await run([...DUPLICATES_ONLY, '--format', 'json', '--fail-on', 'warning', file]);
    assert.equal(result.stderr, '');
    const [report] = JSON.parse(result.stdout) as JsonReport[];
    assert.deepEqual(
      report!.diagnostics.map((d) => [d.rule, d.start, d.end, d.line]),
      expected,
    );
    assert.equal(result.code, 1);
  });
});

describe('the built bundle (server/out/cli.js)', () => {
  const cli = join(__dirname, '../../server/out/cli.js');
  it('exits 0 / 1 / 2 as documented and prints JSON', (t) => {
    if (!existsSync(cli)) return t.skip('server/out/cli.js is not built; run `npm run build` first');
    const dir = draftDir({ 'ferry.txt': DRAFT });
    const file = join(dir, 'ferry.txt');
    const node = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
      // FORCE_COLOR (set by some CI services) would win over NO_COLOR: the output must be plain here.
      const { FORCE_COLOR: _, ...env } = process.env;
      const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };

    assert.deepEqual(node([file]), { status: 0, stdout: stylishFor(file), stderr: '' });
    const failing = node(['--fail-on', 'warning', '--format', 'json', file]);
    assert.equal(failing.status, 1);
    assert.deepEqual((JSON.parse(failing.stdout) as JsonReport[]).map((r) => [r.file, r.diagnostics.map((d) => d.line)]), [[file, [2, 7]]]);
    assert.deepEqual(node(['--format', 'xml', file]), { status: 2, stdout: '', stderr: "copydesk: --format must be one of stylish, json, sarif, github, checkstyle, junit, not 'xml'\n" });

    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    assert.deepEqual(node(['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('copydesk: configuration files', () => {
  const LOADED = 'The draconian rules hit traders on Monday.\n';
  const ids = (r: Run) => (JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }[]).flatMap((f) => f.diagnostics.map((x) => x.rule));

  it('the nearest .copydesk.json applies; --no-config ignores it; --rule sits over it', async () => {
    const dir = draftDir({ '.copydesk.json': '{ // house style\n "rules": { "loaded-language": "off" } }', 'a.txt': LOADED });
    assert.ok(!ids(await run(['--format', 'json', join(dir, 'a.txt')])).includes('loaded-language'));
    assert.ok(ids(await run(['--format', 'json', '--no-config', join(dir, 'a.txt')])).includes('loaded-language'));
    assert.ok(ids(await run(['--format', 'json', '--rule', 'loaded-language=hint', join(dir, 'a.txt')])).includes('loaded-language'));
  });

  it('--config PATH is used instead of the nearest file', async () => {
    const dir = draftDir({ 'house.json': '{ "rules": { "unattributed-claim": "off" } }', 'a.txt': LOADED });
    const found = ids(await run(['--format', 'json', '--config', join(dir, 'house.json'), join(dir, 'a.txt')]));
    assert.ok(found.includes('loaded-language') && !found.includes('unattributed-claim'), found.join());
  });

  it('problems are printed with line and column, once, and the valid parts still apply', async () => {
    const dir = draftDir({ '.copydesk.json': '{\n  "rules": {\n    "loaded-langage": "off",\n    "unattributed-claim": "off"\n  }\n}', 'a.txt': LOADED, 'b.txt': LOADED });
    const result = await run(['--format', 'json', join(dir, 'a.txt'), join(dir, 'b.txt')]);
    assert.equal(result.stderr.match(/loaded-langage/g)?.length, 1, result.stderr);
    assert.match(result.stderr, /\.copydesk\.json:3:5: warning: Unknown rule 'loaded-langage': did you mean 'loaded-language'\?/);
    assert.ok(!ids(result).includes('unattributed-claim'));
    assert.notEqual(result.code, 2);
  });

  it('a file that is not JSON at all exits 2; a missing --config exits 2', async () => {
    const dir = draftDir({ '.copydesk.json': 'rules: off', 'a.txt': LOADED });
    assert.equal((await run([join(dir, 'a.txt')])).code, 2);
    assert.match((await run(['--config', join(dir, 'nope.json'), join(dir, 'a.txt')])).stderr, /--config: .*nope\.json: not found/);
  });

  it('drafts matching "ignore" are skipped with a notice', async () => {
    const dir = draftDir({ '.copydesk.json': '{ "ignore": ["*.old.txt"] }', 'a.old.txt': LOADED });
    const result = await run([join(dir, 'a.old.txt')]);
    assert.match(result.stderr, /a\.old\.txt: ignored by the configuration/);
    assert.equal(result.code, 0);
  });
});
