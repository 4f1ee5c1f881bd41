import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { nearRepeats, nearRepeatsFromScratch, pairSimilarity, shinglesOf, type NearRepeat } from '../../../server/src/core/repeats';
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

/**
 * What a first build must find, by brute force: for each block (not an exact copy, of minWords or
 * more), the most similar earlier block at or above the threshold (the first on a tie) among those
 * sharing a shingle that proposes candidates (held by two to eight blocks of the draft).
 */
function byBruteForce(texts: readonly string[], threshold: number, minWords: number, exact: ReadonlySet<number>): NearRepeat[] {
  const sets = texts.map((t) => shinglesOf(t)).map((s) => (s.words >= minWords ? s : undefined));
  const holders = new Map<number, number>();
  for (const set of sets) for (const s of set?.list ?? []) holders.set(s, (holders.get(s) ?? 0) + 1);
  const out: NearRepeat[] = [];
  sets.forEach((set, copy) => {
    if (!set || exact.has(copy)) return;
    let best: NearRepeat | undefined;
    for (let original = 0; original < copy; original++) {
      const other = sets[original];
      if (!other || !set.list.some((s) => other.list.includes(s) && holders.get(s)! <= 8)) continue;
      const similarity = pairSimilarity(set, other);
      if (similarity >= threshold && (!best || similarity > best.similarity)) best = { copy, original, similarity };
    }
    if (best) out.push(best);
  });
  return out;
}

test('a first build finds what a brute-force search does', () => {
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 2, maxLength: 40 }), fc.array(fc.nat(39), { maxLength: 4 }), (blocks, copies) => {
      const view = buildSourceText(blocks.join('\n\n'), 'plaintext');
      const texts = view.blocks.map((b) => b.text);
      const exact = new Set(copies.filter((c) => c < texts.length));
      for (const threshold of [0.6, 0.4]) assert.deepEqual(nearRepeatsFromScratch(view, threshold, 8, exact), byBruteForce(texts, threshold, 8, exact));
    }),
    { numRuns: 150 },
  );
});
