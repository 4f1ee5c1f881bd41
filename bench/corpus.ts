/**
 * @file The benchmark's drafts, built on the fly from the BBC News articles in ../shared/bench/bbc
 * (research data, not ours to ship: nothing of it is ever written into the repository).
 *
 * Every size is a prefix of the same article sequence, so a larger draft contains the smaller
 * ones and all tools see exactly the same text at each size.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DATA_DIR = process.env['COPYDESK_BENCH_DATA'] ?? path.resolve(__dirname, '../../shared/bench');
const BBC = path.join(DATA_DIR, 'bbc');

/** Target sizes in UTF-8 bytes (decimal: 4 KB = 4,000 bytes, so each size is ten times the last). */
export const SIZES = { '4 KB': 4e3, '40 KB': 4e4, '400 KB': 4e5, '1 MB': 1e6, '4 MB': 4e6 } as const;
export type SizeLabel = keyof typeof SIZES;

export interface Articles {
  /** De-duplicated articles (trimmed), topics interleaved. */
  readonly texts: readonly string[];
  /** Article files read. */
  readonly files: number;
  /** Byte-identical copies dropped (the first copy in topic/file order is kept). */
  readonly duplicatesDropped: number;
  /** UTF-8 bytes of all de-duplicated articles joined as a draft. */
  readonly uniqueBytes: number;
}

export interface Corpus {
  readonly label: SizeLabel;
  readonly text: string;
  readonly bytes: number;
  /** Whole articles, plus one cut at a paragraph boundary when the last does not fit. */
  readonly articles: number;
}

export function dataAvailable(): boolean {
  return existsSync(BBC);
}

let loaded: Articles | undefined;

/**
 * Why interleave topics (business, entertainment, politics, sport, tech in turn): a prefix in file
 * order would make the 4 KB and 40 KB drafts all business news. Why de-duplicate by content hash:
 * the set holds 98 pairs of byte-identical articles (see ../shared/bench/DERIVED_exact_duplicate_groups.txt),
 * which would make the duplicate-paragraph rules fire on whole articles that no real draft repeats.
 */
export function loadArticles(): Articles {
  if (loaded) return loaded;
  const topics = readdirSync(BBC, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const byTopic = topics.map((t) => readdirSync(path.join(BBC, t)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(BBC, t, f)));
  const seen = new Set<string>();
  const texts: string[] = [];
  let files = 0;
  for (let i = 0; byTopic.some((list) => i < list.length); i++) {
    for (const list of byTopic) {
      const file = list[i];
      if (!file) continue;
      files++;
      const bytes = readFileSync(file);
      const hash = createHash('sha256').update(bytes).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      texts.push(bytes.toString('utf8').trim());
    }
  }
  loaded = { texts, files, duplicatesDropped: files - texts.length, uniqueBytes: Buffer.byteLength(texts.join(SEPARATOR)) };
  return loaded;
}

/** A blank line between articles: each headline and paragraph is its own block. */
const SEPARATOR = '\n\n';

/**
 * The first articles up to `label`'s size. The de-duplicated set is larger than 4 MB, so no size
 * repeats an article; a size that would need repetition is refused rather than padded silently.
 */
export function corpus(label: SizeLabel): Corpus {
  const target = SIZES[label];
  const { texts } = loadArticles();
  const parts: string[] = [];
  let bytes = 0;
  for (const article of texts) {
    const cost = Buffer.byteLength(article) + (parts.length ? SEPARATOR.length : 0);
    if (bytes + cost <= target) {
      parts.push(article);
      bytes += cost;
      continue;
    }
    // The last article is cut after its last whole paragraph that fits.
    const paragraphs = article.split(SEPARATOR);
    const kept: string[] = [];
    for (const p of paragraphs) {
      const next = [...kept, p].join(SEPARATOR);
      if (bytes + Buffer.byteLength(next) + (parts.length ? SEPARATOR.length : 0) > target) break;
      kept.push(p);
    }
    if (kept.length) parts.push(kept.join(SEPARATOR));
    const text = parts.join(SEPARATOR);
    return { label, text, bytes: Buffer.byteLength(text), articles: parts.length };
  }
  throw new Error(`the de-duplicated articles (${texts.length}) are smaller than ${label}; repetition would be needed`);
}

/**
 * A text no corpus contains (the set's last articles, beyond 4 MB), to warm each tool up before it
 * is timed: JIT compilation and lazy loading are then out of every figure, and no cache holds a
 * paragraph of the measured text.
 */
export function warmUpText(): string {
  const { texts } = loadArticles();
  const used = corpus('4 MB').articles;
  const spare = texts.slice(used + 1);
  const parts: string[] = [];
  for (let i = spare.length - 1; i >= 0 && parts.join(SEPARATOR).length < 4000; i--) parts.unshift(spare[i]!);
  if (!parts.length) throw new Error('no articles left over for a warm-up text');
  return parts.join(SEPARATOR);
}
