import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import fc from 'fast-check';
import { indexableParagraphs, MIN_WORDS, paragraphKey, summarizeDraft } from '../../../server/src/core/paragraphDigest';
import { ParagraphIndex, type MatchOptions } from '../../../server/src/core/paragraphIndex';
import { comparisonWords } from '../../../server/src/core/normalize';
import { pairSimilarity, SHINGLE_SIZE } from '../../../server/src/core/repeats';
import { shingleSet } from '../../../server/src/core/shingles';
import { buildSourceText, type TextFormat } from '../../../server/src/core/text';

const BUDGET = 'The county council approved a budget of 48 million pounds on Thursday, raising spending on roads and libraries.';
const EDITED = 'The county council approved a budget of 48 million pounds on Wednesday, raising spending on roads and schools.';
const FERRY = 'The ferry to the islands will run twice a day from April, the operator said after a winter of cancellations.';
const DEFAULTS: MatchOptions = { threshold: 0.6, maxDrafts: 10, shortWords: 25, shortThreshold: 0.75 };

const summary = (text: string, name: string, format: TextFormat = 'plaintext') => summarizeDraft(buildSourceText(text, format), name);
/** What the index answers for every indexable paragraph of `text` as draft `self`: "name:line:exact|percent" per paragraph. */
function ask(index: ParagraphIndex, self: string | undefined, text: string, options = DEFAULTS): string[][] {
  const paragraphs = indexableParagraphs(buildSourceText(text, 'plaintext'));
  return index.lookupFor(self).matches(paragraphs, options).map((ms) => ms.map((m) => `${m.name}:${m.line}:${m.exact ? 'exact' : Math.floor(m.similarity * 100)}`));
}

describe('indexableParagraphs: what is compared across drafts', () => {
  const cases: { name: string; text: string; format?: TextFormat; kept: string[] }[] = [
    { name: 'body paragraphs of 8 words or more', text: `${BUDGET}\n\n${FERRY}\n`, kept: [BUDGET, FERRY] },
    { name: 'under 8 words: bylines, datelines, "Advertisement"', text: `By Jane Smith\n\nAdvertisement\n\nLONDON, 4 May\n\n${FERRY}\n`, kept: [FERRY] },
    { name: 'exactly 8 words is enough', text: 'One two three four five six seven eight.\n', kept: ['One two three four five six seven eight.'] },
    { name: 'Markdown headlines, however long', text: `# ${BUDGET}\n\n${FERRY}\n`, format: 'markdown', kept: [FERRY] },
    { name: 'list items and block quotes are paragraphs', text: `- ${BUDGET}\n\n> ${FERRY}\n`, format: 'markdown', kept: [BUDGET, FERRY] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const view = buildSourceText(c.text, c.format ?? 'plaintext');
      assert.deepEqual(indexableParagraphs(view, false).map((p) => c.text.slice(p.span.start, p.span.end)), c.kept);
    });
  }
  it(`MIN_WORDS is near-duplicate-paragraph's minWords (${MIN_WORDS})`, async () => {
    const near = (await import('../../../server/src/checks/near-duplicate-paragraph')).default;
    assert.equal(MIN_WORDS, near.meta.defaultOptions.minWords);
  });
});

