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
import { comparisonWords } from '../server/src/core/normalize';
import { exactRepeats, nearRepeats, pairSimilarity, SHINGLE_SIZE, type NearRepeat } from '../server/src/core/repeats';
import { jaccard, overlapCoefficient, shingleSet, type ShingleSet } from '../server/src/core/shingles';
import { buildSourceText } from '../server/src/core/text';
import type { SourceTextView } from '../server/src/core/types';
import { f2, f3, pct, resolveEvalDir, table, wilson } from './lib/data';

const NEAR = 'near-duplicate-paragraph';
const DUP_IDS: readonly string[] = [NEAR, 'duplicate-paragraph', 'duplicate-sentence'];
/** 0.30, 0.35, … 0.95, rounded so they print and compare as the two-decimal values they are. */
const THRESHOLDS = Array.from({ length: 14 }, (_, i) => Math.round((0.3 + 0.05 * i) * 100) / 100);
const SEED = 20251127;
const PLANTED_SAMPLE = 2000;
const PLANTED_MIN_WORDS = 30;
const KS = [1, 2, 3, 4, 5, 6] as const;
const EDITS = [...KS.map((k) => `k=${k}`), 'trimmed'] as const;
/** minWords values tried on BBC, to see how much of the false-alarm count short list lines make. */
const MIN_WORDS_TRIED = [8, 10, 12, 15, 20] as const;

const nearMeta = checks.find((c) => c.meta.id === NEAR)?.meta;
if (!nearMeta) throw new Error(`${NEAR} is not in the registry`);
const { threshold: DEFAULT_T, minWords: MIN_WORDS } = nearMeta.defaultOptions as { threshold: number; minWords: number };

// Measures. "overlap" is the detector's: shared shingles over the smaller set, and 0 when the
// smaller set is under half the larger (the length-ratio rule in nearRepeats).

interface Measure {
  readonly name: string;
  readonly size: number;
  readonly score: (a: ShingleSet, b: ShingleSet) => number;
}

function overlap(a: ShingleSet, b: ShingleSet, lengthRule: boolean): number {
  return lengthRule ? pairSimilarity(a, b) : overlapCoefficient(a, b);
}

const MEASURES: readonly Measure[] = [
  { name: `overlap, ${SHINGLE_SIZE}-grams, length rule (detector)`, size: SHINGLE_SIZE, score: (a, b) => overlap(a, b, true) },
  { name: `overlap, ${SHINGLE_SIZE}-grams, no length rule`, size: SHINGLE_SIZE, score: (a, b) => overlap(a, b, false) },
  { name: `Jaccard, ${SHINGLE_SIZE}-grams`, size: SHINGLE_SIZE, score: jaccard },
  { name: 'overlap, 3-grams, length rule', size: 3, score: (a, b) => overlap(a, b, true) },
  { name: 'Jaccard, 3-grams', size: 3, score: jaccard },
];
const SIZES = [...new Set(MEASURES.map((m) => m.size))];

/** Scores of two texts under every measure, in MEASURES order. */
function scoresOf(a: string, b: string): number[] {
  const setsA = new Map(SIZES.map((s) => [s, shingleSet(a, s)]));
  const setsB = new Map(SIZES.map((s) => [s, shingleSet(b, s)]));
  return MEASURES.map((m) => m.score(setsA.get(m.size)!, setsB.get(m.size)!));
}

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
const tLabel = (t: number): string => f2(t) + (t === DEFAULT_T ? ' (default)' : '');
/** The default and the sweep thresholds 0.1 either side of it: the operating points worth a closer look. */
const referenceThresholds = (): number[] => [DEFAULT_T - 0.1, DEFAULT_T, DEFAULT_T + 0.1].map((t) => Math.round(t * 100) / 100).filter((t) => THRESHOLDS.includes(t));
const countById = (findings: readonly Finding[], id: string): number => findings.filter((f) => f.checkId === id).length;
const lineOf = (view: SourceTextView, offset: number): number => lineIndexAt(view.lineStarts, offset) + 1;

function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** UTF-8 if valid, else undefined. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The detector's own pairs (the calls the check makes), down to `minThreshold`. */
function detectorPairs(view: SourceTextView, minThreshold: number): NearRepeat[] {
  const exact = new Set(exactRepeats(view, 1).map((r) => r.copy));
  return nearRepeats(view, minThreshold, MIN_WORDS, exact);
}

