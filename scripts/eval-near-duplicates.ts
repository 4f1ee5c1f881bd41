/**
 * @file Calibrates near-duplicate-paragraph on data nobody here wrote: the Clough & Stevenson
 * text-reuse corpus (labelled copies vs independent answers), BBC News articles (edited copy that
 * should stay silent) and edited copies planted into those articles (the product's use case).
 * Prints measured figures only; docs/evaluation.md quotes them.
 *
 * Usage: npx tsx scripts/eval-near-duplicates.ts [evalDir] [benchDir]   (or `npm run eval`)
 *   evalDir  default ../shared/eval, resolved from the working directory (needs text-reuse/)
 *   benchDir default <evalDir>/../bench (needs bbc/<topic>/<nnn>.txt)
 * The data is never copied into the repository; a missing folder is reported as skipped (exit 0).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checks, lintText, type Finding } from '../server/src/api';
import { lineIndexAt } from '../server/src/core/lines';
import { exactRepeats, nearRepeats, SHINGLE_SIZE } from '../server/src/core/repeats';
import { intersectionSize, jaccard, shingleSet, type ShingleSet } from '../server/src/core/shingles';
import { buildSourceText } from '../server/src/core/text';
import { comparisonWords } from '../server/src/core/normalize';
import type { SourceTextView } from '../server/src/core/types';

const NEAR = 'near-duplicate-paragraph';
const DUP_IDS = ['near-duplicate-paragraph', 'duplicate-paragraph', 'duplicate-sentence'] as const;
/** 0.30, 0.35, … 0.95, rounded so they print and compare as the two-decimal values they are. */
const THRESHOLDS = Array.from({ length: 14 }, (_, i) => Math.round((0.3 + 0.05 * i) * 100) / 100);
/** Mirrors MIN_LENGTH_RATIO in server/src/core/repeats.ts, which is not exported. */
const MIN_LENGTH_RATIO = 0.5;
const SEED = 20251127;
const PLANTED_SAMPLE = 2000;
const PLANTED_MIN_WORDS = 30;

const nearMeta = checks.find((c) => c.meta.id === NEAR)?.meta;
if (!nearMeta) throw new Error(`${NEAR} is not in the registry`);
const { threshold: DEFAULT_T, minWords: MIN_WORDS } = nearMeta.defaultOptions as { threshold: number; minWords: number };

// ---------------------------------------------------------------------------------------------
// Measures. "overlap" is the detector's: shared shingles over the smaller set, 0 when the smaller
// set is under half the larger (the length-ratio rule in nearRepeats).

interface Measure {
  readonly name: string;
  readonly size: number;
  readonly score: (a: ShingleSet, b: ShingleSet) => number;
}

function overlap(a: ShingleSet, b: ShingleSet, lengthRule: boolean): number {
  const small = Math.min(a.shingles.size, b.shingles.size);
  const large = Math.max(a.shingles.size, b.shingles.size);
  if (small === 0 || (lengthRule && small < large * MIN_LENGTH_RATIO)) return 0;
  return intersectionSize(a.shingles, b.shingles) / small;
}

const DETECTOR: Measure = { name: `overlap, ${SHINGLE_SIZE}-grams, length rule (detector)`, size: SHINGLE_SIZE, score: (a, b) => overlap(a, b, true) };
const MEASURES: readonly Measure[] = [
  DETECTOR,
  { name: `overlap, ${SHINGLE_SIZE}-grams, no length rule`, size: SHINGLE_SIZE, score: (a, b) => overlap(a, b, false) },
  { name: `Jaccard, ${SHINGLE_SIZE}-grams`, size: SHINGLE_SIZE, score: jaccard },
  { name: 'overlap, 3-grams, length rule', size: 3, score: (a, b) => overlap(a, b, true) },
  { name: 'Jaccard, 3-grams', size: 3, score: jaccard },
];

// ---------------------------------------------------------------------------------------------
// Small helpers.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

