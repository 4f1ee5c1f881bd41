import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checks, lintText } from '../../../server/src/api';
import { expressionsAsked, filterFrom, filterKey, firstMatch, TextWords, wordFilter, WordNumbers, wordsOf } from '../../../server/src/core/wordFilter';
import { storedFilterOf, wordFilterTableText } from '../../../server/src/core/wordNeed';

/** What the table would say for an expression: read off it, stored, and read back. */
const filterOf = (re: RegExp) => filterFrom(storedFilterOf(re));

describe('wordFilter', () => {
  // skip: the filter must say the expression cannot match. Every case also checks soundness: a text
  // the expression matches is never skipped.
  const cases: { re: RegExp; text: string; skip: boolean }[] = [
    { re: /\b(?:is|are) (?:widely )?poised for\b/iu, text: 'The club is poised for promotion.', skip: false },
    { re: /\b(?:is|are) (?:widely )?poised for\b/iu, text: 'The club is ready for promotion.', skip: true },
    { re: /\b(?:is|are) (?:widely )?poised for\b/iu, text: 'They were poised for it.', skip: true },
    // "want" + "s?" is one word: "wants" is needed whole, not "want" alone.
    { re: /\bwants?\b/iu, text: 'She WANTS more.', skip: false },
    { re: /\bwants?\b/iu, text: 'The wanton act.', skip: true },
    { re: /\btends? to\b/iu, text: 'Prices tend to rise.', skip: false },
    { re: /\btends? to\b/iu, text: 'Prices are going to rise.', skip: true },
    // Without a word boundary the literal can sit inside a longer word.
    { re: /ship/iu, text: 'Their friendship ended.', skip: false },
    { re: /\bship\b/iu, text: 'Their friendship ended.', skip: true },
    // A digit is not a letter: "5percent" holds the word "percent".
    { re: /\d\s?(?:percent|%) of\b/iu, text: 'About 5percent of voters.', skip: false },
    { re: /\d\s?(?:percent|%) of\b/iu, text: 'About 5% of voters.', skip: false },
    { re: /\d\s?(?:percent|%) of\b/iu, text: 'About 5 of voters.', skip: true },
    // Lookarounds consume nothing; a negative one never makes a word required.
    { re: /(?<!\bwe )\bcould (?!not\b)[a-z]{3,}\b/u, text: 'It could collapse.', skip: false },
    { re: /(?<!\bwe )\bcould (?!not\b)[a-z]{3,}\b/u, text: 'It might collapse.', skip: true },
    { re: /^(?:Clearly|In fact),/mu, text: 'A line.\nClearly, it failed.', skip: false },
    { re: /^(?:Clearly|In fact),/mu, text: 'It clearly failed.', skip: true },
    // A negative look-behind or look-ahead of a class holding every letter bounds a word as \b does.
    { re: /(?<![\p{L}.])(?:March|Sept)\.? \d/gu, text: 'On Sept. 5 it rained.', skip: false },
    { re: /(?<![\p{L}.])(?:March|Sept)\.? \d/gu, text: 'The September 5 vote.', skip: true },
    { re: /(?<![\p{L}\p{N}'’-])(?:amidst|whilst)(?![\p{L}\p{N}'’-])/giu, text: 'Amidst the noise.', skip: false },
    { re: /(?<![\p{L}\p{N}'’-])(?:amidst|whilst)(?![\p{L}\p{N}'’-])/giu, text: 'The amidsts.', skip: true },
    // A look-ahead says nothing about the character before it, nor one without every letter.
    { re: /(?![a-z])march\b/u, text: 'Outmarch them.', skip: false },
    { re: /(?<![0-9])march\b/u, text: 'Outmarch them.', skip: false },
    // Repetition keeps what one copy needs; an optional part needs nothing.
    { re: /\bcost (?:\w+ ){1,3}since\b/iu, text: 'The highest cost in years since 1990.', skip: false },
    { re: /\bcost (?:\w+ ){1,3}since\b/iu, text: 'The highest price in years since 1990.', skip: true },
    { re: /\bfor (?:a generation|decades)?\b/iu, text: 'Wait for it.', skip: false },
    // Any alternative with no required word means no filtering at all.
    { re: /\bsaid\b|\d{4}/u, text: 'In 1990 nothing happened.', skip: false },
    // ſ and the Kelvin sign are "s" and "k" to some flags: such a text is never skipped.
    { re: /\bsaid\b/iu, text: 'He ſaid so.', skip: false },
    { re: /\bkeen\b/iu, text: 'He is \u212aeen.', skip: false },
    { re: /\bsaid\b/iu, text: 'He spoke.', skip: true },
  ];
  for (const c of cases) {
    it(`${c.skip ? 'skips' : 'keeps'} ${c.re} for ${JSON.stringify(c.text)}`, () => {
      const mayMatch = filterOf(c.re).mayMatch(wordsOf(c.text));
      if (c.re.test(c.text)) assert.ok(mayMatch, 'the expression matches, so the filter must not skip it');
      assert.equal(mayMatch, !c.skip);
    });
  }

  it('an expression it cannot read is never filtered', () => {
    assert.equal(storedFilterOf(/(a)\1/u), null);
    assert.ok(filterOf(/(a)\1/u).mayMatch(wordsOf('nothing')));
  });

  it('an expression missing from the generated table is never filtered', () => {
    const filter = wordFilter(/\bzyzzyva\b/u);
    assert.ok(filter.always && filter.mayMatch(wordsOf('nothing')));
  });

  it('the key keeps the flags that change a match and drops g and y', () => {
    assert.equal(filterKey(/a b/giuy), filterKey(/a b/iu));
    assert.notEqual(filterKey(/a b/iu), filterKey(/a b/u));
  });
});

