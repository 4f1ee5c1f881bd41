/**
 * @file Asks the server for the article report of the version of a draft the editor has now. A
 * refusal because the draft moved on is not an error: the change that moved it schedules another ask.
 */
import type * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type BaseLanguageClient } from 'vscode-languageclient';
import { ARTICLE_REPORT_METHOD, type ArticleReportParams, type ArticleReportResult } from './protocol';

export type GetClient = () => BaseLanguageClient | undefined;

/** The report, or undefined when the server is not running or the draft changed meanwhile. */
export async function fetchReport(getClient: GetClient, doc: vscode.TextDocument, options: Omit<ArticleReportParams, 'textDocument'> = {}): Promise<ArticleReportResult | undefined> {
  const client = getClient();
  if (!client?.isRunning()) return undefined;
  const params: ArticleReportParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri), version: doc.version }, ...options };
  try {
    return await client.sendRequest<ArticleReportResult>(ARTICLE_REPORT_METHOD, params);
  } catch (error) {
    if (error instanceof ResponseError && (error.code === LSPErrorCodes.ContentModified || error.code === LSPErrorCodes.RequestCancelled)) return undefined;
    throw error;
  }
}

/** For one-off commands (export): ask again while the draft keeps moving, a few times. */
export async function fetchCurrentReport(getClient: GetClient, doc: vscode.TextDocument, options: Omit<ArticleReportParams, 'textDocument'>): Promise<ArticleReportResult | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await fetchReport(getClient, doc, options);
    if (result) return result;
    if (!getClient()?.isRunning()) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}
