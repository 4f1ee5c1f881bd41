import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { runCheck } from '../helpers/checkTester';
import apTitles from '../../server/src/checks/ap-style/titles';
import apWordChoice from '../../server/src/checks/ap-style/word-choice';
import loadedLanguage from '../../server/src/checks/loaded-language';
import redundantPhrase from '../../server/src/checks/redundant-phrase';
import unattributedClaim from '../../server/src/checks/unattributed-claim';
import { applyFixes } from '../../server/src/core/fixes';
import type { Check } from '../../server/src/core/types';

const dataDir = join(__dirname, '..', '..', 'server', 'src', 'data');
const ajv = new Ajv({ allErrors: true });
/** Each data file names its schema in "$schema" (editors use it for completion); the test uses the same one. */
const validatorFor = (schemaRef: string | undefined) => ajv.getSchema(schemaRef ?? '') ?? ajv.compile({ ...JSON.parse(readFileSync(join(dataDir, schemaRef ?? 'lexicon.schema.json'), 'utf8')), $id: schemaRef });
/** Which check runs each lexicon's own examples. */
const checkFor: Record<string, Check> = {
  'loaded-language.json': loadedLanguage as Check,
  'redundant-phrases.json': redundantPhrase as Check,
  'ap-word-choice.json': apWordChoice as Check,
  'ap-titles.json': apTitles as Check,
  'judgement-words.json': unattributedClaim as Check,
};

interface Lexicon {
  $schema?: string;
  meta: { sources: { id: string; url: string; license: string; retrieved: string }[] };
  entries: { term: string; source: string; examples?: { text: string; flagged?: string; fixed?: string }[] }[];
}

for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))) {
  const lexicon = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as Lexicon;
  if (!lexicon.entries) continue; // a plain word list: below
  describe(`lexicon ${file}`, () => {
    it('matches the schema', () => {
      const validate = validatorFor(lexicon.$schema?.replace(/^\.\//, ''));
      assert.ok(validate(lexicon), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    });
    it('every entry names a declared source, and every source has a URL, a licence and a date', () => {
      const ids = new Set(lexicon.meta.sources.map((s) => s.id));
      for (const s of lexicon.meta.sources) assert.ok(s.url && s.license && /^\d{4}-\d{2}-\d{2}$/.test(s.retrieved), s.id);
      assert.deepEqual(lexicon.entries.filter((e) => !ids.has(e.source)).map((e) => e.term), []);
    });
    it('terms are lowercase, trimmed, unique and free of regex metacharacters', () => {
      const seen = new Set<string>();
      for (const { term } of lexicon.entries) {
        assert.equal(term, term.trim().toLowerCase(), term);
        assert.doesNotMatch(term, /[.*+?^${}()|[\]\\]/, term);
        assert.ok(!seen.has(term), `duplicate term ${term}`);
        seen.add(term);
      }
    });
    const check = checkFor[file];
    if (check) {
      it("every entry's own examples: flagged where it says, silent where it says nothing", () => {
        const failures: string[] = [];
        for (const entry of lexicon.entries) {
          for (const example of entry.examples ?? []) {
            const findings = runCheck(check, { text: example.text });
            const flagged = findings.map((f) => example.text.slice(f.span.start, f.span.end));
            const ok = example.flagged === undefined ? flagged.length === 0 : flagged.includes(example.flagged);
            if (!ok) failures.push(`${entry.term}: "${example.text}" → [${flagged.join(', ')}], expected ${example.flagged ?? 'nothing'}`);
            const fixed = applyFixes(example.text, findings.flatMap((f) => (f.fix ? [f.fix] : []))).text;
            if (example.fixed !== undefined && fixed !== example.fixed) failures.push(`${entry.term}: "${example.text}" fixed to "${fixed}", expected "${example.fixed}"`);
          }
        }
        assert.deepEqual(failures, []);
      });
    }
  });
}

interface WordList {
  $schema: string;
  meta: { sources: { id: string; url: string; license: string; retrieved: string }[] };
  groups: { name: string; source: string; words: string[] }[];
}

for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))) {
  const list = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as WordList;
  if (!list.groups) continue;
  describe(`word list ${file}`, () => {
    it('matches the schema', () => {
      const validate = validatorFor(list.$schema.replace(/^\.\//, ''));
      assert.ok(validate(list), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    });
    it('every group names a declared source, and every source has a URL, a licence and a date', () => {
      const ids = new Set(list.meta.sources.map((s) => s.id));
      for (const s of list.meta.sources) assert.ok(s.url && s.license && /^\d{4}-\d{2}-\d{2}$/.test(s.retrieved), s.id);
      assert.deepEqual(list.groups.filter((g) => !ids.has(g.source)).map((g) => g.name), []);
    });
    it('no word is in two groups', () => {
      const seen = new Set<string>();
      const twice = list.groups.flatMap((g) => g.words).filter((w) => seen.has(w) || !seen.add(w));
      assert.deepEqual(twice, []);
    });
  });
}
