/**
 * @file The `copydesk/articleReport` request: the article report for one version of an open draft,
 * with the engine's offsets turned into LSP ranges here and nowhere else. A request for a version the
 * server has moved past is refused (ContentModified): figures for other text would point the
 * writer at the wrong paragraph.
 */
import { ErrorCodes, LSPErrorCodes, RequestType, ResponseError, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { articleReportSteps, formatFor, reportMarkdown, type ArticleReport, type ParagraphEntry } from '../api';
import type { DraftText } from '../core/draftText';
import type { FindingList } from '../core/findingList';
import type { Block } from '../core/types';
import { toRange } from './convert';
import { DraftDocument } from './draftDocument';
import type { Outcome } from './linter';
import { yieldNow } from './yieldNow';

export const ARTICLE_REPORT_METHOD = 'copydesk/articleReport';

export interface ArticleReportParams {
  readonly textDocument: { readonly uri: string; readonly version: number };
  /** 'summary' (for a status bar) leaves out the paragraph map; 'full' is the default. */
  readonly detail?: 'summary' | 'full';
  /** Also send the report as Markdown (for "Export article report"). */
  readonly markdown?: boolean;
}

export type WireParagraph = Omit<ParagraphEntry, 'span'> & { readonly range: Range };
type Longest = NonNullable<ArticleReport['sentences']['longest']>;
export type WireReport = Omit<ArticleReport, 'map' | 'sentences'> & {
  readonly sentences: Omit<ArticleReport['sentences'], 'longest'> & { readonly longest?: Omit<Longest, 'span'> & { readonly range: Range } };
  /** Left out for detail 'summary'. */
  readonly map?: readonly WireParagraph[];
};
export type NotCheckedReason = 'disabled' | 'language' | 'too-large' | 'ignored' | 'configuration' | 'failed';
export type ArticleReportResult =
  | { readonly kind: 'report'; readonly uri: string; readonly version: number; readonly title: string; readonly report: WireReport; readonly markdown?: string }
  | { readonly kind: 'notChecked'; readonly uri: string; readonly version: number; readonly reason: NotCheckedReason };

export const articleReportRequest = new RequestType<ArticleReportParams, ArticleReportResult, void>(ARTICLE_REPORT_METHOD);

/** What the server hands the request: its open documents and the lint outcome of a version (shared with diagnostics). */
export interface ReportSources {
  document(uri: string): TextDocument | undefined;
  outcome(doc: TextDocument, isCancelled: () => boolean): Promise<Outcome | { readonly kind: 'skipped'; readonly reason: NotCheckedReason }>;
  /** The blocks the lint laid this text out into, where it kept them (DocumentLinter.layoutOf). */
  layout?(uri: string, text: DraftText): readonly Block[] | undefined;
}

/**
 * One report per lint result: the status bar and the panel ask for the same version, and a lint
 * result stands for exactly one version's text and settings (about 0.3 s a megabyte saved).
 */
const reports = new WeakMap<object, ArticleReport>();

export async function answerArticleReport(params: ArticleReportParams, sources: ReportSources, isCancelled: () => boolean): Promise<ArticleReportResult> {
  const { uri, version } = params.textDocument;
  const doc = sources.document(uri);
  if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `Copydesk: ${uri} is not open; open the draft to see its report.`);
  const stale = (): ResponseError<void> =>
    new ResponseError(LSPErrorCodes.ContentModified, `Copydesk: the report was asked for version ${version} of ${titleOf(uri)}, but the draft is now at version ${doc.version}; ask again for the current version.`);
  if (doc.version !== version) throw stale();
  const outcome = await sources.outcome(doc, isCancelled);
  // The document object is updated in place: past each such check it holds the version asked for.
  if (doc.version !== version) throw stale();
  const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'Copydesk: the report was cancelled.');
  if (outcome.kind === 'cancelled') throw cancelled();
  if (outcome.kind === 'skipped') return { kind: 'notChecked', uri, version, reason: outcome.reason };
  let report = reports.get(outcome.result);
  if (!report) {
    const steps = reportSteps(doc, outcome.result.list, sources);
    let since = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        report = step.value;
        break;
      }
      if (performance.now() - since < PAUSE_EVERY_MS) continue;
      await yieldNow();
      since = performance.now();
      // A keystroke meanwhile makes these figures another version's; nothing below awaits.
      if (doc.version !== version) throw stale();
      if (isCancelled()) throw cancelled();
    }
    reports.set(outcome.result, report);
  }
  const title = titleOf(uri);
  return {
    kind: 'report',
    uri,
    version,
    title,
    report: toWire(doc, report, params.detail ?? 'full'),
    ...(params.markdown ? { markdown: reportMarkdown(report, title) } : {}),
  };
}

function toWire(doc: TextDocument, report: ArticleReport, detail: 'summary' | 'full'): WireReport {
  const { map, sentences, ...rest } = report;
  const { longest, ...sentenceCounts } = sentences;
  return {
    ...rest,
    sentences: { ...sentenceCounts, ...(longest ? { longest: { number: longest.number, words: longest.words, line: longest.line, range: toRange(doc, longest.span) } } : {}) },
    ...(detail === 'full' ? { map: map.map(({ span, ...p }) => ({ ...p, range: toRange(doc, span) })) } : {}),
  };
}

/**
 * The server's own document (DraftDocument) gives its line starts, and the lint its layout, so a
 * long draft is neither scanned for lines nor laid out again (nor joined into one string) for the
 * status bar, which asks after every pause in typing.
 */
function reportSteps(doc: TextDocument, findings: FindingList, sources: ReportSources): Generator<void, ArticleReport> {
  const format = formatFor(doc.languageId);
  if (!(doc instanceof DraftDocument)) return articleReportSteps(doc.getText(), format, findings);
  const blocks = sources.layout?.(doc.uri, doc.text);
  return articleReportSteps(doc.text, format, findings, { lineStarts: doc.lineStarts, ...(blocks ? { blocks } : {}) });
}

/** Control goes back to the connection about this often while a first report computes its figures. */
const PAUSE_EVERY_MS = 20;

/** The draft's file name, as a writer knows it ("Untitled-1" for a new one). */
export function titleOf(uri: string): string {
  const last = uri.replace(/[?#].*$/u, '').replace(/^[a-z][\w+.-]*:(?:\/\/[^/]*)?/iu, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last;
  }
}
