/**
 * @file Lints open documents for the server: one result per document version and settings, reused
 * by diagnostics and code actions alike, and abandoned as soon as a newer version arrives. A lint
 * that throws (the engine, not one rule: rules are isolated inside it) is an outcome like any
 * other, never a rejected promise: the draft gets no findings rather than an error per request.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { BlockCache, formatFor, lintTextInSteps, type LintResult } from '../api';
import type { DocumentSettings } from './settings';

export type Outcome =
  | { readonly kind: 'linted'; readonly result: LintResult }
  | { readonly kind: 'skipped'; readonly reason: 'disabled' | 'language' | 'too-large' | 'failed' }
  | { readonly kind: 'cancelled' };

interface Entry {
  readonly version: number;
  readonly settings: DocumentSettings;
  readonly outcome: Promise<Outcome>;
}

export class DocumentLinter {
  private readonly entries = new Map<string, Entry>();
  /** Shared by every open draft: a keystroke re-checks one paragraph, not the whole draft. */
  readonly blockCache = new BlockCache();

  constructor(
    private readonly currentVersion: (uri: string) => number | undefined,
    private readonly onCheckError: (checkId: string, error: unknown) => void,
    private readonly onEngineError: (uri: string, error: unknown) => void = () => {},
  ) {}

  /** The outcome for this exact version; a run is shared by everyone asking for the same version. */
  lint(doc: TextDocument, settings: DocumentSettings, isCancelled: () => boolean = () => false): Promise<Outcome> {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settings === settings) return cached.outcome;
    const outcome = this.run(doc, settings, isCancelled).catch((error: unknown): Outcome => {
      this.onEngineError(doc.uri, error);
      return { kind: 'skipped', reason: 'failed' };
    });
    const entry = { version: doc.version, settings, outcome };
    this.entries.set(doc.uri, entry);
    // A cancelled run must not be served to the next caller.
    void outcome.then((o) => o.kind === 'cancelled' && this.entries.get(doc.uri) === entry && this.entries.delete(doc.uri));
    return outcome;
  }

  forget(uri?: string): void {
    if (uri) this.entries.delete(uri);
    else this.entries.clear();
  }

  private async run(doc: TextDocument, settings: DocumentSettings, isCancelled: () => boolean): Promise<Outcome> {
    if (!settings.enable) return { kind: 'skipped', reason: 'disabled' };
    if (!settings.languages.includes(doc.languageId)) return { kind: 'skipped', reason: 'language' };
    const text = doc.getText();
    if (text.length > settings.maxDocumentSize) return { kind: 'skipped', reason: 'too-large' };
    const stale = (): boolean => isCancelled() || this.currentVersion(doc.uri) !== doc.version;
    const result = await lintTextInSteps(text, formatFor(doc.languageId), settings, {
      pause: () => new Promise((resolve) => setImmediate(resolve)),
      isCancelled: stale,
      onCheckError: this.onCheckError,
      blockCache: this.blockCache,
    });
    return result ? { kind: 'linted', result } : { kind: 'cancelled' };
  }
}