const oneLine = (s: string): string => s.replace(/\s+/gu, ' ').trim();
const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');

function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Wilson 95% interval of a proportion, so small-sample figures carry their uncertainty. */
function wilson(k: number, n: number): string {
  if (n === 0) return '–';
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return `${f2(Math.max(0, c - h))}–${f2(Math.min(1, c + h))}`;
}

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

/** UTF-8 if valid; otherwise Windows-1252, the encoding of the corpus's non-UTF-8 answers. */
function readText(file: string): { text: string; legacy: boolean } {
  const bytes = readFileSync(file);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), legacy: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), legacy: true };
  }
}

const countById = (findings: readonly Finding[], id: string): number => findings.filter((f) => f.checkId === id).length;
const lineOf = (view: SourceTextView, offset: number): number => lineIndexAt(view.lineStarts, offset) + 1;

/** The detector's own pairs (same calls as the check), at the lowest threshold of the sweep. */
function detectorPairs(view: SourceTextView, minThreshold: number): ReturnType<typeof nearRepeats> {
  const exact = new Set(exactRepeats(view, 1).map((r) => r.copy));
  return nearRepeats(view, minThreshold, MIN_WORDS, exact);
}

// ---------------------------------------------------------------------------------------------
// 1. Text reuse: each answer against its task's source, both as one paragraph.

interface Answer {
  readonly file: string;
  readonly task: string;
  readonly category: 'cut' | 'light' | 'heavy' | 'non';
  readonly scores: readonly number[];
  readonly answerWords: number;
  readonly sourceWords: number;
}

