/// <reference path="../../../../server/src/checks/write-good/_write-good.d.ts" />
/**
 * @file The fast write-good sub-checks against write-good itself: the word lists and expressions
 * are the packages' own, the character classes are JavaScript's, and on tricky cases (table) and
 * random text built from the lists' own words (fast-check, a fixed seed and a fresh one) every
 * sub-check gives the very spans write-good gives, in the same order.
 * scripts/diff-write-good.ts makes the same comparison on the whole BBC corpus.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import writeGood from 'write-good';
import { fastHits, isSpace, isWordChar, literalTokens, PACKAGE_SOURCES, prefilterTableText, SEPARATOR, type SubCheck } from '../../../../server/src/checks/write-good/_fast';
import * as lists from '../../../../server/src/checks/write-good/_lists';

const SUB_CHECKS: readonly SubCheck[] = ['passive', 'illusion', 'so', 'thereIs', 'weasel', 'adverb', 'tooWordy', 'cliches', 'eprime'];

/** write-good itself, with only `sub` on. */
function bare(sub: SubCheck, text: string): { start: number; end: number }[] {
  const only = Object.fromEntries(SUB_CHECKS.map((c) => [c, c === sub]));
  return writeGood(text, only).map((s) => ({ start: s.index, end: s.index + s.offset }));
}

function assertSame(sub: SubCheck, text: string): void {
  assert.deepEqual(fastHits(sub, text), bare(sub, text), `${sub} on ${JSON.stringify(text)}`);
}

// The packages keep their lists in module-local variables: run each file's source with a line
// added at the end that hands them out, requiring its own dependencies as write-good does.
const fromWriteGood = createRequire(require.resolve('write-good'));
function packageLocals(file: string, names: readonly string[]): Record<string, unknown> {
  const path = fromWriteGood.resolve(file);
  const out: Record<string, unknown> = {};
  const module = { exports: {} };
  const sandbox = { require: createRequire(path), module, exports: module.exports, out };
  runInNewContext(`${readFileSync(path, 'utf8')}\n;${names.map((n) => `out.${n} = ${n};`).join(' ')}`, sandbox);
  return out;
}

