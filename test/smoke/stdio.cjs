/**
 * @file Drives the bundled server (server/out/server.js) over stdio the way real editors do: a pull
 * client (VS Code), a push-only client (Neovim 0.7), and a few requests a server must survive. It
 * catches wiring and bundling errors that unit tests cannot. Run `npm run build` first.
 */
'use strict';
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const rpc = require('vscode-jsonrpc/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const SERVER = path.join(__dirname, '../../server/out/server.js');
const OVERALL_TIMEOUT_MS = 30_000;
const WAIT_MS = 5_000;

const HEADLINE = 'Ravenby Library To Close For Repairs';
const LEDE = 'The Ravenby library will close on Sunday for roof repairs, the council said.';
const BORROWERS = 'Borrowers can return books at the town hall until the end of March.';
const DRAFT = `${HEADLINE}\n${LEDE}\n\n${BORROWERS}\n\n${LEDE}\n`;
const WITHOUT_COPY = `${HEADLINE}\n${LEDE}\n\n${BORROWERS}\n`;
const COPY_RANGE = { start: { line: 5, character: 0 }, end: { line: 5, character: LEDE.length } };

let passed = 0;
let failed = 0;
const children = new Set();

/** Runs one named check; a failure ends its scenario, since later checks build on it. */
async function check(name, fn) {
  try {
    const value = await fn();
    passed++;
    console.log(`ok   ${name}`);
    return value;
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n${String(error && error.stack ? error.stack : error).replace(/^/gm, '     ')}`);
    throw new ScenarioAborted();
  }
}
class ScenarioAborted extends Error {}

function startServer() {
  // As a command, through its #! line and the Node flags there, as `copydesk-language-server` runs
  // (Windows has no #! lines: npm's shim reads it there).
  const child = process.platform === 'win32' ? spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }) : spawn(SERVER, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // A server that dies must fail the pending check at once, not after the overall timeout.
  let stopping = false;
  let rejectDied;
  const died = new Promise((_, reject) => (rejectDied = reject));
  died.catch(() => {});
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) rejectDied(new Error(`server exited (code ${code}, signal ${signal})${stderr ? `; stderr:\n${stderr}` : ''}`));
  });
  child.stdin.on('error', () => {}); // EPIPE after a crash; reported through `died`
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));

  // Everything the server sent, notifications and requests alike, in order.
  const received = [];
  const waiters = new Set();
  const receive = (method, params) => {
    received.push({ method, params });
    for (const w of waiters) w();
  };
  conn.onNotification(receive);
  const applyEdits = [];
  conn.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  conn.onRequest('workspace/applyEdit', (params) => (applyEdits.push(params), receive('workspace/applyEdit', params), { applied: true }));
  // vscode-languageserver sends show*Message as a request (with no actions), not as a notification.
  for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'window/showMessageRequest', 'workspace/diagnostic/refresh']) {
    conn.onRequest(method, (params) => (receive(method, params), null));
  }
  conn.listen();

  /** The first message from index `since` on that matches; rejects after WAIT_MS. */
  function waitFor(method, matches, since) {
    return new Promise((resolve, reject) => {
      const look = () => {
        const found = received.slice(since).find((n) => n.method === method && matches(n.params));
        if (!found) return;
        clearTimeout(timer);
        waiters.delete(look);
        resolve(found.params);
      };
      const timer = setTimeout(() => {
        waiters.delete(look);
        reject(new Error(`no ${method} matching within ${WAIT_MS} ms; got: ${JSON.stringify(received.slice(since).map((n) => n.method))}`));
      }, WAIT_MS);
      waiters.add(look);
      died.catch((error) => {
        clearTimeout(timer);
        waiters.delete(look);
        reject(error);
      });
      look();
    });
  }

  const request = (method, params) => Promise.race([conn.sendRequest(method, params), died]);

  async function stop() {
    stopping = true;
    const gone = () => child.exitCode !== null || child.signalCode !== null;
    if (gone()) return conn.dispose();
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      await conn.sendNotification('exit');
    } catch {
      // the server may already be gone; it is killed below either way
    }
    conn.dispose();
    if (!gone()) await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 2_000))]);
    if (!gone()) child.kill();
  }

  return { conn, request, received, waitFor, applyEdits, stop, stderr: () => stderr };
}

function initializeParams(capabilities) {
  return { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities, clientInfo: { name: 'copydesk-smoke' } };
}

function applyLocally(text, version, edits) {
  return TextDocument.applyEdits(TextDocument.create('file:///local', 'plaintext', version, text), edits);
}

/** The single TextDocumentEdit of a versioned workspace edit. */
function onlyDocumentEdit(edit, uri, version) {
  assert.deepEqual(Object.keys(edit), ['documentChanges']);
  assert.equal(edit.documentChanges.length, 1);
  assert.deepEqual(edit.documentChanges[0].textDocument, { uri, version });
  return edit.documentChanges[0].edits;
}

async function pullClient() {
  const server = startServer();
  const { conn } = server;
  const uri = 'file:///smoke/library.txt';
  try {
    await check('pull: initialize advertises incremental sync, pull diagnostics, code actions and the command', async () => {
      const { capabilities } = await server.request('initialize', initializeParams({
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, versionSupport: true },
          codeAction: { isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, executeCommand: {} },
        window: { workDoneProgress: true },
      }));
      assert.equal(capabilities.textDocumentSync, 2);
      assert.deepEqual(capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
      assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.copydesk'] });
      assert.equal(capabilities.hoverProvider, true);
      assert.deepEqual(capabilities.executeCommandProvider, { commands: ['copydesk.server.removeDuplicates', 'copydesk.server.refresh'] });
    });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: DRAFT } });

    const diagnostic = await check('pull: one duplicate-paragraph, with the Unnecessary tag, docs link and the first copy', async () => {
      const report = await server.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(report.items, [
        {
          range: COPY_RANGE,
          severity: 2,
          source: 'copydesk',
          code: 'duplicate-paragraph',
          message: 'Repeats the paragraph at line 2.',
          codeDescription: { href: 'https://github.com/copydesk/copydesk/blob/main/docs/rules/duplicate-paragraph.md' },
          tags: [1],
          relatedInformation: [{ location: { uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: LEDE.length } } }, message: 'First copy of this paragraph.' }],
        },
      ]);
      return report.items[0];
    });

    const edits = await check('pull: the preferred quick fix is a documentChanges edit pinned to version 1', async () => {
      const actions = await server.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const fix = actions.find((a) => a.title === 'Remove duplicate paragraph');
      assert.ok(fix, `no 'Remove duplicate paragraph' among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(fix.kind, 'quickfix');
      assert.equal(fix.isPreferred, true);
      assert.deepEqual(fix.diagnostics, [diagnostic]);
      const fixEdits = onlyDocumentEdit(fix.edit, uri, 1);
      assert.equal(applyLocally(DRAFT, 1, fixEdits), WITHOUT_COPY);
      return fixEdits;
    });

    await check('pull: hover on the finding explains the rule and links its page; elsewhere nothing', async () => {
      const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start });
      assert.ok(hover && /duplicate-paragraph/.test(hover.contents.value), JSON.stringify(hover));
      assert.match(hover.contents.value, /docs\/rules\/duplicate-paragraph\.md/);
      assert.deepEqual(hover.range, diagnostic.range);
      const none = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.equal(none, null);
    });

    await check('pull: copydesk/articleReport for version 1 maps the copy to its original, with LSP ranges', async () => {
      const result = await server.request('copydesk/articleReport', { textDocument: { uri, version: 1 } });
      assert.equal(result.kind, 'report');
      assert.deepEqual([result.uri, result.version, result.title], [uri, 1, 'library.txt']);
      assert.deepEqual(result.report.counts, { duplicate: 1, loaded: 0, unattributed: 0, style: 0 });
      assert.deepEqual(result.report.map.map((p) => [p.number, p.kind, p.line]), [[1, 'heading', 1], [2, 'paragraph', 2], [3, 'paragraph', 4], [4, 'paragraph', 6]]);
      assert.deepEqual(result.report.map[3].copyOf, { number: 2, line: 2, exact: true });
      assert.deepEqual(result.report.map[3].range, COPY_RANGE);
      assert.equal(result.markdown, undefined);
      const summary = await server.request('copydesk/articleReport', { textDocument: { uri, version: 1 }, detail: 'summary', markdown: true });
      assert.equal(summary.report.map, undefined);
      assert.equal(summary.report.words, result.report.words);
      assert.match(summary.markdown, /^# Article report: library\.txt\n/);
    });

    await check('pull: copydesk/articleReport refuses a version the draft is not at (ContentModified)', async () => {
      await assert.rejects(server.request('copydesk/articleReport', { textDocument: { uri, version: 7 } }), (error) => {
        assert.equal(error.code, -32801);
        assert.match(error.message, /version 7 of library\.txt, but the draft is now at version 1/);
        return true;
      });
      await assert.rejects(server.request('copydesk/articleReport', { textDocument: { uri: 'file:///smoke/never-opened.txt', version: 1 } }), (error) => error.code === rpc.ErrorCodes.InvalidParams);
    });

    await check('pull: after the fix is sent as an incremental change (version 2), no diagnostics', async () => {
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
      });
      const report = await server.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(report.items, []);
    });

    // Version 3 pastes the copy back, so there is something to fix again.
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: `\n${LEDE}\n` }],
    });
    const v3 = `${WITHOUT_COPY}\n${LEDE}\n`;
    const v4 = `${HEADLINE}\n${LEDE}\n\nUPDATE: ${BORROWERS}\n\n${LEDE}\n`;

    await check('pull: an action computed for version 3 still names version 3 after the draft moved on to 4', async () => {
      const report = await server.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(report.items.map((d) => [d.code, d.range]), [['duplicate-paragraph', COPY_RANGE]]);
      const actions = await server.request('textDocument/codeAction', { textDocument: { uri }, range: report.items[0].range, context: { diagnostics: report.items } });
      const stale = actions.find((a) => a.title === 'Remove duplicate paragraph');
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 4 },
        contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'UPDATE: ' }],
      });
      // An editor compares this version with its own (4) and refuses the edit.
      assert.equal(applyLocally(v3, 3, onlyDocumentEdit(stale.edit, uri, 3)), WITHOUT_COPY);
      const fresh = await server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      assert.deepEqual(fresh.map((a) => a.kind), ['source.fixAll.copydesk']);
      assert.equal(applyLocally(v4, 4, onlyDocumentEdit(fresh[0].edit, uri, 4)), `${HEADLINE}\n${LEDE}\n\nUPDATE: ${BORROWERS}\n`);
    });

    await check('pull: removeDuplicates for a stale version changes nothing and says so', async () => {
      const since = server.received.length;
      await server.request('workspace/executeCommand', { command: 'copydesk.server.removeDuplicates', arguments: [uri, 3] });
      const message = await server.waitFor('window/showMessageRequest', () => true, since);
      assert.deepEqual(message, { type: 2, message: 'Copydesk: the draft changed while removing duplicates; nothing was changed. Try again.', actions: [] });
      assert.equal(server.applyEdits.length, 0);
    });

    await check('pull: removeDuplicates sends workspace/applyEdit removing the copies of version 4', async () => {
      const result = await server.request('workspace/executeCommand', { command: 'copydesk.server.removeDuplicates', arguments: [uri, 4] });
      assert.equal(result, null);
      assert.equal(server.applyEdits.length, 1);
      const { label, edit } = server.applyEdits[0];
      assert.equal(label, 'Remove all duplicate paragraphs');
      assert.equal(applyLocally(v4, 4, onlyDocumentEdit(edit, uri, 4)), `${HEADLINE}\n${LEDE}\n\nUPDATE: ${BORROWERS}\n`);
    });

    await check('robust: code actions and diagnostics for a document never opened are empty', async () => {
      const other = 'file:///smoke/never-opened.txt';
      const actions = await server.request('textDocument/codeAction', { textDocument: { uri: other }, range: COPY_RANGE, context: { diagnostics: [diagnostic] } });
      assert.deepEqual(actions, []);
      assert.deepEqual(await server.request('textDocument/diagnostic', { textDocument: { uri: other } }), { kind: 'full', items: [] });
    });

    await check('robust: an unknown request gets MethodNotFound and the server keeps answering', async () => {
      await assert.rejects(server.request('copydesk/noSuchRequest', { x: 1 }), (error) => error.code === rpc.ErrorCodes.MethodNotFound);
      const report = await server.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(report.items.map((d) => d.code), ['duplicate-paragraph']);
    });
  } catch (error) {
    if (!(error instanceof ScenarioAborted)) throw error;
    if (server.stderr()) console.log(`     server stderr:\n${server.stderr().replace(/^/gm, '     ')}`);
  } finally {
    await server.stop();
  }
}

