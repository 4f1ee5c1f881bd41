/**
 * The built server over stdio, as an editor drives it, with what editors should never send:
 * malformed JSON-RPC, unknown methods, requests for drafts that are not open, positions far out of
 * range, parameters of the wrong shape, a draft whose text is not text. Each gets an error
 * response or is ignored, and the server goes on answering. Then stale fixes (an action computed
 * for one version and applied after an edit is refused) and random editing sessions through
 * incremental sync, checked against a lint from scratch. Needs `npm run build` (npm test builds first).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ErrorCodes, ResponseError, type CodeAction, type Diagnostic, type DocumentDiagnosticReport, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../../../server/src/lsp/convert';
import { applyChanges, describeFinding, draftArb, editArb, fromScratch, notificationsFor, toContentChanges } from '../../helpers/drafts';
import { frame, serverBuilt, startServer, type TestServer } from '../../helpers/lspClient';
import { SEEDS } from '../../helpers/seeds';

const LEDE = 'The Ravenby library will close on Sunday for roof repairs, the council said.';
const OTHER = 'Borrowers can return books at the town hall until the end of March.';
const DRAFT = `${LEDE}\n\n${OTHER}\n\n${LEDE}\n`;
const URI = 'file:///stdio/library.txt';
const FEATURES = { codeDescription: true, unnecessaryTag: true, relatedInformation: true };

const skip = serverBuilt() ? false : 'server/out/server.js is not built; run `npm run build` first';

async function diagnostics(server: TestServer, uri = URI): Promise<Diagnostic[]> {
  const report = await server.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(report.kind, 'full');
  return (report as { items: Diagnostic[] }).items;
}

const codes = (items: readonly Diagnostic[]): unknown[] => items.map((d) => d.code);

describe('the server over stdio survives what no editor should send', { skip }, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    await server.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: DRAFT } });
  });
  after(() => server.stop());

  /** After each case: still alive, still checking the open draft. */
  async function stillWorking(): Promise<void> {
    assert.ok(server.alive(), `the server ended; stderr:\n${server.stderr()}`);
    assert.deepEqual(codes(await diagnostics(server)), ['duplicate-paragraph']);
  }

  const ignored: [string, string][] = [
    ['a body that is not JSON', frame('{not json')],
    ['a body that is JSON but not a message', frame('42')],
    ['an empty object', frame('{}')],
    ['an array (a batch, which LSP does not have)', frame('[{"jsonrpc":"2.0","method":"initialized"}]')],
    ['a message of another JSON-RPC version', frame('{"jsonrpc":"1.0","id":77,"method":"textDocument/hover"}')],
    ['a response to a request never sent', frame('{"jsonrpc":"2.0","id":424242,"result":{}}')],
    ['a cancellation of a request never sent', frame('{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":999}}')],
    ['an unknown notification', frame('{"jsonrpc":"2.0","method":"copydesk/noSuchNotification","params":{"x":1}}')],
    ['didOpen with no parameters', frame('{"jsonrpc":"2.0","method":"textDocument/didOpen"}')],
    ['didChange for a draft that is not open', frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///stdio/never.txt', version: 2 }, contentChanges: [{ text: 'x' }] } }))],
    ['didClose for a draft that is not open', frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///stdio/never.txt' } } }))],
  ];
  for (const [name, bytes] of ignored) {
    it(`${name}: ignored`, async () => {
      server.raw(bytes);
      await stillWorking();
    });
  }

  it('a header block with no Content-Length: dropped (a message in the same read waits for the next one)', async () => {
    server.raw('X-Nonsense: 1\r\n\r\n');
    // vscode-jsonrpc's reader stops at a bad header block and reads on only when more bytes come:
    // a request written in the same instant would wait for the next write. Let it be read alone.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stillWorking();
  });

  const refused: [string, string, unknown, number[]][] = [
    ['an unknown request', 'copydesk/noSuchRequest', { x: 1 }, [ErrorCodes.MethodNotFound]],
    ['a diagnostic request without a document', 'textDocument/diagnostic', {}, [ErrorCodes.InternalError, ErrorCodes.InvalidParams]],
    ['a code action request with null parameters', 'textDocument/codeAction', null, [ErrorCodes.InternalError, ErrorCodes.InvalidParams]],
    ['the article report of a draft that is not open', 'copydesk/articleReport', { textDocument: { uri: 'file:///stdio/never.txt', version: 1 } }, [ErrorCodes.InvalidParams]],
  ];
  for (const [name, method, params, errorCodes] of refused) {
    it(`${name}: an error response`, async () => {
      await assert.rejects(server.request(method, params), (error: unknown) => {
        assert.ok(error instanceof ResponseError, String(error));
        assert.ok(errorCodes.includes(error.code), `code ${error.code}: ${error.message}`);
        return true;
      });
      await stillWorking();
    });
  }

  it('parameters of the wrong shape: an answer or an error response, never a crash', async () => {
    const odd: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: URI }, position: 'top' }],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: { line: 'x', character: null } }],
      ['textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ range: 'nowhere', code: 'duplicate-paragraph', source: 'copydesk' }] } }],
      ['workspace/executeCommand', { command: 'copydesk.server.removeDuplicates', arguments: [{ not: 'a uri' }, 'one'] }],
      ['copydesk/articleReport', { textDocument: { uri: URI, version: 'latest' }, detail: 'everything' }],
    ];
    for (const [method, params] of odd) await server.request(method, params).catch((error: unknown) => assert.ok(error instanceof ResponseError, `${method}: ${String(error)}`));
    await stillWorking();
  });

  it('requests for a draft that is not open: empty answers', async () => {
    const never = 'file:///stdio/never-opened.md';
    assert.deepEqual(await diagnostics(server, never), []);
    assert.deepEqual(await server.request('textDocument/codeAction', { textDocument: { uri: never }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri: never }, position: { line: 0, character: 0 } }), null);
    await stillWorking();
  });

  it('positions far out of range: answered as if at the end of the draft', async () => {
    const far = { line: 1_000_000, character: 1_000_000 };
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri: URI }, position: far }), null);
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: -3, character: -9 } }), null);
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: far, end: far }, context: { diagnostics: [] } });
    assert.ok(Array.isArray(actions));
    await stillWorking();
  });

  it('a change with a range past the end of a draft is applied at its end', async () => {
    const uri = 'file:///stdio/edge.txt';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: `${LEDE}\n` } });
    await server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: 120, character: 5 } }, text: `\n${LEDE}\n` }] });
    assert.deepEqual(codes(await diagnostics(server, uri)), ['duplicate-paragraph']);
    await stillWorking();
  });

  it('a draft whose text is not text: no findings, one notice, the other drafts still checked', async () => {
    const uri = 'file:///stdio/null.md';
    const since = server.received.length;
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: null } });
    assert.deepEqual(await diagnostics(server, uri), []);
    assert.deepEqual(await diagnostics(server, uri), []);
    const notices = server.received.slice(since).filter((m) => m.method === 'window/showMessageRequest');
    assert.equal(notices.length, 1, JSON.stringify(notices));
    assert.match((notices[0]!.params as { message: string }).message, /could not check null\.md/);
    await stillWorking();
  });
});