function textReuse(dir: string): void {
  const csv = readFileSync(path.join(dir, 'file_information.csv'), 'utf8').trim().split(/\r?\n/u).slice(1);
  const sources = new Map<string, string>();
  const legacy: string[] = [];
  const answers: Answer[] = [];
  const sets = new Map<string, ShingleSet>();
  const setOf = (key: string, text: string, size: number): ShingleSet => {
    const k = `${size}:${key}`;
    let s = sets.get(k);
    if (!s) sets.set(k, (s = shingleSet(text, size)));
    return s;
  };
  const e2e = { mismatches: 0, notTwoBlocks: 0, byCategory: new Map<string, Record<string, number>>() };

  for (const row of csv) {
    const [file, task, category] = row.split(',').map((s) => s.trim());
    if (!file || !task || !category || category === 'orig') continue;
    if (!['cut', 'light', 'heavy', 'non'].includes(category)) throw new Error(`unknown category ${category} for ${file}`);
    let source = sources.get(task);
    if (source === undefined) {
      const read = readText(path.join(dir, `orig_task${task}.txt`));
      if (read.legacy) legacy.push(`orig_task${task}.txt`);
      sources.set(task, (source = oneLine(read.text)));
    }
    const read = readText(path.join(dir, file));
    if (read.legacy) legacy.push(file);
    const answer = oneLine(read.text);
    const scores = MEASURES.map((m) => m.score(setOf(file, answer, m.size), setOf(`orig_${task}`, source, m.size)));
    answers.push({
      file,
      task,
      category: category as Answer['category'],
      scores,
      answerWords: comparisonWords(answer).length,
      sourceWords: comparisonWords(source).length,
    });

    // End to end: the public API on a two-paragraph draft, source first, answer second.
    const draft = `${source}\n\n${answer}\n`;
    const view = buildSourceText(draft, 'plaintext');
    if (view.blocks.length !== 2) e2e.notTwoBlocks++;
    const findings = lintText(draft, 'plaintext').findings;
    const counts = e2e.byCategory.get(category) ?? { n: 0, near: 0, sentence: 0, paragraph: 0, any: 0 };
    const near = countById(findings, NEAR) > 0;
    counts['n']!++;
    if (near) counts['near']!++;
    if (countById(findings, 'duplicate-sentence') > 0) counts['sentence']!++;
    if (countById(findings, 'duplicate-paragraph') > 0) counts['paragraph']!++;
    if (DUP_IDS.some((id) => countById(findings, id) > 0)) counts['any']!++;
    e2e.byCategory.set(category, counts);
    if (near !== scores[0]! >= DEFAULT_T) e2e.mismatches++;
  }

  const cats = ['cut', 'light', 'heavy', 'non'] as const;
  const byCat = (c: string): Answer[] => answers.filter((a) => a.category === c);
  console.log(`\n## 1. Text reuse (Clough & Stevenson): ${answers.length} answers vs their task's source`);
  console.log(cats.map((c) => `${c} ${byCat(c).length}`).join(', ') + '; positives = cut + light, negatives = non, heavy reported apart.');
  if (legacy.length) console.log(`Decoded as Windows-1252 (not valid UTF-8): ${legacy.length} files (${legacy.join(', ')}).`);

  console.log('\nSimilarity by category (min / median / max):\n');
  console.log(
    table(
      ['measure', ...cats],
      MEASURES.map((m, i) => [m.name, ...cats.map((c) => {
        const xs = byCat(c).map((a) => a.scores[i]!);
        return `${f2(Math.min(...xs))} / ${f2(median(xs))} / ${f2(Math.max(...xs))}`;
      })]),
    ),
  );

  const positives = answers.filter((a) => a.category === 'cut' || a.category === 'light');
  const negatives = byCat('non');
  const heavy = byCat('heavy');
  const best: string[][] = [];
  MEASURES.forEach((m, i) => {
    const rows = THRESHOLDS.map((t) => {
      const tp = positives.filter((a) => a.scores[i]! >= t).length;
      const fp = negatives.filter((a) => a.scores[i]! >= t).length;
      const h = heavy.filter((a) => a.scores[i]! >= t).length;
      const p = tp + fp === 0 ? NaN : tp / (tp + fp);
      const r = tp / positives.length;
      const f1 = tp === 0 ? 0 : (2 * p * r) / (p + r);
      return { t, tp, fp, h, p, r, f1 };
    });
    console.log(`\n### ${m.name}\n`);
    console.log(
      table(
        ['threshold', 'precision', 'recall', 'F1', '`non` flagged', '`heavy` flagged'],
        rows.map((x) => [f2(x.t) + (x.t === DEFAULT_T && i === 0 ? ' (default)' : ''), f2(x.p), `${f2(x.r)} (${x.tp}/${positives.length})`, f3(x.f1), `${x.fp}/${negatives.length}`, pct(x.h, heavy.length)]),
      ),
    );
    const top = Math.max(...rows.map((x) => x.f1));
    const at = rows.filter((x) => x.f1 === top).map((x) => f2(x.t));
    const d = rows.find((x) => x.t === DEFAULT_T);
    best.push([m.name, f3(top), at.length > 3 ? `${at[0]}–${at[at.length - 1]}` : at.join(', '), d ? `${f2(d.p)} / ${f2(d.r)} / ${f3(d.f1)}` : '–']);
  });
  console.log('\n### Measures compared\n');
  console.log(table(['measure', 'best F1', 'at thresholds', `P / R / F1 at ${f2(DEFAULT_T)}`], best));

  const lost = positives.filter((a) => a.scores[0] === 0 && a.scores[1]! > 0);
  console.log(
    `\nPositives the length rule zeroes (answer under half its source's bigrams): ${lost.length}` +
      (lost.length ? ` — ${lost.map((a) => `${a.file} (${a.answerWords} vs ${a.sourceWords} words, overlap without rule ${f2(a.scores[1]!)})`).join('; ')}` : ''),
  );
  const d = THRESHOLDS.includes(DEFAULT_T) ? DEFAULT_T : undefined;
  if (d !== undefined) {
    const tp = positives.filter((a) => a.scores[0]! >= d).length;
    const fp = negatives.filter((a) => a.scores[0]! >= d).length;
    console.log(`At the default ${f2(d)}: precision ${tp}/${tp + fp} (95% CI ${wilson(tp, tp + fp)}), recall ${tp}/${positives.length} (95% CI ${wilson(tp, positives.length)}).`);
    const missed = positives.filter((a) => a.scores[0]! < d);
    if (missed.length) console.log(`Positives missed at ${f2(d)}: ${missed.map((a) => `${a.file} ${a.category} ${f2(a.scores[0]!)}`).join('; ')}`);
    const flaggedNon = negatives.filter((a) => a.scores[0]! >= d);
    if (flaggedNon.length) console.log(`\`non\` flagged at ${f2(d)}: ${flaggedNon.map((a) => `${a.file} ${f2(a.scores[0]!)}`).join('; ')}`);
  }

  console.log(`\nEnd to end: lintText("<source>\\n\\n<answer>", 'plaintext') at the default settings (threshold ${f2(DEFAULT_T)}):\n`);
  console.log(
    table(
      ['category', 'drafts', NEAR, 'duplicate-sentence', 'duplicate-paragraph', 'any duplicate rule'],
      cats.map((c) => {
        const x = e2e.byCategory.get(c) ?? {};
        const n = x['n'] ?? 0;
        return [c, n, `${x['near'] ?? 0} (${pct(x['near'] ?? 0, n)})`, `${x['sentence'] ?? 0}`, `${x['paragraph'] ?? 0}`, `${x['any'] ?? 0} (${pct(x['any'] ?? 0, n)})`];
      }),
    ),
  );
  console.log(`Drafts not segmented into exactly two blocks: ${e2e.notTwoBlocks}. Drafts where lintText disagrees with the script's detector measure: ${e2e.mismatches}.`);
}

