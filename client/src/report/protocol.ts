/**
 * @file What the client, the server and the report webview say to one another about the article
 * report. The client cannot import server code, so the wire types are kept in step with
 * server/src/lsp/report.ts by hand; test/unit/lsp/report.test.ts fails to compile when they drift.
 * No `vscode` import here: the webview script reads this file too.
 */

export const ARTICLE_REPORT_METHOD = 'copydesk/articleReport';
/** Kept in step with WORDS_PER_MINUTE in server/src/core/readability.ts (test/unit/lsp/report.test.ts). */
export const WORDS_PER_MINUTE = 238;

export interface Position { readonly line: number; readonly character: number }
export interface Range { readonly start: Position; readonly end: Position }

export type FindingKind = 'duplicate' | 'loaded' | 'unattributed' | 'style';
export const FINDING_KINDS: readonly FindingKind[] = ['duplicate', 'loaded', 'unattributed', 'style'];
export type KindCounts = Readonly<Record<FindingKind, number>>;
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'blockquote' | 'table-row';

export interface ArticleReportParams {
  readonly textDocument: { readonly uri: string; readonly version: number };
  readonly detail?: 'summary' | 'full';
  readonly markdown?: boolean;
}

export interface WireParagraph {
  readonly number: number;
  readonly kind: BlockKind;
  readonly range: Range;
  readonly line: number;
  readonly words: number;
  readonly sentences: number;
  readonly findings: KindCounts;
  readonly copyOf?: { readonly number: number; readonly line: number; readonly exact: boolean };
  readonly copiedAt: readonly number[];
  readonly sentenceCopiesOf: readonly number[];
  readonly excerpt: string;
}

export interface WireRuleCount {
  readonly id: string;
  readonly kind: FindingKind;
  readonly count: number;
  readonly bySeverity: Readonly<Partial<Record<Severity, number>>>;
  readonly docsUrl: string;
}

export interface WireReport {
  readonly words: number;
  readonly readingMinutes: number;
  readonly headlines: number;
  readonly paragraphs: { readonly count: number; readonly averageWords: number; readonly longest?: { readonly number: number; readonly words: number; readonly line: number } };
  readonly sentences: { readonly count: number; readonly averageWords: number; readonly longest?: { readonly number: number; readonly words: number; readonly line: number; readonly range: Range } };
  readonly readability: { readonly formula: string; readonly grade: number | null; readonly words: number; readonly sentences: number; readonly syllables: number };
  readonly counts: KindCounts;
  readonly hints: number;
  readonly rules: readonly WireRuleCount[];
  readonly map?: readonly WireParagraph[];
}

export type NotCheckedReason = 'disabled' | 'language' | 'too-large' | 'ignored' | 'configuration' | 'failed';
export type ArticleReportResult =
  | { readonly kind: 'report'; readonly uri: string; readonly version: number; readonly title: string; readonly report: WireReport; readonly markdown?: string }
  | { readonly kind: 'notChecked'; readonly uri: string; readonly version: number; readonly reason: NotCheckedReason };

/** Kept in step with KIND_LABELS in server/src/core/reportMarkdown.ts (test/unit/lsp/report.test.ts). */
export const KIND_LABELS: Readonly<Record<FindingKind, { readonly one: string; readonly many: string; readonly about: string; readonly icon: string }>> = {
  duplicate: { one: 'duplicate', many: 'duplicates', about: 'repeated or near-repeated paragraphs and sentences', icon: 'copy' },
  loaded: { one: 'loaded wording', many: 'loaded wordings', about: 'words that characterise instead of report', icon: 'flame' },
  unattributed: { one: 'unattributed claim', many: 'unattributed claims', about: 'claims with no source, or a vague one', icon: 'quote' },
  style: { one: 'style point', many: 'style points', about: 'AP style, length, spacing, clarity', icon: 'pencil' },
};

export function kindCount(kind: FindingKind, n: number): string {
  return `${n} ${n === 1 ? KIND_LABELS[kind].one : KIND_LABELS[kind].many}`;
}

export const NOT_CHECKED: Readonly<Record<NotCheckedReason, string>> = {
  disabled: 'Copydesk is turned off (copydesk.enable).',
  language: 'this language is not in copydesk.languages.',
  'too-large': 'the draft is longer than copydesk.maxDocumentSize.',
  ignored: 'the draft matches an ignore pattern in .copydesk.json.',
  configuration: 'this is a Copydesk configuration file, not a draft.',
  failed: 'checking it failed; the Copydesk output says why.',
};

/** Extension → webview. */
export type ToWebview =
  | { readonly type: 'report'; readonly result: Extract<ArticleReportResult, { kind: 'report' }>; readonly stale: boolean }
  | { readonly type: 'notChecked'; readonly title: string; readonly reason: NotCheckedReason }
  | { readonly type: 'error'; readonly title: string; readonly message: string };

/** Webview → extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly paragraph: number }
  | { readonly type: 'revealLongestSentence' }
  | { readonly type: 'export' };
