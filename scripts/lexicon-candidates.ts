/**
 * @file Counts the evidence behind the `ptc-train` entries of server/src/data/loaded-language.json:
 * how often a word or word pair occurs in the PTC training articles, how often inside a
 * Loaded_Language span, and how often BABE annotators marked it as a biased word. The lexicon
 * credits an entry to `ptc-train` (and copies its `evidence` string from here) when at least 3 of
 * its occurrences, and at least 40% of them, fall inside Loaded_Language spans (SOURCES.md).
 *
 * Prints Markdown: candidate words and word pairs (the "naive list" criteria of eval/README.md),
 * requested terms, every lexicon entry with its counts, and the whole list's approximate scores on
 * PTC train (span overlap) and BABE (sentence level), overall, by weight and by category.
 *
 * Usage: npx tsx scripts/lexicon-candidates.ts [evalDir] [--min N] [--top N] [--term "a phrase"]... [--lexicon path]
 *   evalDir    default ../shared/eval (needs ptc/train-articles/ and ptc/train-task-flc-tc.labels;
 *              babe/final_labels_SG2.csv is optional)
 *   --min N    only candidates seen at least N times in PTC train (default 3)
 *   --top N    how many unigram and bigram candidates to print (default 80 each)
 *   --term t   print the counts for this term as written (repeatable; hyphens read as spaces)
 *   --lexicon  also print the counts for every entry of a lexicon file, with its inflections, and
 *              the whole list's span-overlap precision/recall on PTC train
 *              (default: the repository's server/src/data/loaded-language.json; --lexicon none to skip)
 *   --json     print the lexicon entries' counts as JSON (term -> counts) instead of tables
 * Reads PTC *train* only: the dev split is kept for `npm run eval` and must not tune the lexicon.
 * The data is never copied into the repository; if it is absent, prints SKIPPED and exits 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { babeFileOf, codePointToUtf16, DEFAULT_EVAL_DIR, hasPtcSplit, parseCsv, ptcDirOf, readPtcArticles, readPtcLabels, resolveEvalDir } from './lib/data';

const LOADED = 'Loaded_Language';
/** Contentious labels are mostly annotated as this technique in PTC, not as Loaded_Language. */
const LABELING = 'Name_Calling,Labeling';

interface Args {
  evalDir: string;
  min: number;
  top: number;
  terms: string[];
  lexicon: string | undefined;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { evalDir: DEFAULT_EVAL_DIR, min: 3, top: 80, terms: [], lexicon: undefined, json: false };
  const defaultLexicon = path.resolve(__dirname, '../server/src/data/loaded-language.json');
  if (existsSync(defaultLexicon)) args.lexicon = defaultLexicon;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--min') args.min = Number(next());
    else if (a === '--top') args.top = Number(next());
    else if (a === '--term') args.terms.push(next().toLowerCase());
    else if (a === '--lexicon') {
      const v = next();
      args.lexicon = v === 'none' ? undefined : path.resolve(v);
    } else if (a === '--json') args.json = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.evalDir = a;
  }
  return args;
}

/** A word of an article, with its UTF-16 range and whether it sits inside quotation marks. */
interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  /** Line number; PTC has one sentence per line, so pairs never cross lines. */
  readonly line: number;
}

interface Article {
  readonly tokens: Token[];
  /** Token positions of each word, so a term is looked up rather than scanned for. */
  readonly at: Map<string, number[]>;
  /** Loaded_Language spans as sorted [start, end) UTF-16 ranges. */
  readonly loaded: [number, number][];
  /** Name_Calling,Labeling spans, likewise. */
  readonly labeling: [number, number][];
}

// Words are letters/digits with inner apostrophes; a hyphen splits words, so "so-called" is the pair
// "so called", as the matcher treats hyphens and spaces alike.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Rough quotation tracking per line (PTC has one sentence per line): a straight double quote
 * toggles, curly quotes open and close. Good enough to say what share of a word's uses are quoted.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let lineStart = 0;
  let lineNo = 0;
  for (const line of text.split('\n')) {
    const quoteAt: boolean[] = [];
    let depth = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '“') depth++;
      else if (c === '”') depth = Math.max(0, depth - 1);
      else if (c === '"') depth = depth > 0 ? depth - 1 : 1;
      quoteAt.push(depth > 0);
    }
    for (const m of line.matchAll(WORD)) {
      const word = m[0].toLowerCase().replace(/’/g, "'");
      tokens.push({ word, start: lineStart + m.index, end: lineStart + m.index + m[0].length, quoted: quoteAt[m.index] ?? false, line: lineNo });
    }
    lineStart += line.length + 1;
    lineNo++;
  }
  return tokens;
}