describe('write-good fast path: the packages’ own lists and expressions', () => {
  /** An array from the packages' context, as one of ours (deepEqual compares prototypes). */
  const list = (x: unknown): unknown[] => Array.from(x as unknown[]);
  const source = (x: unknown): string => {
    assert.equal(Object.prototype.toString.call(x), '[object RegExp]');
    assert.equal((x as RegExp).flags, 'gi');
    return (x as RegExp).source;
  };

  it('weasel-words', () => {
    const p = packageLocals('weasel-words', ['weasels', 'exceptions', 're']);
    assert.deepEqual(lists.WEASELS, list(p.weasels));
    assert.deepEqual(lists.WEASEL_EXCEPTIONS, list(p.exceptions));
    assert.equal(PACKAGE_SOURCES.weasel, source(p.re));
  });

  it('passive-voice', () => {
    const p = packageLocals('passive-voice', ['irregulars', 'exceptions', 're']);
    assert.deepEqual(lists.IRREGULAR_PARTICIPLES, list(p.irregulars));
    assert.deepEqual(lists.PASSIVE_EXCEPTIONS, list(p.exceptions));
    assert.equal(PACKAGE_SOURCES.passive, source(p.re));
  });

  it('adverb-where', () => {
    const p = packageLocals('adverb-where', ['adverbs', 'weakens', 'adverbRegex']);
    assert.deepEqual(lists.ADVERB_STEMS, list(p.adverbs));
    assert.deepEqual(lists.WEAKENERS, list(p.weakens));
    assert.equal(PACKAGE_SOURCES.adverb, source(p.adverbRegex));
  });

  it('too-wordy and no-cliches (their lists as the packages rewrite them, spaces made separators)', () => {
    const wordy = packageLocals('too-wordy', ['wordyWords', 'wordyRegex']);
    assert.deepEqual(
      lists.WORDY.map((w) => w.replace(/ /g, SEPARATOR)),
      list(wordy.wordyWords),
    );
    assert.equal(PACKAGE_SOURCES.tooWordy, source(wordy.wordyRegex));
    const cliches = packageLocals('no-cliches', ['cliches', 'clicheRegex']);
    assert.deepEqual(
      lists.CLICHES.map((w) => w.replace(/ /g, SEPARATOR)),
      list(cliches.cliches),
    );
    assert.equal(PACKAGE_SOURCES.cliches, source(cliches.clicheRegex));
  });

  it('e-prime', () => {
    const p = packageLocals('e-prime', ['toBe', 're']);
    assert.deepEqual(lists.TO_BE, list(p.toBe));
    assert.equal(PACKAGE_SOURCES.eprime, source(p.re));
  });

  it('write-good runs those packages, and its own three checks are the ones followed here', () => {
    const wg = readFileSync(require.resolve('write-good'), 'utf8');
    for (const dep of ['weasel-words', 'passive-voice', 'adverb-where', 'too-wordy', 'no-cliches', 'e-prime']) assert.ok(wg.includes(`require('${dep}')`), dep);
    const lib = (name: string): string => readFileSync(fromWriteGood.resolve(`./lib/${name}`), 'utf8');
    assert.ok(lib('lexical-illusions.js').includes(String.raw`new RegExp('(\\s*)([^\\s]+)', 'gi')`));
    assert.ok(lib('starts-with-so.js').includes(String.raw`new RegExp('^(\\s)*so\\b[\\s\\S]', 'i')`));
    assert.ok(lib('there-is.js').includes(String.raw`new RegExp('^(\\s)*there\\b\\s(is|are)\\b', 'i')`));
    for (const file of ['starts-with-so.js', 'there-is.js']) assert.ok(lib(file).includes(String.raw`new RegExp('([^\n\\.;!?]+)([\\.;!?]+)', 'gi')`), file);
  });
});

describe('write-good fast path: the prefilters written ahead of time', () => {
  it('data/write-good-prefilters.json is what scripts/generate-write-good-prefilters.ts writes (run it after changing a list)', () => {
    assert.equal(readFileSync(join(__dirname, '..', '..', '..', '..', 'server', 'src', 'data', 'write-good-prefilters.json'), 'utf8'), prefilterTableText());
  });
});

describe('write-good fast path: JavaScript’s character classes', () => {
  it('isSpace is \\s and isWordChar is \\w, for every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isSpace(c), /\s/.test(ch), `\\s at ${c.toString(16)}`);
      assert.equal(isWordChar(c), /\w/.test(ch), `\\w at ${c.toString(16)}`);
    }
  });

  it('without the flag u, i matches an ASCII letter in its two cases only, and other ASCII only itself', () => {
    for (let a = 0x20; a < 0x7f; a++) {
      const re = new RegExp(`^\\x${a.toString(16)}$`, 'i');
      const matching = [];
      for (let c = 0; c <= 0xffff; c++) if (re.test(String.fromCharCode(c))) matching.push(c);
      const ch = String.fromCharCode(a);
      assert.deepEqual(matching, [...new Set([ch.toUpperCase(), ch.toLowerCase()])].map((x) => x.charCodeAt(0)).sort((x, y) => x - y), ch);
    }
  });

  it('an opening stops at the first operator, and leaves out a character a quantifier follows', () => {
    const sep = 'SEP';
    assert.deepEqual(literalTokens(`will${SEPARATOR}wonders${SEPARATOR}never${SEPARATOR}cease?`).join(''), `will${sep}wonders${sep}never${sep}ceas`);
    assert.deepEqual(literalTokens("aren't").join(''), "aren't");
    assert.deepEqual(literalTokens('As (a) rule').join(''), 'as ');
  });
});

