import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findEchoes, type EchoOptions, type Vocabulary } from '../../../server/src/core/echoes';
import { buildSourceText } from '../../../server/src/core/text';

// A small world of words, so that phrases and descriptive words repeat within a few words, words
// cross the topic line (three uses) as paragraphs are edited, and names, numbers and quotations
// come and go.
const COMMON = ['the', 'a', 'of', 'and', 'to', 'in', 'was', 'said', 'on'];
const DESCRIPTIVE = ['pivotal', 'brisk', 'robust', 'stark', 'fierce', 'bleak'];
const OTHER = ['harbour', 'council', 'ferry', 'budget', 'Rapid', 'City', '42', '"vote"', 'quay', 'Brisk', 'Stark'];
const vocabulary: Vocabulary = { isCommon: (w) => COMMON.includes(w), isDescriptive: (w) => DESCRIPTIVE.includes(w) };
const options: EchoOptions = { distance: 12, topicUses: 3, nearThreshold: 0.6, nearMinWords: 8 };

const word = fc.constantFrom(...COMMON, ...DESCRIPTIVE, ...OTHER);
const sentence = fc.array(word, { minLength: 2, maxLength: 9 }).map((w) => `${w.join(' ')}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const edit = fc.record({ block: fc.nat(), at: fc.nat(), word, replace: fc.option(paragraph, { nil: undefined }), remove: fc.boolean() });

test('after any sequence of edits, echoes kept from the last run equal a fresh reading', () => {
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 1, maxLength: 25 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (start, edits) => {
      const blocks = [...start];
      findEchoes(buildSourceText(blocks.join('\n\n'), 'plaintext'), vocabulary, options);
      for (const e of edits) {
        const i = e.block % blocks.length;
        if (e.replace !== undefined) blocks[i] = e.replace;
        else {
          const words = blocks[i]!.split(' ');
          if (e.remove && words.length > 1) words.splice(e.at % words.length, 1);
          else words.splice(e.at % (words.length + 1), 0, e.word);
          blocks[i] = words.join(' ');
        }
        const view = buildSourceText(blocks.join('\n\n'), 'plaintext');
        assert.deepEqual(findEchoes(view, vocabulary, options), findEchoes(view, vocabulary, options, false));
      }
    }),
    { numRuns: 300 },
  );
});

test('echoes kept from the last run equal a fresh reading when paragraphs become headlines or copies, split, merge or go', () => {
  const step = fc.record({ block: fc.nat(), other: fc.nat(), at: fc.nat(), word, paragraph, kind: fc.constantFrom('type', 'headline', 'copy', 'split', 'merge', 'delete', 'replace', 'type', 'replace') });
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 1, maxLength: 12 }), fc.array(step, { minLength: 1, maxLength: 12 }), (start, steps) => {
      const blocks = [...start];
      findEchoes(buildSourceText(blocks.join('\n\n'), 'markdown'), vocabulary, options);
      for (const s of steps) {
        const i = s.block % blocks.length;
        const words = blocks[i]!.split(' ');
        if (s.kind === 'type') words.splice(s.at % (words.length + 1), 0, s.word), (blocks[i] = words.join(' '));
        else if (s.kind === 'headline') blocks[i] = blocks[i]!.startsWith('# ') ? blocks[i]!.slice(2) : `# ${blocks[i]}`;
        else if (s.kind === 'copy') blocks[i] = blocks[s.other % blocks.length]!;
        else if (s.kind === 'replace') blocks[i] = s.paragraph;
        else if (s.kind === 'split' && words.length > 1) blocks.splice(i, 1, words.slice(0, s.at % words.length || 1).join(' '), words.slice(s.at % words.length || 1).join(' '));
        else if (s.kind === 'merge' && i + 1 < blocks.length) blocks.splice(i, 2, `${blocks[i]} ${blocks[i + 1]}`);
        else if (s.kind === 'delete' && blocks.length > 1) blocks.splice(i, 1);
        const view = buildSourceText(blocks.join('\n\n'), 'markdown');
        assert.deepEqual(findEchoes(view, vocabulary, options), findEchoes(view, vocabulary, options, false));
      }
    }),
    { numRuns: 300 },
  );
});