describe('a client that answers the server with errors', { skip }, () => {
  it("an error in reply to a notice does not end the server (it is logged)", async () => {
    const server = await startServer(undefined, { onShowMessage: () => new ResponseError(ErrorCodes.InternalError, 'the client broke') });
    try {
      // Asking to remove duplicates from a draft that is not open makes the server show a notice.
      await server.request('workspace/executeCommand', { command: 'copydesk.server.removeDuplicates', arguments: ['file:///stdio/never.txt', 1] });
      await server.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: DRAFT } });
      assert.deepEqual(codes(await diagnostics(server)), ['duplicate-paragraph']);
      assert.ok(server.alive());
    } finally {
      await server.stop();
    }
  });
});

/** What a versioned client does with a workspace edit: it applies only edits for the version it holds. */
function applyVersioned(doc: TextDocument, edit: CodeAction['edit']): 'applied' | 'refused' {
  const change = edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
  assert.ok(change, 'a versioned edit (documentChanges)');
  if (change.textDocument.version !== doc.version) return 'refused';
  const text = TextDocument.applyEdits(doc, change.edits as TextEdit[]);
  TextDocument.update(doc, [{ text }], doc.version + 1);
  return 'applied';
}

describe('stale fixes over stdio', { skip }, () => {
  it('a quick fix and a fix-all computed for version 1 are refused after an edit; the server then offers ones for version 2', async () => {
    const server = await startServer();
    try {
      const doc = TextDocument.create(URI, 'plaintext', 1, DRAFT);
      await server.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: DRAFT } });
      const [copy] = await diagnostics(server);
      assert.ok(copy);
      const quick = (await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: copy.range, context: { diagnostics: [copy] } })).find((a) => a.isPreferred)!;
      const all = (await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: copy.range, context: { diagnostics: [], only: ['source.fixAll'] } }))[0]!;

      // The writer types a line above the copy: the old range now covers other words.
      const typed = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'UPDATE: the branch reopens in May.\n\n' };
      TextDocument.update(doc, [typed], 2);
      await server.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [typed] });
      const before = doc.getText();
      assert.equal(applyVersioned(doc, quick.edit), 'refused');
      assert.equal(applyVersioned(doc, all.edit), 'refused');
      assert.equal(doc.getText(), before, 'nothing was applied to the wrong text');
      // What the stale edit would have done to version 2: delete text that is not the copy.
      const stale = (quick.edit!.documentChanges![0] as TextDocumentEdit).edits[0]!;
      assert.notEqual(doc.getText(stale.range), `\n\n${LEDE}`);

      const [fresh] = await diagnostics(server);
      const again = (await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: fresh!.range, context: { diagnostics: [fresh] } })).find((a) => a.isPreferred)!;
      assert.equal(applyVersioned(doc, again.edit), 'applied');
      assert.equal(doc.getText(), `${LEDE}\n\nUPDATE: the branch reopens in May.\n\n${OTHER}\n`);

      // The server-side command checks the version itself.
      const since = server.received.length;
      await server.request('workspace/executeCommand', { command: 'copydesk.server.removeDuplicates', arguments: [URI, 1] });
      assert.ok(!server.received.slice(since).some((m) => m.method === 'workspace/applyEdit'), 'no edit for a version the draft has left');
    } finally {
      await server.stop();
    }
  });
});

