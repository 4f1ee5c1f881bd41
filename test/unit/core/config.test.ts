import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../../server/src/checks';
import { mergeLayers, parseConfigText, PRESETS, rulesOf } from '../../../server/src/core/config';

/** Each problem as "the text it points at: the message". */
function problemsOf(text: string): string[] {
  return parseConfigText(text, checks).problems.map((p) => `${text.slice(p.span.start, p.span.end)}: ${p.message}`);
}

describe('.copydesk.json: parsing and validation', () => {
  it('comments and trailing commas are allowed', () => {
    const parsed = parseConfigText('{\n  // house style\n  "rules": { "loaded-language": "off", },\n}', checks);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.layer.rules, { 'loaded-language': 'off' });
  });

  const bad: { name: string; text: string; expected: RegExp[] }[] = [
    { name: 'an unknown rule, at its key, with the nearest id', text: '{ "rules": { "loaded-langage": "off" } }', expected: [/^"loaded-langage": Unknown rule 'loaded-langage': did you mean 'loaded-language'\? It is ignored\.$/] },
    { name: 'an unknown rule with no id near it, as a sentence of its own', text: '{ "rules": { "no-such-rule": "off" } }', expected: [/^"no-such-rule": Unknown rule 'no-such-rule'\. It is ignored\.$/] },
    { name: 'a wrong severity, at its value', text: '{ "rules": { "loaded-language": "loud" } }', expected: [/^"loud": Expected "off", "error"/] },
    { name: 'an option of the wrong type', text: '{ "rules": { "near-duplicate-paragraph": { "options": { "threshold": "high" } } } }', expected: [/^"high": 'threshold' expects a number\./] },
    { name: 'an out-of-range number', text: '{ "rules": { "near-duplicate-paragraph": { "options": { "threshold": 7 } } } }', expected: [/^\{ "threshold": 7 \}: near-duplicate-paragraph: /] },
    { name: 'an unknown option', text: '{ "rules": { "loaded-language": { "options": { "strict": true } } } }', expected: [/^"strict": loaded-language has no option 'strict'/] },
    { name: 'an unknown top-level key', text: '{ "rulez": {} }', expected: [/^"rulez": Unknown setting 'rulez'/] },
    { name: 'a list of the wrong kind', text: '{ "allow": "slammed" }', expected: [/^"slammed": 'allow' expects a list of strings\./] },
  ];
  for (const c of bad) {
    it(`reports ${c.name}`, () => {
      const found = problemsOf(c.text);
      assert.equal(found.length, c.expected.length, found.join('\n'));
      c.expected.forEach((re, i) => assert.match(found[i]!, re));
    });
  }

  it('keeps the valid parts when some are wrong', () => {
    const parsed = parseConfigText('{ "rules": { "bogus": "off", "loaded-language": "hint", "vague-attribution": 3 } }', checks);
    assert.deepEqual(parsed.layer.rules, { 'loaded-language': 'hint' });
    assert.equal(parsed.fatal, false);
  });

  it('invalid JSON: an error where the parser stopped; fatal when nothing is an object', () => {
    const broken = parseConfigText('{ "rules": { "loaded-language": "off" ', checks);
    assert.ok(broken.problems.some((p) => p.severity === 'error' && /Not valid JSON/.test(p.message)));
    const notObject = parseConfigText('[1, 2]', checks);
    assert.equal(notObject.fatal, true);
  });
});

describe('layers', () => {
  it('later layers win per rule; options merge key by key; word lists add up', () => {
    const merged = mergeLayers([
      { rules: { 'loaded-language': { severity: 'info', options: { quotes: 'hint' } } }, allow: ['slammed'] },
      { rules: { 'loaded-language': { options: { categories: { intensifier: false } } } }, allow: ['blasted'] },
      { rules: { 'vague-attribution': 'off' } },
    ]);
    assert.deepEqual(merged.rules, {
      'loaded-language': { severity: 'info', options: { quotes: 'hint', categories: { intensifier: false } } },
      'vague-attribution': 'off',
    });
    assert.deepEqual(merged.allow, ['slammed', 'blasted']);
  });

  it('a severity string replaces the whole setting', () => {
    assert.deepEqual(mergeLayers([{ rules: { 'loaded-language': { severity: 'info', options: { quotes: 'hint' } } } }, { rules: { 'loaded-language': 'off' } }]).rules, { 'loaded-language': 'off' });
  });

  it('allowed words become the options of the rules that take them', () => {
    const rules = rulesOf({ rules: { 'loaded-language': 'hint' }, allow: ['slammed'] }, checks);
    assert.deepEqual(rules['loaded-language'], { severity: 'hint', options: { allow: ['slammed'] } });
  });

  it('copydesk:strict turns every rule on', () => {
    const strict = PRESETS['copydesk:strict']!(checks);
    for (const c of checks.filter((c) => !c.meta.id.endsWith('/e-prime'))) assert.ok(strict.rules?.[c.meta.id], c.meta.id);
  });
});
