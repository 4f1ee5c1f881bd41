/**
 * Paragraph-scope rules run block by block with a cache must find exactly what they find over the
 * whole draft: a rule that looks beyond its paragraph is mis-scoped, and this test names it.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checks } from '../../../server/src/checks';
import { BlockCache, lint } from '../../../server/src/core/engine';
import { buildSourceText, formatFor } from '../../../server/src/core/text';
import type { Finding } from '../../../server/src/core/types';
import fc from 'fast-check';
import { roughDraftArb } from '../../helpers/drafts';
import { SEEDS } from '../../helpers/seeds';

const root = join(__dirname, '..', '..', '..');
const read = (dir: string) => readdirSync(join(root, dir)).filter((f) => /\.(txt|md)$/.test(f)).map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') }));
const sentences = (file: string) =>
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t')[2])
    .join('\n\n');

const drafts = [
  ...read('test/fixtures/corpus/clean'),
  ...read('test/e2e/fixtures'),
  { name: 'examples/harbour-vote.md', text: readFileSync(join(root, 'examples/harbour-vote.md'), 'utf8') },
  { name: 'attribution sentences as paragraphs', text: sentences('test/fixtures/attribution/sentences.tsv') },
  // issue 10: a removable word ending a paragraph, spaces after it: the edit must not reach past the paragraph.
  { name: 'trailing spaces after a removable word.txt', text: 'so-called \n\nSo, the reform is so-called  \n\nThe mayor slammed it. \n' },
  { name: 'trailing spaces after a removable word.md', text: '- so-called \n\n> So, the reform is so-called  \n\nThe plan failed, obviously \n' },
  {
    name: 'every kind of trouble, Markdown',
    text: '# A Harbour Levy Headline That Runs On And On Past Any Sensible Length For A Front Page Of A Newspaper Today\n\nSo, the the draconian levy was passed by the board at 10 AM  , amidst claims that 5% of 3 towns are eager to leave towards the past history.\n\n> "It is reckless," she said.\n\n- Critics argue it is widely believed.\n- The plan will likely fail.\n\nhttps://example.org/amidst the council was praised by everyone.\n',
  },
];

const ALL_ON = (id: string) => ({ enabled: true as const, severity: 'warning' as const, options: {} as object, id });
const describeAll = (text: string, findings: readonly Finding[]) => findings.map((f) => `${f.checkId}:${f.messageId}@${f.span.start}-${f.span.end} ${JSON.stringify(text.slice(f.span.start, f.span.end))} ${f.message} fix=${JSON.stringify(f.fix?.edit)} sugg=${JSON.stringify(f.suggestions.map((s) => s.edit))}`);

describe('block cache: block-by-block findings equal whole-draft findings', () => {
  for (const check of checks.filter((c) => c.meta.scope === 'paragraph')) {
    it(check.meta.id, () => {
      // Block by block from the start (the whole-draft first run is checked after the edit below).
      const cache = new BlockCache(50_000, Infinity);
      const shared = new BlockCache();
      for (const { name, text } of drafts) {
        const view = buildSourceText(text, formatFor(name));
        const setting = () => ALL_ON(check.meta.id);
        const whole = lint(view, [check], setting);
        const byBlock = lint(view, [check], setting, { blockCache: cache });
        assert.deepEqual(describeAll(text, byBlock), describeAll(text, whole), name);
        // And again from the cache, after an edit to the first block elsewhere in the draft.
        const edited = `X${text}`;
        const again = lint(buildSourceText(edited, formatFor(name)), [check], setting, { blockCache: cache });
        assert.deepEqual(describeAll(edited, again), describeAll(edited, lint(buildSourceText(edited, formatFor(name)), [check], setting)), `${name}, edited`);
        // A first whole-draft run shares its findings out to the blocks; the next version is served from them.
        lint(view, [check], setting, { blockCache: shared });
        const fromShared = lint(buildSourceText(edited, formatFor(name)), [check], setting, { blockCache: shared });
        assert.deepEqual(describeAll(edited, fromShared), describeAll(edited, lint(buildSourceText(edited, formatFor(name)), [check], setting)), `${name}, edited, after a whole-draft first run`);
      }
    });
  }
});

describe('block cache: the same on random drafts, every paragraph-scope rule at once', () => {
  const paragraphChecks = checks.filter((c) => c.meta.scope === 'paragraph');
  for (const { seed, label } of SEEDS) {
    it(label, () => {
      fc.assert(
        fc.property(roughDraftArb, ({ text, format }) => {
          const view = buildSourceText(text, format);
          const cache = new BlockCache(50_000, Infinity);
          for (const check of paragraphChecks) {
            const setting = () => ALL_ON(check.meta.id);
            assert.deepEqual(describeAll(text, lint(view, [check], setting, { blockCache: cache })), describeAll(text, lint(view, [check], setting)), check.meta.id);
          }
        }),
        { seed, numRuns: 200 },
      );
    });
  }
});
