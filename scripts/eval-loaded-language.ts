/**
 * @file Scores `loaded-language` on news annotated by people who never saw Copydesk: the
 * Propaganda Techniques Corpus (PTC v2, `Loaded_Language` spans) and BABE (media-bias sentences
 * with `biased_words`). Prints Markdown tables and writes the loaded-language section of
 * docs/evaluation.md (between its markers; the rest of the file is left alone).
 *
 * Usage: npx tsx scripts/eval-loaded-language.ts [evalDir] [--no-write]
 *        (or `npm run eval -- loaded-language`)
 *   evalDir     default ../shared/eval, resolved from the working directory
 *               (needs ptc/{train,dev}-articles/ + ptc/{train,dev}-task-flc-tc.labels and/or
 *               babe/final_labels_SG2.csv)
 *   --no-write  print only; leave docs/evaluation.md alone
 *
 * PTC dev is the test set: it is reported, never tuned on. PTC train (and BABE) are for tuning; the
 * per-category precision, the most frequent false positives and the most frequent missed words are
 * computed on train only. The data is never copied into the repository: only figures (and lexicon
 * terms) are printed. Missing data is reported as SKIPPED and the script exits 0.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { babeFileOf, codePointToUtf16, f2, f3, hasPtcSplit, parseCsv, pct, ptcDirOf, readPtcArticles, readPtcLabels, resolveEvalDir, table, wilson, type PtcSplitName } from './lib/data';
import { out, writeSection, type Report } from './lib/report';

const CHECK = 'loaded-language';
const LOADED = 'Loaded_Language';
const REPO = typeof __dirname === 'string' ? path.resolve(__dirname, '..') : process.cwd();
const LEXICON_FILE = path.join(REPO, 'server', 'src', 'data', 'loaded-language.json');
const TOP = 25;

/** The issue's targets (issue 3, "Measured, honestly"). */
const TARGETS = { ptcP: 0.55, ptcR: 0.45, babeP: 0.75 } as const;
/**
 * The naive baseline the PTC README describes: words inside Loaded_Language spans ≥ 30% of the time,
 * "seen twice or more". That last part reads two ways, so both are measured: (A) seen inside spans
 * at least twice (this reproduces the README's P 0.33 / R 0.29), (B) seen at least twice at all.
 */
const BASELINE_MIN_SHARE = 0.3;
const BASELINE_MIN_COUNT = 2;

/** Quotes counted: every gold span, quoted findings reported as hints. Quotes excluded: the default. */
const QUOTES_COUNTED = { loadedLanguage: { quotes: 'hint' } } as const;
const QUOTES_EXCLUDED = {} as const;

type Api = typeof import('../server/src/api');
type TextMod = typeof import('../server/src/core/text');
type InflectMod = typeof import('../server/src/core/inflect');

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A loaded-language finding as the evaluation sees it. */
interface Pred {
  readonly span: Span;
  readonly actual: string;
  readonly category: string;
  readonly severity: string;
  readonly quoted: boolean;
}

interface PtcArticle {
  readonly id: string;
  readonly text: string;
  /** Loaded_Language spans, UTF-16, de-duplicated, sorted. */
  readonly gold: readonly Span[];
  /** Gold spans that lie inside a quotation (by Copydesk's quote detection). */
  readonly goldQuoted: readonly boolean[];
  /** Spans of every other technique, UTF-16. */
  readonly other: readonly Span[];
  readonly quotes: readonly Span[];
}

interface PtcSplit {
  readonly name: 'train' | 'dev';
  readonly articles: readonly PtcArticle[];
  readonly rawGold: number;
  readonly astral: number;
}

interface Counts {
  preds: number;
  predOk: number;
  gold: number;
  goldFound: number;
  charPred: number;
  charGold: number;
  charBoth: number;
}

// Small helpers.

const ratio = (n: number, d: number): number => (d === 0 ? NaN : n / d);
const f1 = (p: number, r: number): number => (p + r === 0 || !Number.isFinite(p) || !Number.isFinite(r) ? NaN : (2 * p * r) / (p + r));
const int = (n: number): string => n.toLocaleString('en-US');
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const inside = (outer: readonly Span[], s: Span): boolean => outer.some((q) => q.start <= s.start && s.end <= q.end);

/** Words as the matcher sees them: letters/digits with inner apostrophes; hyphens split words. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const keyOf = (w: string): string => w.toLowerCase().replace(/’/g, "'");
function words(text: string): { key: string; span: Span }[] {
  return [...text.matchAll(WORD)].map((m) => ({ key: keyOf(m[0]), span: { start: m.index, end: m.index + m[0].length } }));
}

/** Function words, left out of the missed-words list (they say nothing about the lexicon). */
const STOPWORDS = new Set(
  `a an the and or but nor so yet for of in on at to from by with without about as into onto over under than then that this these those
  there here it its it's they them their theirs he him his she her hers we us our you your i me my mine be is are was were been being am
  have has had having do does did doing not no will would shall should can could may might must just also only even very too more most
  such what which who whom whose when where why how all any both each every some other another same own s t if because while whether
  up down out off again further once after before during until against between through`.split(/\s+/u),
);

