/**
 * The whole engine (lintText) on hostile drafts grows linearly: the time on 4n characters is
 * compared with the time on n. Linear work gives about 4, quadratic about 16; the test fails at 8
 * and measures again at twice the size before failing. Times are the process's CPU time, the best
 * of three runs, so a busy machine does not fail it (wall times did, at a load of 11 on 2 cores). The
 * cases are the ones that were quadratic before issue 10 and the shapes the issue names; every
 * hostile draft, with timings and the regular expressions that take the time, is in
 * `npm run bench:hostile` (figures in docs/reliability.md).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../../server/src/api';
import type { TextFormat } from '../../../server/src/core/text';
import { cpuClock, growth, HOSTILE_INPUTS, pumped } from '../../helpers/hostile';

const LIMIT = 8;
/** [draft, format, n]: n is larger where the quadratic term only shows on longer text. */
const CASES: [string, TextFormat, number?][] = [
  ["run of ' ' between words", 'plaintext'],
  ["run of ' ' between words", 'markdown'],
  ["run of '.'", 'plaintext'],
  ["run of '!' between words", 'plaintext'],
  ["run of '\"'", 'plaintext'],
  ["run of '\"'", 'markdown'],
  ["run of ']'", 'markdown'],
  ["run of '-'", 'markdown'],
  ["'1,000' repeated", 'plaintext', 24_000],
  ["',000' repeated", 'plaintext'],
  ["'a  ' repeated", 'plaintext', 24_000],
  ["'a.' repeated, then ' @'", 'plaintext'],
  ["'<!-- ' repeated", 'markdown'],
  ["'*a*' repeated", 'markdown', 24_000],
  ["'word ' repeated", 'plaintext'],
  ['block quote nested on one line', 'markdown'],
  ['list nested on one line', 'markdown'],
  ['links nested', 'markdown'],
  ['emphasis nested', 'markdown'],
  ['list items with a nested item each', 'markdown'],
  ['outline indented one level per line', 'markdown', 24_000],
  ['two-level list markers on each line', 'markdown'],
];

const lint = (text: string, format: TextFormat): unknown => lintText(text, format);

describe('hostile drafts: the engine’s time grows linearly', () => {
  // The first lint compiles what the rest reuse; it is not part of any measurement.
  lint(pumped('The council said the levy would rise. ', 20_000), 'plaintext');
  for (const [name, format, size = 8_000] of CASES) {
    const input = HOSTILE_INPUTS.find((i) => i.name === name);
    it(`${name} (${format})`, (t) => {
      assert.ok(input, `no hostile draft named ${name}`);
      let g = growth(input, format, size, lint, 3, cpuClock);
      if (g.ratio >= LIMIT) g = growth(input, format, 2 * size, lint, 3, cpuClock);
      t.diagnostic(`${g.small.toFixed(0)} ms → ${g.large.toFixed(0)} ms (× ${g.ratio.toFixed(1)})`);
      assert.ok(g.ratio < LIMIT, `4× the text took ${g.ratio.toFixed(1)}× the time (${g.small.toFixed(0)} ms → ${g.large.toFixed(0)} ms)`);
    });
  }

  it('100,000 quotation marks, straight and curly, in both formats: checked', () => {
    for (const format of ['plaintext', 'markdown'] as const) {
      for (const text of ['"'.repeat(100_000), '“'.repeat(50_000) + '”'.repeat(50_000), pumped('"a" ', 100_000)]) assert.ok(Array.isArray(lintText(text, format).findings));
    }
  });
});