/** Cases where write-good's expressions behave oddly, or the fast path could go wrong. */
const TABLE: { check: SubCheck; text: string; hits?: [number, number][] }[] = [
  // weasel: "too many" is allowed, case-sensitively, and substr with a negative start looks at the end.
  { check: 'weasel', text: 'There were too many, Too many and too  many.' },
  { check: 'weasel', text: 'Many said so, too ', hits: [] },
  { check: 'weasel', text: 'Few. Too few. TOO FEW. Are a Number of things.' },
  { check: 'weasel', text: 'very_ very1 very-nice manyfold' },
  // passive: white space of any kind between, "indeed" never, a match on it still consumed.
  { check: 'passive', text: 'It was\n\tbuilt, was  indeed admitted, is been done, were WALKED, are 3ed, be_ed.' },
  { check: 'passive', text: 'Being beaten; bEEn BROKEN; is\u00a0made; was\u2028sold; was,sold; was_sold wasn’t sold' },
  { check: 'passive', text: 'is indeed built' },
  // adverb: stems plus "y", and the weakeners.
  { check: 'adverb', text: 'Really, truly, JUST maybe, things and stuff: justly early ver very' },
  // too-wordy: the lookbehind and separators that may be empty or odd.
  { check: 'tooWordy', text: 'accede to, accedeto, accede\u200Cto, accede\bto, accede\n\nto, re-accede to, -accede to, utilize-d' },
  { check: 'tooWordy', text: 'By virtue of the fact that it was, by virtue of it.' },
  // clichés: the same, and "cease?".
  { check: 'cliches', text: 'All thumbs, allthumbs, all\u200c thumbs. Will wonders never ceas. Will wonders never cease? Tip of the iceberg.' },
  { check: 'cliches', text: "you're the boss yet; You’re the boss; all's fair in love and war" },
  // e-prime: typographic apostrophes count.
  { check: 'eprime', text: 'It’s here. It‘s there. Aren’t they? isn\u2019t; Is_ BE been being.' },
  // illusion: any non-space run, Unicode case folding, ASCII \w only.
  { check: 'illusion', text: 'the the The THE, the. the. ... ... 1 1 é é É é İ i̇ ſ S Straße STRASSE' },
  { check: 'illusion', text: 'the\u00a0the\u2028the\u200bthe' },
  // ASCII only, where one expression rules out a paragraph with no run repeated: repeats in other
  // cases, across tabs and line breaks, at the end and after leading space; near misses ("had had,").
  { check: 'illusion', text: 'had had, that that. It was The THE end;\ta\n\ta x-Y X-y 1 1 ... ... end end', hits: [[31, 34], [43, 44], [49, 52], [55, 56], [69, 72]] },
  { check: 'illusion', text: 'no run here is repeated: the then, them the, thee the; a ab', hits: [] },
  { check: 'illusion', text: '  So so', hits: [[5, 7]] },
  // so: the run's start, plus one if it opens with white space, however much.
  { check: 'so', text: 'Yes.  So what? So. So, then! so-called; \nSo there. so', hits: [[5, 7], [19, 21], [29, 31], [41, 43]] },
  { check: 'so', text: 'So\nwhat. So_ what. So1. So é.' },
  // thereIs: the same start; the line break ends the run.
  { check: 'thereIs', text: 'There is. There  is. there\nis. ; there are none! there is_ there isn’t. There\tare?', hits: [[0, 8], [33, 42], [72, 81]] },
  { check: 'thereIs', text: '  There is one.', hits: [[1, 10]] },
];

describe('write-good fast path: the same hits as write-good, case by case', () => {
  it('"So" and "There is" take linear time on a long run with no full stop', () => {
    const unfinished = `So far. ${'so the list goes on with word after word, so there is more '.repeat(5000)}`;
    const started = performance.now();
    assert.deepEqual(fastHits('so', unfinished), [{ start: 0, end: 2 }]);
    assert.deepEqual(fastHits('thereIs', unfinished), []);
    assert.ok(performance.now() - started < 500, '300,000 characters with 15,000 candidates and no full stop after the first take well under a second');
  });

  for (const { check, text, hits } of TABLE) {
    it(`${check}: ${JSON.stringify(text)}`, () => {
      assertSame(check, text);
      if (hits) assert.deepEqual(bare(check, text), hits.map(([start, end]) => ({ start, end })), 'write-good’s own result, documented');
    });
  }
});

