/**
 * @file Measures `reused-paragraph` with the BBC News benchmark as one workspace of 2,225 drafts:
 * the 98 pairs of byte-identical articles must all be linked; every other pair of articles the rule
 * links is listed with what they share, and each linked paragraph pair is checked against a
 * brute-force comparison (no index); the index's build time, query time and memory are measured.
 *
 * Usage: npx tsx --expose-gc scripts/eval-reused-paragraph.ts [benchDir] [--no-write]
 *        (or `npm run eval -- reused-paragraph`)
 *   benchDir  default ../shared/bench, resolved from the working directory (needs bbc/<topic>/<nnn>.txt
 *             and DERIVED_exact_duplicate_groups.txt)
 * Rewrites the section of docs/evaluation.md between `<!-- reused-paragraph:start -->` and
 * `<!-- reused-paragraph:end -->`. The data is licensed for evaluation only: never copy it into the
 * repository (the page names articles by path and line, never quotes them). A missing folder is
 * reported as SKIPPED (exit 0); a known pair not found, or a link the brute force disagrees with,
 * exits 1.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checks, lintText } from '../server/src/api';
import check from '../server/src/checks/reused-paragraph';
import { ParagraphIndex, summarizeDraft, type DraftSummary, type ParagraphMatch } from '../server/src/core/paragraphIndex';
import { pairSimilarity } from '../server/src/core/repeats';
import { normalizeForComparison } from '../server/src/core/normalize';
import { shingleSet } from '../server/src/core/shingles';
import { SHINGLE_SIZE, similarityFromCounts } from '../server/src/core/repeats';
import { buildSourceText } from '../server/src/core/text';
import { table } from './lib/data';
import { out, writeSection, type Report } from './lib/report';

const { threshold, maxDrafts } = check.meta.defaultOptions;
const ONLY_REUSE = Object.fromEntries(checks.filter((c) => c.meta.id !== check.meta.id).map((c) => [c.meta.id, 'off']));

interface Article {
  readonly name: string;
  readonly text: string;
}

function readArticles(bbc: string): Article[] {
  const articles: Article[] = [];
  for (const topic of readdirSync(bbc).filter((t) => !t.includes('.')).sort()) {
    for (const file of readdirSync(path.join(bbc, topic)).filter((f) => f.endsWith('.txt')).sort()) {
      // Latin-1: one file is not valid UTF-8, and the rest are ASCII where it matters.
      articles.push({ name: `bbc/${topic}/${file}`, text: readFileSync(path.join(bbc, topic, file)).toString('latin1') });
    }
  }
  return articles;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
const pairKey = (a: string, b: string): string => (a < b ? `${a}\t${b}` : `${b}\t${a}`);

interface Link {
  /** Paragraph pairs (index into each article's summary) linked by the rule, keyed by "i:j" from the first name's side. */
  readonly paragraphs: Map<string, { exact: boolean; similarity: number; lines: [number, number] }>;
}

