import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchCase } from '../../../server/src/core/casing';
import { formsOf, inflectPhrase } from '../../../server/src/core/inflect';

describe('formsOf', () => {
  const table: [string, Parameters<typeof formsOf>[1], string[]][] = [
    ['slam', 'verb', ['slam', 'slams', 'slammed', 'slamed', 'slamming', 'slaming']],
    ['claim', 'verb', ['claim', 'claims', 'claimed', 'claiming']],
    ['decimate', 'verb', ['decimate', 'decimates', 'decimated', 'decimating']],
    ['lash out', 'verb', ['lash out', 'lashes out', 'lashed out', 'lashing out']],
    ['aggressive', 'adjective', ['aggressive', 'aggressively']],
    ['horrible', 'adjective', ['horrible', 'horribly']],
    ['tragic', 'adjective', ['tragic', 'tragically']],
    ['regime', 'noun', ['regime', 'regimes']],
    ['witch hunt', 'noun', ['witch hunt', 'witch hunts']],
    ['atrocity', 'noun', ['atrocity', 'atrocities']],
    ['so-called', 'phrase', ['so-called']],
  ];
  for (const [term, pos, forms] of table) it(`${term} (${pos})`, () => assert.deepEqual(formsOf(term, pos).map((f) => f.form), forms));
});

describe('inflectPhrase puts an alternative in the form of the match', () => {
  const table: [string, Parameters<typeof inflectPhrase>[1], Parameters<typeof inflectPhrase>[2], string][] = [
    ['criticize', 'ed', 'verb', 'criticized'],
    ['say', 'ed', 'verb', 'said'],
    ['say', 's', 'verb', 'says'],
    ['speak out', 'ing', 'verb', 'speaking out'],
    ['government', 'plural', 'noun', 'governments'],
    ['forceful', 'ly', 'adjective', 'forcefully'],
    ['strict', 'base', 'adjective', 'strict'],
  ];
  for (const [phrase, transform, pos, expected] of table) it(`${phrase} → ${expected}`, () => assert.equal(inflectPhrase(phrase, transform, pos), expected));
});

describe('matchCase', () => {
  const table: [string, string, string][] = [
    ['criticized', 'slammed', 'criticized'],
    ['criticized', 'Slammed', 'Criticized'],
    ['criticized', 'SLAMMED', 'CRITICIZED'],
    ['government', 'Regime', 'Government'],
  ];
  for (const [replacement, original, expected] of table) it(`${original} → ${expected}`, () => assert.equal(matchCase(replacement, original), expected));
});
