/**
 * @file Lints open documents for the server: one result per document version and settings, reused
 * by diagnostics and code actions alike, and abandoned as soon as a newer version arrives. A lint
 * that throws (the engine, not one rule: rules are isolated inside it) is an outcome like any
 * other, never a rejected promise: the draft gets no findings rather than an error per request.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { BlockCache, DraftHistory, formatFor, lintTextInSteps, type LintResult } from '../api';
import type { DraftText } from '../core/draftText';
import type { Block } from '../core/types';
import type { KnownVersion } from '../core/lines';
import type { IndexedParagraph } from '../core/paragraphDigest';
import { DraftDocument } from './draftDocument';
import type { IndexLookup, MatchOptions, ParagraphLookup, ParagraphMatch } from '../core/paragraphIndex';
import type { DocumentSettings } from './settings';
import { yieldNow } from './yieldNow';

export type Outcome =
  | { readonly kind: 'linted'; readonly result: LintResult }
  | { readonly kind: 'skipped'; readonly reason: 'disabled' | 'language' | 'too-large' | 'failed' }
  | { readonly kind: 'cancelled' };

interface Entry {
  readonly version: number;
  readonly settings: DocumentSettings;
  readonly outcome: Promise<Outcome>;
  /** What the lint asked of the other drafts; undefined when it had none to ask. */
  readonly reads: RecordedLookup | undefined;
}

/**
 * The workspace index as one lint saw it: it keeps the questions and a fingerprint of the answers,
 * so after the index changes the server can tell whether this draft's findings would change, and
 * re-lint only the drafts whose answers did (not every open draft on every change elsewhere).
 */
export class RecordedLookup implements ParagraphLookup {
  private readonly asked: { paragraphs: readonly IndexedParagraph[]; options: MatchOptions; answer: string[] }[] = [];
  /** Whether the lint found no other draft indexed (and so asked nothing). */
  private foundNone = false;
  /** The index's version the answers hold for. */
  private since = 0;

  constructor(private readonly lookup: IndexLookup) {}

  hasOthers(): boolean {
    const others = this.lookup.hasOthers?.() ?? true;
    if (!others && !this.foundNone) (this.foundNone = true), (this.since = this.lookup.version());
    return others;
  }

  matches(paragraphs: readonly IndexedParagraph[], options: MatchOptions): readonly (readonly ParagraphMatch[])[] {
    if (!this.asked.length) this.since = this.lookup.version();
    const answer = this.lookup.matches(paragraphs, options);
    this.asked.push({ paragraphs, options, answer: answer.map(fingerprint) });
    return answer;
  }

  /**
   * Whether `now` answers any of the same questions differently. Free when no other draft changed
   * (the draft's own edits change the index too); otherwise the questions are asked again, a slice
   * of paragraphs at a time with `pause` between slices, so a book-length draft does not hold the
   * server up for the length of its paragraphs.
   */
  /** The draft's paragraphs as the check asked about them (its indexable paragraphs), if it asked. */
  get paragraphs(): readonly IndexedParagraph[] | undefined {
    return this.asked[0]?.paragraphs;
  }

  async changed(now: IndexLookup, pause: () => Promise<void>): Promise<boolean> {
    // Another draft came into an index that had none: what was never compared may match now.
    if (this.foundNone && now.othersChangedSince(this.since)) return true;
    if (!this.asked.length || !now.othersChangedSince(this.since)) return false;
    const version = now.version();
    for (const q of this.asked) {
      for (let from = 0; from < q.paragraphs.length; from += SLICE) {
        if (from) await pause();
        const answer = now.matches(q.paragraphs.slice(from, from + SLICE), q.options);
        if (answer.some((ms, i) => fingerprint(ms) !== q.answer[from + i])) return true;
      }
    }
    this.since = version;
    return false;
  }
}

/** Paragraphs asked again between pauses: a few milliseconds of work. */
const SLICE = 200;

function fingerprint(matches: readonly ParagraphMatch[]): string {
  return matches.map((m) => `${m.document}|${m.name}|${m.span.start}|${m.span.end}|${m.line}|${m.similarity}`).join(',');
}

export class DocumentLinter {
  private readonly entries = new Map<string, Entry>();
  /** Shared by every open draft: a keystroke re-checks one paragraph, not the whole draft. */
  readonly blockCache = new BlockCache();
  /** Per open draft: its last complete lint, so an edit re-reads only the blocks it touched. */
  private readonly histories = new Map<string, DraftHistory>();
  /**
   * Per open draft: the texts of the last two versions given to the engine, which its history
   * holds anyway, so that the engine can be told what changed since them without comparing texts.
   */
  private readonly given = new Map<string, { version: number; text: DraftText }[]>();

  constructor(
    private readonly currentVersion: (uri: string) => number | undefined,
    private readonly onCheckError: (checkId: string, error: unknown) => void,
    /** The other drafts a draft is compared with (reused-paragraph), where there are any. */
    private readonly workspaceFor: (uri: string) => IndexLookup | undefined = () => undefined,
    private readonly onEngineError: (uri: string, error: unknown) => void = () => {},
  ) {}

