import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCheck, testCheck } from '../../helpers/checkTester';
import check, { formsOf, type RedundantPhrase } from '../../../server/src/checks/redundant-phrase';
import { applyFixes } from '../../../server/src/core/fixes';
import lexicon from '../../../server/src/data/redundant-phrases.json';

testCheck(check, {
  valid: [
    'The council voted on Tuesday to fund the harbour plan.',
    { name: 'a quotation is the speaker’s', text: 'The mayor said “the end result is what counts” on Monday.' },
    { name: 'part of a hyphenated compound', text: 'The shop sold tax-free gift vouchers.' },
    { name: 'a title in capitals', text: 'The channel will show Advance Warning at nine.' },
    { name: 'words split by punctuation are not a phrase', text: 'It was the end. Result: a draw.' },
  ],
  invalid: [
    {
      name: 'a noun phrase, plural',
      text: 'The end results were published on Friday.',
      findings: [{ messageId: 'redundant', flagged: 'end results', data: { expected: 'results' } }],
      output: 'The results were published on Friday.',
    },
    {
      name: 'a verb phrase in its -ed and -ing forms',
      text: 'The towns joined together. Villages are joining together too.',
      findings: [
        { messageId: 'redundant', flagged: 'joined together' },
        { messageId: 'redundant', flagged: 'joining together' },
      ],
      output: 'The towns joined. Villages are joining too.',
    },
    {
      name: 'a verb after its adverb: completely destroys',
      text: 'The fire completely destroys the roof.',
      findings: [{ messageId: 'redundant', flagged: 'completely destroys' }],
      output: 'The fire destroys the roof.',
    },
    {
      name: 'the capital moves to the kept word at the start of a sentence',
      text: 'Past history suggests a close vote.',
      findings: [{ messageId: 'redundant', flagged: 'Past history', data: { expected: 'History' } }],
      output: 'History suggests a close vote.',
    },
    {
      name: 'a dropped word before a comma keeps the comma',
      text: 'The two firms merged together, the filing shows.',
      findings: [{ messageId: 'redundant', flagged: 'merged together' }],
      output: 'The two firms merged, the filing shows.',
    },
    {
      name: 'a hyphenated pleonasm loses its hyphen too',
      text: 'Critics over-exaggerated the cost.',
      findings: [{ messageId: 'redundant', flagged: 'over-exaggerated' }],
      output: 'Critics exaggerated the cost.',
    },
    {
      name: 'a phrase replaced whole, in the case it was written',
      text: 'At this point in time, no charges have been filed.',
      findings: [{ messageId: 'redundant', flagged: 'At this point in time', data: { expected: 'Now' } }],
      output: 'Now, no charges have been filed.',
    },
    {
      name: 'an irregular past: first began',
      text: 'The strike first began in March.',
      findings: [{ messageId: 'redundant', flagged: 'first began' }],
      output: 'The strike began in March.',
    },
    {
      name: 'a line break inside the phrase',
      text: 'The road reverts\nback to two lanes.',
      findings: [{ messageId: 'redundant', flagged: 'reverts\nback' }],
      output: 'The road reverts to two lanes.',
    },
  ],
});

describe('redundant-phrase: every entry', () => {
  const entries = lexicon.entries as readonly RedundantPhrase[];
  it('drop is the first or last words of the term', () => {
    const bad = entries.filter((e) => e.drop !== undefined && !new RegExp(`^${e.drop}[ -]|[ -]${e.drop}$`).test(e.term)).map((e) => e.term);
    assert.deepEqual(bad, []);
  });
  it('irregular forms have as many words as the term', () => {
    const words = (s: string) => s.split(/[ -]/).length;
    assert.deepEqual(entries.filter((e) => (e.forms ?? []).some((f) => words(f) !== words(e.term))).map((e) => e.term), []);
  });
  it('is found in a sentence and fixed to the words that stay', () => {
    const failures: string[] = [];
    for (const entry of entries) {
      const text = `We noted ${entry.term} here.`;
      const findings = runCheck(check, { text });
      const kept = entry.replacement ?? entry.term.replace(new RegExp(`^${entry.drop}[ -]|[ -]${entry.drop}$`), '');
      const fixed = applyFixes(text, findings.flatMap((f) => (f.fix ? [f.fix] : []))).text;
      if (findings.length !== 1 || fixed !== `We noted ${kept} here.`) failures.push(`${entry.term} → ${fixed} (${findings.length} findings)`);
    }
    assert.deepEqual(failures, []);
  });
  it('inflected forms are made from the words that stay', () => {
    const join = entries.find((e) => e.term === 'join together')!;
    assert.deepEqual(formsOf(join), ['joins together', 'joined together', 'joining together']);
    const history = entries.find((e) => e.term === 'past history')!;
    assert.deepEqual(formsOf(history), ['past histories']);
  });
});
