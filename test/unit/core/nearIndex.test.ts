import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { nearRepeats, nearRepeatsFromScratch } from '../../../server/src/core/repeats';
import { buildSourceText } from '../../../server/src/core/text';

// Paragraphs built from a small stock of sentences, so that many pairs are near copies and
// some bigrams are common enough to cross the "too common" line as paragraphs are edited.
const SENTENCES = [
  'The council approved the harbour budget on Tuesday after a long debate.',
  'Residents asked for more buses on the northern routes.',
  'The mayor said the plan would be reviewed next spring.',
  'Fishing crews have waited three years for the new quay.',
  'A spokesman for the port authority declined to comment.',
  'Repairs to the sea wall will cost about four million pounds.',
  'The ferry timetable changes from the first of March.',
  'Local schools will close early on Friday because of the storm warning.',
];
const WORDS = ['council', 'ferry', 'budget', 'storm', 'quay', 'mayor', 'crews', 'wall'];

const paragraph = fc.array(fc.integer({ min: 0, max: SENTENCES.length - 1 }), { minLength: 1, maxLength: 4 }).map((ids) => ids.map((i) => SENTENCES[i]).join(' '));
const edit = fc.record({ block: fc.nat(), word: fc.integer({ min: 0, max: WORDS.length - 1 }), at: fc.nat(), replace: fc.option(paragraph, { nil: undefined }) });

test('after any sequence of edits, the kept index finds exactly what a fresh one does', () => {
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 2, maxLength: 30 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
      const blocks = [...start];
      for (const e of edits) {
        const i = e.block % blocks.length;
        if (e.replace !== undefined) blocks[i] = e.replace;
        else {
          const words = blocks[i]!.split(' ');
          words.splice(e.at % (words.length + 1), 0, WORDS[e.word]!);
          blocks[i] = words.join(' ');
        }
        const view = buildSourceText(blocks.join('\n\n'), 'plaintext');
        // Two settings, each with its own index kept across the edits.
        for (const threshold of [0.6, 0.4]) assert.deepEqual(nearRepeats(view, threshold, 8, new Set()), nearRepeatsFromScratch(view, threshold, 8, new Set()));
      }
    }),
    { numRuns: 150 },
  );
});
