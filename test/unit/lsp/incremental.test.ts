/**
 * The engine keeps work across versions of a draft (findings per paragraph in the BlockCache, the
 * near-duplicate index, echo's last answer, memos of every paragraph's segments). This property
 * proves them right the way the server uses them: a random draft is opened, random edits arrive as
 * incremental changes (TextDocument.update, as the server applies them), and after every version
 * the diagnostics equal those of a lint of the same text from scratch.
 *
 * "From scratch" means no BlockCache, a TextDocument made from the whole text, and, before each
 * reference lint, an empty draft linted, so echo's kept answer and the near-duplicate index hold
 * nothing of this draft: the reference reads it whole (the edited version then continues from
 * the reference's state of the previous version, which is that version's).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DraftDocument } from '../../../server/src/lsp/draftDocument';
import { toDiagnostic } from '../../../server/src/lsp/convert';
import { DocumentLinter, type Outcome } from '../../../server/src/lsp/linter';
import { ALL_RULES, applyChanges, describeFinding, draftArb, editArb, fromScratch, notificationsFor, toContentChanges } from '../../helpers/drafts';
import { SEEDS } from '../../helpers/seeds';

const FEATURES = { codeDescription: true, unnecessaryTag: true, relatedInformation: true };

/** The library's document, and the server's own, which tells the engine its line starts and what changed. */
const KINDS = [
  { name: 'TextDocument', create: TextDocument.create, update: (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => void TextDocument.update(doc, changes, version) },
  {
    name: 'DraftDocument',
    create: (uri: string, languageId: string, version: number, text: string) => new DraftDocument(uri, languageId, version, text),
    update: (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => (doc as DraftDocument).update(changes, version),
  },
];

describe('incremental sync: diagnostics after every edit equal a lint from scratch', () => {
  for (const [kind, { seed, label }] of KINDS.flatMap((k) => SEEDS.map((s) => [k, s] as const))) {
    it(`${kind.name}: ${label}`, async () => {
      await fc.assert(
        // everyNotification false: versions typed a keystroke at a time are linted only at the end of the word.
        fc.asyncProperty(draftArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.boolean(), async (draft, edits, everyNotification) => {
          const languageId = draft.format === 'markdown' ? 'markdown' : 'plaintext';
          const doc = kind.create(`file:///incremental/draft.${draft.format === 'markdown' ? 'md' : 'txt'}`, languageId, 1, draft.text);
          const linter = new DocumentLinter(() => doc.version, (id, error) => assert.fail(`${id} threw: ${String(error)}`), undefined, (_, error) => assert.fail(`engine threw: ${String(error)}`));
          let expected = draft.text;
          let version = 1;
          const check = async (): Promise<void> => {
            assert.equal(doc.getText(), expected, 'the document holds the edited text');
            const outcome = await linter.lint(doc, ALL_RULES);
            assert.equal(outcome.kind, 'linted');
            const kept = (outcome as Extract<Outcome, { kind: 'linted' }>).result.findings;
            const scratch = fromScratch(expected, draft.format, ALL_RULES);
            assert.deepEqual(kept.map(describeFinding), scratch.map(describeFinding), `version ${version}`);
            // And as the editor sees them: positions from the incrementally updated document.
            const fresh = TextDocument.create(doc.uri, languageId, version, expected);
            assert.deepEqual(kept.map((f) => toDiagnostic(doc, f, FEATURES)), scratch.map((f) => toDiagnostic(fresh, f, FEATURES)));
          };
          await check();
          for (const edit of edits) {
            for (const changes of notificationsFor(expected, edit, draft.blank)) {
              kind.update(doc, toContentChanges(expected, changes), ++version);
              expected = applyChanges(expected, changes);
              if (everyNotification) await check();
            }
            if (!everyNotification) await check();
          }
        }),
        { seed, numRuns: Number(process.env.RUNS ?? 25) },
      );
    });
  }
});
