/**
 * @file The article report as Markdown, for "Export article report" and (later) the CLI: something
 * a writer can attach to a story in the CMS or paste to an editor, readable as plain text too.
 */
import { WORDS_PER_MINUTE } from './readability';
import { FINDING_KINDS, type ArticleReport, type FindingKind, type ParagraphEntry } from './report';
import type { Severity } from './types';

/** Kept in step with KIND_LABELS in client/src/report/protocol.ts (the client cannot import the engine). */
export const KIND_LABELS: Readonly<Record<FindingKind, { readonly one: string; readonly many: string; readonly about: string }>> = {
  duplicate: { one: 'duplicate', many: 'duplicates', about: 'repeated or near-repeated paragraphs and sentences' },
  loaded: { one: 'loaded wording', many: 'loaded wordings', about: 'words that characterise instead of report' },
  unattributed: { one: 'unattributed claim', many: 'unattributed claims', about: 'claims with no source, or a vague one' },
  style: { one: 'style point', many: 'style points', about: 'AP style, length, spacing, clarity' },
};
const SEVERITY_NAMES: Readonly<Record<Severity, [string, string]>> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info'], hint: ['hint', 'hints'] };
const BAR_WIDTH = 20;

export function kindCount(kind: FindingKind, n: number): string {
  return `${n} ${n === 1 ? KIND_LABELS[kind].one : KIND_LABELS[kind].many}`;
}

/** What the map says about one block beyond its length: "copy of ¶2 (line 3); 1 loaded wording". */
export function paragraphNotes(p: ParagraphEntry): string[] {
  const notes: string[] = [];
  if (p.kind === 'heading') notes.push('headline');
  if (p.copyOf) notes.push(`${p.copyOf.exact ? 'copy' : 'edited copy'} of ¶${p.copyOf.number} (line ${p.copyOf.line})`);
  if (p.sentenceCopiesOf.length) notes.push(`repeats a sentence of ${p.sentenceCopiesOf.map((n) => `¶${n}`).join(', ')}`);
  if (p.copiedAt.length) notes.push(`copied at ${p.copiedAt.map((n) => `¶${n}`).join(', ')}`);
  const saidAlready = Boolean(p.copyOf || p.sentenceCopiesOf.length);
  for (const kind of FINDING_KINDS) {
    // A copy's duplicate findings are what "copy of" and "repeats a sentence" already say.
    if (p.findings[kind] > 0 && !(kind === 'duplicate' && saidAlready)) notes.push(kindCount(kind, p.findings[kind]));
  }
  return notes;
}

export function reportMarkdown(report: ArticleReport, title: string): string {
  const { paragraphs, sentences, readability } = report;
  const longest = report.map.reduce((max, p) => Math.max(max, p.words), 1);
  const grade = readability.grade === null ? 'not enough text' : `${readability.grade}`;
  const lines = [
    `# Article report: ${escape(title)}`,
    '',
    `${report.words} words · about ${report.readingMinutes} min to read · ${readability.formula} ${grade}`,
    '',
    '## Statistics',
    '',
    '| measure | value |',
    '| --- | --- |',
    `| Words | ${report.words} |`,
    `| Reading time | about ${report.readingMinutes} min (${WORDS_PER_MINUTE} words a minute) |`,
    `| Headlines | ${report.headlines} |`,
    `| Paragraphs | ${paragraphs.count} |`,
    `| Average paragraph | ${paragraphs.averageWords} words |`,
    `| Longest paragraph | ${paragraphs.longest ? `${paragraphs.longest.words} words (¶${paragraphs.longest.number}, line ${paragraphs.longest.line})` : '—'} |`,
    `| Sentences | ${sentences.count} |`,
    `| Average sentence | ${sentences.averageWords} words |`,
    `| Longest sentence | ${sentences.longest ? `${sentences.longest.words} words (¶${sentences.longest.number}, line ${sentences.longest.line})` : '—'} |`,
    `| Readability | ${readability.formula}: ${grade} |`,
    '',
    `${readability.formula} = 0.39 × words per sentence + 11.8 × syllables per word − 15.59, over ${readability.sentences} sentences, ${readability.words} words and ${readability.syllables} syllables of body text (headlines and URLs left out). It is a US school grade: 8 means a 13- to 14-year-old can follow the text.`,
    '',
    '## Findings',
    '',
    ...FINDING_KINDS.map((k) => `- ${kindCount(k, report.counts[k])}: ${KIND_LABELS[k].about}`),
    ...(report.hints ? [`- and ${report.hints} ${report.hints === 1 ? 'hint' : 'hints'} (shown faintly in the editor, not counted above)`] : []),
    '',
    ...(report.rules.length
      ? ['| rule | kind | findings |', '| --- | --- | --- |', ...report.rules.map((r) => `| [\`${r.id}\`](${r.docsUrl}) | ${r.kind} | ${r.count} (${severities(r.bySeverity)}) |`)]
      : ['No findings.']),
    '',
    '## Paragraph map',
    '',
    '| ¶ | line | words | length | notes | opens with |',
    '| --- | --- | --- | --- | --- | --- |',
    ...report.map.map((p) => `| ${p.number} | ${p.line} | ${p.words} | ${bar(p.words, longest)} | ${escape(paragraphNotes(p).join('; '))} | ${escape(p.excerpt)} |`),
    '',
  ];
  return lines.join('\n');
}

function severities(counts: Readonly<Partial<Record<Severity, number>>>): string {
  return (Object.keys(SEVERITY_NAMES) as Severity[]).flatMap((s) => (counts[s] ? [`${counts[s]} ${SEVERITY_NAMES[s][counts[s] === 1 ? 0 : 1]}`] : [])).join(', ');
}

/** A text bar, so the map keeps its shape in a plain-text reader. */
function bar(words: number, longest: number): string {
  return '█'.repeat(Math.max(words > 0 ? 1 : 0, Math.round((words / longest) * BAR_WIDTH)));
}

/** Table cells and headings must not end early or turn into markup: pipes, backslashes, markup characters escaped. */
function escape(text: string): string {
  return text.replace(/[\\|*_`[\]<>#]/gu, (c) => `\\${c}`);
}
