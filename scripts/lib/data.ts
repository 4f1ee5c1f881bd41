/**
 * @file What the evaluation scripts share: where the data sits outside the repository, how PTC and
 * BABE are read, and the figure formatting their reports must agree on. One reader per format, so the
 * lexicon work (lexicon-candidates.ts) and the evaluation (eval-loaded-language.ts) count the same spans.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// Data locations. The data sets are never copied into the repository (licences), so every script
// takes the folder as an argument and reports a missing one as SKIPPED instead of failing.

export const DEFAULT_EVAL_DIR = '../shared/eval';

/** Relative to the working directory, not the script, so `npm run eval` and a direct call agree. */
export function resolveEvalDir(arg: string | undefined): string {
  return path.resolve(process.cwd(), arg ?? DEFAULT_EVAL_DIR);
}

export const ptcDirOf = (evalDir: string): string => path.join(evalDir, 'ptc');
export const babeFileOf = (evalDir: string): string => path.join(evalDir, 'babe', 'final_labels_SG2.csv');

export type PtcSplitName = 'train' | 'dev';

/** Whether both halves of a split are there; one without the other would silently score nothing. */
export function hasPtcSplit(ptcDir: string, name: PtcSplitName): boolean {
  return existsSync(path.join(ptcDir, `${name}-articles`)) && existsSync(path.join(ptcDir, `${name}-task-flc-tc.labels`));
}

// PTC.

/** A PTC label; offsets are code points, as the corpus gives them (see codePointToUtf16). */
export interface PtcLabel {
  readonly technique: string;
  readonly start: number;
  readonly end: number;
}

/** Labels by article id, in file order. A malformed line stops the run: skipping it would change the gold. */
export function readPtcLabels(ptcDir: string, name: PtcSplitName): Map<string, PtcLabel[]> {
  const labels = new Map<string, PtcLabel[]>();
  for (const line of readFileSync(path.join(ptcDir, `${name}-task-flc-tc.labels`), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [id, technique, start, end] = line.replace(/\r$/u, '').split('\t');
    if (!id || !technique || start === undefined || end === undefined) throw new Error(`${name} labels: malformed line ${JSON.stringify(line)}`);
    const list = labels.get(id) ?? [];
    list.push({ technique, start: Number(start), end: Number(end) });
    labels.set(id, list);
  }
  return labels;
}

/** The split's articles by id, sorted by file name so every run sees them in the same order. */
export function readPtcArticles(ptcDir: string, name: PtcSplitName): { id: string; text: string }[] {
  const dir = path.join(ptcDir, `${name}-articles`);
  return readdirSync(dir)
    .filter((f) => /^article\d+\.txt$/u.test(f))
    .sort()
    .map((file) => ({ id: file.slice('article'.length, -'.txt'.length), text: readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * UTF-16 index of every code-point offset, plus one past the end. PTC offsets are Python str
 * indices (code points), while JavaScript strings and the rule's findings count UTF-16 units.
 */
export function codePointToUtf16(text: string): number[] {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

// BABE.

/**
 * BABE's CSV: `;`-separated, double-quoted fields ("" escapes, separators and line breaks inside),
 * BOM. A quote only opens a field at its start, and an unclosed one throws, so a damaged file fails
 * loudly instead of swallowing the rows after it.
 */
export function parseCsv(input: string, sep = ';'): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === sep) {
      row.push(field);
      field = '';
      fieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
    } else {
      field += c;
      fieldStart = false;
    }
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// Figures. docs/evaluation.md quotes several scripts side by side, so they must print numbers alike.

export const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');
export const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
export const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Wilson 95% interval of a proportion, so small-sample figures carry their uncertainty. */
export function wilson(k: number, n: number): string {
  if (n === 0) return '–';
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return `${f2(Math.max(0, c - h))}–${f2(Math.min(1, c + h))}`;
}
