import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import fc from 'fast-check';
import { BlockSummaries } from '../../../server/src/core/blockSummaries';
import { buildSourceText, type TextFormat } from '../../../server/src/core/text';

/** A summary that says what it was made from, and a record of which blocks were summarised. */
function summaries(byKind = false) {
  const computed: string[] = [];
  const kept = new BlockSummaries((block) => (computed.push(block.text), `${block.kind}:${block.text}`), byKind);
  return { kept, computed };
}

const view = (paragraphs: readonly string[], format: TextFormat = 'plaintext') => buildSourceText(paragraphs.join('\n\n'), format);

// Each case: a draft, the next version, and the blocks the next version must summarise afresh
// (the rest keep the last version's summary); every summary must be the fresh one regardless.
const CASES: { name: string; before: string[]; after: string[]; computed: string[]; format?: TextFormat }[] = [
  { name: 'unchanged', before: ['Alpha one.', 'Beta two.', 'Gamma three.'], after: ['Alpha one.', 'Beta two.', 'Gamma three.'], computed: [] },
  { name: 'one paragraph edited', before: ['Alpha one.', 'Beta two.', 'Gamma three.'], after: ['Alpha one.', 'Beta twos.', 'Gamma three.'], computed: ['Beta twos.'] },
  { name: 'a paragraph moves', before: ['A a.', 'B b.', 'C c.', 'D d.'], after: ['A a.', 'C c.', 'B b.', 'D d.'], computed: ['C c.', 'B b.'] },
  { name: 'a paragraph splits', before: ['A a.', 'B b. B c.', 'C c.'], after: ['A a.', 'B b.', 'B c.', 'C c.'], computed: ['B b.', 'B c.'] },
  { name: 'two paragraphs merge', before: ['A a.', 'B b.', 'C c.', 'D d.'], after: ['A a.', 'B b. C c.', 'D d.'], computed: ['B b. C c.'] },
  { name: 'a paragraph is deleted', before: ['A a.', 'B b.', 'C c.'], after: ['A a.', 'C c.'], computed: [] },
  { name: 'the first paragraph is deleted', before: ['A a.', 'B b.', 'C c.'], after: ['B b.', 'C c.'], computed: [] },
  { name: 'a paragraph duplicated twice', before: ['A a.', 'B b.'], after: ['A a.', 'B b.', 'B b.', 'B b.'], computed: ['B b.', 'B b.'] },
  { name: 'the headline repeated', before: ['# Harbour levy', 'The council voted.'], after: ['# Harbour levy', '# Harbour levy', 'The council voted.'], computed: ['Harbour levy'], format: 'markdown' },
  { name: 'every paragraph new', before: ['A a.', 'B b.'], after: ['C c.', 'D d.', 'E e.'], computed: ['C c.', 'D d.', 'E e.'] },
  { name: 'from an empty draft', before: [], after: ['A a.', 'B b.'], computed: ['A a.', 'B b.'] },
];

describe('BlockSummaries: what is kept and what is summarised again', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { kept, computed } = summaries();
      kept.of(view(c.before, c.format));
      computed.length = 0;
      const next = view(c.after, c.format);
      assert.deepEqual(kept.of(next), next.blocks.map((b) => `${b.kind}:${b.text}`));
      assert.deepEqual(computed, c.computed);
    });
  }

  it('a block whose kind changes is summarised again when the summary depends on it', () => {
    for (const byKind of [true, false]) {
      const { kept, computed } = summaries(byKind);
      kept.of(view(['Harbour levy', 'The council voted.'], 'markdown'));
      computed.length = 0;
      const next = view(['# Harbour levy', 'The council voted.'], 'markdown');
      const got = kept.of(next);
      assert.deepEqual(computed, byKind ? ['Harbour levy'] : []);
      assert.equal(got[0], byKind ? 'heading:Harbour levy' : 'paragraph:Harbour levy');
    }
  });

  it('one array per view, however many rules ask', () => {
    const { kept, computed } = summaries();
    const v = view(['A a.', 'B b.']);
    assert.equal(kept.of(v), kept.of(v));
    assert.deepEqual(computed, ['A a.', 'B b.']);
  });

  it('clear forgets every summary', () => {
    const { kept, computed } = summaries();
    kept.of(view(['A a.', 'B b.']));
    kept.clear();
    computed.length = 0;
    kept.of(view(['A a.', 'B b.']));
    assert.deepEqual(computed, ['A a.', 'B b.']);
  });
});

test('after any sequence of block edits, the kept summaries are the fresh ones', () => {
  const paragraph = fc.constantFrom('A a.', 'B b.', 'C c.', '# D d.', '> E e.', 'F f. G g.');
  const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'insert', 'delete', 'copy'), paragraph });
  fc.assert(
    fc.property(fc.array(paragraph, { maxLength: 8 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (start, edits) => {
      const { kept } = summaries(true);
      const blocks = [...start];
      kept.of(view(blocks, 'markdown'));
      for (const e of edits) {
        const i = blocks.length ? e.at % blocks.length : 0;
        if (e.kind === 'replace' && blocks.length) blocks[i] = e.paragraph;
        else if (e.kind === 'delete') blocks.splice(i, 1);
        else if (e.kind === 'copy' && blocks.length) blocks.splice(e.at % (blocks.length + 1), 0, blocks[i]!);
        else blocks.splice(i, 0, e.paragraph);
        const next = view(blocks, 'markdown');
        assert.deepEqual(kept.of(next), next.blocks.map((b) => `${b.kind}:${b.text}`));
      }
    }),
    { numRuns: 300 },
  );
});
