import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { summarizeDraft } from '../../../server/src/core/paragraphDigest';
import { ParagraphIndex } from '../../../server/src/core/paragraphIndex';
import { buildSourceText } from '../../../server/src/core/text';
import { DocumentLinter } from '../../../server/src/lsp/linter';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';

const SHARED = 'The harbour board approved a levy of two pounds a night on every boat that berths in the inner basin.';
const OTHER = 'Fishing crews said the fee would cost them hundreds of pounds over a single winter of berthing.';
const UNRELATED = 'The ferry to the islands will run twice a day from April, the operator said after a winter of cancellations.';
const URI = 'file:///drafts/levy-v2.txt';
const put = (index: ParagraphIndex, id: string, text: string): void => void index.set(id, summarizeDraft(buildSourceText(text, 'plaintext'), id));

/** The index's lookups, counting the questions asked of them (`matches` calls). */
function countingLookups(index: ParagraphIndex) {
  const counting = {
    asked: 0,
    lookupFor(uri: string) {
      const lookup = index.lookupFor(uri);
      return { ...lookup, matches: (...args: Parameters<typeof lookup.matches>) => (counting.asked++, lookup.matches(...args)) };
    },
  };
  return counting;
}

/** After the index changes, only drafts whose reused paragraphs would change are linted again. */
describe('DocumentLinter.forgetStale', () => {
  const cases: { name: string; change: (index: ParagraphIndex, on: { available: boolean }) => void; stale: boolean }[] = [
    { name: 'another draft without the paragraph is added: still fresh', change: (i) => put(i, 'file:///drafts/ferry.txt', `${UNRELATED}\n`), stale: false },
    { name: 'the draft holding the paragraph is edited elsewhere: still fresh', change: (i) => put(i, 'file:///drafts/levy-v1.txt', `${SHARED}\n\n${UNRELATED}\n`), stale: false },
    { name: 'the paragraph moves in the other draft (its line changes): stale', change: (i) => put(i, 'file:///drafts/levy-v1.txt', `Levy\n\n${SHARED}\n`), stale: true },
    { name: 'a second draft gets the paragraph: stale', change: (i) => put(i, 'file:///drafts/levy-v3.txt', `${SHARED}\n`), stale: true },
    { name: 'the other draft is deleted: stale', change: (i) => i.remove('file:///drafts/levy-v1.txt'), stale: true },
    { name: 'the rule is turned off (no lookup any more): stale', change: (_i, on) => (on.available = false), stale: true },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const index = new ParagraphIndex();
      put(index, 'file:///drafts/levy-v1.txt', `${SHARED}\n`);
      const on = { available: true };
      const doc = TextDocument.create(URI, 'plaintext', 1, `${OTHER}\n\n${SHARED}\n`);
      const linter = new DocumentLinter(() => 1, () => {}, (uri) => (on.available ? index.lookupFor(uri) : undefined));
      const outcome = await linter.lint(doc, DEFAULT_SETTINGS);
      assert.equal(outcome.kind === 'linted' && outcome.result.findings.filter((f) => f.checkId === 'reused-paragraph').length, 1);
      c.change(index, on);
      assert.deepEqual(await linter.forgetStale(), c.stale ? [URI] : []);
      // A stale draft is linted afresh on the next ask; a fresh one is served from the cache.
      assert.equal((await linter.lint(doc, DEFAULT_SETTINGS)) === outcome, !c.stale);
    });
  }

  it('a draft linted with no workspace yet is stale once there is one (the index was still being built)', async () => {
    const index = new ParagraphIndex();
    const on = { available: false };
    const linter = new DocumentLinter(() => 1, () => {}, (uri) => (on.available ? index.lookupFor(uri) : undefined));
    await linter.lint(TextDocument.create(URI, 'plaintext', 1, `${SHARED}\n`), DEFAULT_SETTINGS);
    assert.deepEqual(await linter.forgetStale(), []);
    on.available = true;
    assert.deepEqual(await linter.forgetStale(), [URI]);
  });

  it('a draft linted while the index holds no other draft asks nothing, and is stale once another draft comes', async () => {
    const index = new ParagraphIndex();
    put(index, URI, `${SHARED}\n`);
    const counting = countingLookups(index);
    const linter = new DocumentLinter(() => 1, () => {}, counting.lookupFor);
    await linter.lint(TextDocument.create(URI, 'plaintext', 1, `${SHARED}\n`), DEFAULT_SETTINGS);
    assert.equal(counting.asked, 0);
    put(index, URI, `${SHARED}\n\n${OTHER}\n`);
    assert.deepEqual(await linter.forgetStale(), [], 'its own entry changing is no reason');
    put(index, 'file:///drafts/levy-v1.txt', `${SHARED}\n`);
    assert.deepEqual(await linter.forgetStale(), [URI]);
    const outcome = await linter.lint(TextDocument.create(URI, 'plaintext', 1, `${SHARED}\n`), DEFAULT_SETTINGS);
    assert.equal(outcome.kind === 'linted' && outcome.result.findings.filter((f) => f.checkId === 'reused-paragraph').length, 1);
  });

  it('the draft’s own entry in the index changing asks nothing again (its matches leave it out)', async () => {
    const index = new ParagraphIndex();
    put(index, 'file:///drafts/levy-v1.txt', `${SHARED}\n`);
    const counting = countingLookups(index);
    const linter = new DocumentLinter(() => 1, () => {}, counting.lookupFor);
    await linter.lint(TextDocument.create(URI, 'plaintext', 1, `${SHARED}\n`), DEFAULT_SETTINGS);
    assert.equal(counting.asked, 1);
    put(index, URI, `${SHARED}\n\n${OTHER}\n`);
    assert.deepEqual(await linter.forgetStale(), []);
    assert.equal(counting.asked, 1);
    put(index, 'file:///drafts/ferry.txt', `${UNRELATED}\n`);
    assert.deepEqual(await linter.forgetStale(), []);
    assert.equal(counting.asked, 2, 'another draft changed: asked again, same answer');
  });
});