describe('ParagraphIndex: add, update, remove, query', () => {
  const steps: { name: string; run: (index: ParagraphIndex) => void; query: { self?: string; text: string; options?: MatchOptions }; expect: string[][] }[] = [
    { name: 'exact: the same paragraph in another draft', run: (i) => i.set('a', summary(`${FERRY}\n\n${BUDGET}\n`, 'a.txt')), query: { self: 'b', text: `${BUDGET}\n` }, expect: [['a.txt:3:exact']] },
    { name: 'a draft never matches itself', run: (i) => i.set('a', summary(`${BUDGET}\n`, 'a.txt')), query: { self: 'a', text: `${BUDGET}\n` }, expect: [[]] },
    { name: 'near: an edited version, with its similarity', run: (i) => i.set('a', summary(`${BUDGET}\n`, 'a.txt')), query: { text: `${EDITED}\n` }, expect: [['a.txt:1:82']] },
    { name: 'below the threshold: nothing', run: (i) => i.set('a', summary(`${BUDGET}\n`, 'a.txt')), query: { text: `${EDITED}\n`, options: { ...DEFAULTS, threshold: 0.9 } }, expect: [[]] },
    {
      name: 'update: set again with new text replaces the old paragraphs',
      run: (i) => (i.set('a', summary(`${BUDGET}\n`, 'a.txt')), i.set('a', summary(`${FERRY}\n`, 'a.txt'))),
      query: { text: `${BUDGET}\n\n${FERRY}\n` },
      expect: [[], ['a.txt:1:exact']],
    },
    { name: 'remove: the draft is gone', run: (i) => (i.set('a', summary(`${BUDGET}\n`, 'a.txt')), i.remove('a')), query: { text: `${BUDGET}\n` }, expect: [[]] },
    {
      name: 'one match per other draft: its closest paragraph (word for word before edited, then the first)',
      run: (i) => i.set('a', summary(`${EDITED}\n\n${BUDGET}\n\n${BUDGET}\n`, 'a.txt')),
      query: { text: `${BUDGET}\n` },
      expect: [['a.txt:3:exact']],
    },
    {
      name: 'several drafts: word for word first, then by similarity, then by name',
      run: (i) => (i.set('z', summary(`${EDITED}\n`, 'z.txt')), i.set('b', summary(`${BUDGET}\n`, 'b.txt')), i.set('a', summary(`${BUDGET}\n`, 'a.txt'))),
      query: { text: `${BUDGET}\n` },
      expect: [['a.txt:1:exact', 'b.txt:1:exact', 'z.txt:1:82']],
    },
    {
      name: 'boilerplate: in more other drafts than maxDrafts, not reported',
      run: (i) => ['a', 'b', 'c'].forEach((id) => i.set(id, summary(`${BUDGET}\n`, `${id}.txt`))),
      query: { text: `${BUDGET}\n`, options: { ...DEFAULTS, maxDrafts: 2 } },
      expect: [[]],
    },
    {
      name: 'short paragraphs and headlines are not indexed, so never matched',
      run: (i) => i.set('a', summary(`# ${BUDGET}\n\nBy Jane Smith\n`, 'a.md', 'markdown')),
      query: { text: `${BUDGET}\n\nBy Jane Smith\n` },
      expect: [[]],
    },
  ];
  for (const step of steps) {
    it(step.name, () => {
      const index = new ParagraphIndex();
      step.run(index);
      assert.deepEqual(ask(index, step.query.self, step.query.text, step.query.options), step.expect);
    });
  }
  it('set reports whether anything changed; remove whether the draft was there', () => {
    const index = new ParagraphIndex();
    assert.equal(index.set('a', summary(`${BUDGET}\n`, 'a.txt')), true);
    assert.equal(index.set('a', summary(`${BUDGET}\n`, 'a.txt')), false);
    assert.equal(index.set('a', summary(`\n${BUDGET}\n`, 'a.txt')), true, 'moved: the spans changed');
    assert.equal(index.remove('a'), true);
    assert.equal(index.remove('a'), false);
    assert.equal(index.size, 0);
  });
});

// Drafts built from a small stock of sentences, so that many paragraphs are near copies and some
// shingles are held by more paragraphs than the index lets propose candidates.
const SENTENCES = [
  'The council approved the harbour budget on Tuesday after a long debate.',
  'Residents asked for more buses on the northern routes.',
  'The mayor said the plan would be reviewed next spring.',
  'Fishing crews have waited three years for the new quay.',
  'A spokesman for the port authority declined to comment.',
  'Repairs to the sea wall will cost about four million pounds.',
];
const paragraph = fc.array(fc.integer({ min: 0, max: SENTENCES.length - 1 }), { minLength: 1, maxLength: 3 }).map((ids) => ids.map((i) => SENTENCES[i]).join(' '));
const draft = fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\n\n'));

/** A draft's indexable paragraphs as texts and word-pair sets, for comparing without the index. */
function paragraphsOf(text: string) {
  return indexableParagraphs(buildSourceText(text, 'plaintext'), false).map((p) => {
    const t = text.slice(p.span.start, p.span.end);
    return { line: p.line, start: p.span.start, key: paragraphKey(t), words: comparisonWords(t).length, set: shingleSet(t, SHINGLE_SIZE) };
  });
}

