/// <reference path="../../../../server/src/checks/write-good/_write-good.d.ts" />
/**
 * @file The write-good adapter: one rule id per sub-check where write-good would merge them, an
 * edited and restored draft gets its findings again, and the built CLI reports every sub-check.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checks } from '../../../../server/src/checks';
import type { SubCheck } from '../../../../server/src/checks/write-good/_adapter';
import { runWriteGood } from '../../../../server/src/checks/write-good/_reference';
import { fastHits } from '../../../../server/src/checks/write-good/_fast';
import illusion from '../../../../server/src/checks/write-good/illusion';
import { lint } from '../../../../server/src/core/engine';
import { buildSourceText } from '../../../../server/src/core/text';
import type { Finding } from '../../../../server/src/core/types';
import writeGood from 'write-good';
import { runCheck } from '../../../helpers/checkTester';

const SUB_CHECKS: readonly SubCheck[] = ['passive', 'illusion', 'so', 'thereIs', 'weasel', 'adverb', 'tooWordy', 'cliches', 'eprime'];
const family = checks.filter((c) => c.meta.id.startsWith('write-good/'));

/** write-good itself, with one sub-check on: what the adapter must agree with. */
function bareWriteGood(sub: SubCheck, text: string): { start: number; end: number }[] {
  const off = Object.fromEntries(SUB_CHECKS.map((c) => [c, c === sub]));
  return writeGood(text, off).map((s) => ({ start: s.index, end: s.index + s.offset }));
}

function lintFamily(text: string): Finding[] {
  return lint(buildSourceText(text, 'plaintext'), family, () => ({ enabled: true, severity: 'hint', options: {} }), {
    onCheckError: (_id, error) => {
      throw error;
    },
  });
}

const DRAFT = [
  'So the the ferry was cancelled in order to save fuel.',
  'There are many extremely tired passengers at the end of the day, and it is the perfect storm.',
  'The harbour was closed at noon.',
].join('\n\n');

describe('write-good adapter', () => {
  it('one finding per sub-check where write-good merges them ("extremely": weasel and adverb)', () => {
    const text = 'Residents were extremely patient.';
    const ids = lintFamily(text)
      .filter((f) => text.slice(f.span.start, f.span.end) === 'extremely')
      .map((f) => f.checkId);
    assert.deepEqual(ids, ['write-good/adverb', 'write-good/weasel']);
  });

  it('the fast results are write-good\'s for every sub-check, through an edit and its undo', () => {
    const edited = DRAFT.replace('cancelled', 'scrapped');
    for (const text of [DRAFT, edited, DRAFT]) {
      for (const paragraph of text.split('\n\n')) for (const sub of SUB_CHECKS) assert.deepEqual(fastHits(sub, paragraph), runWriteGood(sub, paragraph));
    }
  });

  it('a document edited and restored gets the findings it had', () => {
    const before = lintFamily(DRAFT);
    assert.ok(before.length > 8, 'the draft exercises the family');
    assert.notDeepEqual(lintFamily(DRAFT.replace('was closed', 'closed')), before);
    assert.deepEqual(lintFamily(DRAFT), before);
  });

  it('"So" and "There is" give write-good’s own results on runs without a full stop, in linear time', () => {
    // A seeded generator, so a failure can be replayed.
    let seed = 7;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed % n);
    const pieces = ['So', 'so', 'There is', 'there are', ' ', '  ', '\n', '.', ';', '!', '?', 'x', 'the vote', ', '];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + next(14) }, () => pieces[next(pieces.length)]!).join('');
      for (const sub of ['so', 'thereIs'] as const) assert.deepEqual(runWriteGood(sub, text), bareWriteGood(sub, text), JSON.stringify(text));
    }
    const unfinished = 'So the list goes on with word after word '.repeat(5000);
    const started = performance.now();
    for (const sub of ['so', 'thereIs'] as const) assert.deepEqual(runWriteGood(sub, unfinished), []);
    assert.ok(performance.now() - started < 1000, 'a 200,000-character paragraph with no full stop takes well under a second');
  });

  it('a repeated name ("Walla Walla") is reported as a hint at most', () => {
    const [finding] = runCheck(illusion, { text: 'The team flew to Walla Walla on Monday.' });
    assert.equal(finding?.severity, 'hint');
    assert.equal(runCheck(illusion, { text: 'Signed the the order.' })[0]?.severity, 'info');
  });

  // write-good's own code for these assigns to an undeclared global, which strict bundles reject; _reference.ts keeps it out of them.
  it('the built CLI reports weasel, passive and e-prime', (t) => {
    const cli = join(__dirname, '../../../../server/out/cli.js');
    if (!existsSync(cli)) return t.skip('server/out/cli.js is not built; run `npm run build` first');
    const r = spawnSync(process.execPath, [cli, '--stdin', '--format', 'json', '--rule', 'write-good/e-prime=hint'], {
      input: 'Many requests have been rebuffed.',
      encoding: 'utf8',
    });
    const ids = (JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }[])[0]!.diagnostics.map((d) => d.rule);
    for (const id of ['write-good/weasel', 'write-good/passive', 'write-good/e-prime']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
  });
});