/** Every countByKey entry as [key, count], most frequent first, ties alphabetical (deterministic). */
function ranked(m: ReadonlyMap<string, number>): [string, number][] {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
const bump = (m: Map<string, number>, k: string, n = 1): void => void m.set(k, (m.get(k) ?? 0) + n);

// Readers.

function loadPtc(dir: string, name: PtcSplitName, textMod: TextMod): PtcSplit {
  const labels = readPtcLabels(dir, name);
  let rawGold = 0;
  let astral = 0;
  const articles: PtcArticle[] = [];
  for (const { id, text } of readPtcArticles(dir, name)) {
    const map = codePointToUtf16(text);
    if (map.length - 1 !== text.length) astral++;
    const toUtf16 = (cp: number): number => {
      const u = map[cp];
      if (u === undefined) throw new Error(`${name} article ${id}: offset ${cp} is past the end (${map.length - 1} code points)`);
      return u;
    };
    const gold = new Map<string, Span>();
    const other: Span[] = [];
    for (const l of labels.get(id) ?? []) {
      const span = { start: toUtf16(l.start), end: toUtf16(l.end) };
      if (l.technique === LOADED) {
        rawGold++;
        gold.set(`${span.start}:${span.end}`, span);
      } else other.push(span);
    }
    const view = textMod.buildSourceText(text, 'plaintext');
    const quotes = [...view.quotes.map((q) => q.span), ...view.blocks.filter((b) => b.kind === 'blockquote').map((b) => b.span)];
    const sorted = [...gold.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    articles.push({ id, text, gold: sorted, goldQuoted: sorted.map((g) => inside(quotes, g)), other, quotes });
  }
  return { name, articles, rawGold, astral };
}

/** A Python list literal of strings, e.g. `['bizarre', "don't"]`. */
function parsePyList(literal: string): string[] {
  const s = literal.trim();
  if (!s.startsWith('[') || !s.endsWith(']')) throw new Error(`not a list literal: ${s.slice(0, 40)}`);
  const out: string[] = [];
  for (let i = 1; i < s.length - 1; ) {
    const c = s[i]!;
    if (c === ',' || /\s/u.test(c)) {
      i++;
      continue;
    }
    if (c !== "'" && c !== '"') throw new Error(`unexpected ${JSON.stringify(c)} in list literal`);
    let v = '';
    let j = i + 1;
    for (; j < s.length - 1 && s[j] !== c; j++) {
      if (s[j] === '\\') j++;
      v += s[j];
    }
    if (s[j] !== c) throw new Error('list literal: unterminated string');
    out.push(v);
    i = j + 1;
  }
  return out;
}

interface BabeSentence {
  readonly text: string;
  readonly biased: boolean;
  /** Lower-cased words of `biased_words`. */
  readonly goldWords: ReadonlySet<string>;
}

function loadBabe(file: string): { sentences: BabeSentence[]; rows: number; skipped: Map<string, number> } {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const head = rows[0] ?? [];
  const col = (name: string): number => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`BABE: no column ${name} (columns: ${head.join(', ')})`);
    return i;
  };
  const [iText, iLabel, iWords] = [col('text'), col('label_bias'), col('biased_words')];
  const sentences: BabeSentence[] = [];
  const skipped = new Map<string, number>();
  const body = rows.slice(1).filter((r) => !(r.length === 1 && r[0] === ''));
  for (const r of body) {
    if (r.length !== head.length) throw new Error(`BABE: a row has ${r.length} fields, expected ${head.length}`);
    const label = r[iLabel]!;
    if (label !== 'Biased' && label !== 'Non-biased') {
      bump(skipped, label || '(empty)');
      continue;
    }
    const goldWords = new Set(parsePyList(r[iWords]!).flatMap((w) => words(w).map((x) => x.key)));
    sentences.push({ text: r[iText]!, biased: label === 'Biased', goldWords });
  }
  return { sentences, rows: body.length, skipped };
}

// Running the rule.

function predictor(api: Api, categoryNames: readonly [string, string][]) {
  return (text: string, settings: object): Pred[] => {
    const result = api.lintText(text, 'plaintext', settings);
    // A settings problem would mean the figures measure something else than asked: stop.
    if (result.problems.length) throw new Error(`settings problems: ${result.problems.join('; ')}`);
    return result.findings
      .filter((f) => f.checkId === CHECK)
      .map((f) => ({
        span: { start: f.span.start, end: f.span.end },
        actual: text.slice(f.span.start, f.span.end),
        category: categoryNames.find(([, label]) => f.message.includes(`(${label})`))?.[0] ?? '(unknown)',
        severity: f.severity,
        quoted: f.messageId === 'quoted',
      }));
  };
}

function emptyCounts(): Counts {
  return { preds: 0, predOk: 0, gold: 0, goldFound: 0, charPred: 0, charGold: 0, charBoth: 0 };
}

/** Adds one document's span-overlap and character counts (characters counted as code points). */
function addCounts(c: Counts, text: string, gold: readonly Span[], preds: readonly Span[]): void {
  c.preds += preds.length;
  c.predOk += preds.filter((p) => gold.some((g) => overlaps(p, g))).length;
  c.gold += gold.length;
  c.goldFound += gold.filter((g) => preds.some((p) => overlaps(p, g))).length;
  const mark = new Uint8Array(text.length);
  for (const g of gold) for (let i = g.start; i < g.end; i++) mark[i]! |= 1;
  for (const p of preds) for (let i = p.start; i < p.end; i++) mark[i]! |= 2;
  for (let i = 0; i < text.length; i++) {
    const m = mark[i]!;
    if (!m) continue;
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
    if (m & 1) c.charGold++;
    if (m & 2) c.charPred++;
    if (m === 3) c.charBoth++;
  }
}

