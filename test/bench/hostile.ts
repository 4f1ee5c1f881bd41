/**
 * @file `npm run bench:hostile`: the whole engine (lintText) on every hostile draft of
 * test/helpers/hostile.ts at n and 4n characters, with the growth ratio (about 4 is linear, 16
 * quadratic), the regular expressions that took the time where growth is above 8, and the
 * large cases the issue names (1 MB with no line break, 100,000 quotation marks, a 10 MB line).
 * A measurement, not a test: docs/reliability.md records its figures; the unit test
 * (test/unit/core/hostileInput.test.ts) asserts growth with wide slack on a few cases.
 *
 *   npm run bench:hostile [-- --size=25000] [--only=SUBSTRING] [--no-large]
 */
import { parseArgs } from 'node:util';
import { lintText } from '../../server/src/api';
import type { TextFormat } from '../../server/src/core/text';
import { growth, HOSTILE_INPUTS, pumped, type HostileInput } from '../helpers/hostile';

const { values } = parseArgs({ options: { size: { type: 'string', default: '25000' }, only: { type: 'string' }, 'no-large': { type: 'boolean', default: false } } });
const size = Number(values.size);
const SUPERLINEAR = 8;

const lint = (text: string, format: TextFormat): unknown => lintText(text, format);

/** Time spent inside each regular expression, by source: every regex method goes through `exec`. */
function regexTimes(fn: () => void): [string, number][] {
  const times = new Map<string, number>();
  const exec = RegExp.prototype.exec;
  let depth = 0;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    if (depth) return exec.call(this, s);
    depth++;
    const start = performance.now();
    try {
      return exec.call(this, s);
    } finally {
      depth--;
      const key = `/${this.source.length > 100 ? `${this.source.slice(0, 100)}…` : this.source}/${this.flags}`;
      times.set(key, (times.get(key) ?? 0) + performance.now() - start);
    }
  };
  try {
    fn();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return [...times].sort((a, b) => b[1] - a[1]);
}

// Warm the JIT on ordinary prose first, so the first hostile input is not charged for it.
lint(pumped('The council said on Tuesday that the harbour levy would rise by 5 percent. "It is fair," she said.\n\n', 40_000), 'plaintext');

const inputs = HOSTILE_INPUTS.filter((i) => !values.only || i.name.includes(values.only));
const flagged: { input: HostileInput; format: TextFormat }[] = [];
const started = performance.now();
let measured = 0;
// Rows are printed as they are measured: a draft that hangs the engine is the last one printed.
console.log(`Hostile drafts at ${size} and ${4 * size} characters (ms, the faster of two runs; Node ${process.version}):\n`);
console.log('| draft | format | n | 4n | 4n ÷ n |\n| --- | --- | ---: | ---: | ---: |');
for (const input of inputs) {
  for (const format of input.formats) {
    const name = input.name.replace(/\|/g, '\\|');
    measured++;
    try {
      const g = growth(input, format, size, lint);
      const mark = g.ratio > SUPERLINEAR && g.large > 50 ? ' **superlinear**' : '';
      if (mark) flagged.push({ input, format });
      console.log(`| ${name} | ${format} | ${g.small.toFixed(0)} | ${g.large.toFixed(0)} | ${g.ratio.toFixed(1)}${mark} |`);
    } catch (error) {
      flagged.push({ input, format });
      console.log(`| ${name} | ${format} | **threw** ${String((error as Error).message).slice(0, 80)} | | |`);
    }
  }
}
console.log(`\n${measured} measurements in ${((performance.now() - started) / 1000).toFixed(0)} s; growth above ${SUPERLINEAR} or an error: ${flagged.length}`);

for (const { input, format } of flagged) {
  console.log(`\n${input.name} (${format}) at ${4 * size} characters, time by regular expression:`);
  const text = input.make(4 * size + 7);
  const times = regexTimes(() => {
    try {
      lint(text, format);
    } catch {
      // reported above
    }
  });
  for (const [source, ms] of times.slice(0, 3)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${source}`);
}

if (!values['no-large']) {
  console.log('\nLarge drafts, one run each (ms):\n\n| draft | format | characters | ms |\n| --- | --- | ---: | ---: |');
  const large: [string, string][] = [
    ['1 MB of prose with no line break', pumped('The council said the levy would rise. ', 1_000_000)],
    ['100,000 straight quotation marks', '"'.repeat(100_000)],
    ['100,000 quotation marks around words', pumped('"a" ', 400_000)],
    ['a 10 MB line of one letter', 'a'.repeat(10_000_000)],
    ['a 10 MB line of words', pumped('word ', 10_000_000)],
  ];
  for (const [name, text] of large) {
    for (const format of ['plaintext', 'markdown'] as const) {
      const start = performance.now();
      lint(text, format);
      console.log(`| ${name} | ${format} | ${text.length.toLocaleString('en')} | ${(performance.now() - start).toFixed(0)} |`);
    }
  }
}
