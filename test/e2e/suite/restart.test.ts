import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, duplicateParagraphs, ensureActive, fixtureUri, openFixture, waitForDiagnostics, waitForDuplicates } from './util';

/** The language server's process ids: children of this extension host running server/out/server.js (Linux /proc). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent; the command name before it may hold spaces, so read after ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('server/out/server.js')) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Polls /proc (no event says a process started) until a server other than `old` runs. */
async function newServer(old: readonly number[], timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = serverPids().filter((p) => !old.includes(p));
    if (now.length === 1) return now[0]!;
    if (Date.now() > deadline) throw new Error(`no new Copydesk server within ${timeoutMs} ms (running: ${serverPids().join(', ') || 'none'})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function kill(pid: number): void {
  process.kill(pid, 'SIGKILL');
}

/** Appends one more copy of the repeated paragraph; only a live server reports it (`copies` in all). */
async function addCopyAndSeeIt(editor: vscode.TextEditor, copies: number): Promise<void> {
  const uri = editor.document.uri;
  const copy = editor.document.lineAt(2).text;
  await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, `\n\n${copy}`));
  await waitForDiagnostics(uri, () => (duplicateParagraphs(uri).length === copies ? true : undefined), `${copies} duplicate-paragraph findings`);
}

suite('a server that crashes', function () {
  suiteSetup(async function () {
    if (process.platform !== 'linux') this.skip();
    await ensureActive();
  });
  suiteTeardown(closeAllEditors);

  test("is started again; the open draft's findings come back and follow edits", async function () {
    this.timeout(60_000);
    const uri = fixtureUri('footbridge.txt');
    const editor = await openFixture('footbridge.txt');
    await waitForDuplicates(uri);
    const [old, ...more] = serverPids();
    assert.ok(old, 'a Copydesk server runs as a child of the extension host');
    assert.deepEqual(more, [], 'one server');
    // The client drops a dead server's diagnostics; seeing them go and come back shows the new server checked the draft.
    const cleared = waitForDiagnostics(uri, () => (duplicateParagraphs(uri).length === 0 ? true : undefined), 'the findings cleared');
    kill(old);
    await cleared;
    await newServer([old]);
    await waitForDuplicates(uri);
    await addCopyAndSeeIt(editor, 2);
  });

  test('five crashes in three minutes: it stays stopped until "Copydesk: Restart server"', async function () {
    this.timeout(120_000);
    const editor = await openFixture('footbridge.txt');
    let copies = duplicateParagraphs(editor.document.uri).length;
    // A restart by hand starts the count again.
    const before = serverPids();
    await vscode.commands.executeCommand('copydesk.restartServer');
    let pid = await newServer(before);
    await addCopyAndSeeIt(editor, ++copies);
    for (let crash = 1; crash <= 4; crash++) {
      kill(pid);
      pid = await newServer([pid]);
      // Answering an edit, it is up and running: the next crash is a crash of a working server.
      await addCopyAndSeeIt(editor, ++copies);
    }
    kill(pid);
    // The fifth crash: the client gives up. A restart comes within a second when it comes at all.
    await new Promise((r) => setTimeout(r, 4_000));
    assert.deepEqual(serverPids(), [], 'not started again after the fifth crash');

    await vscode.commands.executeCommand('copydesk.restartServer');
    await newServer([pid]);
    await addCopyAndSeeIt(editor, ++copies);
  });
});
