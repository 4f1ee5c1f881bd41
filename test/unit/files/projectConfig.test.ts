import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lintText } from '../../../server/src/api';
import { ProjectConfigs } from '../../../server/src/files/projectConfig';
import { diskSource } from '../../../server/src/node/files';

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A workspace on disk: path → content. */
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-config-'));
  made.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const configs = (root: string, trusted = true) => new ProjectConfigs(diskSource, () => [root], () => trusted);
const severityIn = (layers: object[]) => lintText('The draconian rules hit traders.\n', 'plaintext', { project: layers as never }).findings.find((f) => f.checkId === 'loaded-language')?.severity ?? 'none';

describe('.copydesk.json on disk', () => {
  it('the nearest file wins over one further up', () => {
    const root = workspace({
      '.copydesk.json': '{ "rules": { "loaded-language": "off" } }',
      'sport/.copydesk.json': '{ "rules": { "loaded-language": "hint" } }',
      'sport/match.md': '',
      'news/story.md': '',
    });
    const c = configs(root);
    assert.equal(severityIn([...c.forFile(join(root, 'sport/match.md')).layers]), 'hint');
    assert.equal(severityIn([...c.forFile(join(root, 'news/story.md')).layers]), 'none');
  });

  it('nothing outside the workspace roots is read', () => {
    const outer = workspace({ '.copydesk.json': '{ "rules": { "loaded-language": "off" } }', 'inner/story.md': '' });
    const c = new ProjectConfigs(diskSource, () => [join(outer, 'inner')], () => true);
    assert.equal(c.forFile(join(outer, 'inner/story.md')).file, undefined);
  });

  it('extends: a file in the workspace when trusted; skipped and said when not', () => {
    const root = workspace({ 'house.json': '{ "rules": { "loaded-language": "info" } }', '.copydesk.json': '{ "extends": ["./house.json"] }', 'a.md': '' });
    assert.equal(severityIn([...configs(root).forFile(join(root, 'a.md')).layers]), 'info');
    const untrusted = configs(root, false).forFile(join(root, 'a.md'));
    assert.equal(severityIn([...untrusted.layers]), 'warning');
    assert.deepEqual(untrusted.untrustedSkips, [".copydesk.json extends './house.json'"]);
  });

  it('extends: outside the workspace, loops and missing files are problems, not crashes', () => {
    const root = workspace({ 'a.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./a.json" }', '.copydesk.json': '{ "extends": ["./a.json", "../../etc/x.json", "./missing.json"] }', 'd.md': '' });
    const messages = configs(root).forFile(join(root, 'd.md')).problems.map((p) => p.problem.message);
    assert.ok(messages.some((m) => /outside the workspace/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /loop/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /not found/.test(m)), messages.join('\n'));
  });

  it('ignore globs are relative to the config file', () => {
    const root = workspace({ '.copydesk.json': '{ "ignore": ["archive/**", "*.draft.md"] }', 'archive/2019/old.md': '', 'news/a.draft.md': '', 'news/a.md': '' });
    const c = configs(root);
    const ignored = (f: string) => c.isIgnored(join(root, f), c.forFile(join(root, f)));
    assert.deepEqual(['archive/2019/old.md', 'news/a.draft.md', 'news/a.md'].map(ignored), [true, true, false]);
  });

  it('broken JSON: the readable part is used, with an error where the parser stopped', () => {
    const root = workspace({ '.copydesk.json': '{ "rules": { "loaded-language": "off", ', 'a.md': '' });
    const config = configs(root).forFile(join(root, 'a.md'));
    assert.equal(config.fatal, false);
    assert.equal(config.problems[0]?.problem.severity, 'error');
    assert.equal(severityIn([...config.layers]), 'none');
  });

  it('not JSON at all: fatal, nothing used', () => {
    const root = workspace({ '.copydesk.json': 'rules: off', 'a.md': '' });
    const config = configs(root).forFile(join(root, 'a.md'));
    assert.equal(config.fatal, true);
    assert.equal(severityIn([...config.layers]), 'warning');
  });

  it('forget() re-reads after a change', () => {
    const root = workspace({ '.copydesk.json': '{ "rules": { "loaded-language": "off" } }', 'a.md': '' });
    const c = configs(root);
    assert.equal(severityIn([...c.forFile(join(root, 'a.md')).layers]), 'none');
    writeFileSync(join(root, '.copydesk.json'), '{ "rules": { "loaded-language": "hint" } }');
    c.forget();
    assert.equal(severityIn([...c.forFile(join(root, 'a.md')).layers]), 'hint');
  });
});