// ---------------------------------------------------------------------------------------------
// 2 and 3 share the de-duplicated BBC articles.

interface Article {
  readonly rel: string;
  readonly text: string;
}

function loadBbc(dir: string): Article[] {
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  let files = 0;
  const duplicates: string[] = [];
  for (const topic of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of readdirSync(path.join(dir, topic)).filter((n) => n.endsWith('.txt')).sort()) {
      files++;
      const rel = `bbc/${topic}/${name}`;
      const bytes = readFileSync(path.join(dir, topic, name));
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        console.log(`Note: skipped ${rel}: not valid UTF-8.`);
        continue;
      }
      const hash = createHash('sha1').update(bytes).digest('hex');
      const first = seen.get(hash);
      if (first) {
        duplicates.push(rel);
        continue;
      }
      seen.set(hash, rel);
      articles.push({ rel, text });
    }
  }
  console.log(`BBC: ${files} files, ${duplicates.length} byte-identical copies dropped, ${articles.length} articles used.`);
  return articles;
}

function falseAlarms(articles: readonly Article[]): void {
  let blocks = 0;
  let paragraphs = 0;
  let eligible = 0;
  const atDefault = new Map<string, number>(DUP_IDS.map((id) => [id, 0]));
  const articlesAtDefault = new Map<string, number>(DUP_IDS.map((id) => [id, 0]));
  const perT = THRESHOLDS.map(() => ({ findings: 0, articles: 0, sentence: 0 }));
  let mismatches = 0;
  const cases: { rel: string; id: string; line: number; otherLine: number | undefined; sim: number | undefined }[] = [];
  const nearBelowDefault: { rel: string; line: number; otherLine: number; sim: number }[] = [];

  for (const { rel, text } of articles) {
    const view = buildSourceText(text, 'plaintext');
    blocks += view.blocks.length;
    for (const b of view.blocks) {
      if (b.kind !== 'paragraph') continue;
      paragraphs++;
      if (comparisonWords(b.text).length >= MIN_WORDS) eligible++;
    }
    const pairs = detectorPairs(view, THRESHOLDS[0]!);
    const simAt = new Map(pairs.map((p) => [view.blocks[p.copy]!.span.start, p]));

    const findings = lintText(text, 'plaintext').findings;
    for (const id of DUP_IDS) {
      const n = countById(findings, id);
      atDefault.set(id, atDefault.get(id)! + n);
      if (n > 0) articlesAtDefault.set(id, articlesAtDefault.get(id)! + 1);
    }
    for (const f of findings) {
      if (!(DUP_IDS as readonly string[]).includes(f.checkId)) continue;
      const pair = f.checkId === NEAR ? simAt.get(f.span.start) : undefined;
      const other = f.related[0];
      cases.push({ rel, id: f.checkId, line: lineOf(view, f.span.start), otherLine: other ? lineOf(view, other.span.start) : undefined, sim: pair?.similarity });
    }
    for (const p of pairs) {
      if (p.similarity < DEFAULT_T) nearBelowDefault.push({ rel, line: view.blocks[p.copy]!.line, otherLine: view.blocks[p.original]!.line, sim: p.similarity });
    }

    THRESHOLDS.forEach((t, i) => {
      const fs = lintText(text, 'plaintext', { nearDuplicateThreshold: t }).findings;
      const n = countById(fs, NEAR);
      perT[i]!.findings += n;
      if (n > 0) perT[i]!.articles++;
      perT[i]!.sentence += countById(fs, 'duplicate-sentence');
      if (n !== pairs.filter((p) => p.similarity >= t).length) mismatches++;
    });
  }

  console.log(`\n## 2. False alarms on edited news: ${articles.length} BBC articles linted one by one`);
  console.log(`${blocks} blocks, ${paragraphs} paragraphs (headlines excluded), ${eligible} of them with ≥ ${MIN_WORDS} words (eligible for ${NEAR}).\n`);
  console.log(
    table(
      ['rule (default settings)', 'findings', 'articles with a finding', 'per 1,000 paragraphs'],
      DUP_IDS.map((id) => [id, atDefault.get(id)!, articlesAtDefault.get(id)!, f2((1000 * atDefault.get(id)!) / paragraphs)]),
    ),
  );
  console.log(`\n${NEAR} by threshold (settings { nearDuplicateThreshold: t }):\n`);
  console.log(
    table(
      ['threshold', 'findings', 'articles flagged', 'per 1,000 paragraphs', 'duplicate-sentence findings'],
      THRESHOLDS.map((t, i) => [f2(t) + (t === DEFAULT_T ? ' (default)' : ''), perT[i]!.findings, perT[i]!.articles, f2((1000 * perT[i]!.findings) / paragraphs), perT[i]!.sentence]),
    ),
  );
  console.log(`Threshold runs where lintText's count differs from the detector's pairs: ${mismatches}.`);
  console.log('\nFindings at the default settings (path, line of the flagged block → line of the earlier one, similarity):');
  for (const c of cases) console.log(`- ${c.id}: ${c.rel} line ${c.line} → ${c.otherLine ?? '?'}${c.sim !== undefined ? `, ${f2(c.sim)}` : ''}`);
  nearBelowDefault.sort((a, b) => b.sim - a.sim);
  console.log(`\nMost similar pairs below the default (${nearBelowDefault.length} pairs ≥ ${f2(THRESHOLDS[0]!)}; top 12):`);
  for (const c of nearBelowDefault.slice(0, 12)) console.log(`- ${c.rel} line ${c.line} → ${c.otherLine}, ${f2(c.sim)}`);
}

