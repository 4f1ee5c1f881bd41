/**
 * @file Hostile drafts for the reliability tests and `npm run bench:hostile`: long runs of one
 * character, short patterns pumped to any length, and deep Markdown nesting. Each one is built to
 * any size, so a test can compare the engine's time on n and 4n characters and catch work that
 * grows faster than the text (a backtracking regular expression, a parser's nested loop).
 */
import type { TextFormat } from '../../server/src/core/text';

export interface HostileInput {
  readonly name: string;
  /** A draft of about `size` characters (never shorter by more than one pattern). */
  readonly make: (size: number) => string;
  readonly formats: readonly TextFormat[];
}

const BOTH: readonly TextFormat[] = ['plaintext', 'markdown'];

/** `unit` repeated to `size` characters. */
export function pumped(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

const run = (name: string, unit: string, formats = BOTH): HostileInput => ({ name, make: (size) => pumped(unit, size), formats });

/** Every printable ASCII character, and the Unicode ones the rules treat specially, as a run. */
const RUN_CHARACTERS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  '\t', '\n', '\r', '\u00a0', '\u200b', '\u200d', '\ufeff', '\u2028',
  '“', '”', '‘', '’', '«', '»', '—', '–', '…', '·', 'é', '中', 'ا', '😀',
];
const printable = (c: string): string => (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) && c !== '\\' ? c : JSON.stringify(c).slice(1, -1));

/** Runs of one character, alone and between two words (where a paragraph's rules read them). */
export const CHARACTER_RUNS: readonly HostileInput[] = RUN_CHARACTERS.flatMap((c) => [
  run(`run of '${printable(c)}'`, c),
  { name: `run of '${printable(c)}' between words`, make: (size: number) => `Ada ${pumped(c, size - 8)} said.`, formats: BOTH },
]);

/**
 * Short patterns repeated: each is the shape some rule or the segmentation looks at (a number with
 * thousands separators, an abbreviation, a quotation, a list marker, a comment opener), repeated
 * with nothing to end the match, which is what makes a backtracking pattern quadratic.
 */
export const PATTERNS: readonly HostileInput[] = [
  'word ', 'a.', 'A. ', 'a.m. ', 'Mr. ', 'U.S.', '1,000', ',000', '1.', '1 ', '5% of ', '10 AM ', 'Jan. 5 ', '5 Jan ', 'twenty ',
  'over 5 ', 'very ', 'the ', 'So, ', 'said ', 'stated ', 'many critics say ', 'according to ', 'will likely ', 'because ',
  'the the ', 'a-', '-a', '--', '. . ', '... ', ' ,', ':) ', '!?', '"a ', '“a ', '‘a’ ', "a's ", 'a’', '(a', '[a](', '![a',
  '**a', '__a', '*a*', '`a', '<a>', '</a', '<!-- ', '-->', '&amp;', '\\*', 'http://a.', 'www.a.', 'a@b.', '@a ',
  '> ', '- ', '1. ', '# ', '|a', '|a|\n', '---\n', 'a\r', 'a\r\n', 'a\n', 'a\n\n', 'a\t', 'a  ', 'e\u0301', '中文。', 'مرحبا ',
  '😀 ', 'a\u200b', 'a\u00a0', 'The Mayor ', 'Gov. ', 'Sen. Smith ', '10:00 p.m. ', 'amidst ', 'past history ', 'in order to ',
].map((unit) => run(`'${unit.replace(/[\r\n\t\\]/g, (c) => JSON.stringify(c).slice(1, -1))}' repeated`, unit));

/**
 * The same with what switches a rule's search on at the very end (an '@' makes the address pattern
 * run at all; "said" makes a sentence attributed), so the pattern meets the whole run first.
 */
export const TRIGGERED: readonly HostileInput[] = [
  ['a.', ' @'], ['a-', ' @'], ['a+', ' @'], ['a.', ' www.'], ['a.', ' http://'], ['1,', ' percent of'], ['1.', '% of'], ['a ', ' said'], ['" ', ' said'],
].map(([unit, last]) => ({ name: `'${unit}' repeated, then '${last}'`, make: (size: number) => pumped(unit!, size - last!.length) + last!, formats: BOTH }));

/** Containers inside containers: quotes and lists nested on one line, and an outline indented deeper and deeper. */
export const NESTING: readonly HostileInput[] = [
  { name: 'block quote nested on one line', make: (size) => `${'>'.repeat(size)} a\n`, formats: ['markdown'] },
  { name: 'list nested on one line', make: (size) => `${'- '.repeat(size / 2)}a\n`, formats: ['markdown'] },
  { name: 'ordered list nested on one line', make: (size) => `${'1. '.repeat(size / 3)}a\n`, formats: ['markdown'] },
  { name: 'list and quote nested on one line', make: (size) => `${'> - '.repeat(size / 4)}a\n`, formats: ['markdown'] },
  { name: 'emphasis nested', make: (size) => `${'*'.repeat(size / 2)}a${'*'.repeat(size / 2)}\n`, formats: ['markdown'] },
  { name: 'links nested', make: (size) => `${'['.repeat(size / 5)}a${'](b)'.repeat(size / 5)}\n`, formats: ['markdown'] },
  {
    name: 'outline indented one level per line',
    make: (size) => {
      const lines: string[] = [];
      for (let i = 0, length = 0; length < size; i++) {
        const line = `${'  '.repeat(i)}- a\n`;
        lines.push(line);
        length += line.length;
      }
      return lines.join('');
    },
    formats: ['markdown'],
  },
  { name: 'list items with a nested item each', make: (size) => pumped('- a\n  - b\n', size), formats: ['markdown'] },
  { name: 'two-level list markers on each line', make: (size) => pumped('- - a\n', size), formats: ['markdown'] },
];

export const HOSTILE_INPUTS: readonly HostileInput[] = [...CHARACTER_RUNS, ...PATTERNS, ...TRIGGERED, ...NESTING];

/** The engine's time on `input` at `size` and at four times that, each the faster of `tries` runs. */
export interface Growth {
  readonly small: number;
  readonly large: number;
  /** large ÷ small: about 4 for linear work, 16 for quadratic. */
  readonly ratio: number;
}

/** This process's CPU time in ms (all its threads): unlike the wall clock, other processes' load barely moves it. */
export function cpuClock(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Times `lint` on drafts of `size` and `4 × size` characters (wall time unless `clock` says otherwise). Every run gets a slightly different
 * length, so no run is served from the engine's memos of an earlier one (they are keyed by text).
 */
export function growth(input: HostileInput, format: TextFormat, size: number, lint: (text: string, format: TextFormat) => unknown, tries = 2, clock: () => number = () => performance.now()): Growth {
  const time = (n: number): number => {
    let best = Infinity;
    for (let i = 0; i < tries; i++) {
      const text = input.make(Math.round(n * (1 + 0.002 * (i + 1))));
      const start = clock();
      lint(text, format);
      best = Math.min(best, clock() - start);
    }
    return best;
  };
  const small = time(size);
  const large = time(4 * size);
  return { small, large, ratio: large / Math.max(small, 1) };
}