// 1. Text reuse: each answer against its task's source, both as one paragraph.

type Category = 'cut' | 'light' | 'heavy' | 'non';
const CATEGORIES: readonly Category[] = ['cut', 'light', 'heavy', 'non'];

interface Answer {
  readonly file: string;
  readonly category: Category;
  readonly scores: readonly number[];
  readonly answerWords: number;
  readonly sourceWords: number;
  /** Rule ids that fired on the two-paragraph draft "<source>\n\n<answer>" at the default settings. */
  readonly fired: ReadonlySet<string>;
  readonly twoBlocks: boolean;
}

interface TextReuse {
  readonly answers: readonly Answer[];
  readonly legacy: readonly string[];
}

interface Rates {
  readonly tp: number;
  readonly fp: number;
  readonly heavy: number;
  readonly p: number;
  readonly r: number;
  readonly f1: number;
}

function loadTextReuse(dir: string): TextReuse {
  const legacy: string[] = [];
  /** UTF-8, else Windows-1252: the encoding of the corpus's non-UTF-8 answers (0x92 = ’). */
  const read = (name: string): string => {
    const bytes = readFileSync(path.join(dir, name));
    const text = decodeUtf8(bytes);
    if (text !== undefined) return text;
    legacy.push(name);
    return new TextDecoder('windows-1252').decode(bytes);
  };
  const sources = new Map<string, string>();
  const answers: Answer[] = [];
  const rows = readFileSync(path.join(dir, 'file_information.csv'), 'utf8').trim().split(/\r?\n/u).slice(1);
  for (const row of rows) {
    const [file, task, category] = row.split(',').map((s) => s.trim());
    if (!file || !task || !category || category === 'orig') continue;
    if (!(CATEGORIES as readonly string[]).includes(category)) throw new Error(`unknown category ${category} for ${file}`);
    let source = sources.get(task);
    if (source === undefined) sources.set(task, (source = oneLine(read(`orig_task${task}.txt`))));
    const answer = oneLine(read(file));
    const draft = `${source}\n\n${answer}\n`;
    const fired = new Set(lintText(draft, 'plaintext').findings.map((f) => f.checkId));
    answers.push({
      file,
      category: category as Category,
      scores: scoresOf(answer, source),
      answerWords: comparisonWords(answer).length,
      sourceWords: comparisonWords(source).length,
      fired,
      twoBlocks: buildSourceText(draft, 'plaintext').blocks.length === 2,
    });
  }
  return { answers, legacy };
}

function reuseRates(answers: readonly Answer[], measure: number, t: number): Rates {
  const positives = answers.filter((a) => a.category === 'cut' || a.category === 'light');
  const tp = positives.filter((a) => a.scores[measure]! >= t).length;
  const fp = answers.filter((a) => a.category === 'non' && a.scores[measure]! >= t).length;
  const heavy = answers.filter((a) => a.category === 'heavy' && a.scores[measure]! >= t).length;
  const p = tp + fp === 0 ? NaN : tp / (tp + fp);
  const r = tp / positives.length;
  return { tp, fp, heavy, p, r, f1: tp === 0 ? 0 : (2 * p * r) / (p + r) };
}