// Random text from the lists' own words: each word as it is, capitalised or in capitals, and
// every entry whole, joined by the separators and punctuation the expressions care about.
const words = [
  ...new Set(
    [
      ...lists.WEASELS,
      ...lists.IRREGULAR_PARTICIPLES,
      ...lists.BE_FORMS,
      ...lists.ADVERB_STEMS.flatMap((s) => [`${s}y`, s]),
      ...lists.WEAKENERS,
      ...lists.WORDY,
      ...lists.CLICHES,
      ...lists.TO_BE,
      ...['indeed', 'walked', 'so', 'there', 'is', 'are', 'too', 'many', 'few', 'the', 'a', 'it', 'é', 'İ', 'ſ', '\u212a', '_', '1'],
    ].flatMap((entry) => [entry, ...entry.split(/\s+/)]),
  ),
];
/** The short words the expressions turn on, drawn more often than the rest. */
const pivots = [
  ...lists.BE_FORMS,
  ...lists.TO_BE,
  ...lists.WEAKENERS,
  ...['so', 'So', '. So', '. So the', '? So,', '\nSo', ' so ', '. There is', ';  There are', '\nthere\tis', 'there', 'is', 'are'],
  ...['was made', 'is\tbuilt', 'were  taken', 'been', 'made', 'walked', 'indeed', 'shot', 'read'],
  ...['too', 'many', 'few', 'the'],
];
const word = fc
  .tuple(fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 3 }, { arbitrary: fc.constantFrom(...pivots), weight: 2 }), fc.constantFrom('as is', 'Capital', 'CAPITALS')).map(([w, c]) => (c === 'as is' ? w : c === 'CAPITALS' ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)));
const between = fc.constantFrom(' ', ' ', ' ', '  ', '', '\n', '\n\n', '\t', '\r\n', '\u00a0', '\u200c', '\b', '\u2028', '-', "'", '’', '‘', '.', '. ', '; ', '! ', '? ', ', ', '...', ' - ', '“', '”');
/** Some words twice over, for the repeated-word check. */
const text = fc
  .array(fc.tuple(word, between, fc.nat(5)), { maxLength: 24 })
  .map((parts) => parts.map(([w, b, n]) => (n === 0 ? `${w}${b}${w.toLowerCase()}${b}` : `${w}${b}`)).join(''));

function property(counts: Map<SubCheck, number>) {
  return fc.property(text, (t) => {
    for (const sub of SUB_CHECKS) {
      const fast = fastHits(sub, t);
      assert.deepEqual(fast, bare(sub, t), `${sub} on ${JSON.stringify(t)}`);
      counts.set(sub, (counts.get(sub) ?? 0) + fast.length);
    }
  });
}

describe('write-good fast path: the same hits as write-good on random text from the lists’ words', () => {
  it('fixed seed', (t) => {
    const counts = new Map<SubCheck, number>();
    fc.assert(property(counts), { numRuns: 1500, seed: 20261128 });
    // The text is meant to make every sub-check fire, or the comparison proves little.
    t.diagnostic(`hits: ${[...counts].map(([sub, n]) => `${sub} ${n}`).join(', ')}`);
    for (const sub of SUB_CHECKS) assert.ok((counts.get(sub) ?? 0) > 50, `${sub} fired ${counts.get(sub) ?? 0} times`);
  });

  it('a fresh seed each run (printed, to replay a failure)', (t) => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    t.diagnostic(`fast-check seed ${seed}`);
    fc.assert(property(new Map()), { numRuns: 500, seed });
  });
});