interface Rates {
  p: number;
  r: number;
  f: number;
  cp: number;
  cr: number;
  cf: number;
}
function rates(c: Counts): Rates {
  const p = ratio(c.predOk, c.preds);
  const r = ratio(c.goldFound, c.gold);
  const cp = ratio(c.charBoth, c.charPred);
  const cr = ratio(c.charBoth, c.charGold);
  return { p, r, f: f1(p, r), cp, cr, cf: f1(cp, cr) };
}

// PTC.

interface PtcRun {
  readonly counted: Counts;
  readonly excluded: Counts;
  /** Per article: predictions with quotes counted and with the default settings. */
  readonly predsCounted: readonly Pred[][];
  readonly predsDefault: readonly Pred[][];
}

function runPtc(split: PtcSplit, predict: (t: string, s: object) => Pred[]): PtcRun {
  const counted = emptyCounts();
  const excluded = emptyCounts();
  const predsCounted: Pred[][] = [];
  const predsDefault: Pred[][] = [];
  for (const a of split.articles) {
    const pc = predict(a.text, QUOTES_COUNTED);
    const pd = predict(a.text, QUOTES_EXCLUDED);
    predsCounted.push(pc);
    predsDefault.push(pd);
    // The quotes option only adds the quoted findings; anything else would make the two settings incomparable.
    const key = (xs: readonly Pred[]): string => xs.map((p) => `${p.span.start}:${p.span.end}:${p.severity}`).join(' ');
    if (key(pc.filter((p) => !p.quoted)) !== key(pd)) throw new Error(`${split.name} article ${a.id}: findings outside quotations differ between quotes: 'hint' and the default`);
    addCounts(counted, a.text, a.gold, pc.map((p) => p.span));
    addCounts(excluded, a.text, a.gold.filter((_, i) => !a.goldQuoted[i]), pd.map((p) => p.span));
  }
  return { counted, excluded, predsCounted, predsDefault };
}

interface Baseline {
  /** (A): inside spans ≥ 2 times; (B): ≥ 2 occurrences in all. Both: inside spans ≥ 30% of the time. */
  readonly listA: ReadonlySet<string>;
  readonly listB: ReadonlySet<string>;
  /** Per word of train: occurrences and occurrences overlapping a Loaded_Language span. */
  readonly stats: ReadonlyMap<string, { total: number; loaded: number }>;
}

function learnBaseline(train: PtcSplit): Baseline {
  const stats = new Map<string, { total: number; loaded: number }>();
  for (const a of train.articles) {
    for (const w of words(a.text)) {
      const s = stats.get(w.key) ?? { total: 0, loaded: 0 };
      s.total++;
      if (a.gold.some((g) => overlaps(g, w.span))) s.loaded++;
      stats.set(w.key, s);
    }
  }
  const share = [...stats].filter(([, s]) => s.loaded / s.total >= BASELINE_MIN_SHARE);
  const listA = new Set(share.filter(([, s]) => s.loaded >= BASELINE_MIN_COUNT).map(([k]) => k));
  const listB = new Set(share.filter(([, s]) => s.total >= BASELINE_MIN_COUNT).map(([k]) => k));
  return { listA, listB, stats };
}

function runBaseline(split: PtcSplit, list: ReadonlySet<string>): { counted: Counts; excluded: Counts } {
  const counted = emptyCounts();
  const excluded = emptyCounts();
  for (const a of split.articles) {
    const preds = words(a.text).filter((w) => list.has(w.key)).map((w) => w.span);
    addCounts(counted, a.text, a.gold, preds);
    addCounts(excluded, a.text, a.gold.filter((_, i) => !a.goldQuoted[i]), preds.filter((p) => !inside(a.quotes, p)));
  }
  return { counted, excluded };
}

function scoreRow(label: string, c: Counts): (string | number)[] {
  const x = rates(c);
  return [label, `${f2(x.p)} (${int(c.predOk)}/${int(c.preds)}; ${wilson(c.predOk, c.preds)})`, `${f2(x.r)} (${int(c.goldFound)}/${int(c.gold)}; ${wilson(c.goldFound, c.gold)})`, f3(x.f), f2(x.cp), f2(x.cr), f3(x.cf)];
}
const SCORE_HEAD = ['', 'span P (n; 95% CI)', 'span R (n; 95% CI)', 'span F1', 'char P', 'char R', 'char F1'];

/**
 * The rule beside both readings of the baseline, quotes counted then excluded: built once so the dev
 * and train tables cannot drift apart. The rule is in bold where it is the headline (the test set).
 */
function scoreTable(
  rule: { counted: Counts; excluded: Counts },
  a: { counted: Counts; excluded: Counts },
  b: { counted: Counts; excluded: Counts },
  { ruleInBold, baselineNote }: { ruleInBold: boolean; baselineNote: string },
): string {
  const rows = (['counted', 'excluded'] as const).flatMap((q) => {
    const ruleLabel = `loaded-language, quotes ${q}`;
    return [
      scoreRow(ruleInBold ? `**${ruleLabel}**` : ruleLabel, rule[q]),
      scoreRow(`naive baseline (A), quotes ${q}${baselineNote}`, a[q]),
      scoreRow(`naive baseline (B), quotes ${q}${baselineNote}`, b[q]),
    ];
  });
  return table(SCORE_HEAD, rows);
}

interface CategoryRow {
  category: string;
  findings: number;
  correct: number;
  quoted: number;
  /** Incorrect findings that overlap a span of another PTC technique. */
  wrongOnOther: number;
}