function printTextReuse({ answers, legacy }: TextReuse): void {
  const byCat = (c: Category): Answer[] => answers.filter((a) => a.category === c);
  const nPos = byCat('cut').length + byCat('light').length;
  console.log(`\n## 1. Text reuse (Clough & Stevenson): ${answers.length} answers, each against its task's source`);
  console.log(`${CATEGORIES.map((c) => `${c} ${byCat(c).length}`).join(', ')}; positives = cut + light, negatives = non, heavy reported apart.`);
  if (legacy.length) console.log(`Not valid UTF-8, decoded as Windows-1252: ${legacy.length} files (${legacy.join(', ')}).`);

  console.log('\nSimilarity by category (min / median / max):\n');
  console.log(
    table(
      ['measure', ...CATEGORIES],
      MEASURES.map((m, i) => [
        m.name,
        ...CATEGORIES.map((c) => {
          const xs = byCat(c).map((a) => a.scores[i]!);
          return `${f2(Math.min(...xs))} / ${f2(median(xs))} / ${f2(Math.max(...xs))}`;
        }),
      ]),
    ),
  );

  MEASURES.forEach((m, i) => {
    console.log(`\n### ${m.name}\n`);
    console.log(
      table(
        ['threshold', 'precision', 'recall', 'F1', '`non` flagged', '`heavy` flagged'],
        THRESHOLDS.map((t) => {
          const x = reuseRates(answers, i, t);
          return [i === 0 ? tLabel(t) : f2(t), f2(x.p), `${f2(x.r)} (${x.tp}/${nPos})`, f3(x.f1), `${x.fp}/${byCat('non').length}`, `${pct(x.heavy, byCat('heavy').length)} (${x.heavy})`];
        }),
      ),
    );
  });

  const positives = answers.filter((a) => a.category === 'cut' || a.category === 'light');
  const lost = positives.filter((a) => a.scores[0] === 0 && a.scores[1]! > 0);
  console.log(`\nPositives the length rule zeroes (answer under half its source's bigrams): ${lost.length} of ${nPos}.`);
  for (const a of lost) console.log(`- ${a.file} (${a.category}): ${a.answerWords} vs ${a.sourceWords} words; overlap without the rule ${f2(a.scores[1]!)}`);
  console.log('');
  for (const t of referenceThresholds()) {
    const d = reuseRates(answers, 0, t);
    console.log(`At ${tLabel(t)}: precision ${d.tp}/${d.tp + d.fp} (95% CI ${wilson(d.tp, d.tp + d.fp)}), recall ${d.tp}/${nPos} (95% CI ${wilson(d.tp, nPos)}).`);
  }
  const maxNon = Math.max(...byCat('non').map((a) => a.scores[0]!));
  console.log(`Highest detector similarity of a \`non\` answer: ${f2(maxNon)}.`);

  console.log(`\nEnd to end: lintText("<source>\\n\\n<answer>", 'plaintext') at the default settings (threshold ${f2(DEFAULT_T)}):\n`);
  console.log(
    table(
      ['category', 'drafts', NEAR, 'duplicate-sentence', 'duplicate-paragraph', 'any duplicate rule'],
      CATEGORIES.map((c) => {
        const xs = byCat(c);
        const n = (id: string): number => xs.filter((a) => a.fired.has(id)).length;
        const any = xs.filter((a) => DUP_IDS.some((id) => a.fired.has(id))).length;
        return [c, xs.length, `${n(NEAR)} (${pct(n(NEAR), xs.length)})`, n('duplicate-sentence'), n('duplicate-paragraph'), `${any} (${pct(any, xs.length)})`];
      }),
    ),
  );
  const split = answers.filter((a) => !a.twoBlocks).length;
  const disagree = answers.filter((a) => a.fired.has(NEAR) !== a.scores[0]! >= DEFAULT_T).length;
  console.log(`Drafts not segmented into exactly two blocks: ${split}. Drafts where lintText disagrees with the script's detector measure: ${disagree}.`);
}

// 2. BBC articles, each linted on its own: findings here are false alarms unless the article
// really repeats itself.

interface Article {
  readonly rel: string;
  readonly text: string;
}

interface Bbc {
  readonly files: number;
  readonly skipped: readonly string[];
  readonly duplicates: number;
  readonly articles: readonly Article[];
}

function loadBbc(dir: string): Bbc {
  const articles: Article[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  let files = 0;
  let duplicates = 0;
  for (const topic of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of readdirSync(path.join(dir, topic)).filter((n) => n.endsWith('.txt')).sort()) {
      files++;
      const rel = `bbc/${topic}/${name}`;
      const bytes = readFileSync(path.join(dir, topic, name));
      const text = decodeUtf8(bytes);
      if (text === undefined) {
        skipped.push(rel);
        continue;
      }
      const hash = createHash('sha1').update(bytes).digest('hex');
      if (seen.has(hash)) {
        duplicates++;
        continue;
      }
      seen.add(hash);
      articles.push({ rel, text });
    }
  }
  return { files, skipped, duplicates, articles };
}

interface FalseAlarms {
  readonly paragraphs: number;
  readonly eligible: number;
  readonly medianWords: number;
  readonly atDefault: ReadonlyMap<string, { findings: number; articles: number }>;
  readonly perT: readonly { findings: number; articles: number; sentence: number }[];
  /** Per measure, per threshold: blocks whose best earlier match scores ≥ t (the detector's rule). */
  readonly byMeasure: readonly (readonly { findings: number; articles: number }[])[];
  /** Per minWords (MIN_WORDS_TRIED order), per threshold: the detector's findings (articles). */
  readonly byMinWords: readonly (readonly { findings: number; articles: number }[])[];
  readonly mismatches: number;
  readonly cases: readonly string[];
  readonly flaggedArticles: readonly { rel: string; pairs: number; max: number }[];
}

