/**
 * The web worker's server answers exactly as the Node server does. The browser bundle
 * (server/out/browserServer.js) runs in a Worker inside Debian's headless Chromium, driven by a page
 * that speaks LSP to it (page.js); the Node bundle runs over stdio. Both get the same drafts and
 * requests, and every answer must be the same: diagnostics (Markdown, plain text with CRLF and
 * emoji, a draft long enough for the diagnostics budget), code actions and the edit they make,
 * hover, the article report; then a workspace folder read through the client (the worker) or the
 * disk (Node): .copydesk.json and what it extends, the drafts listed, reused paragraphs between
 * drafts. Needs `npm run build` and the e2e harness (test/e2e/harness/install.sh: playwright-core,
 * Chromium). Run by `npm run test:web`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { PULL_CAPABILITIES, serverBuilt, startServer, type TestServer } from '../helpers/lspClient';

const ROOT = join(__dirname, '..', '..');
const WORKER_BUNDLE = join(ROOT, 'server/out/browserServer.js');
const HARNESS = join(ROOT, 'test/e2e/harness');
const CHROMIUM = process.env['E2E_CHROMIUM'] ?? '/usr/bin/chromium';
const LONG_MS = 120_000;

/** The little of playwright-core this test uses (its types live in the harness, which tsc does not see). */
interface Page {
  goto(url: string): Promise<unknown>;
  waitForFunction(fn: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  on(event: 'console' | 'pageerror', listener: (value: { text?: () => string; message?: string }) => void): void;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Chromium {
  launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<Browser>;
}

const missing = !serverBuilt() || !existsSync(WORKER_BUNDLE) ? 'the bundles are not built; run `npm run build`' : !existsSync(join(HARNESS, 'node_modules/playwright-core')) ? 'the e2e harness is not installed; run test/e2e/harness/install.sh' : !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : false;

/** One side of the comparison: the same calls on either server. */
interface Side {
  request<R>(method: string, params: unknown): Promise<R>;
  notify(method: string, params: unknown): Promise<void>;
}

/** The worker in the page, as a Side. */
function workerSide(page: Page): Side {
  return {
    request: (method, params) => page.evaluate(([m, p]) => (globalThis as unknown as { lsp: Side }).lsp.request(m, p), [method, params] as const) as never,
    notify: async (method, params) => void (await page.evaluate(([m, p]) => (globalThis as unknown as { lsp: Side }).lsp.notify(m, p), [method, params] as const)),
  };
}

function nodeSide(server: TestServer): Side {
  return { request: (method, params) => server.request(method, params, LONG_MS), notify: (method, params) => server.notify(method, params) };
}

function initializeParams(folder?: string) {
  return {
    processId: null,
    rootUri: folder ?? null,
    workspaceFolders: folder ? [{ uri: folder, name: 'newsroom' }] : null,
    capabilities: PULL_CAPABILITIES,
    // The worker reads files only from a client that says it serves them (client/src/fileAccess.ts); Node ignores this.
    initializationOptions: { fileAccess: true },
    clientInfo: { name: 'copydesk-web-parity' },
  };
}

/** Seeded, so both servers and every run see the same long draft (no shared corpus text). */
function longDraft(paragraphs: number): string {
  let seed = 9;
  const next = (n: number): number => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) >>> 8) % n;
  const words = 'tide ferry council harbour levy quay storm crew budget vote pier road school market bridge clinic'.split(' ');
  const sentence = (): string => {
    const s = Array.from({ length: 9 + next(6) }, () => words[next(words.length)]).join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const out: string[] = ['Harbour levy: the long read'];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 7 === 3) out.push('Critics slammed the shocking plan, which was very controversial.');
    else if (i % 11 === 5) out.push(out[1]!);
    else out.push(`${sentence()} ${sentence()}`);
  }
  return `${out.join('\n\n')}\n`;
}

const DRAFTS: { uri: string; languageId: string; text: string }[] = [
  {
    uri: 'file:///parity/quay.md',
    languageId: 'markdown',
    text: [
      '# Quay wall to be rebuilt after storm',
      '',
      'The council will rebuild the north quay wall this spring, the harbour master said on Tuesday.',
      '',
      'Critics slammed the "disastrous" plan, calling it a “shocking waste” of money.',
      '',
      'Experts say the work will cost over 5 % of the harbour budget. Officials stated that 9 boats were damaged.',
      '',
      '> “We have waited three winters for this,” said one skipper.',
      '',
      'The council will rebuild the north quay wall this spring, the harbour master said on Tuesday.',
      '',
      '- The wall is 120 metres long .',
      '- Work starts in  March.',
      '',
    ].join('\n'),
  },
  {
    uri: 'file:///parity/ferry-crlf.txt',
    languageId: 'plaintext',
    text: [
      '🚢 Ferry timetable cut for winter 🌊',
      'The island ferry will sail twice a day from November, the operator announced.',
      'Residents branded the decision an outrageous betrayal. 😡',
      'The island ferry will sail twice a day from November, the operator announced.',
      'It is widely believed that fares will rise.',
      '',
    ].join('\r\n'),
  },
  {
    uri: 'untitled:Untitled-1',
    languageId: 'markdown',
    text: '---\ntitle: Library hours\n---\n\n# Library to open on Sundays\n\nThe library will open on Sundays from June.\n\nThe library will open on Sundays from June.\n',
  },
  { uri: 'file:///parity/long.txt', languageId: 'plaintext', text: longDraft(2_400) },
];