function byCategory(split: PtcSplit, preds: readonly Pred[][], key: (p: Pred) => string): CategoryRow[] {
  const rows = new Map<string, CategoryRow>();
  split.articles.forEach((a, i) => {
    for (const p of preds[i]!) {
      const k = key(p);
      const row = rows.get(k) ?? { category: k, findings: 0, correct: 0, quoted: 0, wrongOnOther: 0 };
      row.findings++;
      if (a.gold.some((g) => overlaps(g, p.span))) row.correct++;
      else if (a.other.some((o) => overlaps(o, p.span))) row.wrongOnOther++;
      if (p.quoted) row.quoted++;
      rows.set(k, row);
    }
  });
  return [...rows.values()].sort((a, b) => b.findings - a.findings || (a.category < b.category ? -1 : 1));
}

const SEVERITY_LABEL: Readonly<Record<string, string>> = { error: 'error', warning: 'warning (weight high)', info: 'info (weight medium)', hint: 'hint (weight low)' };

const normTerm = (s: string): string => keyOf(s).replace(/[\s\-\u00ad\u2010\u2011]+/gu, ' ');

/** Lexicon word forms: single-word forms of entries, and words that only occur inside phrases. */
function lexiconWordForms(lexicon: LexiconFile, inflect: InflectMod): { single: Set<string>; inPhrase: Set<string> } {
  const single = new Set<string>();
  const inPhrase = new Set<string>();
  for (const e of lexicon.entries) {
    const forms = [...inflect.formsOf(e.term, e.pos as Parameters<InflectMod['formsOf']>[1]).map((f) => f.form), ...(e.forms ?? [])];
    for (const form of forms) {
      const parts = form.split(/[\s-]+/u).filter(Boolean).map(keyOf);
      if (parts.length === 1) single.add(parts[0]!);
      else for (const p of parts) inPhrase.add(p);
    }
  }
  return { single, inPhrase };
}

interface TrainDiagnostics {
  categories: CategoryRow[];
  severities: CategoryRow[];
  fpTerms: string;
  missed: string;
  /** The same, keeping words inside Loaded_Language spans ≥ 30% of the time in train: candidate entries. */
  candidates: string;
  /** Share of false positives (quotes counted) that overlap another technique's span. */
  fpOnOther: [number, number];
  /** Gold spans none of whose words is in a Loaded_Language span elsewhere in train (the long tail). */
  longTail: [number, number];
  multiWord: [number, number];
}

const MISSED_HEAD = ['word', 'missed gold spans with it', 'occurrences in train', 'share inside Loaded_Language', 'in lexicon'];

function trainDiagnostics(train: PtcSplit, run: PtcRun, baseline: Baseline, lexForms: { single: Set<string>; inPhrase: Set<string> }): TrainDiagnostics {
  const categories = byCategory(train, run.predsCounted, (p) => p.category);
  const severities = byCategory(train, run.predsCounted, (p) => (p.quoted ? 'inside a quotation (hint, only with `quotes: \'hint\'`)' : SEVERITY_LABEL[p.severity] ?? p.severity));
  const order = [...Object.values(SEVERITY_LABEL)];
  severities.sort((a, b) => (order.indexOf(a.category) + 1 || 99) - (order.indexOf(b.category) + 1 || 99));
  const fp = new Map<string, number>();
  const tp = new Map<string, number>();
  const catOf = new Map<string, string>();
  const missed = new Map<string, number>();
  let fps = 0;
  let fpOther = 0;
  train.articles.forEach((a, i) => {
    const preds = run.predsCounted[i]!;
    for (const p of preds) {
      const k = normTerm(p.actual);
      catOf.set(k, p.category);
      if (a.gold.some((g) => overlaps(g, p.span))) bump(tp, k);
      else {
        bump(fp, k);
        fps++;
        if (a.other.some((o) => overlaps(o, p.span))) fpOther++;
      }
    }
    for (const g of a.gold) {
      if (preds.some((p) => overlaps(p.span, g))) continue;
      for (const w of new Set(words(a.text.slice(g.start, g.end)).map((x) => x.key))) if (!STOPWORDS.has(w) && !/^\d+$/u.test(w)) bump(missed, w);
    }
  });
  const fpRows = ranked(fp)
    .slice(0, TOP)
    .map(([k, n]) => {
      const t = tp.get(k) ?? 0;
      return [`\`${k}\``, catOf.get(k) ?? '', n, t, f2(t / (t + n))];
    });
  // For a missed word: how often it occurs in train, what share of those is inside a gold span
  // (the figure the naive baseline uses), and whether the lexicon already has it.
  const missedRow = ([k, n]: [string, number]): (string | number)[] => {
      const s = baseline.stats.get(k) ?? { total: 0, loaded: 0 };
      const lex = lexForms.single.has(k) ? 'yes (entry form)' : lexForms.inPhrase.has(k) ? 'in a phrase only' : 'no';
      return [`\`${k}\``, n, s.total, pct(s.loaded, s.total), lex];
  };
  const shareOf = (k: string): number => {
    const s = baseline.stats.get(k);
    return s ? s.loaded / s.total : 0;
  };
  const missedRows = ranked(missed).slice(0, TOP).map(missedRow);
  const candidateRows = ranked(missed)
    .filter(([k]) => shareOf(k) >= BASELINE_MIN_SHARE)
    .slice(0, TOP)
    .map(missedRow);
  // Long tail: gold spans with no word (function words aside) seen inside gold spans ≥ 2 times in train.
  let tail = 0;
  let multi = 0;
  let all = 0;
  for (const a of train.articles) {
    for (const g of a.gold) {
      all++;
      const ws = words(a.text.slice(g.start, g.end)).map((x) => x.key);
      if (ws.length > 1) multi++;
      const content = ws.filter((w) => !STOPWORDS.has(w));
      if (!content.some((w) => (baseline.stats.get(w)?.loaded ?? 0) >= 2)) tail++;
    }
  }
  return {
    categories,
    severities,
    fpTerms: table(['term (as written, lower-cased)', 'category', 'false positives', 'true positives', 'precision'], fpRows),
    missed: table(MISSED_HEAD, missedRows),
    candidates: table(MISSED_HEAD, candidateRows),
    fpOnOther: [fpOther, fps],
    longTail: [tail, all],
    multiWord: [multi, all],
  };
}