async function pushClient() {
  const server = startServer();
  const { conn } = server;
  const uri = 'file:///smoke/library-push.txt';
  try {
    await check('push: initialize without textDocument.diagnostic offers no diagnosticProvider', async () => {
      const { capabilities } = await server.request('initialize', initializeParams({
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
      }));
      assert.equal(capabilities.diagnosticProvider, undefined);
      assert.equal(capabilities.textDocumentSync, 2);
    });
    await conn.sendNotification('initialized', {});

    await check('push: didOpen → publishDiagnostics with the finding (no codeDescription: not advertised)', async () => {
      const since = server.received.length;
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: DRAFT } });
      const published = await server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0, since);
      assert.equal(published.version, 1);
      assert.deepEqual(
        published.diagnostics.map((d) => [d.code, d.range, d.tags, d.relatedInformation.length, 'codeDescription' in d]),
        [['duplicate-paragraph', COPY_RANGE, [1], 1, false]],
      );
    });

    await check('push: didChange removing the copy → publishDiagnostics with an empty list for version 2', async () => {
      const since = server.received.length;
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 3, character: BORROWERS.length }, end: COPY_RANGE.end }, text: '' }],
      });
      const published = await server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
      assert.deepEqual(published, { uri, diagnostics: [], version: 2 });
    });

    await check('push: didClose clears the document’s diagnostics', async () => {
      const since = server.received.length;
      await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const published = await server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
      assert.deepEqual(published.diagnostics, []);
    });
  } catch (error) {
    if (!(error instanceof ScenarioAborted)) throw error;
    if (server.stderr()) console.log(`     server stderr:\n${server.stderr().replace(/^/gm, '     ')}`);
  } finally {
    await server.stop();
  }
}