function falseAlarms(articles: readonly Article[]): FalseAlarms {
  let paragraphs = 0;
  let eligible = 0;
  const words: number[] = [];
  const atDefault = new Map(DUP_IDS.map((id) => [id, { findings: 0, articles: 0 }]));
  const perT = THRESHOLDS.map(() => ({ findings: 0, articles: 0, sentence: 0 }));
  const byMeasure = MEASURES.map(() => THRESHOLDS.map(() => ({ findings: 0, articles: 0 })));
  const byMinWords = MIN_WORDS_TRIED.map(() => THRESHOLDS.map(() => ({ findings: 0, articles: 0 })));
  let mismatches = 0;
  const cases: string[] = [];
  const flaggedArticles: { rel: string; pairs: number; max: number }[] = [];

  for (const { rel, text } of articles) {
    const view = buildSourceText(text, 'plaintext');
    for (const b of view.blocks) {
      if (b.kind !== 'paragraph') continue;
      paragraphs++;
      const n = comparisonWords(b.text).length;
      words.push(n);
      if (n >= MIN_WORDS) eligible++;
    }
    const pairs = detectorPairs(view, THRESHOLDS[0]!);
    if (pairs.length) flaggedArticles.push({ rel, pairs: pairs.length, max: Math.max(...pairs.map((p) => p.similarity)) });
    const pairAt = new Map(pairs.map((p) => [view.blocks[p.copy]!.span.start, p]));

    const findings = lintText(text, 'plaintext').findings;
    for (const id of DUP_IDS) {
      const n = countById(findings, id);
      const x = atDefault.get(id)!;
      x.findings += n;
      if (n > 0) x.articles++;
    }
    for (const f of findings.filter((f) => DUP_IDS.includes(f.checkId))) {
      const sim = f.checkId === NEAR ? pairAt.get(f.span.start)?.similarity : undefined;
      const other = f.related[0];
      cases.push(`${f.checkId}: ${rel} line ${lineOf(view, f.span.start)} → line ${other ? lineOf(view, other.span.start) : '?'}${sim !== undefined ? `, similarity ${f2(sim)}` : ''}`);
    }

    THRESHOLDS.forEach((t, i) => {
      const fs = lintText(text, 'plaintext', { nearDuplicateThreshold: t }).findings;
      const n = countById(fs, NEAR);
      perT[i]!.findings += n;
      if (n > 0) perT[i]!.articles++;
      perT[i]!.sentence += countById(fs, 'duplicate-sentence');
      if (n !== pairs.filter((p) => p.similarity >= t).length) mismatches++;
    });

    const exactCopies = new Set(exactRepeats(view, 1).map((r) => r.copy));
    MIN_WORDS_TRIED.forEach((m, mi) => {
      const found = nearRepeats(view, THRESHOLDS[0]!, m, exactCopies);
      THRESHOLDS.forEach((t, ti) => {
        const n = found.filter((p) => p.similarity >= t).length;
        byMinWords[mi]![ti]!.findings += n;
        if (n > 0) byMinWords[mi]![ti]!.articles++;
      });
    });

    // Every measure under the detector's rule: each eligible block that is not an exact copy is
    // matched with its best earlier eligible block.
    const exact = new Set(exactRepeats(view, 1).map((r) => r.copy));
    const eligibleBlocks = view.blocks.map((b, i) => ({ i, text: b.text })).filter((b) => comparisonWords(b.text).length >= MIN_WORDS);
    const sets = eligibleBlocks.map((b) => new Map(SIZES.map((s) => [s, shingleSet(b.text, s)])));
    const best = MEASURES.map(() => [] as number[]);
    eligibleBlocks.forEach((b, x) => {
      if (exact.has(b.i)) return;
      MEASURES.forEach((m, mi) => {
        let top = 0;
        for (let y = 0; y < x; y++) top = Math.max(top, m.score(sets[x]!.get(m.size)!, sets[y]!.get(m.size)!));
        best[mi]!.push(top);
      });
    });
    MEASURES.forEach((_, mi) =>
      THRESHOLDS.forEach((t, ti) => {
        const n = best[mi]!.filter((s) => s >= t).length;
        byMeasure[mi]![ti]!.findings += n;
        if (n > 0) byMeasure[mi]![ti]!.articles++;
      }),
    );
  }
  flaggedArticles.sort((a, b) => b.max - a.max);
  return { paragraphs, eligible, medianWords: median(words), atDefault, perT, byMeasure, byMinWords, mismatches, cases, flaggedArticles };
}