export function evalReusedParagraph(args: readonly string[]): number {
  const write = !args.includes('--no-write');
  const benchDir = path.resolve(process.cwd(), args.find((a) => !a.startsWith('--')) ?? '../shared/bench');
  const bbc = path.join(benchDir, 'bbc');
  const groupsFile = path.join(benchDir, 'DERIVED_exact_duplicate_groups.txt');
  if (!existsSync(bbc) || !existsSync(groupsFile)) {
    console.log(`reused-paragraph: SKIPPED (no ${bbc} or ${groupsFile})`);
    return 0;
  }
  const r: Report = { lines: [] };
  const articles = readArticles(bbc);
  const known = readFileSync(groupsFile, 'utf8').trim().split('\n').map((l) => l.split('\t') as [string, string]);
  const bytes = articles.reduce((n, a) => n + a.text.length, 0);

  // Build, as the server does for each file: segment, summarise, index.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let index: ParagraphIndex | undefined = new ParagraphIndex();
  const summaries = new Map<string, DraftSummary>();
  let segmentMs = 0;
  let indexMs = 0;
  for (const a of articles) {
    const t0 = performance.now();
    const summary = summarizeDraft(buildSourceText(a.text, 'plaintext'), a.name);
    const t1 = performance.now();
    index.set(a.name, summary);
    indexMs += performance.now() - t1;
    segmentMs += t1 - t0;
    summaries.set(a.name, summary);
  }
  gc();
  const heapBuilt = process.memoryUsage().heapUsed;
  // The maps alone: the same again without the index (this script keeps the summaries), then rebuilt.
  index = undefined;
  gc();
  const heapSummaries = process.memoryUsage().heapUsed;
  index = new ParagraphIndex();
  for (const [name, summary] of summaries) index.set(name, summary);
  const paragraphs = [...summaries.values()].reduce((n, s) => n + s.paragraphs.length, 0);
  const shingles = [...summaries.values()].reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + p.digest.shingles.length, 0), 0);

  // Every article's paragraphs against the rest.
  const t2 = performance.now();
  const answers = new Map<string, readonly (readonly ParagraphMatch[])[]>();
  for (const [name, summary] of summaries) answers.set(name, index.lookupFor(name).matches(summary.paragraphs, { threshold, maxDrafts }));
  const queryMs = performance.now() - t2;

  // The same through the rule, end to end: one finding per matched paragraph.
  let disagreements = 0;
  const t3 = performance.now();
  for (const a of articles) {
    const findings = lintText(a.text, 'plaintext', { rules: ONLY_REUSE }, { workspace: index.lookupFor(a.name) }).findings;
    const expected = answers.get(a.name)!.filter((m) => m.length > 0).length;
    if (findings.length !== expected) disagreements++;
  }
  const lintMs = performance.now() - t3;

  // Pairs of articles, with their linked paragraphs.
  const links = new Map<string, Link>();
  for (const [name, found] of answers) {
    const own = summaries.get(name)!;
    found.forEach((matches, i) => {
      for (const m of matches) {
        const key = pairKey(name, m.document);
        const link = links.get(key) ?? { paragraphs: new Map() };
        links.set(key, link);
        const j = summaries.get(m.document)!.paragraphs.findIndex((p) => p.span.start === m.span.start);
        const [ii, jj, li, lj] = name < m.document ? [i, j, own.paragraphs[i]!.line, m.line] : [j, i, m.line, own.paragraphs[i]!.line];
        link.paragraphs.set(`${ii}:${jj}`, { exact: m.exact, similarity: m.similarity, lines: [li, lj] });
      }
    });
  }
  const knownKeys = new Set(known.map(([a, b]) => pairKey(a, b)));
  const knownFound = known.filter(([a, b]) => {
    const link = links.get(pairKey(a, b));
    // Byte-identical: every paragraph of one is linked to its twin, word for word.
    return link && [...link.paragraphs.values()].filter((p) => p.exact).length >= summaries.get(a)!.paragraphs.length;
  });

  // Brute force, no index: every pair of paragraphs in different articles sharing a shingle, with
  // exact shared counts (no "common shingle" shortcut), and exact keys compared as strings.
  const t4 = performance.now();
  const reference = bruteForce(articles, summaries);
  const bruteMs = performance.now() - t4;
  const linkedPairs = new Set<string>();
  let unverified = 0;
  for (const [key, link] of links) {
    const [a, b] = key.split('\t') as [string, string];
    for (const [ij, p] of link.paragraphs) {
      const ref = reference.get(`${a}\t${b}\t${ij}`);
      if (!ref || ref.exact !== p.exact || Math.abs(ref.similarity - p.similarity) > 1e-9) unverified++;
      linkedPairs.add(`${a}\t${b}\t${ij}`);
    }
  }
  const missed = [...reference.keys()].filter((k) => !linkedPairs.has(k));

  const others = [...links.entries()].filter(([key]) => !knownKeys.has(key));
  const rows = others
    .map(([key, link]) => {
      const [a, b] = key.split('\t') as [string, string];
      const ps = [...link.paragraphs.values()];
      const exact = ps.filter((p) => p.exact).length;
      const smaller = Math.min(summaries.get(a)!.paragraphs.length, summaries.get(b)!.paragraphs.length);
      const category = ps.length * 2 >= smaller ? 'the same story, edited' : exact ? 'a shared paragraph, word for word' : 'a shared paragraph, edited';
      const best = Math.max(...ps.map((p) => p.similarity));
      const lines = ps.map((p) => `${p.lines[0]}↔${p.lines[1]}${p.exact ? '' : ` (${p.similarity.toFixed(2)})`}`).join(', ');
      return { a, b, category, linked: ps.length, exact, smaller, best, lines };
    })
    .sort((x, y) => (x.category < y.category ? -1 : x.category > y.category ? 1 : x.a < y.a ? -1 : 1));
  const byCategory = new Map<string, number>();
  for (const row of rows) byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + 1);

  const ok = knownFound.length === known.length && unverified === 0 && disagreements === 0;

  out(r, '# Evaluation: reused-paragraph', '');
  out(
    r,
    `Whether [\`reused-paragraph\`](rules/reused-paragraph.md) links the articles that share paragraphs, and nothing else, with the 2,225 BBC News articles (${mb(bytes)} MB) as one workspace: every article is a draft and the others are its workspace. Measured by \`scripts/eval-reused-paragraph.ts\` (\`npm run eval -- reused-paragraph\`), which writes this section; rerun it rather than editing the figures. The data is the benchmark described under near-duplicate-paragraph (not shipped; articles are named by path and line, never quoted). Settings: the rule's defaults, threshold ${threshold.toFixed(2)} (near-duplicate-paragraph's), \`maxDrafts\` ${maxDrafts}, paragraphs of at least 8 words, headlines left out.`,
    '',
  );
  out(r, '## Known copies', '');
  out(
    r,
    `The benchmark holds ${known.length} pairs of byte-identical articles (\`DERIVED_exact_duplicate_groups.txt\`). **${knownFound.length} of ${known.length}** are linked, every paragraph of each to its twin, word for word${knownFound.length === known.length ? '' : ` — MISSING: ${known.filter((p) => !knownFound.includes(p)).map(([a, b]) => `${a}/${b}`).join(', ')}`}.`,
    '',
  );
  out(r, '## Other pairs of articles', '');
  out(
    r,
    `Besides those, the rule links **${others.length} pairs** of articles (${others.length ? [...byCategory].map(([c, n]) => `${n} ${c}`).join(', ') : 'none'}). Every linked paragraph pair (${linkedPairs.size} in all pairs, known ones included) was compared again without the index: the normalised texts as strings for word-for-word copies, the full bigram sets (pairSimilarity) for near ones. ${unverified === 0 ? 'All agree: each link is a real shared paragraph at or above the threshold.' : `${unverified} DISAGREE.`} The rule itself, run through \`lintText\` on every article with the index as its workspace, gives one finding per matched paragraph in ${articles.length - disagreements} of ${articles.length} articles.`,
    '',
  );
  out(r, 'Categories: *the same story, edited* links at least half the paragraphs of the shorter article (two versions of one report filed under different topics or dates); *a shared paragraph* links fewer, word for word or edited.', '');
  if (rows.length) out(r, table(['articles', 'category', 'linked paragraphs (of the shorter article\'s)', 'lines ↔ lines (similarity when not word for word)'], rows.map((x) => [`\`${x.a}\` ↔ \`${x.b}\``, x.category, `${x.linked} of ${x.smaller}`, x.lines])), '');
  out(
    r,
    `Completeness: the brute force finds ${reference.size} paragraph pairs at or above the threshold; the index links ${reference.size - missed.length} of them${missed.length ? ` and misses ${missed.length} (${missed.slice(0, 5).join('; ')})` : ''}. (A shingle held by more than 64 paragraphs proposes no candidates in the index; paragraphs found in more than ${maxDrafts} other drafts are dropped as boilerplate: neither costs a pair here.)`,
    '',
  );
  out(r, '## Cost', '');
  out(
    r,
    table(
      ['what', 'figure'],
      [
        ['articles / indexed paragraphs / shingles', `${articles.length} / ${paragraphs} / ${shingles}`],
        ['segmenting and summarising all articles', `${Math.round(segmentMs)} ms`],
        ['adding them to the index', `${Math.round(indexMs)} ms`],
        ['every article queried against the rest', `${Math.round(queryMs)} ms (${((queryMs / articles.length) * 1000).toFixed(0)} µs an article)`],
        ['the rule end to end (`lintText`, only this rule on) over every article', `${Math.round(lintMs)} ms`],
        ['heap after building, all in (what the server holds for these drafts)', `${mb(heapBuilt - heapBefore)} MB`],
        ['of which the index\'s maps (the rest: digests, line starts, interned paragraph texts)', `${mb(heapBuilt - heapSummaries)} MB`],
        ['brute-force reference (not part of the product)', `${Math.round(bruteMs)} ms`],
      ],
    ),
    '',
  );
  out(
    r,
    `Times are one cold pass on this machine (Node ${process.version}, ${(globalThis as { gc?: unknown }).gc ? 'heap measured after forced garbage collection' : 'run without --expose-gc: heap figures are rough'}). The language server reads the files as well, one at a time, handing control back between files; see docs/architecture.md.`,
  );

  console.log('');
  if (write) console.log(writeSection('reused-paragraph', r.lines.join('\n')));
  console.log(ok ? 'reused-paragraph: OK' : 'reused-paragraph: FAILED (see above)');
  return ok ? 0 : 1;
}