/** The answer without any index: every paragraph of every other draft compared with pairSimilarity. */
function bruteForce(drafts: ReadonlyMap<string, ReturnType<typeof paragraphsOf>>, self: string, options: MatchOptions): string[][] {
  return drafts.get(self)!.map((p) => {
    const found: { name: string; line: number; exact: boolean; similarity: number; start: number }[] = [];
    for (const [name, other] of drafts) {
      if (name === self) continue;
      let best: (typeof found)[number] | undefined;
      for (const q of other) {
        const exact = q.key === p.key;
        const similarity = exact ? 1 : pairSimilarity(p.set, q.set);
        const short = Math.min(p.words, q.words) < options.shortWords;
        if (!exact && (similarity < options.threshold || (short && similarity < options.shortThreshold))) continue;
        if (!best || (exact && !best.exact) || (exact === best.exact && (similarity > best.similarity || (similarity === best.similarity && q.start < best.start)))) best = { name, line: q.line, exact, similarity, start: q.start };
      }
      if (best) found.push(best);
    }
    if (found.length > options.maxDrafts) return [];
    found.sort((a, b) => Number(b.exact) - Number(a.exact) || b.similarity - a.similarity || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return found.map((m) => `${m.name}:${m.line}:${m.exact ? 'exact' : Math.floor(m.similarity * 100)}`);
  });
}

/** Random drafts, then random replacements and removals, applied to the index and to a plain map alike. */
function workspaceAfter(start: readonly string[], ops: readonly { draft: number; text: string | undefined }[]) {
  const index = new ParagraphIndex();
  const texts = new Map<string, string>();
  const put = (name: string, text: string): void => void (texts.set(name, text), index.set(name, summary(text, name)));
  start.forEach((text, i) => put(`d${i}`, text));
  for (const o of ops) {
    const name = `d${o.draft % (start.length + 2)}`;
    if (o.text === undefined) (texts.delete(name), index.remove(name));
    else put(name, o.text);
  }
  return { index, texts, paragraphs: new Map([...texts].map(([name, text]) => [name, paragraphsOf(text)])) };
}

const op = fc.record({ draft: fc.nat(), text: fc.option(draft, { nil: undefined }) });

test('in a workspace where no word pair is common, the index answers exactly what comparing every pair does', () => {
  fc.assert(
    fc.property(fc.array(draft, { minLength: 2, maxLength: 12 }), fc.array(op, { maxLength: 12 }), fc.constantFrom(0.4, 0.6, 0.9), fc.constantFrom(0, 25), (start, ops, threshold, shortWords) => {
      const { index, texts, paragraphs } = workspaceAfter(start, ops);
      const options = { threshold, maxDrafts: 1000, shortWords, shortThreshold: 0.75 };
      for (const [name, text] of texts) assert.deepEqual(ask(index, name, text, options), bruteForce(paragraphs, name, options));
    }),
    { numRuns: 60 },
  );
});

test('with word pairs held by more than 64 paragraphs, every match the index reports is real, and no draft with a word-for-word copy is missed', () => {
  fc.assert(
    fc.property(fc.array(draft, { minLength: 60, maxLength: 90 }), fc.array(op, { maxLength: 12 }), fc.constantFrom(0.4, 0.6), (start, ops, threshold) => {
      const { index, texts, paragraphs } = workspaceAfter(start, ops);
      const options = { ...DEFAULTS, threshold, maxDrafts: 1000 };
      for (const [name, text] of [...texts].slice(0, 4)) {
        const mine = paragraphs.get(name)!;
        const expected = bruteForce(paragraphs, name, options);
        ask(index, name, text, options).forEach((found, i) => {
          for (const m of found) {
            // The paragraph named really is that similar (the index may name another paragraph of the same draft than a full comparison would).
            const [other, line, score] = m.split(':') as [string, string, string];
            const q = paragraphs.get(other)!.find((x) => String(x.line) === line)!;
            assert.equal(score, q.key === mine[i]!.key ? 'exact' : String(Math.floor(pairSimilarity(mine[i]!.set, q.set) * 100)), m);
          }
          const drafts = (list: readonly string[]) => list.filter((m) => m.endsWith(':exact')).map((m) => m.split(':')[0]);
          assert.deepEqual(drafts(found), drafts(expected[i]!));
        });
      }
    }),
    { numRuns: 8 },
  );
});

// FIXME (documented limit, docs/rules/reused-paragraph.md): a paragraph whose shared word pairs are
// all common is found only word for word. Here every other draft holds the sentence once; the
// sentence written twice in one paragraph is 100% the same as each, but every word pair of it is
// held by 70 paragraphs and none proposes a candidate.
it('known limit: a near match made only of word pairs held by more than 64 paragraphs is not found', () => {
  const sentence = SENTENCES[0]!;
  const { index } = workspaceAfter(Array.from({ length: 70 }, () => sentence), []);
  assert.deepEqual(ask(index, undefined, `${sentence} ${sentence}\n`, { ...DEFAULTS, maxDrafts: 1000, shortWords: 0 }), [[]]);
});
