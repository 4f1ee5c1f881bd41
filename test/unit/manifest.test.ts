import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/** What the extension promises in package.json: commands, where they show, and the walkthrough. */
const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const commands: { command: string; title: string; category?: string }[] = manifest.contributes.commands;
const palette: { command: string; when: string }[] = manifest.contributes.menus.commandPalette;
const whenOf = (id: string): string | undefined => palette.find((p) => p.command === id)?.when;
const vscodeignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');

describe('package.json: commands', () => {
  it('every command is in the Copydesk category', () => {
    for (const c of commands) assert.equal(c.category, 'Copydesk', c.command);
  });
  const needDraft: [string, RegExp][] = [
    ['copydesk.removeAllDuplicates', /^copydesk\.draftActive$/],
    ['copydesk.fixAll', /^copydesk\.draftActive$/],
    ['copydesk.showReport', /^copydesk\.draftActive \|\| activeWebviewPanelId == 'copydesk\.report'$/],
    ['copydesk.exportReport', /^copydesk\.draftActive \|\| activeWebviewPanelId == 'copydesk\.report'$/],
  ];
  for (const [id, when] of needDraft) {
    it(`${id} shows in the palette only with a draft (or its report)`, () => {
      assert.ok(commands.some((c) => c.command === id), `${id} is not contributed`);
      assert.match(whenOf(id) ?? '', when);
    });
  }
});

describe('package.json: walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs as { steps: { id: string; description: string; media: { markdown: string }; completionEvents: string[] }[] }[];
  it('has the first-use steps in order', () => {
    assert.deepEqual(walkthrough?.steps.map((s) => s.id), ['openDraft', 'seeFindings', 'fixDuplicate', 'openReport', 'configure']);
  });
  for (const step of walkthrough?.steps ?? []) {
    it(`${step.id}: its page exists and ships in the .vsix`, () => {
      assert.ok(existsSync(join(root, step.media.markdown)), step.media.markdown);
      assert.match(step.media.markdown, /^media\/walkthrough\/[a-z-]+\.md$/);
      assert.ok(vscodeignore.includes('!media/walkthrough/*.md'));
    });
    it(`${step.id}: its Copydesk command links name contributed commands`, () => {
      for (const [, id] of step.description.matchAll(/\(command:(copydesk\.[\w.]+)/g)) assert.ok(commands.some((c) => c.command === id), `${id} is not contributed`);
      for (const event of step.completionEvents) {
        const id = /^onCommand:(copydesk\..+)$/.exec(event)?.[1];
        if (id) assert.ok(commands.some((c) => c.command === id), `${event}: ${id} is not contributed`);
      }
    });
  }
  it('the report webview files ship in the .vsix', () => {
    for (const file of ['!client/out/report-webview.js', '!media/report.css']) assert.ok(vscodeignore.includes(file), file);
  });
});
