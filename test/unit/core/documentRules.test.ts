/**
 * Document-scope rules keep per-paragraph summaries aligned with the last draft they read
 * (core/blockSummaries.ts), a near-duplicate index and echo's last answer, and read a plain
 * draft's blocks after an edit unplaced (core/blockList.ts). This proves each rule on its own (so
 * that it alone moves those summaries along, as when the others are off): after every random
 * edit, a lint that keeps all of it, as the server lints, gives exactly the findings of a lint
 * from scratch.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BlockCache, checks, DraftHistory, lintText, lintTextInSteps, type LintSettings } from '../../../server/src/api';
import { summarizeDraft } from '../../../server/src/core/paragraphDigest';
import { ParagraphIndex } from '../../../server/src/core/paragraphIndex';
import { buildSourceText } from '../../../server/src/core/text';
import { applyChanges, describeFinding, draftArb, editArb, fromScratch, notificationsFor } from '../../helpers/drafts';

const documentRules = checks.filter((c) => c.meta.scope === 'document' && c.meta.id !== 'reused-paragraph').map((c) => c.meta.id);

describe('document-scope rules after random edits equal a lint from scratch', () => {
  for (const id of documentRules) {
    it(id, async () => {
      const settings: LintSettings = { rules: Object.fromEntries(checks.map((c) => [c.meta.id, c.meta.id === id ? 'warning' : 'off'])) };
      await fc.assert(
        fc.asyncProperty(draftArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), async (draft, edits) => {
          const blockCache = new BlockCache();
          const history = new DraftHistory();
          let text = draft.text;
          const check = async (version: number): Promise<void> => {
            // As the server lints: the draft's history also lays plain text out from the last
            // version's, the blocks after an edit unplaced (core/blockList.ts).
            const kept = (await lintTextInSteps(text, draft.format, settings, { pause: async () => {}, blockCache, history }))!.findings.map(describeFinding);
            assert.deepEqual(kept, fromScratch(text, draft.format, settings).map(describeFinding), `version ${version}`);
            // The same version again, everything kept: a warm re-lint.
            assert.deepEqual(lintText(text, draft.format, settings, { blockCache }).findings.map(describeFinding), kept);
          };
          await check(0);
          let version = 0;
          for (const edit of edits) for (const changes of notificationsFor(text, edit, draft.blank)) (text = applyChanges(text, changes)), await check(++version);
        }),
        { numRuns: Number(process.env.RUNS ?? 30) },
      );
    });
  }
});

// reused-paragraph reads the draft's paragraphs through its layout, where the blocks after an edit
// are not placed (core/blockList.ts): as the server lints (lintTextInSteps with the draft's
// history, which lays plain text out from the last version's), against another draft holding the
// first version's paragraphs, every version's findings (spans, lines, related places) equal a
// lint from scratch.
describe('reused-paragraph after random edits equals a lint from scratch', () => {
  it('reused-paragraph', async () => {
    const settings: LintSettings = { rules: Object.fromEntries(checks.map((c) => [c.meta.id, c.meta.id === 'reused-paragraph' ? 'warning' : 'off'])) };
    await fc.assert(
      fc.asyncProperty(draftArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), async (draft, edits) => {
        const index = new ParagraphIndex();
        index.set('file:///other.txt', summarizeDraft(buildSourceText(draft.text, draft.format), 'other.txt'));
        const workspace = index.lookupFor('file:///draft.txt');
        const blockCache = new BlockCache();
        const history = new DraftHistory();
        let text = draft.text;
        const check = async (version: number): Promise<void> => {
          const kept = (await lintTextInSteps(text, draft.format, settings, { pause: async () => {}, blockCache, history, workspace }))!.findings.map(describeFinding);
          lintText('', draft.format, settings);
          assert.deepEqual(kept, lintText(text, draft.format, settings, { workspace }).findings.map(describeFinding), `version ${version}`);
        };
        await check(0);
        let version = 0;
        for (const edit of edits) for (const changes of notificationsFor(text, edit, draft.blank)) (text = applyChanges(text, changes)), await check(++version);
      }),
      { numRuns: Number(process.env.RUNS ?? 30) },
    );
  });
});
