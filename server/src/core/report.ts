/**
 * @file The article report: word, sentence and paragraph statistics, a readability grade, findings
 * by kind and rule, and a map of the draft's paragraphs with what was found in each. It reads the
 * same segmentation as the checks, so paragraph 4 in the map is the block the rules call paragraph 4.
 */
import { docsUrlFor } from './defineCheck';
import { linksOf } from './protected';
import { fleschKincaidGrade, READABILITY_FORMULA, readingMinutes, syllableCounter } from './readability';
import { lineIndexAt } from './lines';
import { lastAtOrBefore, overlapsAny } from './spans';
import { wordCount } from './measure';
import { buildSourceText, composeView, type TextFormat } from './text';
import { TextMemo } from './textMemo';
import type { DraftText } from './draftText';
import { codeInfo, findingArray, type FindingList } from './findingList';
import type { Block, BlockKind, Finding, Severity, Span } from './types';

export type FindingKind = 'duplicate' | 'loaded' | 'unattributed' | 'style';
export const FINDING_KINDS: readonly FindingKind[] = ['duplicate', 'loaded', 'unattributed', 'style'];
export type KindCounts = Readonly<Record<FindingKind, number>>;

const KIND_OF: Readonly<Record<string, FindingKind>> = {
  'duplicate-paragraph': 'duplicate',
  'near-duplicate-paragraph': 'duplicate',
  'duplicate-sentence': 'duplicate',
  'reused-paragraph': 'duplicate',
  'loaded-language': 'loaded',
  'unattributed-claim': 'unattributed',
  'vague-attribution': 'unattributed',
};

/** What a rule's findings are, for the writer: everything that is not a repeat, loaded or unsourced is style. */
export function kindOf(checkId: string): FindingKind {
  return KIND_OF[checkId] ?? 'style';
}

export interface ParagraphEntry {
  /** 1-based, counting every block (headlines too), as "¶4" in the map. */
  readonly number: number;
  readonly kind: BlockKind;
  /** The block's prose, markup excluded: what a click selects. */
  readonly span: Span;
  readonly line: number;
  readonly words: number;
  readonly sentences: number;
  /** Findings that start in this block, hints left out (as the Problems count leaves them out). */
  readonly findings: KindCounts;
  /** The earlier block this one repeats, word for word (`exact`) or as an edited copy. */
  readonly copyOf?: { readonly number: number; readonly line: number; readonly exact: boolean };
  /** Later blocks that repeat this one (word for word or edited). */
  readonly copiedAt: readonly number[];
  /** Blocks holding the first copy of a sentence this block repeats. */
  readonly sentenceCopiesOf: readonly number[];
  readonly excerpt: string;
}

export interface RuleCount {
  readonly id: string;
  readonly kind: FindingKind;
  readonly count: number;
  readonly bySeverity: Readonly<Partial<Record<Severity, number>>>;
  readonly docsUrl: string;
}

export interface ArticleReport {
  /** Words of prose, headlines included; a URL is one word (as the length rules count). */
  readonly words: number;
  readonly readingMinutes: number;
  readonly headlines: number;
  /** Body blocks: paragraphs, list items and block-quote paragraphs (not headlines or table cells). */
  readonly paragraphs: { readonly count: number; readonly averageWords: number; readonly longest?: { readonly number: number; readonly words: number; readonly line: number } };
  /** Sentences of body blocks: a headline is not a sentence. */
  readonly sentences: { readonly count: number; readonly averageWords: number; readonly longest?: { readonly number: number; readonly words: number; readonly line: number; readonly span: Span } };
  readonly readability: { readonly formula: string; readonly grade: number | null; readonly words: number; readonly sentences: number; readonly syllables: number };
  /** Findings by kind, hints left out; `hints` counts those. */
  readonly counts: KindCounts;
  readonly hints: number;
  /** Every rule with findings, hints included: most findings first. */
  readonly rules: readonly RuleCount[];
  readonly map: readonly ParagraphEntry[];
}

