import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import fc from 'fast-check';
import { foldedKey, forgetKeyNumbers } from '../../../server/src/core/repeats';
import { blockSegments } from '../../../server/src/core/segments';
import { SentenceIndex, type BlockSentences, type SentenceRepeat } from '../../../server/src/core/sentenceIndex';

const memo = new Map<string, BlockSentences>();
/** One block's sentences as duplicate-sentence reads them (the same object for the same text, as its memo gives). */
function sentencesOf(text: string): BlockSentences {
  let s = memo.get(text);
  if (!s) {
    const spans = blockSegments(text).sentences;
    const keys = [];
    for (let i = 0; i < spans.length; i += 2) keys.push(foldedKey(text.slice(spans[i]!, spans[i + 1]!)));
    memo.set(text, (s = { spans, keys }));
  }
  return s;
}

/** What the index must answer, the plain way: the first use of each key, and every later use in another block. */
function reference(blocks: readonly string[], minWords: number): SentenceRepeat[] {
  const first = new Map<string, { block: number; index: number }>();
  const out: SentenceRepeat[] = [];
  blocks.forEach((text, block) =>
    sentencesOf(text).keys.forEach((k, index) => {
      if (k.words < minWords) return;
      const earlier = first.get(k.key);
      if (!earlier) first.set(k.key, { block, index });
      else if (earlier.block !== block) out.push({ block, index, firstBlock: earlier.block, firstIndex: earlier.index });
    }),
  );
  return out;
}

describe('SentenceIndex: table cases', () => {
  const A = 'The council voted on Tuesday to raise the levy.';
  const B = 'Residents asked for more buses on the northern routes.';
  const C = 'Short one.';
  const cases: { name: string; before: string[]; after: string[] }[] = [
    { name: 'a sentence repeated in a later paragraph', before: [A, B], after: [A, `${B} ${A}`] },
    { name: 'the first use edited away: the next use becomes the first', before: [A, A, A], after: ['The council.', A, A] },
    { name: 'a repeat within one paragraph is not reported', before: [`${A} ${A}`], after: [`${A} ${A}`, B] },
    { name: 'a paragraph duplicated twice', before: [A, B], after: [A, B, B, B] },
    { name: 'a paragraph moves before its original', before: [A, B, `${C} ${A}`], after: [`${C} ${A}`, B, A] },
    { name: 'a split and a merge', before: [`${A} ${B}`, A], after: [A, B, `${A} ${B}`] },
    { name: 'short sentences are never compared', before: [C, C], after: [C, C, C] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const index = new SentenceIndex();
      assert.deepEqual(index.repeats(c.before.map(sentencesOf), 6), reference(c.before, 6));
      assert.deepEqual(index.repeats(c.after.map(sentencesOf), 6), reference(c.after, 6));
    });
  }
});

describe('SentenceIndex: the last answer is kept while no repeated sentence changes', () => {
  const A = 'The council voted on Tuesday to raise the levy.';
  const B = 'Residents asked for more buses on the northern routes.';
  const D = 'The mayor said the plan would be reviewed next spring.';
  const cases: { name: string; before: string[]; after: string[]; kept: boolean }[] = [
    { name: 'a sentence used once edited into another used once', before: [A, `${A} ${B}`], after: [A, `${A} ${D}`], kept: true },
    { name: 'a sentence used once edited into a repeat', before: [A, B, D], after: [A, B, A], kept: false },
    { name: 'a repeat edited into a sentence used once', before: [A, B, A], after: [A, B, D], kept: false },
    { name: 'a third use of a repeated sentence', before: [A, A, B], after: [A, A, A], kept: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const index = new SentenceIndex();
      const first = index.repeats(c.before.map(sentencesOf), 6);
      const second = index.repeats(c.after.map(sentencesOf), 6);
      assert.equal(second === first, c.kept);
      assert.deepEqual(second, reference(c.after, 6));
    });
  }
});

test('after any sequence of edits, the kept index answers as a fresh reading does', () => {
  const SENTENCES = ['The council voted on Tuesday to raise the levy.', 'Residents asked for more buses on the northern routes.', 'The mayor said the plan would be reviewed next spring.', 'Short one.', 'The ferry runs every hour, the operator said.'];
  const paragraph = fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
  const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'replace', 'insert', 'delete', 'copy'), paragraph, minWords: fc.constantFrom(6, 6, 6, 3), renumber: fc.boolean() });
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 1, maxLength: 10 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
      const index = new SentenceIndex();
      const blocks = [...start];
      index.repeats(blocks.map(sentencesOf), 6);
      for (const e of edits) {
        const i = e.at % blocks.length;
        if (e.kind === 'replace') blocks[i] = e.paragraph;
        else if (e.kind === 'delete' && blocks.length > 1) blocks.splice(i, 1);
        else if (e.kind === 'copy') blocks.splice(i, 0, blocks[e.at % blocks.length]!);
        else blocks.splice(i, 0, e.paragraph);
        // A long session's key numbering starts again: the index must notice, not mix two numberings.
        if (e.renumber) forgetKeyNumbers();
        assert.deepEqual(index.repeats(blocks.map(sentencesOf), e.minWords), reference(blocks, e.minWords));
      }
    }),
    { numRuns: 300 },
  );
});