/** Texts whose words are read in unusual ways: capitals, "İ" (lower-cased to two characters), marks, digits and other letters against words. */
const UNUSUAL = [
  'On JANUARY 5 the MAYOR said so.',
  'İMarch 5 was cold; KİM went in Mayİ.',
  'On january5th, 5%of them; 10 % of it, the largest.',
  'Café-march, naïve Décembre\tmarch\n5',
  'Outmarch the Marchioness',
  '',
  '%',
  'In fact, ',
];

describe('the gates of the table (a bit per expression, read off the characters)', () => {
  const table = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'server', 'src', 'data', 'word-filters.json'), 'utf8')) as { filters: Record<string, { gate?: string[] } | null> }).filters;
  const expression = (key: string) => new RegExp(key.slice(1, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1));
  const months = expression(Object.keys(table).find((key) => table[key]?.gate?.includes('sept'))!);
  const percent = expression(Object.keys(table).find((key) => table[key]?.gate?.length === 1 && table[key]?.gate?.[0] === '%')!);
  const cases: { re: RegExp; text: string; mayMatch: boolean }[] = [
    { re: months, text: 'On JANUARY 5', mayMatch: true },
    // "İ" is "i" and a combining dot in lower case: "march" is a word of its own after it.
    { re: months, text: 'İMarch 5', mayMatch: true },
    { re: months, text: 'On january5th', mayMatch: true },
    { re: months, text: 'Outmarch the Marchioness', mayMatch: false },
    { re: months, text: 'Décembre', mayMatch: false },
    { re: percent, text: 'Up 5%of', mayMatch: true },
    { re: percent, text: 'Up 5 per cent', mayMatch: false },
  ];
  for (const { re, text, mayMatch } of cases) {
    it(`${mayMatch ? 'keeps' : 'skips'} ${JSON.stringify(text)} for ${re.source.slice(0, 40)}…`, () => {
      assert.equal(wordFilter(re).mayMatch(wordsOf(text)), mayMatch);
      assert.equal(filterOf(re).mayMatch(wordsOf(text)), mayMatch, 'the same answer from the words themselves');
    });
  }
});

