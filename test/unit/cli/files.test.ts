/**
 * @file FILE|DIRECTORY|GLOB arguments: which drafts a folder or a glob stands for, what .gitignore
 * (nested, negated, info/exclude) and the configuration's "ignore" leave out, and that a file named
 * on its own is always checked.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandArguments } from '../../../server/src/cli/files';
import { inDir, runCli, tempTree } from '../../helpers/runCli';

const DRAFT = 'The ferry will run until October, the council said.\n';

/** A git work tree (a .git folder is all the matcher looks for) with `files`. */
function repo(files: Record<string, string>): string {
  const dir = tempTree(files);
  mkdirSync(join(dir, '.git', 'info'), { recursive: true });
  return dir;
}

const expand = (dir: string, args: string[]) => inDir(dir, () => expandArguments(args));
const names = (dir: string, args: string[]) => expand(dir, args).targets.map((t) => t.name);

describe('a directory stands for its drafts', () => {
  const tree = {
    'drafts/a.md': DRAFT,
    'drafts/b.txt': DRAFT,
    'drafts/c.markdown': DRAFT,
    'drafts/d.mdx': DRAFT,
    'drafts/E.MD': DRAFT,
    'drafts/photo.jpg': 'x',
    'drafts/notes.html': DRAFT,
    'drafts/deep/er/f.md': DRAFT,
    'drafts/.hidden/g.md': DRAFT,
    'drafts/.h.md': DRAFT,
    'drafts/node_modules/pkg/readme.md': DRAFT,
  };
  const cases: { name: string; args: string[]; expected: string[] }[] = [
    { name: 'by extension, recursively, sorted', args: ['drafts'], expected: ['drafts/E.MD', 'drafts/a.md', 'drafts/b.txt', 'drafts/c.markdown', 'drafts/d.mdx', 'drafts/deep/er/f.md'] },
    { name: 'written as typed', args: ['./drafts/deep'], expected: ['drafts/deep/er/f.md'] },
    { name: 'a hidden folder named on its own is searched', args: ['drafts/.hidden'], expected: ['drafts/.hidden/g.md'] },
    { name: 'a file named on its own, whatever its extension', args: ['drafts/notes.html'], expected: ['drafts/notes.html'] },
    { name: 'a quoted glob', args: ['drafts/**/*.md'], expected: ['drafts/a.md', 'drafts/deep/er/f.md'] },
    { name: 'a file is checked once however often it is named', args: ['drafts/a.md', 'drafts/*.md', 'drafts'], expected: ['drafts/a.md', 'drafts/E.MD', 'drafts/b.txt', 'drafts/c.markdown', 'drafts/d.mdx', 'drafts/deep/er/f.md'] },
    { name: 'a missing path is kept, to be reported as missing', args: ['nowhere.md'], expected: ['nowhere.md'] },
  ];
  for (const { name, args, expected } of cases) {
    it(`${name}: ${args.join(' ')}`, () => assert.deepEqual(names(repo(tree), args), expected));
  }

  it('a glob that matches nothing and a folder without drafts are reported as empty', () => {
    const dir = repo({ 'empty/photo.jpg': 'x', 'a.md': DRAFT });
    assert.deepEqual(expand(dir, ['*.txt', 'empty', 'a.md']), {
      targets: [{ name: 'a.md', explicit: true }],
      empty: [
        { arg: '*.txt', kind: 'glob' },
        { arg: 'empty', kind: 'directory' },
      ],
    });
  });
});