/** A workspace folder of drafts: reused-paragraph across them, and "Check all drafts" over them. */
async function workspaceClient() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'copydesk-smoke-'));
  const SHARED = 'The harbour board approved a levy of two pounds a night on every boat that berths in the inner basin.';
  const write = (rel, text) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const url = (rel) => pathToFileURL(path.join(root, rel)).toString();
  write('harbour-v1.md', `# Harbour levy\n\n${SHARED}\n\nThe board will review the levy after one season of berthing fees and complaints.\n`);
  const V2 = `# Harbour levy passes\n\nFishing crews said the fee would cost them hundreds of pounds over a single winter.\n\n${SHARED}\n`;
  write('harbour v2 (final).md', V2);
  // Each of these holds the same paragraph, and none of them may count as another draft.
  write('.gitignore', 'private/\n');
  mkdirSync(path.join(root, '.git'));
  write('private/notes.md', `${SHARED}\n`);
  write('node_modules/pkg/readme.md', `${SHARED}\n`);
  write('.copydesk.json', '{ "ignore": ["archive/**"] }\n');
  write('archive/2019.md', `${SHARED}\n`);
  write('notes.json', `"${SHARED}"\n`);

  const server = startServer();
  const { conn } = server;
  // Spelt as VS Code spells it (parentheses escaped), not as Node does: still the same draft as the file on disk.
  const v2 = url('harbour v2 (final).md').replace(/\(/g, '%28').replace(/\)/g, '%29');
  const reused = async (uri) => (await server.request('textDocument/diagnostic', { textDocument: { uri } })).items.filter((d) => d.code === 'reused-paragraph');
  /** Pulls until `matches` holds (the server asks for a pull with workspace/diagnostic/refresh when the index changes). */
  const pullUntil = async (uri, matches, what) => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = await reused(uri);
      if (matches(found)) return found;
      if (Date.now() > deadline) throw new Error(`${what}: diagnostics are ${JSON.stringify(found)}; received ${JSON.stringify(server.received.map((m) => [m.method, m.params?.message ?? '']))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    await conn.sendRequest('initialize', {
      ...initializeParams({
        textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
        workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
      }),
      workspaceFolders: [{ uri: url(''), name: 'drafts' }],
      initializationOptions: { clientCommands: ['copydesk.openOtherArticle'] },
    });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: v2, languageId: 'markdown', version: 1, text: V2 } });

    const [finding] = await check('workspace: the paragraph shared with harbour-v1.md is reported once, pointing there', async () => {
      const found = await pullUntil(v2, (f) => f.length > 0, 'no reused-paragraph finding');
      assert.deepEqual(found, [
        {
          range: { start: { line: 4, character: 0 }, end: { line: 4, character: SHARED.length } },
          severity: 3,
          source: 'copydesk',
          code: 'reused-paragraph',
          message: "This paragraph also appears in 'harbour-v1.md' (line 3).",
          relatedInformation: [{ location: { uri: url('harbour-v1.md'), range: { start: { line: 2, character: 0 }, end: { line: 2, character: SHARED.length } } }, message: "The same paragraph in 'harbour-v1.md'." }],
        },
      ]);
      return found;
    });

    await check('workspace: "Open the other article" runs the client command with the other draft and its range', async () => {
      const actions = await server.request('textDocument/codeAction', { textDocument: { uri: v2 }, range: finding.range, context: { diagnostics: [finding] } });
      const open = actions.find((a) => a.title.startsWith('Open the other article'));
      assert.ok(open, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(open.title, "Open the other article ('harbour-v1.md', line 3)");
      assert.deepEqual(open.command, { title: open.title, command: 'copydesk.openOtherArticle', arguments: [url('harbour-v1.md'), finding.relatedInformation[0].location.range] });
    });

    await check('workspace: watchers are registered for the drafts, .gitignore files and deletions', async () => {
      const registration = server.received.find((m) => m.method === 'client/registerCapability' && m.params.registrations.some((r) => r.registerOptions.watchers.some((w) => typeof w.globPattern === 'object')));
      assert.ok(registration, 'no registration with relative patterns');
      const watchers = registration.params.registrations[0].registerOptions.watchers;
      assert.ok(watchers.some((w) => w.globPattern.pattern === '**/*.md' && w.globPattern.baseUri === url('')));
      assert.ok(watchers.some((w) => w.globPattern === '**/.gitignore'));
    });

    await check('workspace: copydesk/workspaceDrafts lists the two drafts, not what .gitignore, node_modules, .copydesk.json or the globs leave out', async () => {
      const { uris, capped } = await server.request('copydesk/workspaceDrafts', {});
      assert.deepEqual(uris, [url('harbour v2 (final).md'), url('harbour-v1.md')]);
      assert.equal(capped, false);
    });

    await check('workspace: copydesk/checkDrafts lints a draft that is not open, other drafts included', async () => {
      const { drafts } = await server.request('copydesk/checkDrafts', { uris: [url('harbour-v1.md')] });
      assert.equal(drafts.length, 1);
      const messages = drafts[0].diagnostics.filter((d) => d.code === 'reused-paragraph').map((d) => d.message);
      assert.deepEqual(messages, ["This paragraph also appears in 'harbour v2 (final).md' (line 5)."]);
    });

    await check('workspace: deleting harbour-v1.md on disk takes the finding away', async () => {
      rmSync(path.join(root, 'harbour-v1.md'));
      await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: url('harbour-v1.md'), type: 3 }] });
      await pullUntil(v2, (f) => f.length === 0, 'the finding stayed');
    });

    await check('workspace: a draft created on disk that shares the paragraph brings it back', async () => {
      write('2025/harbour-v3.txt', `Levy update\n\n${SHARED}\n`);
      await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: url('2025/harbour-v3.txt'), type: 1 }] });
      const found = await pullUntil(v2, (f) => f.length > 0, 'no finding for the new draft');
      assert.deepEqual(found.map((d) => d.message), ["This paragraph also appears in '2025/harbour-v3.txt' (line 3)."]);
    });
  } catch (error) {
    if (!(error instanceof ScenarioAborted)) throw error;
    if (server.stderr()) console.log(`     server stderr:\n${server.stderr().replace(/^/gm, '     ')}`);
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

function killAll() {
  for (const child of children) child.kill();
}

async function main() {
  if (!existsSync(SERVER)) {
    console.log(`smoke: ${path.relative(process.cwd(), SERVER)} is missing; run \`npm run build\` first`);
    process.exitCode = 1;
    return;
  }
  const deadline = setTimeout(() => {
    console.log(`smoke: gave up after ${OVERALL_TIMEOUT_MS / 1000} s`);
    console.log(`smoke: ${passed} passed, ${failed + 1} failed`);
    killAll();
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  try {
    await pullClient();
    await pushClient();
    await workspaceClient();
  } catch (error) {
    failed++;
    console.log(`FAIL smoke harness: ${error && error.stack ? error.stack : error}`);
  } finally {
    clearTimeout(deadline);
    killAll();
  }
  console.log(`smoke: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

void main();
