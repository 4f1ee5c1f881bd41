import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes `count` drafts into `dir` for the workspace-check tests (never committed: they are made
 * fresh in the temp workspace each run). Each is a headline and paragraphs of words drawn by a
 * seeded generator, so no two drafts share a paragraph, plus what every draft gets checked for: one
 * paragraph written twice (duplicate-paragraph) and a loaded word. Returns the file names.
 * Also loaded by the UI test (test/e2e/ui-workspace.mjs) from the compiled suite.
 */
export function generateDrafts(dir: string, count: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  let seed = 20_251_128;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return (seed >>> 8) % n;
  };
  const words = (n: number): string => Array.from({ length: n }, () => VOCABULARY[next(VOCABULARY.length)]).join(' ');
  const sentence = (): string => {
    const s = words(8 + next(8));
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (): string => Array.from({ length: 2 + next(2) }, sentence).join(' ');
  const names: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `draft-${String(i).padStart(3, '0')}.md`;
    const repeated = paragraph();
    const body = [paragraph(), repeated, `Critics slammed the ${words(3)} plan on ${words(2)}.`, paragraph(), repeated, paragraph()];
    fs.writeFileSync(path.join(dir, name), `# ${sentence().slice(0, -1)}\n\n${body.join('\n\n')}\n`);
    names.push(name);
  }
  return names;
}

const VOCABULARY = (
  'harbour council ferry budget quay mayor crews wall market bridge river road school library board ' +
  'vote levy fee tide storm island village county station bus route timetable office tenant landlord ' +
  'shop trader fisher boat pier lighthouse beach dune cliff path field farm barn orchard mill church ' +
  'hall square garden park pool clinic ward nurse doctor teacher pupil parent driver pilot captain ' +
  'engineer planner surveyor clerk auditor reporter editor printer baker grocer butcher carpenter ' +
  'approved delayed opened closed repaired painted measured counted planned moved carried built ' +
  'north south east west early late new old wide narrow quiet busy wet dry cold warm small large ' +
  'monday tuesday wednesday thursday friday spring summer autumn winter morning evening ' +
  'green stone brick timber iron glass paper copper silver grey blue red'
).split(' ');

/**
 * A draft with two loaded verbs of saying in each of `paragraphs` paragraphs (a paragraph per
 * other line), in made-up words so no two paragraphs are alike: more findings than VS Code shows
 * per file, with no near-duplicates to muddle the count. Also used by test/unit/lsp/longDraft.test.ts.
 */
export function longDraft(paragraphs: number): string {
  const syllables = ['ka', 'lo', 'mir', 'ten', 'vos', 'dra', 'pel', 'sun', 'gor', 'bri', 'hal', 'quen'];
  const word = (n: number): string => {
    let out = '';
    do {
      out += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    } while (n > 0);
    return out;
  };
  const paragraph = (i: number) => `Councillor ${word(i * 7 + 3)} slammed the ${word(i * 13 + 5)} scheme and blasted the ${word(i * 17 + 11)} budget at ${word(i * 19 + 2)} hall.`;
  return Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('\n\n') + '\n';
}
