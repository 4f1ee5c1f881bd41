import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../../../server/src/api';
import { DraftDocument } from '../../../server/src/lsp/draftDocument';
import { DocumentLinter } from '../../../server/src/lsp/linter';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';
import { answerArticleReport, titleOf, type ArticleReportResult, type ReportSources } from '../../../server/src/lsp/report';
import { KIND_LABELS as CLIENT_LABELS, WORDS_PER_MINUTE as CLIENT_WPM, type ArticleReportResult as ClientResult } from '../../../client/src/report/protocol';
import { WORDS_PER_MINUTE } from '../../../server/src/core/readability';
import { KIND_LABELS } from '../../../server/src/core/reportMarkdown';

// The client keeps its own copy of the wire types (it cannot import server code): each must accept the other.
const toClient = (r: ArticleReportResult): ClientResult => r;
const toServer = (r: ClientResult): ArticleReportResult => r;
void toClient, void toServer;

const LEDE = 'The harbour board voted on Tuesday to keep the ferry terminal open. 🚢';
const OTHER = 'Repairs to the old pier will cost about two million pounds, the chair said on Wednesday.';

function sources(doc: TextDocument, afterLint?: () => void): ReportSources {
  return {
    document: (uri) => (uri === doc.uri ? doc : undefined),
    outcome: async (d) => {
      const result = lintText(d.getText(), 'plaintext');
      afterLint?.();
      return { kind: 'linted', result };
    },
  };
}

describe('client and server say the same', () => {
  it('kind labels and reading speed', () => {
    assert.deepEqual(Object.fromEntries(Object.entries(CLIENT_LABELS).map(([k, { icon: _icon, ...label }]) => [k, label])), KIND_LABELS);
    assert.equal(CLIENT_WPM, WORDS_PER_MINUTE);
  });
});