function readPtcTrain(ptcDir: string): Map<string, Article> {
  const spans = new Map<string, [number, number][]>();
  const labelSpans = new Map<string, [number, number][]>();
  for (const [id, labels] of readPtcLabels(ptcDir, 'train')) {
    for (const { technique, start, end } of labels) {
      const target = technique === LOADED ? spans : technique === LABELING ? labelSpans : undefined;
      if (!target) continue;
      const list = target.get(id) ?? [];
      list.push([start, end]);
      target.set(id, list);
    }
  }
  const articles = new Map<string, Article>();
  for (const { id, text } of readPtcArticles(ptcDir, 'train')) {
    const cp = codePointToUtf16(text);
    const toUtf16 = (list: [number, number][] = []): [number, number][] =>
      list.map(([s, e]): [number, number] => [cp[s] ?? text.length, cp[e] ?? text.length]).sort((a, b) => a[0] - b[0]);
    const tokens = tokenize(text);
    articles.set(id, { tokens, at: positions(tokens.map((t) => t.word)), loaded: toUtf16(spans.get(id)), labeling: toUtf16(labelSpans.get(id)) });
  }
  return articles;
}

function positions(words: readonly string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  words.forEach((w, i) => {
    const list = at.get(w);
    if (list) list.push(i);
    else at.set(w, [i]);
  });
  return at;
}

function overlapsAny(spans: readonly [number, number][], start: number, end: number): boolean {
  // Spans are few per article (median ~6); a linear scan is fine.
  return spans.some(([s, e]) => s < end && start < e);
}

interface Babe {
  /** How often each lowercased word was listed in `biased_words`. */
  readonly biasedWords: Map<string, number>;
  /** Tokenised sentences with their label. */
  readonly sentences: { words: string[]; biased: boolean }[];
  /** Sentence indices containing each word. */
  readonly withWord: Map<string, Set<number>>;
}

function readBabe(file: string): Babe | undefined {
  if (!existsSync(file)) return undefined;
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows.shift() ?? [];
  const col = (name: string): number => header.indexOf(name);
  const [ti, li, bi] = [col('text'), col('label_bias'), col('biased_words')];
  const biasedWords = new Map<string, number>();
  const sentences: Babe['sentences'] = [];
  for (const r of rows) {
    const text = r[ti];
    if (text === undefined || r.length < header.length) continue;
    const words = [...text.matchAll(WORD)].map((m) => m[0].toLowerCase().replace(/’/g, "'"));
    sentences.push({ words, biased: r[li] === 'Biased' });
    for (const m of (r[bi] ?? '').matchAll(/'((?:[^'\\]|\\.)*)'|"([^"]*)"/g)) {
      const w = (m[1] ?? m[2] ?? '').toLowerCase().trim();
      if (w) biasedWords.set(w, (biasedWords.get(w) ?? 0) + 1);
    }
  }
  const withWord = new Map<string, Set<number>>();
  sentences.forEach(({ words }, k) => {
    for (const w of words) withWord.set(w, (withWord.get(w) ?? new Set<number>()).add(k));
  });
  return { biasedWords, sentences, withWord };
}

// Inflection, approximating the matcher's (see lexicon.schema.json `pos`): verbs -s/-ed/-ing,
// nouns -s, adjectives their -ly adverb. Only used to count; the matcher is the authority.

