/**
 * @file A long draft over stdio: the server sends at most copydesk.maxDiagnostics diagnostics (VS
 * Code's own limit, 1,000, by default), one of them saying how many were left out; the lines the
 * client says are on screen, and the place last edited, keep every finding; 0 sends them all.
 * Needs `npm run build` (npm test builds first).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { longDraft } from '../../e2e/suite/drafts';
import { serverBuilt, startServer, type TestServer } from '../../helpers/lspClient';

const skip = serverBuilt() ? false : 'server/out/server.js is not built; run `npm run build` first';
const URI = 'file:///long/manuscript.txt';
const PARAGRAPHS = 1200;

const TEXT = longDraft(PARAGRAPHS);

async function pull(server: TestServer): Promise<Diagnostic[]> {
  const report = await server.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI } }, 60_000);
  return (report as { items: Diagnostic[] }).items;
}
const onLine = (items: readonly Diagnostic[], line: number) => items.filter((d) => d.range.start.line === line && d.code);

describe('a long draft over stdio: the diagnostics budget', { skip, timeout: 180_000 }, () => {
  it('all findings with copydesk.maxDiagnostics 0; 1,000 by default, one of them the notice', async () => {
    const everything = await startServer(undefined, { settings: { maxDiagnostics: 0 } });
    const limited = await startServer();
    try {
      for (const server of [everything, limited]) await server.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: TEXT } });
      const all = await pull(everything);
      assert.ok(all.length >= 2 * PARAGRAPHS, `${all.length} findings`);
      assert.ok(all.every((d) => d.code), 'no notice when nothing is left out');

      const shown = await pull(limited);
      assert.equal(shown.length, 1000);
      const notices = shown.filter((d) => d.code === undefined);
      assert.equal(notices.length, 1);
      assert.match(String(notices[0]!.message), new RegExp(`${(all.length - 999).toLocaleString('en-US')} of this draft's ${all.length.toLocaleString('en-US')} findings are not shown`));
      // Every diagnostic sent is one of the full set, unchanged.
      const key = (d: Diagnostic) => JSON.stringify(d);
      const full = new Set(all.map(key));
      assert.ok(shown.filter((d) => d.code).every((d) => full.has(key(d))));

      // Lines near the end, on screen: all their findings are sent (none of them were before).
      const line = 2 * (PARAGRAPHS - 10);
      assert.equal(onLine(shown, line).length, 0);
      await limited.notify('copydesk/visibleRanges', { uri: URI, ranges: [{ start: { line, character: 0 }, end: { line: line + 4, character: 0 } }] });
      const scrolled = await pull(limited);
      assert.equal(scrolled.length, 1000);
      for (let l = line; l <= line + 4; l++) assert.deepEqual(onLine(scrolled, l).map(key), onLine(all, l).map(key), `line ${l}`);

      // An edit in the middle: its paragraph's findings are sent too.
      const middle = 2 * Math.floor(PARAGRAPHS / 2);
      assert.equal(onLine(scrolled, middle).length, 0);
      await limited.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, text: 'So ' }] });
      const edited = await pull(limited);
      assert.ok(onLine(edited, middle).length >= 2, 'the edited paragraph keeps its findings');
      assert.ok(onLine(edited, line).length >= 2, 'and the lines on screen keep theirs');
    } finally {
      await everything.stop();
      await limited.stop();
    }
  });
});