function printFalseAlarms(bbc: Bbc, fa: FalseAlarms): void {
  console.log(`\n## 2. False alarms on edited news: BBC articles linted one by one`);
  for (const s of bbc.skipped) console.log(`Note: skipped ${s}: not valid UTF-8.`);
  console.log(`${bbc.files} files; ${bbc.skipped.length} skipped; ${bbc.duplicates} byte-identical copies dropped; ${bbc.articles.length} articles used.`);
  console.log(`${fa.paragraphs} paragraphs (headlines excluded; median ${fa.medianWords} words), ${fa.eligible} with ≥ ${MIN_WORDS} words (eligible for ${NEAR}).\n`);
  console.log(
    table(
      ['rule (default settings)', 'findings', 'articles with a finding', 'per 1,000 paragraphs'],
      DUP_IDS.map((id) => {
        const x = fa.atDefault.get(id)!;
        return [id, x.findings, x.articles, f2((1000 * x.findings) / fa.paragraphs)];
      }),
    ),
  );
  console.log(`\n${NEAR} by threshold (lintText with { nearDuplicateThreshold: t }):\n`);
  console.log(
    table(
      ['threshold', 'findings', 'articles flagged', 'per 1,000 paragraphs', 'duplicate-sentence findings'],
      THRESHOLDS.map((t, i) => [tLabel(t), fa.perT[i]!.findings, fa.perT[i]!.articles, f2((1000 * fa.perT[i]!.findings) / fa.paragraphs), fa.perT[i]!.sentence]),
    ),
  );
  console.log(`Threshold runs where lintText's count differs from the detector's pairs: ${fa.mismatches}.`);
  console.log('\nDuplicate-rule findings at the default settings (flagged block → earlier block):');
  for (const c of fa.cases) console.log(`- ${c}`);
  console.log(`\nArticles with a near-duplicate pair at ≥ ${f2(THRESHOLDS[0]!)} (pairs, highest similarity):`);
  for (const a of fa.flaggedArticles) console.log(`- ${a.rel}: ${a.pairs} pair(s), max ${f2(a.max)}`);
  console.log(`\n${NEAR} findings (articles) on BBC by minWords (the detector's pairs; default minWords ${MIN_WORDS}):\n`);
  console.log(
    table(
      ['threshold', ...MIN_WORDS_TRIED.map((m) => `minWords ${m}`)],
      THRESHOLDS.map((t, ti) => [tLabel(t), ...MIN_WORDS_TRIED.map((_, mi) => `${fa.byMinWords[mi]![ti]!.findings} (${fa.byMinWords[mi]![ti]!.articles})`)]),
    ),
  );
}

// 3. Planted edits: an edited copy of a BBC paragraph inserted right after it, in its article.

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/u;

/** Replaces k distinct words by random corpus words, then deletes one word or inserts one (coin flip). */
function editParagraph(text: string, k: number, rng: () => number, vocabulary: readonly string[]): string {
  const tokens = text.split(/\s+/u).filter(Boolean);
  const wordAt = tokens.map((t, i) => (WORD.test(t) ? i : -1)).filter((i) => i >= 0);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, wordAt.length)) chosen.add(pick(rng, wordAt));
  for (const i of chosen) {
    const old = tokens[i]!.match(WORD)![0].toLowerCase();
    let word = pick(rng, vocabulary);
    while (word.toLowerCase() === old) word = pick(rng, vocabulary);
    tokens[i] = tokens[i]!.replace(WORD, word);
  }
  const rest = wordAt.filter((i) => !chosen.has(i));
  if (rng() < 0.5 && rest.length > 0) tokens.splice(pick(rng, rest), 1);
  else tokens.splice(Math.floor(rng() * (tokens.length + 1)), 0, pick(rng, vocabulary));
  return tokens.join(' ');
}

interface Outcome {
  readonly words: number;
  /** The detector's similarity of the copy to its original, in the article; 0 when not matched to it. */
  readonly sim: number;
  /** Direct pair scores under every measure (MEASURES order). */
  readonly scores: readonly number[];
  readonly nearAtDefault: boolean;
  readonly anyAtDefault: boolean;
}