// ---------------------------------------------------------------------------------------------
// 3. Planted edits: an edited copy of a BBC paragraph inserted right after it, in its article.

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/u;

/** Replaces k distinct words, then deletes one word or inserts one (a coin flip). */
function editParagraph(text: string, k: number, rng: () => number, vocabulary: readonly string[]): string {
  const tokens = text.split(/\s+/u).filter(Boolean);
  const wordAt = tokens.map((t, i) => (WORD.test(t) ? i : -1)).filter((i) => i >= 0);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, wordAt.length)) chosen.add(pick(rng, wordAt));
  for (const i of chosen) {
    const old = tokens[i]!.match(WORD)![0];
    let word = pick(rng, vocabulary);
    while (word.toLowerCase() === old.toLowerCase()) word = pick(rng, vocabulary);
    tokens[i] = tokens[i]!.replace(WORD, word);
  }
  const rest = wordAt.filter((i) => !chosen.has(i));
  if (rng() < 0.5 && rest.length > 0) tokens.splice(pick(rng, rest), 1);
  else tokens.splice(Math.floor(rng() * (tokens.length + 1)), 0, pick(rng, vocabulary));
  return tokens.join(' ');
}

interface Outcome {
  readonly sim: number;
  readonly lengthRuled: boolean;
  readonly nearAtDefault: boolean;
  readonly anyAtDefault: boolean;
  readonly mismatch: boolean;
}