describe('result ids over stdio: a pull that names its last report gets `unchanged` only when nothing shown changed', { skip }, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('answers each pull in turn', async () => {
    const uri = 'file:///stdio/result-ids.txt';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: DRAFT } });
    const line = (n: number, from: number, to: number) => ({ start: { line: n, character: from }, end: { line: n, character: to } });
    const march = OTHER.indexOf('March');
    // Each step: an edit or none, the id the client names ('last' = the id of the last answer), what comes back.
    const steps: [string, { range: ReturnType<typeof line>; text: string } | undefined, 'none' | 'last' | 'unknown', 'full' | 'unchanged', string[]][] = [
      ['the first pull', undefined, 'none', 'full', ['duplicate-paragraph']],
      ['again, naming it', undefined, 'last', 'unchanged', []],
      ['again, naming none', undefined, 'none', 'full', ['duplicate-paragraph']],
      ['a word swapped where no finding moves', { range: line(2, march, march + 5), text: 'April' }, 'last', 'unchanged', []],
      ['an id the server never gave', undefined, 'unknown', 'full', ['duplicate-paragraph']],
      ['the copy rewritten', { range: line(4, 0, LEDE.length), text: 'Volunteers will help move the maps to the town hall.' }, 'last', 'full', []],
      ['again, naming it', undefined, 'last', 'unchanged', []],
    ];
    let version = 1;
    let last: string | undefined;
    const ids = new Set<string>();
    for (const [name, change, named, kind, codesNow] of steps) {
      if (change) await server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
      const previousResultId = named === 'last' ? last : named === 'unknown' ? 'no-such-id' : undefined;
      const report = await server.request<DocumentDiagnosticReport & { resultId?: string }>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
      assert.equal(report.kind, kind, name);
      assert.ok(report.resultId, name);
      if (kind === 'unchanged') assert.equal(report.resultId, last, name);
      else {
        assert.ok(!ids.has(report.resultId), `${name}: a full report has a new id`);
        assert.deepEqual(codes((report as { items: Diagnostic[] }).items), codesNow, name);
      }
      ids.add(report.resultId);
      last = report.resultId;
    }
  });
});

describe('incremental sync over stdio: pulled diagnostics after every edit equal a lint from scratch', { skip }, () => {
  for (const { seed, label } of SEEDS) {
    it(label, async () => {
      const server = await startServer();
      try {
        let n = 0;
        await fc.assert(
          fc.asyncProperty(draftArb, fc.array(editArb, { minLength: 1, maxLength: 5 }), async (draft, edits) => {
            const languageId = draft.format === 'markdown' ? 'markdown' : 'plaintext';
            const uri = `file:///stdio/session-${n++}.${draft.format === 'markdown' ? 'md' : 'txt'}`;
            let text = draft.text;
            let version = 1;
            await server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
            const check = async (): Promise<void> => {
              const pulled = await diagnostics(server, uri);
              const doc = TextDocument.create(uri, languageId, version, text);
              const expected = fromScratch(text, draft.format, { rules: {} }).map((f) => toDiagnostic(doc, f, FEATURES));
              assert.deepEqual(pulled, JSON.parse(JSON.stringify(expected)), `version ${version}: ${JSON.stringify(text)}`);
            };
            await check();
            for (const edit of edits) {
              for (const changes of notificationsFor(text, edit, draft.blank)) {
                await server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: toContentChanges(text, changes) });
                text = applyChanges(text, changes);
                await check();
              }
            }
            await server.notify('textDocument/didClose', { textDocument: { uri } });
          }),
          { seed, numRuns: 6 },
        );
        assert.ok(server.alive());
      } finally {
        await server.stop();
      }
    });
  }
});

void describeFinding;
