import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText, type LintSettings } from '../../server/src/api';

// Two versions of a paragraph (87% alike) that share one sentence word for word.
const first =
  'The county council approved a budget of 48 million pounds on Thursday, raising spending on roads and libraries while cutting office costs for the third year. Opposition members walked out of the chamber before the vote.';
const second =
  'The county council approved a budget of 48 million pounds on Wednesday, raising spending on roads and schools while cutting office costs for the third year. Opposition members walked out of the chamber before the vote.';
const draft = `${first}\n\n${second}\n`;

function rulesFired(settings: LintSettings): string[] {
  return lintText(draft, 'plaintext', settings).findings.map((f) => f.checkId);
}

describe('duplicate-sentence stays in step with near-duplicate-paragraph', () => {
  it('by default the pair is one near-duplicate finding, not also a repeated sentence', () => {
    assert.deepEqual(rulesFired({}), ['near-duplicate-paragraph']);
  });
  it('above the pair similarity, the shared sentence is reported instead', () => {
    assert.deepEqual(rulesFired({ nearDuplicateThreshold: 0.95 }), ['duplicate-sentence']);
    assert.deepEqual(rulesFired({ rules: { 'near-duplicate-paragraph': { options: { threshold: 0.95 } } } }), ['duplicate-sentence']);
  });
  it('with near-duplicate-paragraph off, the shared sentence is still reported', () => {
    assert.deepEqual(rulesFired({ rules: { 'near-duplicate-paragraph': 'off' } }), ['duplicate-sentence']);
    assert.deepEqual(rulesFired({ rules: { 'near-duplicate-paragraph': { severity: 'off' } } }), ['duplicate-sentence']);
  });
  it('a severity given as a plain string keeps working', () => {
    const findings = lintText(draft, 'plaintext', { rules: { 'near-duplicate-paragraph': 'error' }, nearDuplicateThreshold: 0.5 }).findings;
    assert.deepEqual(findings.map((f) => [f.checkId, f.severity]), [['near-duplicate-paragraph', 'error']]);
  });
  it('settings problems are reported, not thrown', () => {
    assert.deepEqual(lintText(draft, 'plaintext', { rules: { 'no-such-rule': 'warning', 'duplicate-sentence': 'loud' } }).problems.length, 2);
  });
});

describe('loaded-language settings', () => {
  const text = 'The draconian rules were described as a bonanza for lawyers.';
  it('bad config is reported clearly, and the rule keeps working with the rest', () => {
    const result = lintText(text, 'plaintext', {
      loadedLanguage: { categories: { 'not-a-category': false }, terms: [{ term: '(a|b)+' }, { term: 'bonanza', category: 'puffery', alternatives: ['windfall'] }] },
    });
    assert.deepEqual(result.problems, [
      'rules.loaded-language.options: categories.not-a-category: unknown category (known: emotive-adjective, emotive-noun, emotive-verb, intensifier, editorialising-adverb, contentious-label, euphemism, puffery, verb-of-saying)',
      'rules.loaded-language.options: terms[0]: "(a|b)+" must be plain words (letters, digits, spaces, hyphens, apostrophes); this term is ignored',
    ]);
    assert.deepEqual(result.findings.filter((f) => f.checkId === 'loaded-language').map((f) => f.actual), ['draconian', 'bonanza']);
  });
  it('a category can be turned off and a term allowed through the shorthand', () => {
    const findings = lintText(text, 'plaintext', { loadedLanguage: { allow: ['draconian'] } }).findings;
    assert.deepEqual(findings.filter((f) => f.checkId === 'loaded-language').map((f) => f.actual), []);
  });
});