interface Planted {
  readonly candidates: number;
  readonly sampled: number;
  readonly results: ReadonlyMap<string, readonly Outcome[]>;
}

function plant(article: Article, blockIndex: number, copy: string, words: number): Outcome {
  const block = buildSourceText(article.text, 'plaintext').blocks[blockIndex]!;
  const draft = `${article.text.slice(0, block.span.end)}\n\n${copy}${article.text.slice(block.span.end)}`;
  const view = buildSourceText(draft, 'plaintext');
  const copyStart = block.span.end + 2;
  const copyIndex = view.blocks.findIndex((b) => b.span.start === copyStart);
  const pair = detectorPairs(view, 0).find((p) => p.copy === copyIndex);
  const onCopy = lintText(draft, 'plaintext').findings.filter((f) => f.span.start >= copyStart && f.span.start < copyStart + copy.length);
  return {
    words,
    sim: pair && pair.original === blockIndex ? pair.similarity : 0,
    scores: scoresOf(block.text, copy),
    nearAtDefault: onCopy.some((f) => f.checkId === NEAR),
    anyAtDefault: onCopy.some((f) => DUP_IDS.includes(f.checkId)),
  };
}

function plantedEdits(articles: readonly Article[]): Planted {
  const rng = mulberry32(SEED);
  const vocabulary: string[] = [];
  const candidates: { article: Article; block: number; words: number; lastSentenceStart: number | undefined }[] = [];
  for (const article of articles) {
    const view = buildSourceText(article.text, 'plaintext');
    view.blocks.forEach((b, i) => {
      vocabulary.push(...(b.text.match(new RegExp(WORD.source, 'gu')) ?? []));
      const words = comparisonWords(b.text).length;
      if (b.kind !== 'paragraph' || words < PLANTED_MIN_WORDS) return;
      const sentences = view.sentences.filter((s) => s.block === i);
      candidates.push({ article, block: i, words, lastSentenceStart: sentences.length >= 2 ? sentences[sentences.length - 1]!.span.start : undefined });
    });
  }
  // Seeded Fisher–Yates, then a fixed-size sample: the same data gives the same figures.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const sample = candidates.slice(0, PLANTED_SAMPLE);
  const results = new Map<string, Outcome[]>(EDITS.map((e) => [e, []]));
  for (const c of sample) {
    const block = buildSourceText(c.article.text, 'plaintext').blocks[c.block]!;
    for (const k of KS) results.get(`k=${k}`)!.push(plant(c.article, c.block, editParagraph(block.text, k, rng, vocabulary), c.words));
    if (c.lastSentenceStart !== undefined) {
      const trimmed = c.article.text.slice(block.span.start, c.lastSentenceStart).trim();
      results.get('trimmed')!.push(plant(c.article, c.block, trimmed, c.words));
    }
  }
  return { candidates: candidates.length, sampled: sample.length, results };
}

const BUCKETS: readonly [string, number, number][] = [['30–49 words', 30, 50], ['50–79 words', 50, 80], ['≥ 80 words', 80, Infinity]];