// BABE.

interface BabeRun {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  flaggedWords: number;
  flaggedWordsOk: number;
  goldWords: number;
  goldWordsFound: number;
  /** Per category: findings, findings in Biased sentences, findings with a word in biased_words. */
  categories: Map<string, { findings: number; inBiased: number; wordOk: number }>;
  fpTerms: Map<string, number>;
  wordFpTerms: Map<string, number>;
  missedWords: Map<string, number>;
}

function runBabe(sentences: readonly BabeSentence[], predict: (t: string, s: object) => Pred[], settings: object): BabeRun {
  const r: BabeRun = { tp: 0, fp: 0, fn: 0, tn: 0, flaggedWords: 0, flaggedWordsOk: 0, goldWords: 0, goldWordsFound: 0, categories: new Map(), fpTerms: new Map(), wordFpTerms: new Map(), missedWords: new Map() };
  for (const s of sentences) {
    const preds = predict(s.text, settings);
    const flagged = preds.length > 0;
    if (flagged && s.biased) r.tp++;
    else if (flagged) r.fp++;
    else if (s.biased) r.fn++;
    else r.tn++;
    const predWords = new Set(preds.flatMap((p) => words(p.actual).map((w) => w.key)));
    r.flaggedWords += predWords.size;
    r.goldWords += s.goldWords.size;
    for (const w of predWords) if (s.goldWords.has(w)) r.flaggedWordsOk++;
    for (const w of s.goldWords) {
      if (predWords.has(w)) r.goldWordsFound++;
      else bump(r.missedWords, w);
    }
    for (const p of preds) {
      const c = r.categories.get(p.category) ?? { findings: 0, inBiased: 0, wordOk: 0 };
      c.findings++;
      if (s.biased) c.inBiased++;
      const ok = words(p.actual).some((w) => s.goldWords.has(w.key));
      if (ok) c.wordOk++;
      else bump(r.wordFpTerms, normTerm(p.actual));
      if (!s.biased) bump(r.fpTerms, normTerm(p.actual));
      r.categories.set(p.category, c);
    }
  }
  return r;
}

function babeSentenceRow(label: string, r: BabeRun): (string | number)[] {
  const p = ratio(r.tp, r.tp + r.fp);
  const rec = ratio(r.tp, r.tp + r.fn);
  return [label, int(r.tp + r.fp), `${f2(p)} (${wilson(r.tp, r.tp + r.fp)})`, `${f2(rec)} (${wilson(r.tp, r.tp + r.fn)})`, f3(f1(p, rec)), pct(r.fp, r.fp + r.tn)];
}

function babeWordRow(label: string, r: BabeRun): (string | number)[] {
  const p = ratio(r.flaggedWordsOk, r.flaggedWords);
  const rec = ratio(r.goldWordsFound, r.goldWords);
  return [label, `${f2(p)} (${int(r.flaggedWordsOk)}/${int(r.flaggedWords)})`, `${f2(rec)} (${int(r.goldWordsFound)}/${int(r.goldWords)})`, f3(f1(p, rec))];
}

// The lexicon.

interface LexiconFile {
  meta: { lastReviewed?: string };
  entries: { term: string; pos: string; category: string; weight: string; forms?: string[] }[];
}

function lexiconSummary(raw: string, lexicon: LexiconFile, categoryIds: readonly string[]): { line: string; byCategory: string } {
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 12);
  const count = (cat: string, w?: string): number => lexicon.entries.filter((e) => e.category === cat && (!w || e.weight === w)).length;
  const rows = categoryIds.map((c) => [c, count(c), count(c, 'high'), count(c, 'medium'), count(c, 'low')]);
  return {
    line: `${int(lexicon.entries.length)} entries, \`server/src/data/loaded-language.json\` sha256 \`${hash}…\`${lexicon.meta.lastReviewed ? `, last reviewed ${lexicon.meta.lastReviewed}` : ''}`,
    byCategory: table(['category', 'entries', 'high', 'medium', 'low'], rows),
  };
}

// The report.




