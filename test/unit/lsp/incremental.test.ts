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
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../../../server/src/lsp/convert';
import { DocumentLinter, type Outcome } from '../../../server/src/lsp/linter';
import { ALL_RULES, applyChanges, describeFinding, draftArb, editArb, fromScratch, notificationsFor, toContentChanges } from '../../helpers/drafts';
import { SEEDS } from '../../helpers/seeds';

const FEATURES = { codeDescription: true, unnecessaryTag: true, relatedInformation: true };

describe('incremental sync: diagnostics after every edit equal a lint from scratch', () => {
  for (const { seed, label } of SEEDS) {
    it(label, async () => {
      await fc.assert(
        fc.asyncProperty(draftArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), async (draft, edits) => {
          const languageId = draft.format === 'markdown' ? 'markdown' : 'plaintext';
          const doc = TextDocument.create(`file:///incremental/draft.${draft.format === 'markdown' ? 'md' : 'txt'}`, languageId, 1, draft.text);
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
              TextDocument.update(doc, toContentChanges(expected, changes), ++version);
              expected = applyChanges(expected, changes);
              await check();
            }
          }
        }),
        { seed, numRuns: Number(process.env.RUNS ?? 25) },
      );
    });
  }
});