/** Paragraph pairs at or above the threshold in different articles, by "a\tb\ti:j" (a < b), found without the index. */
function bruteForce(articles: readonly Article[], summaries: ReadonlyMap<string, DraftSummary>): Map<string, { exact: boolean; similarity: number }> {
  const all: { doc: string; i: number; key: string; set: ReturnType<typeof shingleSet> }[] = [];
  for (const a of articles) {
    const summary = summaries.get(a.name)!;
    summary.paragraphs.forEach((p, i) => {
      const text = a.text.slice(p.span.start, p.span.end);
      all.push({ doc: a.name, i, key: normalizeForComparison(text), set: shingleSet(text, SHINGLE_SIZE) });
    });
  }
  const postings = new Map<number, number[]>();
  all.forEach((p, n) => {
    for (const s of p.set.shingles) {
      const list = postings.get(s);
      if (list) list.push(n);
      else postings.set(s, [n]);
    }
  });
  const counts = new Int32Array(all.length);
  const found = new Map<string, { exact: boolean; similarity: number }>();
  all.forEach((p, n) => {
    const touched: number[] = [];
    for (const s of p.set.shingles) for (const m of postings.get(s)!) if (m > n && counts[m]!++ === 0) touched.push(m);
    for (const m of touched) {
      const q = all[m]!;
      const count = counts[m]!;
      counts[m] = 0;
      if (q.doc === p.doc) continue;
      const exact = q.key === p.key;
      const similarity = exact ? 1 : similarityFromCounts(count, p.set.shingles.size, q.set.shingles.size);
      if (!exact && similarity < threshold) continue;
      // The count is the index-free intersection; pairSimilarity must agree with it.
      if (!exact && pairSimilarity(p.set, q.set) !== similarity) throw new Error(`pairSimilarity disagrees for ${p.doc}#${p.i} and ${q.doc}#${q.i}`);
      const [x, y] = p.doc < q.doc ? [p, q] : [q, p];
      found.set(`${x.doc}\t${y.doc}\t${x.i}:${y.i}`, { exact, similarity });
    }
  });
  return found;
}

if (require.main === module) process.exit(evalReusedParagraph(process.argv.slice(2)));
