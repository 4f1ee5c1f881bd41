/**
 * Document-scope rules keep per-paragraph summaries aligned with the last draft they read
 * (core/blockSummaries.ts), a near-duplicate index and echo's last answer. This proves each rule
 * on its own (so that it alone moves those summaries along, as when the others are off): after
 * every random edit, a lint that keeps all of it gives exactly the findings of a lint from scratch.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BlockCache, checks, DraftHistory, lintText, type LintSettings } from '../../../server/src/api';
import { applyChanges, describeFinding, draftArb, editArb, fromScratch, notificationsFor } from '../../helpers/drafts';

const documentRules = checks.filter((c) => c.meta.scope === 'document' && c.meta.id !== 'reused-paragraph').map((c) => c.meta.id);

describe('document-scope rules after random edits equal a lint from scratch', () => {
  for (const id of documentRules) {
    it(id, () => {
      const settings: LintSettings = { rules: Object.fromEntries(checks.map((c) => [c.meta.id, c.meta.id === id ? 'warning' : 'off'])) };
      fc.assert(
        fc.property(draftArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (draft, edits) => {
          const blockCache = new BlockCache();
          const history = new DraftHistory();
          let text = draft.text;
          const check = (version: number): void => {
            const kept = lintText(text, draft.format, settings, { blockCache, history }).findings.map(describeFinding);
            assert.deepEqual(kept, fromScratch(text, draft.format, settings).map(describeFinding), `version ${version}`);
            // The same version again, everything kept: a warm re-lint.
            assert.deepEqual(lintText(text, draft.format, settings, { blockCache }).findings.map(describeFinding), kept);
          };
          check(0);
          let version = 0;
          for (const edit of edits) for (const changes of notificationsFor(text, edit, draft.blank)) (text = applyChanges(text, changes)), check(++version);
        }),
        { numRuns: Number(process.env.RUNS ?? 30) },
      );
    });
  }
});