describe('copydesk/articleReport', () => {
  const cases: { name: string; eol: string }[] = [{ name: 'LF', eol: '\n' }, { name: 'CRLF', eol: '\r\n' }];
  for (const { name, eol } of cases) {
    it(`ranges are UTF-16 positions (emoji, ${name})`, async () => {
      const text = [LEDE, '', OTHER, '', LEDE, ''].join(eol);
      const doc = TextDocument.create('file:///d/ferry.txt', 'plaintext', 3, text);
      const result = await answerArticleReport({ textDocument: { uri: doc.uri, version: 3 } }, sources(doc), () => false);
      assert.equal(result.kind, 'report');
      if (result.kind !== 'report') return;
      assert.deepEqual(result.report.map?.[2]?.range, { start: { line: 4, character: 0 }, end: { line: 4, character: LEDE.length } });
      assert.deepEqual(result.report.map?.[2]?.copyOf, { number: 1, line: 1, exact: true });
      assert.deepEqual(result.report.sentences.longest?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: OTHER.length } });
    });
  }
  it('refuses a stale version before linting, and a version that moved on while linting', async () => {
    const doc = TextDocument.create('file:///d/ferry.txt', 'plaintext', 3, LEDE);
    const isStale = (e: unknown): boolean => e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified && /version 2 of ferry\.txt, but the draft is now at version 3/.test(e.message);
    await assert.rejects(answerArticleReport({ textDocument: { uri: doc.uri, version: 2 } }, sources(doc), () => false), isStale);
    const moving = sources(doc, () => TextDocument.update(doc, [{ text: 'x' }], 4));
    await assert.rejects(answerArticleReport({ textDocument: { uri: doc.uri, version: 3 } }, moving, () => false), (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified);
  });
  // The server's own document hands the report its text in pieces, its line starts and the lint's
  // finding list: the report must be the one the library's document and a whole string give.
  const edited: { name: string; languageId: string; eol: string }[] = [
    { name: 'plain text, LF', languageId: 'plaintext', eol: '\n' },
    { name: 'plain text, CRLF', languageId: 'plaintext', eol: '\r\n' },
    { name: 'Markdown, LF', languageId: 'markdown', eol: '\n' },
  ];
  for (const { name, languageId, eol } of edited) {
    it(`a DraftDocument edited in place gives the same report as the library's document (${name})`, async () => {
      const text = ['Ferry Terminal Saved', LEDE, '', OTHER, '', LEDE, '', OTHER, ''].join(eol);
      const mine = new DraftDocument('file:///d/ferry.txt', languageId, 1, text);
      const theirs = TextDocument.create('file:///d/ferry.txt', languageId, 1, text);
      // Two edits, so the draft is in pieces: a word typed into the second paragraph, a paragraph cut.
      const at = text.indexOf('old pier');
      const changes = [
        { range: { start: mine.positionAt(at), end: mine.positionAt(at) }, text: 'very ' },
        { range: { start: mine.positionAt(text.lastIndexOf(OTHER)), end: mine.positionAt(text.length) }, text: '' },
      ];
      for (const [i, change] of changes.entries()) {
        mine.update([change], i + 2);
        TextDocument.update(theirs, [change], i + 2);
      }
      const ask = { textDocument: { uri: mine.uri, version: 3 }, markdown: true };
      const linted = (doc: TextDocument): ReportSources => ({ document: () => doc, outcome: async (d) => ({ kind: 'linted', result: lintText(d.getText(), languageId === 'markdown' ? 'markdown' : 'plaintext') }) });
      const expected = await answerArticleReport(ask, linted(theirs), () => false);
      assert.equal(expected.kind, 'report');
      assert.deepEqual(await answerArticleReport(ask, linted(mine), () => false), expected);
    });
  }
  for (const { name, languageId, eol } of edited) {
    it(`with the server's linter and its layout, the report is the library document's (${name})`, async () => {
      const text = ['Ferry Terminal Saved', LEDE, '', OTHER, '', LEDE, '', OTHER, ''].join(eol);
      const mine = new DraftDocument('file:///d/ferry.txt', languageId, 1, text);
      const theirs = TextDocument.create('file:///d/ferry.txt', languageId, 1, text);
      const linter = new DocumentLinter(() => mine.version, () => {});
      let laidOut = 0;
      const served: ReportSources = {
        document: () => mine,
        outcome: (d) => linter.lint(d, DEFAULT_SETTINGS),
        layout: (uri, t) => {
          const blocks = linter.layoutOf(uri, t);
          if (blocks) laidOut++;
          return blocks;
        },
      };
      const ask = (version: number) => ({ textDocument: { uri: mine.uri, version }, markdown: true });
      const library: ReportSources = { document: () => theirs, outcome: async (d) => ({ kind: 'linted', result: lintText(d.getText(), languageId === 'markdown' ? 'markdown' : 'plaintext') }) };
      assert.deepEqual(await answerArticleReport(ask(1), served, () => false), await answerArticleReport(ask(1), library, () => false));
      // An edit, linted from the last version's layout: the report still reads this version's blocks.
      const at = text.indexOf('old pier');
      const change = { range: { start: mine.positionAt(at), end: mine.positionAt(at) }, text: `very${eol}${eol}` };
      mine.update([change], 2);
      TextDocument.update(theirs, [change], 2);
      assert.deepEqual(await answerArticleReport(ask(2), served, () => false), await answerArticleReport(ask(2), library, () => false));
      // Markdown's layout is not kept, so it is laid out again; plain text's is the lint's, both times.
      assert.equal(laidOut, languageId === 'markdown' ? 0 : 2);
    });
  }
  it("the linter's layout is only ever the layout of the very text asked about", async () => {
    const doc = new DraftDocument('file:///d/ferry.txt', 'plaintext', 1, `${LEDE}\n\n${OTHER}\n`);
    const linter = new DocumentLinter(() => doc.version, () => {});
    assert.equal(linter.layoutOf(doc.uri, doc.text), undefined);
    await linter.lint(doc, DEFAULT_SETTINGS);
    const first = doc.text;
    assert.equal(linter.layoutOf(doc.uri, first)?.length, 2);
    doc.update([{ range: { start: doc.positionAt(0), end: doc.positionAt(0) }, text: 'x' }], 2);
    assert.equal(linter.layoutOf(doc.uri, doc.text), undefined, 'not linted yet');
    await linter.lint(doc, DEFAULT_SETTINGS);
    assert.equal(linter.layoutOf(doc.uri, first), undefined, 'an older version');
    assert.equal(linter.layoutOf('file:///d/other.txt', doc.text), undefined, 'another draft');
  });
  // A first report computes every paragraph's figures (seconds on a book-length draft), handing
  // control back meanwhile: a keystroke or a cancellation in those pauses ends it.
  const fresh = (tag: string): string =>
    Array.from({ length: 6_000 }, (_, i) => `Report ${tag} paragraph ${i}: the harbour board met on Tuesday, and the ferry ran late again.`).join('\n\n');
  it('a first long report that the draft moves past while it computes is refused as stale', async () => {
    const doc = new DraftDocument('file:///d/long.txt', 'plaintext', 1, fresh('stale'));
    let asked = 0;
    const moving: ReportSources = { document: () => doc, outcome: async () => ({ kind: 'linted', result: lintText('', 'plaintext') }) };
    const pending = answerArticleReport({ textDocument: { uri: doc.uri, version: 1 } }, moving, () => (asked++, false));
    setImmediate(() => doc.update([{ range: { start: doc.positionAt(0), end: doc.positionAt(0) }, text: 'x' }], 2));
    await assert.rejects(pending, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified);
    assert.equal(asked, 0, 'the version was checked first');
  });
  it('a first long report cancelled while it computes ends with RequestCancelled', async () => {
    const doc = new DraftDocument('file:///d/long.txt', 'plaintext', 1, fresh('cancelled'));
    let cancelled = false;
    const quiet: ReportSources = { document: () => doc, outcome: async () => ({ kind: 'linted', result: lintText('', 'plaintext') }) };
    const pending = answerArticleReport({ textDocument: { uri: doc.uri, version: 1 } }, quiet, () => cancelled);
    setImmediate(() => (cancelled = true));
    await assert.rejects(pending, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled);
  });
  it('a draft Copydesk does not check gets a notChecked answer, not an error', async () => {
    const doc = TextDocument.create('file:///d/big.txt', 'plaintext', 1, LEDE);
    const skipped: ReportSources = { document: () => doc, outcome: async () => ({ kind: 'skipped', reason: 'too-large' }) };
    assert.deepEqual(await answerArticleReport({ textDocument: { uri: doc.uri, version: 1 } }, skipped, () => false), { kind: 'notChecked', uri: doc.uri, version: 1, reason: 'too-large' });
  });
  it('summary leaves the map out; markdown only when asked', async () => {
    const doc = TextDocument.create('file:///d/ferry.txt', 'plaintext', 1, LEDE);
    const summary = await answerArticleReport({ textDocument: { uri: doc.uri, version: 1 }, detail: 'summary' }, sources(doc), () => false);
    assert.ok(summary.kind === 'report' && summary.report.map === undefined && summary.markdown === undefined);
    const full = await answerArticleReport({ textDocument: { uri: doc.uri, version: 1 }, markdown: true }, sources(doc), () => false);
    assert.ok(full.kind === 'report' && full.markdown?.startsWith('# Article report: ferry.txt\n'));
  });
  const titles: [string, string][] = [
    ['file:///home/ana/drafts/harbour%20vote.md', 'harbour vote.md'],
    ['untitled:Untitled-1', 'Untitled-1'],
    ['file:///d/a%ZZ.txt', 'a%ZZ.txt'],
  ];
  for (const [uri, title] of titles) it(`title of ${uri} is ${title}`, () => assert.equal(titleOf(uri), title));
});