function verbForms(w: string): string[] {
  const out = [w];
  if (/(s|x|z|ch|sh)$/.test(w)) out.push(`${w}es`);
  else if (/[^aeiou]y$/.test(w)) out.push(`${w.slice(0, -1)}ies`);
  else out.push(`${w}s`);
  if (w.endsWith('ie')) out.push(`${w}d`, `${w.slice(0, -2)}ying`);
  else if (w.endsWith('e')) out.push(`${w}d`, `${w.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(w)) out.push(`${w.slice(0, -1)}ied`, `${w}ing`);
  else {
    out.push(`${w}ed`, `${w}ing`);
    // slam -> slammed/slamming: one vowel before one final consonant (not w, x, y).
    if (/[^aeiou][aeiou][^aeiouwxy]$/.test(w)) {
      const last = w.at(-1) ?? '';
      out.push(`${w}${last}ed`, `${w}${last}ing`);
    }
  }
  return out;
}

function nounForms(w: string): string[] {
  if (/(s|x|z|ch|sh)$/.test(w)) return [w, `${w}es`];
  if (/[^aeiou]y$/.test(w)) return [w, `${w.slice(0, -1)}ies`];
  return [w, `${w}s`];
}

function adjectiveForms(w: string): string[] {
  if (w.endsWith('ly')) return [w];
  if (/[^aeiou]y$/.test(w)) return [w, `${w.slice(0, -1)}ily`];
  if (/[^aeiou]le$/.test(w)) return [w, `${w.slice(0, -1)}y`];
  if (w.endsWith('ic')) return [w, `${w}ally`];
  if (w.endsWith('ll')) return [w, `${w}y`];
  return [w, `${w}ly`];
}

/**
 * Every word sequence a lexicon entry matches. As in the matcher, the space-separated word inflects
 * (a hyphenated compound as one word: "strong-armed"), then hyphens read as spaces; `forms` are
 * whole alternatives to the term, matched as written.
 */
function entryVariants(term: string, pos: string, forms: readonly string[] = []): string[][] {
  const split = (s: string): string[] => s.toLowerCase().split(/[\s-]+/).filter(Boolean);
  const words = term.split(' ');
  const variants: string[][] = [];
  const inflectAt = pos === 'verb' ? 0 : words.length - 1;
  const base = words[inflectAt] ?? '';
  const inflected = pos === 'verb' ? verbForms(base) : pos === 'noun' ? nounForms(base) : pos === 'adjective' ? adjectiveForms(base) : [base];
  for (const f of inflected) variants.push(split(words.map((w, i) => (i === inflectAt ? f : w)).join(' ')));
  for (const f of forms) variants.push(split(f));
  const seen = new Set<string>();
  return variants.filter((v) => !seen.has(v.join(' ')) && seen.add(v.join(' ')));
}

interface Counts {
  total: number;
  loaded: number;
  quoted: number;
  quotedLoaded: number;
  labeling: number;
  articles: number;
}

interface Entry {
  term: string;
  pos: string;
  weight?: string;
  category?: string;
  forms?: string[];
  notAfter?: string[];
  notBefore?: string[];
  source?: string;
}

interface Match {
  readonly article: string;
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  readonly inLoaded: boolean;
  readonly inLabeling: boolean;
}

/** True when the variant's words sit at position i of the list and its context words allow it. */
function matchesAt(words: readonly string[], i: number, v: readonly string[], notAfter: readonly string[], notBefore: readonly string[]): boolean {
  if (!v.every((w, k) => words[i + k] === w)) return false;
  const before = words[i - 1];
  const after = words[i + v.length];
  return !(before !== undefined && notAfter.includes(before)) && !(after !== undefined && notBefore.includes(after));
}

/** Every match of any variant in the articles (one per start position; pairs never cross a line). */
function matchVariants(articles: Map<string, Article>, variants: string[][], notAfter: readonly string[] = [], notBefore: readonly string[] = []): Match[] {
  const out: Match[] = [];
  for (const [article, { tokens, at, loaded, labeling }] of articles) {
    const words = tokens.map((t) => t.word);
    const starts = [...new Set(variants.flatMap((v) => at.get(v[0] ?? '') ?? []))].sort((a, b) => a - b);
    for (const i of starts) {
      for (const v of variants) {
        const first = tokens[i];
        const last = tokens[i + v.length - 1];
        if (!first || !last || first.line !== last.line || !matchesAt(words, i, v, notAfter, notBefore)) continue;
        out.push({ article, start: first.start, end: last.end, quoted: first.quoted, inLoaded: overlapsAny(loaded, first.start, last.end),
          inLabeling: overlapsAny(labeling, first.start, last.end) });
        break;
      }
    }
  }
  return out;
}

function countsOf(matches: readonly Match[]): Counts {
  return {
    total: matches.length,
    loaded: matches.filter((m) => m.inLoaded).length,
    quoted: matches.filter((m) => m.quoted).length,
    quotedLoaded: matches.filter((m) => m.quoted && m.inLoaded).length,
    labeling: matches.filter((m) => m.inLabeling).length,
    articles: new Set(matches.map((m) => m.article)).size,
  };
}

interface BabeCounts {
  /** Times a form of the term was listed in `biased_words`. */
  readonly marked: number;
  /** Sentences containing the term, and how many of them are labelled Biased. */
  readonly sentences: number;
  readonly biased: number;
  /** Indices of those sentences, for the whole-lexicon score. */
  readonly hits: number[];
}

function babeCounts(babe: Babe | undefined, variants: string[][], e?: Entry): BabeCounts | undefined {
  if (!babe) return undefined;
  let marked = 0;
  for (const v of variants) if (v.length === 1) marked += babe.biasedWords.get(v[0] ?? '') ?? 0;
  const candidates = [...new Set(variants.flatMap((v) => [...(babe.withWord.get(v[0] ?? '') ?? [])]))].sort((a, b) => a - b);
  const hits = candidates.filter((k) => {
    const words = babe.sentences[k]?.words ?? [];
    return variants.some((v) => words.some((_, i) => matchesAt(words, i, v, e?.notAfter ?? [], e?.notBefore ?? [])));
  });
  return { marked, sentences: hits.length, biased: hits.filter((k) => babe.sentences[k]?.biased).length, hits };
}

const pct = (n: number, d: number): string => (d ? (n / d).toFixed(2) : '-');

const times = (n: number): string => (n === 1 ? 'once' : `${n} times`);

/** The `evidence` string the lexicon carries for a ptc-train entry. */
function evidenceString(c: Counts, b: ReturnType<typeof babeCounts>): string {
  let s = `PTC train: ${c.loaded} of ${c.total} occurrences inside Loaded_Language spans`;
  if (c.labeling) s += ` (${c.labeling} inside Name_Calling,Labeling)`;
  if (!b) return s;
  const inSentences = `in ${b.biased} of ${b.sentences} sentence${b.sentences === 1 ? '' : 's'} labelled Biased`;
  if (b.marked) s += `; BABE: marked biased ${times(b.marked)}, ${inSentences}`;
  else if (b.sentences) s += `; BABE: ${inSentences}`;
  return s;
}

function ngramTable(articles: Map<string, Article>, babe: Babe | undefined, n: number, args: Args): void {
  const stats = new Map<string, Counts>();
  for (const { tokens, loaded } of articles.values()) {
    const seen = new Set<string>();
    for (let i = 0; i + n <= tokens.length; i++) {
      const slice = tokens.slice(i, i + n);
      const first = slice[0];
      const last = slice[n - 1];
      if (!first || !last) continue;
      if (first.line !== last.line) continue;
      const key = slice.map((t) => t.word).join(' ');
      const c = stats.get(key) ?? { total: 0, loaded: 0, quoted: 0, quotedLoaded: 0, labeling: 0, articles: 0 };
      const inLoaded = overlapsAny(loaded, first.start, last.end);
      c.total++;
      if (inLoaded) c.loaded++;
      if (first.quoted) {
        c.quoted++;
        if (inLoaded) c.quotedLoaded++;
      }
      if (!seen.has(key)) {
        c.articles++;
        seen.add(key);
      }
      stats.set(key, c);
    }
  }
  // The reference "naive list": seen at least args.min times, inside spans at least 30% of the time.
  const rows = [...stats.entries()]
    .filter(([, c]) => c.total >= args.min && c.loaded / c.total >= 0.3 && c.articles >= 2)
    .sort((a, b) => b[1].loaded - a[1].loaded || b[1].loaded / b[1].total - a[1].loaded / a[1].total || a[0].localeCompare(b[0]))
    .slice(0, args.top);
  console.log(`\n## ${n === 1 ? 'Words' : 'Word pairs'}: seen ≥ ${args.min} times in ≥ 2 articles, ≥ 30% inside ${LOADED} (top ${args.top} by count inside)\n`);
  console.log('| candidate | occurrences | inside Loaded_Language | ratio | articles | quoted (inside) | BABE marked biased |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [key, c] of rows) {
    const marked = n === 1 ? String(babe?.biasedWords.get(key) ?? 0) : '-';
    console.log(`| ${key} | ${c.total} | ${c.loaded} | ${pct(c.loaded, c.total)} | ${c.articles} | ${c.quoted} (${c.quotedLoaded}) | ${babe ? marked : 'n/a'} |`);
  }
}

interface EntryCounts {
  readonly ptc: Counts;
  readonly babe: ReturnType<typeof babeCounts>;
  readonly evidence: string;
  readonly matches: Match[];
}

function entryCounts(articles: Map<string, Article>, babe: Babe | undefined, variants: string[][], e?: Entry): EntryCounts {
  const matches = matchVariants(articles, variants, e?.notAfter, e?.notBefore);
  const ptc = countsOf(matches);
  const b = babeCounts(babe, variants, e);
  return { ptc, babe: b, evidence: evidenceString(ptc, b), matches };
}

function termRow(label: string, { ptc: c, babe: b, evidence }: EntryCounts): string {
  const babeCol = b ? `${b.marked} | ${b.biased}/${b.sentences}` : 'n/a | n/a';
  return `| ${label} | ${c.total} | ${c.loaded} | ${pct(c.loaded, c.total)} | ${c.labeling} | ${c.quoted} (${c.quotedLoaded}) | ${babeCol} | ${evidence} |`;
}

/**
 * The whole list scored on PTC train the way the eval scores PTC dev: overlapping matches merge
 * into one predicted span; a prediction is right if it overlaps a Loaded_Language span, and a gold
 * span is found if a prediction overlaps it. Approximate (the matcher, not this script, is scored).
 */
function coverage(articles: Map<string, Article>, matches: readonly Match[], skipQuoted: boolean): { p: number; pLabel: number; r: number; predicted: number } {
  const byArticle = new Map<string, Match[]>();
  for (const m of matches) if (!(skipQuoted && m.quoted)) byArticle.set(m.article, [...(byArticle.get(m.article) ?? []), m]);
  let predicted = 0;
  let correct = 0;
  let correctOrLabel = 0;
  let gold = 0;
  let found = 0;
  for (const [id, a] of articles) {
    const spans: [number, number][] = [];
    for (const m of (byArticle.get(id) ?? []).sort((x, y) => x.start - y.start)) {
      const lastSpan = spans.at(-1);
      if (lastSpan && m.start <= lastSpan[1]) lastSpan[1] = Math.max(lastSpan[1], m.end);
      else spans.push([m.start, m.end]);
    }
    predicted += spans.length;
    correct += spans.filter(([s, e]) => overlapsAny(a.loaded, s, e)).length;
    correctOrLabel += spans.filter(([s, e]) => overlapsAny(a.loaded, s, e) || overlapsAny(a.labeling, s, e)).length;
    gold += a.loaded.length;
    found += a.loaded.filter(([s, e]) => overlapsAny(spans, s, e)).length;
  }
  return { p: predicted ? correct / predicted : 0, pLabel: predicted ? correctOrLabel / predicted : 0, r: gold ? found / gold : 0, predicted };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const evalDir = resolveEvalDir(args.evalDir);
  const ptcDir = ptcDirOf(evalDir);
  if (!hasPtcSplit(ptcDir, 'train')) {
    console.log(`SKIPPED: PTC training data not found under ${ptcDir} (pass the eval directory as the first argument)`);
    return;
  }
  const articles = readPtcTrain(ptcDir);
  const babePath = babeFileOf(evalDir);
  const babe = readBabe(babePath);
  const spanCount = [...articles.values()].reduce((n, a) => n + a.loaded.length, 0);
  const wordCount = [...articles.values()].reduce((n, a) => n + a.tokens.length, 0);
  const say = args.json ? (): void => undefined : (...xs: unknown[]): void => console.log(...xs);
  say(`# Lexicon candidates from PTC train (${articles.size} articles, ${wordCount} words, ${spanCount} ${LOADED} spans)`);
  say(babe ? `BABE: ${babe.sentences.length} sentences read from ${babePath}` : `BABE: SKIPPED (not found at ${babePath})`);
  say('"quoted" counts occurrences inside quotation marks on the same line (approximate).');
  if (!args.json) {
    ngramTable(articles, babe, 1, args);
    ngramTable(articles, babe, 2, args);
  }

  const header = '| term | occurrences | inside Loaded_Language | ratio | inside Name_Calling | quoted (inside) | BABE marked | BABE Biased/sentences | evidence |\n|---|---:|---:|---:|---:|---:|---:|---:|---|';
  if (args.terms.length && !args.json) {
    console.log('\n## Requested terms (matched as written, hyphens as spaces)\n');
    console.log(header);
    for (const t of args.terms) console.log(termRow(t, entryCounts(articles, babe, entryVariants(t, 'phrase'))));
  }
  if (!args.lexicon || !existsSync(args.lexicon)) return;
  const lex = JSON.parse(readFileSync(args.lexicon, 'utf8')) as { entries: Entry[] };
  const counted = lex.entries.map((e) => ({ e, c: entryCounts(articles, babe, entryVariants(e.term, e.pos, e.forms), e) }));
  if (args.json) {
    const out: Record<string, Omit<EntryCounts, 'matches'>> = {};
    for (const { e, c } of counted) out[e.term] = { ptc: c.ptc, babe: c.babe && { ...c.babe, hits: [] }, evidence: c.evidence };
    console.log(JSON.stringify(out, null, 1));
    return;
  }
  console.log(`\n## Lexicon entries (${path.relative(process.cwd(), args.lexicon)}), with inflections and context exclusions\n`);
  console.log(header);
  for (const { e, c } of counted) console.log(termRow(`${e.term} (${e.pos}, ${e.source ?? '?'})`, c));
  console.log('\n## The whole lexicon on PTC train (span overlap, approximate)\n');
  console.log('| entries | quotes | predicted spans | precision | precision (Loaded_Language or Name_Calling) | recall |\n|---|---|---:|---:|---:|---:|');
  const subsets: [string, (e: Entry) => boolean][] = [
    ['all', () => true],
    ['high + medium weight', (e) => e.weight !== 'low'],
    ['high weight', (e) => e.weight === 'high'],
    // PTC's Loaded_Language is closest to these three; labels are mostly Name_Calling,Labeling there.
    ['emotive-adjective + emotive-noun + emotive-verb', (e) => e.category?.startsWith('emotive-') ?? false],
  ];
  const categories = [...new Set(lex.entries.map((e) => e.category ?? '?'))];
  for (const cat of categories) subsets.push([`category ${cat}`, (e) => e.category === cat]);
  for (const [name, keep] of subsets) {
    const ms = counted.filter(({ e }) => keep(e)).flatMap(({ c }) => c.matches);
    for (const skipQuoted of [false, true]) {
      const { p, pLabel, r, predicted } = coverage(articles, ms, skipQuoted);
      console.log(`| ${name} | ${skipQuoted ? 'excluded' : 'counted'} | ${predicted} | ${p.toFixed(2)} | ${pLabel.toFixed(2)} | ${r.toFixed(2)} |`);
    }
  }
  if (!babe) return;
  console.log('\n## The whole lexicon on BABE (sentence level: any match means Biased; quotes counted)\n');
  console.log('| entries | sentences flagged | precision | recall |\n|---|---:|---:|---:|');
  const biasedTotal = babe.sentences.filter((x) => x.biased).length;
  for (const [name, keep] of subsets) {
    const flagged = new Set(counted.filter(({ e }) => keep(e)).flatMap(({ c }) => c.babe?.hits ?? []));
    const tp = [...flagged].filter((k) => babe.sentences[k]?.biased).length;
    console.log(`| ${name} | ${flagged.size} | ${pct(tp, flagged.size)} | ${pct(tp, biasedTotal)} |`);
  }
}

main();