  /** The outcome for this exact version; a run is shared by everyone asking for the same version. */
  lint(doc: TextDocument, settings: DocumentSettings, isCancelled: () => boolean = () => false): Promise<Outcome> {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settings === settings) return cached.outcome;
    const lookup = this.workspaceFor(doc.uri);
    const reads = lookup ? new RecordedLookup(lookup) : undefined;
    const outcome = this.run(doc, settings, isCancelled, reads).catch((error: unknown): Outcome => {
      this.onEngineError(doc.uri, error);
      return { kind: 'skipped', reason: 'failed' };
    });
    const entry: Entry = { version: doc.version, settings, outcome, reads };
    this.entries.set(doc.uri, entry);
    // A cancelled run must not be served to the next caller.
    void outcome.then((o) => o.kind === 'cancelled' && this.entries.get(doc.uri) === entry && this.entries.delete(doc.uri));
    return outcome;
  }

  forget(uri?: string): void {
    if (uri) {
      this.entries.delete(uri);
      this.histories.delete(uri);
      this.given.delete(uri);
    } else {
      this.entries.clear();
      this.histories.clear();
      this.given.clear();
    }
  }

  /**
   * The indexable paragraphs of this version of the draft, as reused-paragraph saw them when it was
   * linted: the workspace index takes them for the draft's live text instead of segmenting it again.
   */
  async paragraphsOf(uri: string, version: number): Promise<readonly IndexedParagraph[] | undefined> {
    const entry = this.entries.get(uri);
    if (!entry?.reads || entry.version !== version) return undefined;
    await entry.outcome;
    return entry.reads.paragraphs;
  }

  /**
   * After the workspace index changed: forgets, and returns, the drafts whose results it would
   * change. A lint still running counts too: what it asked already was answered by the old index.
   */
  async forgetStale(pause: () => Promise<void> = async () => {}): Promise<string[]> {
    const stale: string[] = [];
    for (const [uri, entry] of [...this.entries]) {
      const now = this.workspaceFor(uri);
      const changed = entry.reads && now ? await entry.reads.changed(now, pause) : Boolean(entry.reads) !== Boolean(now);
      // An entry replaced meanwhile (a newer version) asked the index afresh.
      if (changed && this.entries.get(uri) === entry) {
        this.entries.delete(uri);
        stale.push(uri);
      }
    }
    return stale;
  }

  /**
   * The blocks the last lint laid `text` out into, if that lint was of this very text (a version's
   * text is one object) and plain text without directives, whose layout the history keeps.
   */
  layoutOf(uri: string, text: DraftText): readonly Block[] | undefined {
    const plain = this.histories.get(uri)?.plain;
    return plain?.text === text ? plain.blocks.all() : undefined;
  }

  /** The document's line starts and what changed since the versions last given to the engine. */
  private knownOf(doc: DraftDocument, text: DraftText): KnownVersion {
    const given = this.given.get(doc.uri) ?? [];
    this.given.set(doc.uri, [{ version: doc.version, text }, ...given.filter((g) => g.version !== doc.version)].slice(0, 2));
    // Now, not when asked: the document changes in place with the next edit.
    const changes = given.map((g) => ({ text: g.text, change: doc.changeSince(g.version) }));
    return { lineStarts: doc.lineStarts, changeSince: (earlier) => changes.find((c) => c.text === earlier)?.change };
  }

  private historyOf(uri: string): DraftHistory {
    let history = this.histories.get(uri);
    if (!history) this.histories.set(uri, (history = new DraftHistory()));
    return history;
  }

  private async run(doc: TextDocument, settings: DocumentSettings, isCancelled: () => boolean, workspace: ParagraphLookup | undefined): Promise<Outcome> {
    if (!settings.enable) return { kind: 'skipped', reason: 'disabled' };
    if (!settings.languages.includes(doc.languageId)) return { kind: 'skipped', reason: 'language' };
    // An open document's text as it keeps it: an edit is checked without putting the draft together.
    const text = doc instanceof DraftDocument ? doc.text : doc.getText();
    if (text.length > settings.maxDocumentSize) return { kind: 'skipped', reason: 'too-large' };
    const stale = (): boolean => isCancelled() || this.currentVersion(doc.uri) !== doc.version;
    const result = await lintTextInSteps(text, formatFor(doc.languageId), settings, {
      pause: yieldNow,
      isCancelled: stale,
      onCheckError: this.onCheckError,
      blockCache: this.blockCache,
      history: this.historyOf(doc.uri),
      ...(doc instanceof DraftDocument ? { known: this.knownOf(doc, text) } : {}),
      ...(workspace ? { workspace } : {}),
    });
    if (!result) return { kind: 'cancelled' };
    // Complete: the history now starts from this version, and an older text kept here would be a second copy of the draft.
    const given = this.given.get(doc.uri);
    if (given && given[0]?.text === text) given.length = 1;
    return { kind: 'linted', result };
  }
}
