/**
 * After an edit, plain-text blocks are split again only where the edit touched
 * (plainTextBlocksAfter via buildSourceText's history): this property proves the blocks equal a
 * split of the whole new text, kind, line and spans included, over random drafts of headlines,
 * hard-wrapped and one-per-line paragraphs, and random edits that add, join and split lines.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildSourceText, type LayoutHistory } from '../../../server/src/core/text';
import { SEEDS } from '../../helpers/seeds';

const LINES = [
  'Ferry Terminal Gets a Reprieve',
  'The harbour board met on Tuesday night to decide the future of the old terminal.',
  'Board members heard from residents and shop owners before voting',
  'to ask the council for money.',
  'It closed in 2019.',
  '',
  '',
  '   ',
  'Pier Reopens',
];

const draftArb = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 14 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));
const editArb = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.constantFrom('', 'x', ' ', '\n', '\n\n', 'New Line Here\n', 'word. ', '\r\n') });

const describeBlocks = (text: string, history?: LayoutHistory) => buildSourceText(text, 'plaintext', history).blocks.map((b) => ({ ...b }));

describe('plain-text blocks after an edit equal a split from scratch', () => {
  for (const { seed, label } of SEEDS) {
    it(label, () => {
      fc.assert(
        fc.property(draftArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (draft, edits) => {
          const history: LayoutHistory = {};
          let text = draft;
          buildSourceText(text, 'plaintext', history);
          for (const { at, remove, insert } of edits) {
            const start = at % (text.length + 1);
            text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + remove));
            assert.deepEqual(describeBlocks(text, history), describeBlocks(text), JSON.stringify(text));
          }
        }),
        { seed, numRuns: Number(process.env.RUNS ?? 200) },
      );
    });
  }
});