export async function evalLoadedLanguage(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('Usage: npx tsx scripts/eval-loaded-language.ts [evalDir=../shared/eval] [--no-write]');
    return 0;
  }
  const write = !argv.includes('--no-write');
  const evalDir = resolveEvalDir(argv.find((a) => !a.startsWith('--')));
  const ptcDir = ptcDirOf(evalDir);
  const babeFile = babeFileOf(evalDir);
  const havePtc = hasPtcSplit(ptcDir, 'train') && hasPtcSplit(ptcDir, 'dev');
  const haveBabe = existsSync(babeFile);

  console.log(`# ${CHECK} evaluation`);
  if (!havePtc && !haveBabe) {
    console.log(`\nSKIPPED: neither ${ptcDir} (train/dev articles and labels) nor ${babeFile} was found (the eval folder is the first argument). Nothing was measured.`);
    return 0;
  }
  if (!existsSync(LEXICON_FILE)) {
    console.error(`\n${LEXICON_FILE} is missing: the rule cannot run.`);
    return 1;
  }

  // Read before the rule loads it, and again at the end: figures for a lexicon that changed mid-run would be for neither version.
  const rawLexicon = readFileSync(LEXICON_FILE, 'utf8');
  const api: Api = await import('../server/src/api');
  const textMod: TextMod = await import('../server/src/core/text');
  const inflect: InflectMod = await import('../server/src/core/inflect');
  if (!api.checks.some((c) => c.meta.id === CHECK)) {
    console.error(`\n${CHECK} is not in the check registry (server/src/checks/index.ts): nothing to measure.`);
    return 1;
  }
  const { CATEGORIES } = await import('../server/src/checks/loaded-language');
  const categoryNames = (Object.entries(CATEGORIES) as [string, string][]).sort((a, b) => b[1].length - a[1].length);
  const categoryIds = Object.keys(CATEGORIES);
  const predict = predictor(api, categoryNames);
  const lexicon = JSON.parse(rawLexicon) as LexiconFile;
  const lex = lexiconSummary(rawLexicon, lexicon, categoryIds);
  console.log(`Lexicon: ${lex.line}; file modified ${statSync(LEXICON_FILE).mtime.toISOString()}`);

  const doc: Report = { lines: [] };
  const targets: (string | number)[][] = [];
  const limits: string[] = [];

  out(
    doc,
    '# Evaluation: loaded-language',
    '',
    `How often [\`loaded-language\`](rules/loaded-language.md) flags what independent annotators marked as loaded or biased wording, in news it was not written against. Every figure in this section was measured by \`scripts/eval-loaded-language.ts\`, which writes the section between the \`loaded-language\` markers; rerun it rather than editing the figures by hand.`,
    '',
    '## Reproducing the loaded-language figures',
    '',
    '```sh',
    'npm run eval -- loaded-language                               # data in ../shared/eval',
    'npx tsx scripts/eval-loaded-language.ts <evalDir> [--no-write]',
    '```',
    '',
    'It needs `<evalDir>/ptc/` and `<evalDir>/babe/`; a missing data set is reported as `SKIPPED` and the script exits 0. The output is deterministic (no sampling) and takes under a minute.',
    '',
    `Lexicon measured: ${lex.line}.`,
    '',
    '## Loaded-language data (not shipped)',
    '',
    '- **PTC v2**, Propaganda Techniques Corpus (Da San Martino et al., EMNLP 2019; SemEval-2020 Task 11): 371 train and 75 dev news articles with `Loaded_Language` spans; no licence stated, distributed by the organisers for research after registration, article texts copyright of their outlets: evaluation only.',
    '- **BABE**, Bias Annotations By Experts (Spinde et al., Findings of EMNLP 2021): news sentences labelled `Biased` / `Non-biased` by experts, with the words that make them biased; AGPL-3.0, sentences excerpted from third-party news: evaluation only.',
    '',
  );

  // PTC.
  let trainDiag: TrainDiagnostics | undefined;
  if (havePtc) {
    const train = loadPtc(ptcDir, 'train', textMod);
    const dev = loadPtc(ptcDir, 'dev', textMod);
    const baseline = learnBaseline(train);
    const devRun = runPtc(dev, predict);
    const trainRun = runPtc(train, predict);
    const devA = runBaseline(dev, baseline.listA);
    const devB = runBaseline(dev, baseline.listB);
    const trainA = runBaseline(train, baseline.listA);
    const trainB = runBaseline(train, baseline.listB);
    const quotedGold = (s: PtcSplit): [number, number] => [s.articles.reduce((n, a) => n + a.goldQuoted.filter(Boolean).length, 0), s.articles.reduce((n, a) => n + a.gold.length, 0)];
    const [devQ, devN] = quotedGold(dev);
    const [trainQ, trainN] = quotedGold(train);

    out(
      doc,
      '## Loaded-language: what was measured on PTC',
      '',
      `- **Test set: PTC dev** (${dev.articles.length} articles, ${int(devN)} distinct \`Loaded_Language\` spans${dev.rawGold !== devN ? ` from ${int(dev.rawGold)} labels` : ''}). It is only reported: lexicon work uses PTC train and BABE, never dev. PTC train (${train.articles.length} articles, ${int(trainN)} spans) is for tuning; its figures are optimistic.`,
      "- **Input:** each article is linted whole, as plain text, through `lintText(text, 'plaintext', settings)`, keeping findings with `checkId === 'loaded-language'`; line 1 is the headline. PTC offsets are code points and are converted to UTF-16 indices (" +
        `${dev.astral} dev and ${train.astral} train articles have characters outside the BMP).`,
      '- **Span overlap:** a finding is correct if it overlaps a gold span; a gold span is found if a finding overlaps it. **Character level:** precision and recall of the characters (code points) inside findings against those inside gold spans.',
      `- **Quotes counted:** every gold span; findings with \`{ loadedLanguage: { quotes: 'hint' } }\`, so loaded words inside quotations are reported (as hints). **Quotes excluded:** gold spans that lie inside a quotation, by Copydesk's own quote detection, are dropped (${int(devQ)} of ${int(devN)} on dev, ${pct(devQ, devN)}; ${int(trainQ)} of ${int(trainN)} on train, ${pct(trainQ, trainN)}); findings at the default settings, which leave quotations alone.`,
      `- **Naive baseline,** computed here, not quoted: a word list learned from train, every occurrence of a listed word flagged as a one-word finding (with quotes excluded, its findings inside quotations are dropped). A word is listed when at least ${BASELINE_MIN_SHARE * 100}% of its occurrences in train overlap a \`Loaded_Language\` span and it was seen ${BASELINE_MIN_COUNT}+ times; the PTC README's "seen twice or more" reads two ways, so both are measured: **(A)** ${BASELINE_MIN_COUNT}+ times inside spans (${int(baseline.listA.size)} words; this reading reproduces the README's P 0.33 / R 0.29), **(B)** ${BASELINE_MIN_COUNT}+ times in all (${int(baseline.listB.size)} words).`,
      '',
      '### PTC dev (test set)',
      '',
      scoreTable(devRun, devA, devB, { ruleInBold: true, baselineNote: '' }),
      '',
      '### PTC train (tuning data; optimistic)',
      '',
      scoreTable(trainRun, trainA, trainB, { ruleInBold: false, baselineNote: ' (learned here)' }),
      '',
    );
    const d = rates(devRun.counted);
    targets.push(
      ['PTC dev, quotes counted, span-overlap precision', `≥ ${f2(TARGETS.ptcP)}`, `${f3(d.p)} (95% CI ${wilson(devRun.counted.predOk, devRun.counted.preds)})`, d.p >= TARGETS.ptcP ? '**met**' : '**not met**'],
      ['PTC dev, quotes counted, span-overlap recall', `≥ ${f2(TARGETS.ptcR)}`, `${f3(d.r)} (95% CI ${wilson(devRun.counted.goldFound, devRun.counted.gold)})`, d.r >= TARGETS.ptcR ? '**met**' : '**not met**'],
    );

    trainDiag = trainDiagnostics(train, trainRun, baseline, lexiconWordForms(lexicon, inflect));
    const catRows = trainDiag.categories.map((c) => [c.category, int(c.findings), int(c.correct), `${f2(c.correct / c.findings)} (${wilson(c.correct, c.findings)})`, pct(c.wrongOnOther, c.findings - c.correct), pct(c.quoted, c.findings)]);
    const sevRows = trainDiag.severities.map((c) => [c.category, int(c.findings), int(c.correct), `${f2(c.correct / c.findings)} (${wilson(c.correct, c.findings)})`]);
    out(
      doc,
      '### Precision by category and by severity (PTC train only)',
      '',
      'By category, quotes counted (a finding is correct if it overlaps a gold span):',
      '',
      table(['category', 'findings', 'correct', 'precision (95% CI)', 'of the wrong ones: on another technique’s span', 'inside quotations'], catRows),
      '',
      "By severity, quotes counted (outside quotations a lexicon entry's weight sets it: high → the rule's severity, medium → at most info, low → at most hint; the default settings report exactly the rows other than the quotation row):",
      '',
      table(['severity', 'findings', 'correct', 'precision (95% CI)'], sevRows),
      '',
      'Lexicon entries by category and weight:',
      '',
      lex.byCategory,
      '',
    );
    console.log(`\n### Train only: the ${TOP} most frequent false-positive terms (quotes counted)\n`);
    console.log(trainDiag.fpTerms);
    console.log(`\n### Train only: the ${TOP} most frequent words of missed gold spans (function words left out; quotes counted)\n`);
    console.log(trainDiag.missed);
    console.log(`\n### Train only: the same, keeping words inside Loaded_Language spans at least ${BASELINE_MIN_SHARE * 100}% of the time in train (candidate entries)\n`);
    console.log(trainDiag.candidates);

    limits.push(
      `- **PTC annotates propaganda, not style.** Its spans mark a persuasion technique in context, often longer than a word (${pct(trainDiag.multiWord[0], trainDiag.multiWord[1])} of train spans have two or more words), so a one-word finding inside a long span gets span credit but little character credit. ${pct(trainDiag.fpOnOther[0], trainDiag.fpOnOther[1])} of the train false positives (quotes counted) overlap a span of another technique (e.g. \`Name_Calling,Labeling\`, \`Exaggeration,Minimisation\`): annotators saw something there, under another label.`,
      `- **A word list meets a long tail.** ${pct(trainDiag.longTail[0], trainDiag.longTail[1])} of train gold spans contain no content word that is inside a gold span twice or more in all of train: a list learned from this data cannot reach them, and a hand-made list only by chance. Recall on those needs context (a model), not more entries.`,
      `- **Quotations:** ${pct(devQ, devN)} of dev gold spans lie inside quotations, which the rule leaves alone by default; the quotes-excluded figures depend on Copydesk's quote detection, which is heuristic (straight quotes, apostrophes).`,
      `- **Small test set:** ${dev.articles.length} dev articles and ${int(devN)} spans, so the 95% intervals above are ${wilson(devRun.counted.predOk, devRun.counted.preds)} for precision and ${wilson(devRun.counted.goldFound, devRun.counted.gold)} for recall (quotes counted). PTC's articles were collected for their propaganda, so loaded wording is dense (${f2((1000 * devN) / dev.articles.reduce((n, x) => n + words(x.text).length, 0))} gold spans per 1,000 words on dev): precision here says little about how often the rule fires on neutral drafts, which is what the neutral wire-copy test (\`test/unit/corpus.test.ts\`) guards.`,
    );
  } else {
    out(doc, `PTC: SKIPPED (${ptcDir} with train/dev articles and labels not found).`, '');
    targets.push(['PTC dev, quotes counted, span-overlap precision and recall', `≥ ${f2(TARGETS.ptcP)} and ≥ ${f2(TARGETS.ptcR)}`, '–', 'SKIPPED']);
    console.log(`\nSKIPPED PTC: ${ptcDir} not found.`);
  }

  // BABE.
  if (haveBabe) {
    const babe = loadBabe(babeFile);
    const biased = babe.sentences.filter((s) => s.biased).length;
    const counted = runBabe(babe.sentences, predict, QUOTES_COUNTED);
    const dflt = runBabe(babe.sentences, predict, QUOTES_EXCLUDED);
    const skipped = [...babe.skipped].map(([k, n]) => `${n} labelled \`${k}\``).join(', ');
    out(
      doc,
      '## Loaded-language: what was measured on BABE',
      '',
      `- \`final_labels_SG2.csv\`: ${int(babe.rows)} sentences, of which ${int(babe.sentences.length)} are used (${int(biased)} \`Biased\`, ${int(babe.sentences.length - biased)} \`Non-biased\`)${skipped ? `; left out: ${skipped}` : ''}. Each sentence is linted on its own as plain text.`,
      '- **Sentence level:** a sentence is predicted biased when it gets any loaded-language finding. **Word level:** the words of the findings (lower-cased, split at hyphens) against the words of `biased_words`, per sentence, summed over all sentences.',
      "- Two settings, as on PTC: the default (quotations left alone) and `quotes: 'hint'` (quoted words reported too). BABE was used for tuning, so these figures are not a clean test.",
      '',
      '### BABE, sentence level',
      '',
      table(['settings', 'sentences flagged', 'precision (95% CI)', 'recall (95% CI)', 'F1', '`Non-biased` flagged'], [babeSentenceRow('**default (quotes excluded)**', dflt), babeSentenceRow("quotes counted (`quotes: 'hint'`)", counted)]),
      '',
      '### BABE, word level',
      '',
      table(['settings', 'precision (words)', 'recall (words)', 'F1'], [babeWordRow('**default (quotes excluded)**', dflt), babeWordRow("quotes counted (`quotes: 'hint'`)", counted)]),
      '',
    );
    const catRows = [...dflt.categories].sort((a, b) => b[1].findings - a[1].findings || (a[0] < b[0] ? -1 : 1)).map(([c, x]) => [c, int(x.findings), f2(x.inBiased / x.findings), f2(x.wordOk / x.findings)]);
    out(doc, 'By category, default settings: the share of findings in `Biased` sentences, and the share with a word in `biased_words`.', '', table(['category', 'findings', 'in `Biased` sentences', 'word in `biased_words`'], catRows), '');
    const pD = ratio(dflt.tp, dflt.tp + dflt.fp);
    const pC = ratio(counted.tp, counted.tp + counted.fp);
    targets.push(
      ['BABE sentence precision, default settings', `≥ ${f2(TARGETS.babeP)}`, `${f3(pD)} (95% CI ${wilson(dflt.tp, dflt.tp + dflt.fp)})`, pD >= TARGETS.babeP ? '**met**' : '**not met**'],
      ["BABE sentence precision, `quotes: 'hint'`", `≥ ${f2(TARGETS.babeP)}`, `${f3(pC)} (95% CI ${wilson(counted.tp, counted.tp + counted.fp)})`, pC >= TARGETS.babeP ? '**met**' : '**not met**'],
    );
    const top = (m: Map<string, number>, head: string): string => table([head, 'count'], ranked(m).slice(0, TOP).map(([k, n]) => [`\`${k}\``, n]));
    console.log(`\n### BABE (tuning data): the ${TOP} terms most often flagged in Non-biased sentences (default settings)\n`);
    console.log(top(dflt.fpTerms, 'term'));
    console.log(`\n### BABE: the ${TOP} terms most often flagged with no word in biased_words (default settings)\n`);
    console.log(top(dflt.wordFpTerms, 'term'));
    console.log(`\n### BABE: the ${TOP} biased_words most often not flagged (default settings)\n`);
    console.log(top(dflt.missedWords, 'biased word'));
    limits.push(
      `- **BABE labels sentences, not words.** A \`Biased\` sentence is often biased by framing or by what it leaves out, which no word list sees; word-level recall is bounded by that. Its \`biased_words\` are single words without offsets, so a flagged word counts as correct anywhere in its sentence. BABE was also used to tune the lexicon, so its figures are optimistic.`,
    );
  } else {
    out(doc, `BABE: SKIPPED (${babeFile} not found).`, '');
    targets.push(['BABE sentence precision', `≥ ${f2(TARGETS.babeP)}`, '–', 'SKIPPED']);
    console.log(`\nSKIPPED BABE: ${babeFile} not found.`);
  }

  out(doc, '## Loaded-language targets (issue 3)', '', table(['target', 'goal', 'measured', ''], targets), '');
  out(doc, '## What limits the loaded-language figures', '', ...limits, '');

  if (readFileSync(LEXICON_FILE, 'utf8') !== rawLexicon) {
    console.error(`\n${path.relative(process.cwd(), LEXICON_FILE)} changed while the evaluation ran: the figures above are not for one lexicon, and docs/evaluation.md was not written. Run it again.`);
    return 1;
  }
  if (write && havePtc && haveBabe) console.log(`\n${writeSection('loaded-language', doc.lines.join('\n'))}`);
  else if (write) console.log('\ndocs/evaluation.md not written: part of the data is missing, so the section would be incomplete.');
  return 0;
}

if (/eval-loaded-language\.[cm]?[jt]s$/u.test(process.argv[1] ?? '')) {
  evalLoadedLanguage(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
