import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workerUris } from '../../../server/src/browser/uris';

describe('workerUris: a URI of any scheme as a path, and back', () => {
  const cases: { uri: string; path: string | undefined }[] = [
    { uri: 'vscode-vfs://github/owner/repo/news/a.md', path: '/vscode-vfs/github/owner/repo/news/a.md' },
    { uri: 'vscode-vfs://github/owner/repo', path: '/vscode-vfs/github/owner/repo' },
    { uri: 'vscode-test-web://mount/', path: '/vscode-test-web/mount' },
    { uri: 'file:///home/desk/draft.txt', path: '/file/~/home/desk/draft.txt' },
    { uri: 'vscode-remote://127.0.0.1%3A8080/srv/ws/a%20b.md', path: '/vscode-remote/127.0.0.1%3A8080/srv/ws/a b.md' },
    { uri: 'untitled:Untitled-1', path: undefined },
  ];
  for (const c of cases) {
    it(`${c.uri} is ${c.path ?? 'no path'}`, () => {
      assert.equal(workerUris.pathOf(c.uri), c.path);
      if (c.path !== undefined) assert.equal(workerUris.pathOf(workerUris.uriOf(c.path)), c.path);
    });
  }
  it('spells a URI back as VS Code does', () => {
    assert.equal(workerUris.uriOf('/vscode-vfs/github/owner/repo/news/a.md'), 'vscode-vfs://github/owner/repo/news/a.md');
    assert.equal(workerUris.uriOf('/file/~/home/desk/a (2).md'), 'file:///home/desk/a%20%282%29.md');
  });
  it('keeps repositories apart: going up never leaves the authority', () => {
    const a = workerUris.pathOf('vscode-vfs://github/owner/one/a.md')!;
    const b = workerUris.pathOf('vscode-vfs://github/owner/two/a.md')!;
    assert.notEqual(a, b);
    assert.ok(a.startsWith('/vscode-vfs/github/owner/one/'));
  });
});
