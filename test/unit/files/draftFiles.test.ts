import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_INCLUDE, DraftFilter, draftFilesIn } from '../../../server/src/files/draftFiles';
import { GitIgnores } from '../../../server/src/files/gitignore';
import { nodeFiles } from '../../../server/src/node/files';
import { excludeGlobs, workspaceSettings } from '../../../server/src/lsp/workspaceSettings';

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A workspace folder on disk: path → content (a path ending in / is an empty folder). */
function folder(files: readonly string[], contents: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-drafts-'));
  made.push(root);
  for (const file of files) {
    if (file.endsWith('/')) mkdirSync(join(root, file), { recursive: true });
    else {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), contents[file] ?? '');
    }
  }
  return root;
}

async function drafts(root: string, include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = []): Promise<string[]> {
  const out: string[] = [];
  for await (const file of draftFilesIn(new DraftFilter(root, include, exclude, new GitIgnores(nodeFiles)), nodeFiles)) out.push(file.slice(root.length + 1).split('\\').join('/'));
  return out;
}

describe('draftFilesIn: which files of a workspace folder are drafts', () => {
  const cases: { name: string; files: string[]; contents?: Record<string, string>; include?: string[]; exclude?: string[]; expect: string[] }[] = [
    { name: 'Markdown and text by extension, in path order, folders after files', files: ['b.md', 'a.txt', 'notes.json', 'news/c.markdown', 'news/d.MD', 'e.mdx'], expect: ['a.txt', 'b.md', 'e.mdx', 'news/c.markdown', 'news/d.MD'] },
    { name: 'never node_modules or .git; hidden folders only when a glob names them', files: ['a.md', 'node_modules/pkg/readme.md', '.git/x.md', '.github/template.md'], expect: ['a.md'] },
    { name: 'the include globs decide', files: ['drafts/a.md', 'drafts/old/b.md', 'README.md'], include: ['drafts/**/*.md'], expect: ['drafts/a.md', 'drafts/old/b.md'] },
    { name: 'files.exclude: files and whole folders', files: ['a.md', 'b.md', 'build/c.md', 'x/build/d.md'], exclude: ['b.md', '**/build'], expect: ['a.md'] },
    {
      name: '.gitignore: folders, patterns, negation and nested files',
      files: ['.git/', 'a.md', 'private/b.md', 'c.draft.md', 'keep.draft.md', 'sub/d.md', 'sub/e.md'],
      contents: { '.gitignore': 'private/\n*.draft.md\n!keep.draft.md\n', 'sub/.gitignore': 'e.md\n' },
      expect: ['a.md', 'keep.draft.md', 'sub/d.md'],
    },
    { name: 'outside a git work tree .gitignore means nothing', files: ['a.md', 'private/b.md'], contents: { '.gitignore': 'private/\n' }, expect: ['a.md', 'private/b.md'] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const root = folder([...c.files, ...Object.keys(c.contents ?? {}).filter((f) => !c.files.includes(f))], c.contents);
      assert.deepEqual(await drafts(root, c.include, c.exclude), c.expect);
    });
  }

  it('accepts() answers for one file as the walk does (a watched-file event)', () => {
    const root = folder(['.git/', '.gitignore', 'a.md', 'private/b.md', 'node_modules/c.md', 'build/d.md', 'e.json'], { '.gitignore': 'private/\n' });
    const filter = new DraftFilter(root, DEFAULT_INCLUDE, ['build'], new GitIgnores(nodeFiles));
    const accepted = ['a.md', 'private/b.md', 'node_modules/c.md', 'build/d.md', 'e.json', '../outside.md'].filter((f) => filter.accepts(join(root, f)));
    assert.deepEqual(accepted, ['a.md']);
  });
});

describe('settings the workspace reads', () => {
  it('copydesk.workspace: defaults for anything missing or malformed', () => {
    assert.deepEqual(workspaceSettings(undefined), { include: DEFAULT_INCLUDE, maxFiles: 5000 });
    assert.deepEqual(workspaceSettings({ include: ['**/*.story', 3, ''], maxFiles: 20 }), { include: ['**/*.story'], maxFiles: 20 });
    assert.deepEqual(workspaceSettings({ include: 'x', maxFiles: -1 }), { include: DEFAULT_INCLUDE, maxFiles: 5000 });
  });
  it('files.exclude: the globs set to true', () => {
    assert.deepEqual(excludeGlobs({ '**/.git': true, 'build': true, 'off/**': false, '**/*.js': { when: '$(basename).ts' } }), ['**/.git', 'build']);
    assert.deepEqual(excludeGlobs(null), []);
  });
});