describe('data/word-filters.json', () => {
  it('is what scripts/generate-word-filters.ts writes for the expressions the rules use (run it after changing one)', () => {
    const every = Object.fromEntries(checks.map((c) => [c.meta.id, 'info']));
    const fixtures = join(__dirname, '..', '..', 'fixtures', 'corpus', 'clean');
    for (const file of readdirSync(fixtures)) lintText(readFileSync(join(fixtures, file), 'utf8'), 'plaintext', { rules: every });
    const used = expressionsAsked().filter((re) => !/zyzzyva/u.test(re.source));
    assert.ok(used.length >= 20, `only ${used.length} expressions asked for`);
    const file = readFileSync(join(__dirname, '..', '..', '..', 'server', 'src', 'data', 'word-filters.json'), 'utf8');
    assert.equal(file, wordFilterTableText(used));
  });

  it("the table's filters (a bit per gate in the words) answer as the expressions' own filters, on every sentence of the fixtures", () => {
    const fixtures = join(__dirname, '..', '..', 'fixtures', 'corpus', 'clean');
    const sentences = [...readdirSync(fixtures).flatMap((file) => readFileSync(join(fixtures, file), 'utf8').split(/(?<=[.!?])\s+/u)), ...UNUSUAL];
    const used = expressionsAsked().filter((re) => !/zyzzyva/u.test(re.source));
    let skipped = 0;
    for (const re of used) {
      const fromTable = wordFilter(re);
      const own = filterOf(re);
      for (const sentence of sentences) {
        const words = wordsOf(sentence);
        assert.equal(fromTable.mayMatch(words), own.mayMatch(words), `${re} on ${JSON.stringify(sentence)}`);
        if (!fromTable.mayMatch(words)) skipped++;
      }
    }
    assert.ok(skipped > sentences.length, 'the filters skip expressions');
  });

  it('firstMatch, trying the alternatives apart, finds what exec finds: the leftmost match, the first alternative at one place', () => {
    const table = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'server', 'src', 'data', 'word-filters.json'), 'utf8')) as { filters: Record<string, { alternatives?: string[] } | null> }).filters;
    const split = expressionsAsked().filter((re) => table[filterKey(re)]?.alternatives && !re.global);
    assert.ok(split.length >= 5, `only ${split.length} expressions are split`);
    const fixtures = join(__dirname, '..', '..', 'fixtures', 'corpus', 'clean');
    const sentences = [
      ...readdirSync(fixtures).flatMap((file) => readFileSync(join(fixtures, file), 'utf8').split(/(?<=[.!?])\s+/u)),
      // Two alternatives of one expression at different places, and at one place.
      'Most residents have long been told that prices rose 5 percent of the time, the highest since 1990.',
      'For decades, voters have always backed the council; it tends to win, as everyone knows.',
      'They are eager to win, hoping to grab headlines so that fewer people object.',
      'It will likely collapse and could well threaten jobs; the firm is set to cut 200 posts.',
      'Nothing here matches at all.',
      'He ſaid the highest price rose.',
    ];
    let found = 0;
    for (const re of split) {
      for (const sentence of sentences) {
        const m = re.exec(sentence);
        assert.deepEqual(firstMatch(re, sentence, wordsOf(sentence)), m && { index: m.index, text: m[0] }, `${re} on ${JSON.stringify(sentence)}`);
        if (m) found++;
      }
    }
    assert.ok(found >= 10, `only ${found} matches to compare`);
  });
});

describe('WordNumbers', () => {
  const cases: [string, number[], number[], number[]][] = [
    // read, then asked: present, absent
    ['none', [], [], [0, 5]],
    ['one', [7], [7], [0, 6, 8]],
    ['repeats and disorder', [9, 3, 9, 1, 3, 1 << 29], [1, 3, 9, 1 << 29], [0, 2, 4, 10, (1 << 29) + 1]],
    ['a long run', Array.from({ length: 300 }, (_, i) => (i * 7919) % 1000), Array.from({ length: 300 }, (_, i) => (i * 7919) % 1000), [1000, 1001, -1]],
  ];
  for (const [name, read, present, absent] of cases) {
    it(name, () => {
      const words = new WordNumbers({ numbers: Int32Array.from(read), length: read.length });
      assert.equal(words.size, new Set(read).size);
      for (const n of present) assert.equal(words.has(n), true, `${n}`);
      for (const n of absent) assert.equal(words.has(n), false, `${n}`);
      for (let i = 1; i < words.size; i++) assert.ok(words.at(i - 1) < words.at(i));
    });
  }
});

describe('wordsOf, the words kept from the first reading', () => {
  const list = (w: WordNumbers): number[] => Array.from({ length: w.size }, (_, i) => w.at(i));
  // Gate words ("said", "poised", "%"), marks and a word ending the text: each must be among the words kept.
  const piece = fc.constantFrom('said', 'Poised', 'to', ' ', '5%', ',', 'of', 'the', 'İ', 'x', '\n', 'according');
  it('are the words a later reading finds', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        const words = wordsOf(text)!;
        assert.deepEqual(list(words.set), list(new TextWords(text, words.gates, undefined).set), JSON.stringify(text));
      }),
      { numRuns: 1000 },
    );
  });
});