/** A workspace folder: .copydesk.json extending a second file, drafts sharing a paragraph, what the walk must leave out. */
const SHARED = 'The harbour trust bought the old net loft for a museum of the fishing fleet, its chair said on Friday.';
const FOLDER_FILES: Record<string, string> = {
  '.copydesk.json': JSON.stringify({ extends: ['./house.json'], rules: { 'ap-style/numerals': 'off' }, ignore: ['archive/**'] }, null, 2),
  'house.json': JSON.stringify({ rules: { 'vague-attribution': 'error' } }),
  'news/loft.md': `# Net loft becomes museum\n\n${SHARED}\n\nCritics slammed the purchase. Experts say 5 boats will be shown.\n`,
  'news/fleet.txt': `Fleet history on show\n\n${SHARED}\n\nVolunteers will restore two boats over the winter.\n`,
  'archive/old.md': `# Old story\n\n${SHARED}\n`,
  'node_modules/pkg/readme.md': `${SHARED}\n`,
  'notes.json': '{}',
};

describe('the web worker server answers as the Node server does', { skip: missing }, () => {
  let http: Server;
  let browser: Browser;
  let page: Page;
  let web: Side;
  let node: TestServer;
  let folder: string;
  const pageProblems: string[] = [];

  /** A fresh pair of servers for one scenario: the worker in a new page, Node over stdio. */
  async function startBoth(folderUri?: string): Promise<{ web: Side; node: Side }> {
    await node?.stop();
    page = await browser.newPage();
    page.on('pageerror', (e) => pageProblems.push(e.message ?? String(e)));
    const address = http.address() as { port: number };
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.waitForFunction('window.lsp !== undefined');
    if (folderUri) await page.evaluate((entries) => (globalThis as unknown as { lsp: { setFiles(e: [string, string][]): void } }).lsp.setFiles(entries), Object.entries(FOLDER_FILES).map(([rel, text]) => [`${folderUri}/${rel}`, text] as [string, string]));
    web = workerSide(page);
    node = await startServer();
    const both = { web, node: nodeSide(node) };
    for (const side of Object.values(both)) {
      await side.request('initialize', initializeParams(folderUri));
      await side.notify('initialized', {});
    }
    return both;
  }

  /** The same request to both; their answers must be equal. */
  async function same<R>(sides: { web: Side; node: Side }, method: string, params: unknown): Promise<R> {
    const [fromWeb, fromNode] = await Promise.all([sides.web.request<R>(method, params), sides.node.request<R>(method, params)]);
    assert.deepEqual(fromWeb, fromNode, `${method} answered differently in the worker`);
    return fromNode;
  }

  before(async () => {
    const files: Record<string, string> = { '/': 'page.html', '/page.js': join(__dirname, 'page.js'), '/browserServer.js': WORKER_BUNDLE };
    http = createServer((req, res) => {
      const file = files[req.url ?? ''];
      if (!file) return void res.writeHead(404).end();
      if (file === 'page.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Copydesk web parity</title><script src="/page.js"></script>');
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { chromium } = createRequire(join(HARNESS, 'package.json'))('playwright-core') as { chromium: Chromium };
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    folder = mkdtempSync(join(tmpdir(), 'copydesk-web-parity-'));
    for (const [rel, text] of Object.entries(FOLDER_FILES)) {
      mkdirSync(dirname(join(folder, rel)), { recursive: true });
      writeFileSync(join(folder, rel), text);
    }
  });

  after(async () => {
    await node?.stop();
    await browser?.close();
    http?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('open drafts: the same diagnostics, code actions, edits, hovers and reports', { timeout: LONG_MS * 2 }, async () => {
    const sides = await startBoth();
    for (const draft of DRAFTS) {
      for (const side of Object.values(sides)) await side.notify('textDocument/didOpen', { textDocument: { ...draft, version: 1 } });
      const report = await same<{ kind: string; items: { code?: string; range: unknown; message: string }[] }>(sides, 'textDocument/diagnostic', { textDocument: { uri: draft.uri } });
      assert.equal(report.kind, 'full');
      assert.ok(report.items.length > 0, `${draft.uri} has findings`);
      if (draft.uri.endsWith('long.txt')) {
        // Past the budget: 1,000 diagnostics, one the notice counting the rest, chosen alike.
        assert.equal(report.items.length, 1_000);
        assert.ok(report.items.some((d) => / findings are not shown/.test(d.message)), 'the notice of what is left out');
        continue;
      }
      for (const d of report.items) {
        const actions = await same<unknown[]>(sides, 'textDocument/codeAction', { textDocument: { uri: draft.uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
        assert.ok(Array.isArray(actions));
        await same(sides, 'textDocument/hover', { textDocument: { uri: draft.uri }, position: (d.range as { start: unknown }).start });
      }
      await same(sides, 'textDocument/codeAction', { textDocument: { uri: draft.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.copydesk'] } });
      await same(sides, 'copydesk/articleReport', { textDocument: { uri: draft.uri, version: 1 }, detail: 'full' });
    }
    assert.deepEqual(pageProblems, []);
  });

  it('a quick fix round trip: the duplicate removed alike, and the diagnostics after it', { timeout: LONG_MS }, async () => {
    const sides = await startBoth();
    const draft = DRAFTS[0]!;
    for (const side of Object.values(sides)) await side.notify('textDocument/didOpen', { textDocument: { ...draft, version: 1 } });
    const { items } = await same<{ items: { code?: string; range: unknown }[] }>(sides, 'textDocument/diagnostic', { textDocument: { uri: draft.uri } });
    const duplicate = items.find((d) => d.code === 'duplicate-paragraph');
    assert.ok(duplicate, 'the repeated paragraph is reported');
    const actions = await same<{ isPreferred?: boolean; edit?: { documentChanges?: { edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[] } }[]>(sides, 'textDocument/codeAction', {
      textDocument: { uri: draft.uri },
      range: duplicate.range,
      context: { diagnostics: [duplicate], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.isPreferred);
    const edits = fix?.edit?.documentChanges?.[0]?.edits ?? [];
    assert.equal(edits.length, 1, 'one edit removes the copy');
    for (const side of Object.values(sides)) await side.notify('textDocument/didChange', { textDocument: { uri: draft.uri, version: 2 }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
    const after = await same<{ items: { code?: string }[] }>(sides, 'textDocument/diagnostic', { textDocument: { uri: draft.uri } });
    assert.ok(!after.items.some((d) => d.code === 'duplicate-paragraph'), 'the duplicate is gone');
  });

  it('a workspace folder: .copydesk.json and what it extends, the drafts listed, reused paragraphs', { timeout: LONG_MS }, async () => {
    const root = pathToFileURL(folder).toString();
    const sides = await startBoth(root);
    const listing = await same<{ uris: string[]; capped: boolean }>(sides, 'copydesk/workspaceDrafts', {});
    assert.deepEqual(listing.uris.map((u) => u.slice(root.length + 1)), ['news/fleet.txt', 'news/loft.md']);
    const checked = await same<{ drafts: { uri: string; diagnostics: { code?: string; severity?: number }[] }[] }>(sides, 'copydesk/checkDrafts', { uris: listing.uris });
    const loft = checked.drafts.find((d) => d.uri.endsWith('loft.md'))!.diagnostics;
    assert.ok(loft.some((d) => d.code === 'reused-paragraph'), 'the paragraph fleet.txt shares is reused');
    assert.ok(loft.some((d) => d.code === 'vague-attribution' && d.severity === 1), 'house.json (extended) makes vague-attribution an error');
    assert.ok(!loft.some((d) => d.code === 'ap-style/numerals'), '.copydesk.json turns ap-style/numerals off');
    const open = { uri: `${root}/news/loft.md`, languageId: 'markdown', version: 1, text: FOLDER_FILES['news/loft.md']! };
    for (const side of Object.values(sides)) await side.notify('textDocument/didOpen', { textDocument: open });
    const pulled = await same<{ items: { code?: string }[] }>(sides, 'textDocument/diagnostic', { textDocument: { uri: open.uri } });
    assert.deepEqual(
      pulled.items.map((d) => d.code),
      loft.map((d) => d.code),
    );
    const config = { uri: `${root}/.copydesk.json`, languageId: 'json', version: 1, text: '{ "rules": { "no-such-rule": "off" } }' };
    for (const side of Object.values(sides)) await side.notify('textDocument/didOpen', { textDocument: config });
    const problems = await same<{ items: { code?: string }[] }>(sides, 'textDocument/diagnostic', { textDocument: { uri: config.uri } });
    assert.ok(problems.items.some((d) => d.code === 'config'), 'the open configuration reports its unknown rule');
    assert.deepEqual(pageProblems, []);
  });
});