const BODY: ReadonlySet<BlockKind> = new Set(['paragraph', 'list-item', 'blockquote']);
const zero = (): Record<FindingKind, number> => ({ duplicate: 0, loaded: 0, unattributed: 0, style: 0 });
const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * The report for `text` and the findings the engine gave for it (pure: the same input, the same
 * report). Given the engine's FindingList, it reads rules and starts from the list's flat keys and
 * places only the copies' findings: the status bar asks after every pause in typing, and placing
 * the 27,000 findings of a 4 MB draft for it was most of its work. `known`, when the caller has
 * them, are the text's line starts, which spare a pass over the whole text, and its blocks as
 * buildSourceText lays them out (the server's last lint of this very text), which spare laying a
 * long draft out again and joining it into one string to do so (~200 ms a pause on 4 MB).
 */
export function articleReport(text: DraftText, format: TextFormat, findings: readonly Finding[] | FindingList, known?: ReportKnown): ArticleReport {
  const steps = articleReportSteps(text, format, findings, known);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface ReportKnown {
  readonly lineStarts: readonly number[];
  readonly blocks?: readonly Block[];
}

/** Paragraphs whose figures are computed between two steps: a few milliseconds of work. */
const FRESH_PER_STEP = 100;

/**
 * articleReport in steps, so a server can answer other requests meanwhile: the first report of a
 * long draft computes every paragraph's figures (~2 s on 4 MB), which would hold up the writer's
 * first keystrokes. Later reports find them remembered and run in one step.
 */
export function* articleReportSteps(text: DraftText, format: TextFormat, findings: readonly Finding[] | FindingList, known?: ReportKnown): Generator<void, ArticleReport> {
  const { blocks, lineStarts } = known?.blocks ? { blocks: known.blocks, lineStarts: known.lineStarts } : buildSourceText(text, format, undefined, known);
  // Each paragraph's figures are remembered by its text: the status bar asks after every keystroke.
  const figures = new Array<Figures>(blocks.length);
  let fresh = 0;
  for (let i = 0; i < blocks.length; i++) {
    const prose = blocks[i]!.text;
    if (figureMemo.peek(prose) === undefined && ++fresh % FRESH_PER_STEP === 0) yield;
    figures[i] = figuresOf(prose);
  }
  const blockWords = figures.map((f) => f.words);
  const perBlock = blocks.map(zero);
  const sentenceCopies = blocks.map(() => new Set<number>());
  const copiedAt = blocks.map((): number[] => []);
  const copyOf = new Map<number, { number: number; line: number; exact: boolean }>();
  const counts = zero();
  /** Findings per rule-and-severity code (findingList.ts codeOf). */
  const perCode: number[] = [];
  let hints = 0;
  const list = isFindingList(findings) ? findings : findingArray(findings);
  const { spans, codes } = list;
  list.forEach((f, by, i) => {
    const code = codes[i]!;
    perCode[code] = (perCode[code] ?? 0) + 1;
    const { checkId, severity } = codeInfo(code);
    const kind = kindOf(checkId);
    const at = blockAt(blocks, spans[2 * i]!);
    if (kind === 'duplicate' && at >= 0) {
      // A copy in another draft (reused-paragraph) has no original here.
      const first = f.related[0];
      const original = first && first.document === undefined ? blockAt(blocks, first.span.start + by) : -1;
      if (original >= 0 && original !== at) {
        if (checkId === 'duplicate-sentence') sentenceCopies[at]!.add(original + 1);
        else if (!copyOf.has(at)) {
          copyOf.set(at, { number: original + 1, line: blocks[original]!.line, exact: checkId === 'duplicate-paragraph' });
          copiedAt[original]!.push(at + 1);
        }
      }
    }
    if (severity === 'hint') {
      hints++;
      return;
    }
    counts[kind]++;
    if (at >= 0) perBlock[at]![kind]++;
  });
  const byRule = new Map<string, { count: number; bySeverity: Partial<Record<Severity, number>> }>();
  perCode.forEach((n, code) => {
    if (!n) return;
    const { checkId, severity } = codeInfo(code);
    const rule = byRule.get(checkId) ?? { count: 0, bySeverity: {} };
    rule.count += n;
    rule.bySeverity[severity] = n;
    byRule.set(checkId, rule);
  });

  const sentences = sentenceStats(blocks, lineStarts, figures);
  const body = blocks.flatMap((b, i) => (BODY.has(b.kind) ? [i] : []));
  const longestParagraph = body.reduce<number | undefined>((best, i) => (best === undefined || blockWords[i]! > blockWords[best]! ? i : best), undefined);
  const words = blockWords.reduce((a, b) => a + b, 0);
  return {
    words,
    readingMinutes: readingMinutes(words),
    headlines: blocks.filter((b) => b.kind === 'heading').length,
    paragraphs: {
      count: body.length,
      averageWords: body.length ? round1(body.reduce((sum, i) => sum + blockWords[i]!, 0) / body.length) : 0,
      ...(longestParagraph === undefined ? {} : { longest: { number: longestParagraph + 1, words: blockWords[longestParagraph]!, line: blocks[longestParagraph]!.line } }),
    },
    sentences: sentences.stats,
    readability: sentences.readability,
    counts,
    hints,
    rules: [...byRule].map(([id, r]) => ({ id, kind: kindOf(id), count: r.count, bySeverity: r.bySeverity, docsUrl: docsUrlFor(id) })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    map: blocks.map((b, i) => {
      const copy = copyOf.get(i);
      return {
        number: i + 1,
        kind: b.kind,
        span: b.span,
        line: b.line,
        words: blockWords[i]!,
        sentences: sentences.perBlock[i]!,
        findings: perBlock[i]!,
        ...(copy ? { copyOf: copy } : {}),
        copiedAt: copiedAt[i]!,
        sentenceCopiesOf: [...sentenceCopies[i]!].sort((x, y) => x - y),
        excerpt: figures[i]!.excerpt,
      };
    }),
  };
}

/** One paragraph's counts, as if it were a draft of its own (words, sentences and links never run over a paragraph's end). */
interface Figures {
  readonly words: number;
  /** Sentences with at least one word ("…open. 🚢" splits off a "sentence" with no words: nothing to read). */
  readonly sentences: readonly { readonly start: number; readonly end: number; readonly words: number }[];
  /** Words and syllables for the grade: addresses are not read out syllable by syllable, so they stay out. */
  readonly gradeWords: number;
  readonly syllables: number;
  readonly excerpt: string;
}

const figureMemo = new TextMemo<Figures>();
let syllables: ((word: string) => number) | undefined;

function figuresOf(prose: string): Figures {
  return figureMemo.get(prose, () => {
    const block: Block = { kind: 'paragraph', span: { start: 0, end: prose.length }, outer: { start: 0, end: prose.length }, text: prose, line: 1 };
    const local = composeView(prose, prose, [block], [0]);
    const links = linksOf(local);
    const count = (syllables ??= syllableCounter());
    const sentences = local.sentences.map((s) => ({ start: s.span.start, end: s.span.end, words: wordCount(local, s.span) })).filter((s) => s.words > 0);
    let gradeWords = 0;
    let total = 0;
    let w = 0;
    for (const s of sentences) {
      w = Math.max(w, lastAtOrBefore(local.words, s.start - 1, (x) => x.span.start) + 1);
      for (; w < local.words.length && local.words[w]!.span.start < s.end; w++) {
        const word = local.words[w]!;
        if (overlapsAny(links, word.span)) continue;
        gradeWords++;
        total += count(word.text);
      }
    }
    return { words: wordCount(local, block.span), sentences, gradeWords, syllables: total, excerpt: excerpt(prose) };
  });
}

/** Sentence statistics and the grade, over the sentences of body blocks. */
function sentenceStats(blocks: readonly Block[], lineStarts: readonly number[], figures: readonly Figures[]) {
  const perBlock = blocks.map(() => 0);
  let count = 0;
  let totalWords = 0;
  let longest: ArticleReport['sentences']['longest'];
  const grade = { words: 0, syllables: 0 };
  blocks.forEach((block, index) => {
    if (!BODY.has(block.kind)) return;
    const f = figures[index]!;
    perBlock[index] = f.sentences.length;
    count += f.sentences.length;
    grade.words += f.gradeWords;
    grade.syllables += f.syllables;
    for (const s of f.sentences) {
      totalWords += s.words;
      if (longest && s.words <= longest.words) continue;
      const span = { start: block.span.start + s.start, end: block.span.start + s.end };
      longest = { number: index + 1, words: s.words, line: lineIndexAt(lineStarts, span.start) + 1, span };
    }
  });
  return {
    perBlock,
    stats: { count, averageWords: count ? round1(totalWords / count) : 0, ...(longest ? { longest } : {}) },
    readability: { formula: READABILITY_FORMULA, grade: fleschKincaidGrade(grade.words, count, grade.syllables), words: grade.words, sentences: count, syllables: grade.syllables },
  };
}

function isFindingList(findings: readonly Finding[] | FindingList): findings is FindingList {
  return !Array.isArray(findings);
}

/** Index of the block whose extent (markup included) holds `offset`, or -1. */
function blockAt(blocks: readonly Block[], offset: number): number {
  const i = lastAtOrBefore(blocks, offset, (b) => b.outer.start);
  return i >= 0 && offset < Math.max(blocks[i]!.outer.end, blocks[i]!.outer.start + 1) ? i : -1;
}

function excerpt(prose: string): string {
  const flat = prose.replace(/\s+/gu, ' ').trim();
  return flat.length <= 60 ? flat : `${flat.slice(0, 59).replace(/\s\S*$/u, '')}…`;
}
