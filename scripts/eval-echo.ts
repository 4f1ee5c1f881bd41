/**
 * @file Measures how noisy the echo rule is on edited copy: findings per 1,000 words on the BBC News
 * benchmark articles (published, edited 2004–05 copy, so nearly every echo there is one an editor
 * let stand) and on the clean test corpus, by kind (word, phrase), at a few distances. The
 * target of issue 5 is at most about 3 per 1,000 words at the default distance.
 *
 * Usage: npx tsx scripts/eval-echo.ts [benchDir]   (or `npm run eval -- echo`)
 *   benchDir  default ../shared/bench, resolved from the working directory (needs bbc/<topic>/<nnn>.txt)
 * Prints figures, and the words most often echoed to the console only. The data is licensed for
 * evaluation only: never copy it into the repository. A missing folder is reported as SKIPPED (exit 0).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import check from '../server/src/checks/echo';
import { lint } from '../server/src/core/engine';
import { buildSourceText } from '../server/src/core/text';
import { table } from './lib/data';

const DISTANCES = [150, 200, 300, 400] as const;
const DEFAULT_DISTANCE = check.meta.defaultOptions.distance;

interface Article {
  readonly name: string;
  readonly text: string;
  readonly words: number;
}

function articles(dir: string): Article[] {
  const seen = new Set<string>();
  const out: Article[] = [];
  for (const topic of readdirSync(dir).filter((t) => existsSync(path.join(dir, t)) && !t.includes('.')).sort()) {
    for (const file of readdirSync(path.join(dir, topic)).filter((f) => f.endsWith('.txt')).sort()) {
      // The files are Latin-1; 98 groups of them are byte-identical, counted once.
      const bytes = readFileSync(path.join(dir, topic, file));
      const hash = createHash('md5').update(bytes).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      const text = bytes.toString('latin1');
      out.push({ name: `${topic}/${file}`, text, words: text.split(/\s+/).filter(Boolean).length });
    }
  }
  return out;
}

function echoes(text: string, distance: number) {
  const view = buildSourceText(text, 'plaintext');
  return lint(view, [check], () => ({ enabled: true, severity: 'hint', options: { distance } }), {
    onCheckError: (_id, error) => {
      throw error;
    },
  });
}

export function evalEcho(args: readonly string[]): number {
  const benchDir = path.resolve(process.cwd(), args[0] ?? '../shared/bench');
  const bbc = path.join(benchDir, 'bbc');
  if (!existsSync(bbc)) {
    console.log(`echo: SKIPPED (no ${bbc})`);
    return 0;
  }
  const docs = articles(bbc);
  const words = docs.reduce((n, d) => n + d.words, 0);
  const rows: (string | number)[][] = [];
  const echoed = new Map<string, number>();
  for (const distance of DISTANCES) {
    let word = 0;
    let phrase = 0;
    let withAny = 0;
    for (const doc of docs) {
      const found = echoes(doc.text, distance);
      if (found.length) withAny++;
      for (const f of found) {
        if (f.messageId === 'word') word++;
        else phrase++;
        if (distance === DEFAULT_DISTANCE) echoed.set(f.actual!.toLowerCase(), (echoed.get(f.actual!.toLowerCase()) ?? 0) + 1);
      }
    }
    const per = (n: number) => ((n / words) * 1000).toFixed(2);
    rows.push([distance === DEFAULT_DISTANCE ? `${distance} (default)` : distance, per(word), per(phrase), per(word + phrase), `${((withAny / docs.length) * 100).toFixed(0)}%`]);
  }
  console.log(`## echo on BBC News (${docs.length} distinct articles, ${words.toLocaleString('en')} words)\n`);
  console.log(table(['distance (words)', 'words / 1,000 words', 'phrases / 1,000 words', 'all / 1,000 words', 'articles with a finding'], rows));
  const top = [...echoed].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 30);
  console.log(`\nMost often echoed at the default distance (console only): ${top.map(([w, n]) => `${w} ${n}`).join(', ')}`);
  return 0;
}

if (require.main === module) process.exit(evalEcho(process.argv.slice(2)));
