/**
 * @file The server's half of "Copydesk: Check all drafts in workspace": which files are drafts
 * (`copydesk/workspaceDrafts`), then their diagnostics a batch at a time (`copydesk/checkDrafts`),
 * each file linted as it would be open in the editor (its settings, its .copydesk.json, the other
 * drafts). The client asks batch by batch, so it shows progress and stops between batches; the
 * server also stops between files when a request is cancelled.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RequestType, type Diagnostic } from 'vscode-languageserver';
import { lintTextInSteps } from '../api';
import { formatFor } from '../core/text';
import { toDiagnostic, type DiagnosticFeatures, type OtherDrafts } from './convert';
import type { Files } from '../files/access';
import type { EffectiveSettings, ProjectSettings } from './project';
import type { WorkspaceDrafts } from './workspaceDrafts';
import { languageOf } from './workspaceSettings';
import { yieldNow } from './yieldNow';

export interface WorkspaceDraftsResult {
  /** Every draft, in folder and path order. */
  readonly uris: readonly string[];
  /** More drafts than copydesk.workspace.maxFiles: only the first are listed. */
  readonly capped: boolean;
}
export const workspaceDraftsRequest = new RequestType<Record<string, never>, WorkspaceDraftsResult, void>('copydesk/workspaceDrafts');

export interface CheckDraftsParams {
  readonly uris: readonly string[];
}
export interface CheckDraftsResult {
  /** One entry per draft checked, in order; a draft not checked (ignored, not a checked language, unreadable) has no diagnostics. */
  readonly drafts: readonly { readonly uri: string; readonly diagnostics: readonly Diagnostic[] }[];
}
export const checkDraftsRequest = new RequestType<CheckDraftsParams, CheckDraftsResult, void>('copydesk/checkDrafts');

export interface CheckHost {
  readonly workspace: WorkspaceDrafts;
  readonly project: ProjectSettings;
  readonly files: Pick<Files, 'read'>;
  openText(uri: string): string | undefined;
  settingsFor(uri: string): Promise<EffectiveSettings>;
  /** Settings were fetched for a draft that is not open: they need not be kept. */
  done(uri: string): void;
  readonly features: DiagnosticFeatures;
  readonly others: OtherDrafts;
  onCheckError(checkId: string, error: unknown): void;
}

export async function checkDrafts(params: CheckDraftsParams, host: CheckHost, isCancelled: () => boolean): Promise<CheckDraftsResult> {
  // Reused paragraphs need the other drafts: a check right after start-up waits for them.
  await host.workspace.ready(isCancelled);
  const drafts: { uri: string; diagnostics: readonly Diagnostic[] }[] = [];
  for (const uri of params.uris) {
    if (isCancelled()) break;
    const diagnostics = await checkOne(uri, host, isCancelled);
    if (diagnostics === undefined) break;
    drafts.push({ uri, diagnostics });
  }
  return { drafts };
}

/** A draft's diagnostics; undefined when cancelled part way. */
async function checkOne(uri: string, host: CheckHost, isCancelled: () => boolean): Promise<readonly Diagnostic[] | undefined> {
  const file = host.project.pathOf(uri);
  if (!file) return [];
  const open = host.openText(uri);
  const text = open ?? (await host.files.read(file));
  if (text === undefined || text.includes('\u0000')) return [];
  const settings = await host.settingsFor(uri);
  if (open === undefined) host.done(uri);
  const language = languageOf(file);
  if (settings.ignored || !settings.enable || !settings.languages.includes(language) || text.length > settings.maxDocumentSize) return [];
  const workspace = host.workspace.lookupFor(uri);
  const result = await lintTextInSteps(text, formatFor(file), settings, {
    pause: yieldNow,
    isCancelled,
    onCheckError: host.onCheckError,
    ...(workspace ? { workspace } : {}),
  });
  if (!result) return undefined;
  const doc = TextDocument.create(uri, language, 0, text);
  return result.findings.map((f) => toDiagnostic(doc, f, host.features, host.others));
}