describe('.gitignore', () => {
  const cases: { name: string; files: Record<string, string>; expected: string[] }[] = [
    { name: 'a root pattern', files: { '.gitignore': 'draft-*.md\n', 'keep.md': DRAFT, 'draft-1.md': DRAFT }, expected: ['keep.md'] },
    { name: 'an ignored folder', files: { '.gitignore': 'archive/\n', 'archive/old.md': DRAFT, 'new.md': DRAFT }, expected: ['new.md'] },
    { name: 'a nested .gitignore, relative to its folder', files: { 'desk/.gitignore': '/tmp.md\n', 'desk/tmp.md': DRAFT, 'desk/sub/tmp.md': DRAFT }, expected: ['desk/sub/tmp.md'] },
    { name: 'a deeper negation wins', files: { '.gitignore': '*.txt\n', 'desk/.gitignore': '!keep.txt\n', 'desk/keep.txt': DRAFT, 'desk/other.txt': DRAFT }, expected: ['desk/keep.txt'] },
    { name: 'nothing inside an ignored folder comes back', files: { '.gitignore': 'archive/\n', 'archive/.gitignore': '!*.md\n', 'archive/old.md': DRAFT, 'a.md': DRAFT }, expected: ['a.md'] },
    { name: '.git/info/exclude', files: { '.git/info/exclude': 'private.md\n', 'private.md': DRAFT, 'public.md': DRAFT }, expected: ['public.md'] },
    { name: 'the root .gitignore over info/exclude', files: { '.git/info/exclude': '*.md\n', '.gitignore': '!public.md\n', 'private.md': DRAFT, 'public.md': DRAFT }, expected: ['public.md'] },
  ];
  for (const { name, files, expected } of cases) {
    it(name, () => {
      const dir = repo(files);
      assert.deepEqual(names(dir, ['.']), expected);
      assert.deepEqual(names(dir, ['**/*.{md,txt}']), expected);
    });
  }

  it('does not apply to a file named on its own', () => {
    const dir = repo({ '.gitignore': 'draft-*.md\n', 'draft-1.md': DRAFT });
    assert.deepEqual(names(dir, ['draft-1.md']), ['draft-1.md']);
  });

  it('outside a git work tree nothing is ignored', () => {
    const dir = tempTree({ '.gitignore': '*.md\n', 'a.md': DRAFT });
    assert.deepEqual(names(dir, ['.']), ['a.md']);
  });

  it('applies from the work tree root when run in a subfolder', () => {
    const dir = repo({ '.gitignore': 'desk/skip.md\n', 'desk/skip.md': DRAFT, 'desk/keep.md': DRAFT });
    assert.deepEqual(inDir(join(dir, 'desk'), () => expandArguments(['.']).targets.map((t) => t.name)), ['keep.md']);
  });
});

describe('copydesk with folders and globs', () => {
  const LOADED = 'The draconian rules hit traders on Monday.\n';
  it('the configuration\'s "ignore" leaves a found draft out silently, a named one with a notice', async () => {
    const dir = repo({ '.copydesk.json': '{ "ignore": ["archive/**"] }', 'archive/old.md': LOADED, 'new.md': LOADED });
    const found = await runCli(['--format', 'json', '.'], { cwd: dir });
    assert.deepEqual((JSON.parse(found.stdout) as { file: string }[]).map((r) => r.file), ['new.md']);
    assert.equal(found.stderr, '');
    const named = await runCli(['--format', 'json', 'archive/old.md'], { cwd: dir });
    assert.match(named.stderr, /archive\/old\.md: ignored by the configuration/);
  });

  it('a glob that matches nothing: exit 2, named on stderr, the rest still checked', async () => {
    const dir = repo({ 'a.md': LOADED });
    const result = await runCli(['--format', 'json', 'drafts/*.md', 'a.md'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'copydesk: drafts/*.md: no files match it (that .gitignore does not ignore)\n');
    assert.deepEqual((JSON.parse(result.stdout) as { file: string }[]).map((r) => r.file), ['a.md']);
  });

  it('--fix rewrites the drafts a folder stands for', async () => {
    const dir = repo({ 'desk/a.md': 'Ferry runs.\n\nFerry runs on Sunday until October.\n\nFerry runs on Sunday until October.\n' });
    writeFileSync(join(dir, '.gitignore'), 'nothing\n');
    await runCli(['--fix', 'desk'], { cwd: dir });
    assert.equal((await runCli(['--format', 'json', '--rule', 'duplicate-paragraph=error', 'desk'], { cwd: dir })).code, 0);
  });
});