function printPlanted(p: Planted): void {
  const list = (key: string): readonly Outcome[] => p.results.get(key) ?? [];
  console.log(`\n## 3. Planted edits: ${p.sampled} BBC paragraphs of ≥ ${PLANTED_MIN_WORDS} words (seeded sample of ${p.candidates}; seed ${SEED})`);
  console.log('Each copy is inserted right after its original, inside its article, and the whole article is checked.');
  console.log('k=n: n distinct words replaced by random words drawn from the BBC text, plus one word deleted or one inserted (coin flip).');
  console.log('trimmed: the paragraph without its last sentence (paragraphs of two or more sentences only).\n');
  console.log(`Share of copies ${NEAR} reports, by threshold:\n`);
  console.log(table(['threshold', ...EDITS], THRESHOLDS.map((t) => [tLabel(t), ...EDITS.map((e) => pct(list(e).filter((o) => o.sim >= t).length, list(e).length))])));

  console.log('\nAt the default settings, through lintText:\n');
  console.log(
    table(
      ['edit', 'copies', 'median similarity', NEAR, 'any duplicate rule', 'zeroed by length rule', 'lintText ≠ detector'],
      EDITS.map((e) => {
        const xs = list(e);
        const n = (f: (o: Outcome) => boolean): number => xs.filter(f).length;
        return [e, xs.length, f2(median(xs.map((o) => o.sim))), pct(n((o) => o.nearAtDefault), xs.length), pct(n((o) => o.anyAtDefault), xs.length), n((o) => o.scores[0] === 0 && o.scores[1]! > 0), n((o) => o.nearAtDefault !== o.sim >= DEFAULT_T)];
      }),
    ),
  );
  const directDiffers = EDITS.reduce((sum, e) => sum + list(e).filter((o) => Math.abs(o.sim - o.scores[0]!) > 1e-9).length, 0);
  console.log(`Copies whose in-article detector similarity differs from the direct pair score: ${directDiffers}.`);

  for (const [name, lo, hi] of BUCKETS) {
    const n = list('k=1').filter((o) => o.words >= lo && o.words < hi).length;
    console.log(`\nParagraphs of ${name} (n=${n}), share reported by threshold:\n`);
    console.log(
      table(
        ['threshold', ...EDITS],
        THRESHOLDS.filter((t) => t >= 0.5 && t <= 0.85).map((t) => [
          tLabel(t),
          ...EDITS.map((e) => {
            const xs = list(e).filter((o) => o.words >= lo && o.words < hi);
            return pct(xs.filter((o) => o.sim >= t).length, xs.length);
          }),
        ]),
      ),
    );
  }
}

// 4. The measures side by side, and 5. the summary.

function printMeasures(reuse: TextReuse | undefined, fa: FalseAlarms | undefined, planted: Planted | undefined): void {
  console.log('\n## 4. Measures compared on all three data sets');
  console.log('Text reuse: P/R/F1 (cut+light vs non). BBC: findings (articles) under the detector rule (best earlier block ≥ t).');
  console.log('Planted: share of copies whose direct score with their original is ≥ t.');
  MEASURES.forEach((m, mi) => {
    console.log(`\n### ${m.name}\n`);
    const head = ['threshold'];
    if (reuse) head.push('text reuse P / R / F1', '`non` flagged');
    if (fa) head.push('BBC findings (articles)');
    if (planted) head.push('k=1', 'k=3', 'k=6', 'trimmed');
    console.log(
      table(
        head,
        THRESHOLDS.map((t, ti) => {
          const row: string[] = [mi === 0 ? tLabel(t) : f2(t)];
          if (reuse) {
            const x = reuseRates(reuse.answers, mi, t);
            row.push(`${f2(x.p)} / ${f2(x.r)} / ${f3(x.f1)}`, String(x.fp));
          }
          if (fa) row.push(`${fa.byMeasure[mi]![ti]!.findings} (${fa.byMeasure[mi]![ti]!.articles})`);
          if (planted) {
            for (const e of ['k=1', 'k=3', 'k=6', 'trimmed']) {
              const xs = planted.results.get(e) ?? [];
              row.push(pct(xs.filter((o) => o.scores[mi]! >= t).length, xs.length));
            }
          }
          return row;
        }),
      ),
    );
  });
  if (fa && reuse && planted) printMatched(reuse, fa, planted);
  if (fa) {
    const detectorAtT = THRESHOLDS.map((_, ti) => fa.byMeasure[0]![ti]!.findings);
    const lint = THRESHOLDS.map((_, ti) => fa.perT[ti]!.findings);
    const same = detectorAtT.every((n, i) => n === lint[i]);
    console.log(
      `\nBBC, detector rows above (every pair compared) vs lintText (nearRepeats' index): ${same ? 'equal at every threshold' : `differ: ${detectorAtT.join(',')} vs ${lint.join(',')}; the index does not look up shingles found in many blocks, so it can miss or under-rate a pair`}.`,
    );
  }
}

/**
 * Each measure at the lowest sweep threshold whose BBC false alarms stay within the detector's at
 * a reference threshold (the default and ±0.1): recall compared at equal false-alarm cost.
 */