function plant(article: Article, blockIndex: number, copy: string): Outcome {
  const base = buildSourceText(article.text, 'plaintext');
  const block = base.blocks[blockIndex]!;
  const draft = `${article.text.slice(0, block.span.end)}\n\n${copy}${article.text.slice(block.span.end)}`;
  const view = buildSourceText(draft, 'plaintext');
  const copyStart = block.span.end + 2;
  const copyIndex = view.blocks.findIndex((b) => b.span.start === copyStart);
  const pair = detectorPairs(view, 0).find((p) => p.copy === copyIndex);
  const sim = pair && pair.original === blockIndex ? pair.similarity : 0;
  const a = shingleSet(view.blocks[blockIndex]!.text, SHINGLE_SIZE);
  const b = shingleSet(copy, SHINGLE_SIZE);
  const lengthRuled = Math.min(a.shingles.size, b.shingles.size) < Math.max(a.shingles.size, b.shingles.size) * MIN_LENGTH_RATIO;
  const findings = lintText(draft, 'plaintext').findings.filter((f) => f.span.start >= copyStart && f.span.start < copyStart + copy.length);
  const nearAtDefault = findings.some((f) => f.checkId === NEAR);
  return { sim, lengthRuled, nearAtDefault, anyAtDefault: findings.some((f) => (DUP_IDS as readonly string[]).includes(f.checkId)), mismatch: nearAtDefault !== sim >= DEFAULT_T };
}