function printMatched(reuse: TextReuse, fa: FalseAlarms, planted: Planted): void {
  const refs = referenceThresholds();
  const shareAt = (e: string, mi: number, t: number, short: boolean): string => {
    const xs = (planted.results.get(e) ?? []).filter((o) => !short || o.words < 50);
    return pct(xs.filter((o) => o.scores[mi]! >= t).length, xs.length);
  };
  for (const ref of refs) {
    const budget = fa.byMeasure[0]![THRESHOLDS.indexOf(ref)]!.findings;
    console.log(`\n### At equal BBC false alarms: ≤ ${budget} findings (the detector's count at ${f2(ref)})\n`);
    console.log(
      table(
        ['measure', 'threshold', 'BBC findings (articles)', 'text reuse P / R / F1', '`heavy` flagged', 'k=6', 'k=6, 30–49 words', 'trimmed'],
        MEASURES.map((m, mi) => {
          const ti = THRESHOLDS.findIndex((_, i) => fa.byMeasure[mi]![i]!.findings <= budget);
          if (ti < 0) return [m.name, '–', '–', '–', '–', '–', '–', '–'];
          const t = THRESHOLDS[ti]!;
          const x = reuseRates(reuse.answers, mi, t);
          const heavyN = reuse.answers.filter((a) => a.category === 'heavy').length;
          return [m.name, f2(t), `${fa.byMeasure[mi]![ti]!.findings} (${fa.byMeasure[mi]![ti]!.articles})`, `${f2(x.p)} / ${f2(x.r)} / ${f3(x.f1)}`, pct(x.heavy, heavyN), shareAt('k=6', mi, t, false), shareAt('k=6', mi, t, true), shareAt('trimmed', mi, t, false)];
        }),
      ),
    );
  }
}

function printSummary(reuse: TextReuse | undefined, fa: FalseAlarms | undefined, planted: Planted | undefined): void {
  console.log(`\n## Summary: ${NEAR} by threshold (detector measure)\n`);
  const head = ['threshold'];
  if (reuse) head.push('text reuse P', 'R', 'F1', '`heavy` flagged');
  if (fa) head.push('BBC findings / 1,000 paragraphs', 'BBC articles flagged');
  if (planted) head.push(...EDITS);
  const heavyN = reuse?.answers.filter((a) => a.category === 'heavy').length ?? 0;
  console.log(
    table(
      head,
      THRESHOLDS.map((t, ti) => {
        const row: string[] = [tLabel(t)];
        if (reuse) {
          const x = reuseRates(reuse.answers, 0, t);
          row.push(f2(x.p), `${f2(x.r)} (${x.tp})`, f3(x.f1), pct(x.heavy, heavyN));
        }
        if (fa) row.push(`${fa.perT[ti]!.findings} / ${f2((1000 * fa.perT[ti]!.findings) / fa.paragraphs)}`, String(fa.perT[ti]!.articles));
        if (planted) for (const e of EDITS) {
          const xs = planted.results.get(e) ?? [];
          row.push(pct(xs.filter((o) => o.sim >= t).length, xs.length));
        }
        return row;
      }),
    ),
  );
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('Usage: npx tsx scripts/eval-near-duplicates.ts [evalDir=../shared/eval] [benchDir=<evalDir>/../bench]');
    return;
  }
  const evalDir = resolveEvalDir(args[0]);
  const benchDir = path.resolve(process.cwd(), args[1] ?? path.join(evalDir, '..', 'bench'));
  console.log(`# ${NEAR} evaluation (default threshold ${f2(DEFAULT_T)}, minWords ${MIN_WORDS}, ${SHINGLE_SIZE}-word shingles)`);

  const reuseDir = path.join(evalDir, 'text-reuse');
  let reuse: TextReuse | undefined;
  if (existsSync(path.join(reuseDir, 'file_information.csv'))) {
    reuse = loadTextReuse(reuseDir);
    printTextReuse(reuse);
  } else console.log(`\nSKIPPED text reuse: ${path.join(reuseDir, 'file_information.csv')} not found (the eval folder is the first argument).`);

  const bbcDir = path.join(benchDir, 'bbc');
  let fa: FalseAlarms | undefined;
  let planted: Planted | undefined;
  if (existsSync(bbcDir)) {
    const bbc = loadBbc(bbcDir);
    fa = falseAlarms(bbc.articles);
    printFalseAlarms(bbc, fa);
    planted = plantedEdits(bbc.articles);
    printPlanted(planted);
  } else console.log(`\nSKIPPED BBC false alarms and planted edits: ${bbcDir} not found (the bench folder is the second argument).`);

  if (!reuse && !fa) {
    console.log('\nSKIPPED: no evaluation data found; nothing was measured.');
    return;
  }
  printMeasures(reuse, fa, planted);
  printSummary(reuse, fa, planted);
}

main();