function plantedEdits(articles: readonly Article[]): void {
  const rng = mulberry32(SEED);
  const vocabulary: string[] = [];
  const candidates: { article: Article; block: number; words: number; lastSentenceStart: number | undefined }[] = [];
  for (const article of articles) {
    const view = buildSourceText(article.text, 'plaintext');
    view.blocks.forEach((b, i) => {
      const words = b.text.match(new RegExp(WORD.source, 'gu')) ?? [];
      vocabulary.push(...words);
      if (b.kind !== 'paragraph' || comparisonWords(b.text).length < PLANTED_MIN_WORDS) return;
      const sentences = view.sentences.filter((s) => s.block === i);
      candidates.push({ article, block: i, words: comparisonWords(b.text).length, lastSentenceStart: sentences.length >= 2 ? sentences[sentences.length - 1]!.span.start : undefined });
    });
  }
  // Seeded Fisher–Yates, then a fixed-size sample: deterministic for the same data.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const sample = candidates.slice(0, PLANTED_SAMPLE);
  const ks = [1, 2, 3, 4, 5, 6];
  const results = new Map<string, { outcome: Outcome; words: number }[]>();
  const add = (key: string, outcome: Outcome, words: number): void => {
    const list = results.get(key) ?? [];
    list.push({ outcome, words });
    results.set(key, list);
  };
  for (const c of sample) {
    const block = buildSourceText(c.article.text, 'plaintext').blocks[c.block]!;
    for (const k of ks) add(`k=${k}`, plant(c.article, c.block, editParagraph(block.text, k, rng, vocabulary)), c.words);
    if (c.lastSentenceStart !== undefined) {
      const trimmed = c.article.text.slice(block.span.start, c.lastSentenceStart).trim();
      add('trimmed', plant(c.article, c.block, trimmed), c.words);
    }
  }

  console.log(`\n## 3. Planted edits: ${sample.length} BBC paragraphs of ≥ ${PLANTED_MIN_WORDS} words (seeded sample of ${candidates.length}; seed ${SEED})`);
  console.log('Each edited copy is inserted right after its original, inside the article, and linted with the article.');
  console.log('k=n: n distinct words replaced by random words from the BBC vocabulary, plus one word deleted or one inserted.');
  console.log('trimmed: the paragraph without its last sentence (paragraphs of two or more sentences only).\n');
  const keys = [...ks.map((k) => `k=${k}`), 'trimmed'];
  console.log('Detection rate of the copy by near-duplicate-paragraph, by threshold:\n');
  console.log(
    table(
      ['threshold', ...keys],
      THRESHOLDS.map((t) => [f2(t) + (t === DEFAULT_T ? ' (default)' : ''), ...keys.map((key) => {
        const list = results.get(key) ?? [];
        return pct(list.filter((r) => r.outcome.sim >= t).length, list.length);
      })]),
    ),
  );
  console.log('\nAt the default settings, through lintText:\n');
  console.log(
    table(
      ['edit', 'copies', 'median similarity', `${NEAR}`, 'any duplicate rule', 'stopped by length rule', 'lintText ≠ detector'],
      keys.map((key) => {
        const list = results.get(key) ?? [];
        const n = list.length;
        const count = (f: (o: Outcome) => boolean): number => list.filter((r) => f(r.outcome)).length;
        return [key, n, f2(median(list.map((r) => r.outcome.sim))), pct(count((o) => o.nearAtDefault), n), pct(count((o) => o.anyAtDefault), n), count((o) => o.lengthRuled), count((o) => o.mismatch)];
      }),
    ),
  );
  const buckets: [string, number, number][] = [['30–49 words', 30, 50], ['50–79 words', 50, 80], ['≥ 80 words', 80, Infinity]];
  console.log(`\nDetection at the default ${f2(DEFAULT_T)} by paragraph length:\n`);
  console.log(
    table(
      ['edit', ...buckets.map(([name, lo, hi]) => `${name} (n=${(results.get('k=1') ?? []).filter((r) => r.words >= lo && r.words < hi).length})`)],
      keys.map((key) => [key, ...buckets.map(([, lo, hi]) => {
        const list = (results.get(key) ?? []).filter((r) => r.words >= lo && r.words < hi);
        return pct(list.filter((r) => r.outcome.sim >= DEFAULT_T).length, list.length);
      })]),
    ),
  );
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('Usage: npx tsx scripts/eval-near-duplicates.ts [evalDir=../shared/eval] [benchDir=<evalDir>/../bench]');
    return;
  }
  const evalDir = path.resolve(process.cwd(), args[0] ?? '../shared/eval');
  const benchDir = path.resolve(process.cwd(), args[1] ?? path.join(evalDir, '..', 'bench'));
  console.log(`# near-duplicate-paragraph evaluation (default threshold ${f2(DEFAULT_T)}, minWords ${MIN_WORDS}, ${SHINGLE_SIZE}-word shingles)`);
  let ran = 0;
  const reuseDir = path.join(evalDir, 'text-reuse');
  if (existsSync(path.join(reuseDir, 'file_information.csv'))) {
    textReuse(reuseDir);
    ran++;
  } else console.log(`\nSKIPPED text-reuse: ${reuseDir}/file_information.csv not found (pass the eval folder as the first argument).`);
  const bbcDir = path.join(benchDir, 'bbc');
  if (existsSync(bbcDir)) {
    console.log('');
    const articles = loadBbc(bbcDir);
    falseAlarms(articles);
    plantedEdits(articles);
    ran++;
  } else console.log(`\nSKIPPED BBC false alarms and planted edits: ${bbcDir} not found (pass the bench folder as the second argument).`);
  if (ran === 0) console.log('\nNothing evaluated: no data found. Exit 0.');
}

main();
