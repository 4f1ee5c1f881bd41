/**
 * @file The engine's vocabulary: spans, checks, reports and findings. Everything here speaks UTF-16
 * offsets into the document text; only the LSP layer turns them into line/character positions.
 */
import type { BlockList } from './blockList';
import type { DraftText } from './draftText';
import type { ParagraphLookup } from './paragraphIndex';

/** UTF-16 code-unit index into the document text (= JS string index = LSP's default encoding). */
export type Offset = number;
/** Half-open range [start, end) of offsets. */
export interface Span {
  readonly start: Offset;
  readonly end: Offset;
}
/** Replace `span` with `newText`; an insertion has start === end, a deletion has newText ''. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * The tags of a report that lets editors fade its text, one array for every such report: a
 * document-scope rule's findings are made again on every keystroke, and an array each lived until
 * the next. Not frozen: a frozen array's map differs from an array literal's, which the code that
 * reads tags would then meet as a second kind.
 */
export const UNNECESSARY: readonly 'unnecessary'[] = ['unnecessary'];
export type CheckCategory = 'accuracy' | 'attribution' | 'balance' | 'clarity' | 'structure' | 'style';

/** A repair; its title is a message id so every user-facing string lives in meta.messages. */
export interface FixReport<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string>>;
  readonly edits: readonly TextEdit[];
}

/** What a check yields. The engine validates it and turns it into a Finding. */
export interface Report<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string>>;
  readonly span: Span;
  /** Meaning-preserving repair: the preferred quick fix and part of "fix all". Needs meta.fixable. */
  readonly fix?: FixReport<M>;
  /** Alternatives a person chooses between: quick fixes only, never applied in bulk. */
  readonly suggestions?: readonly FixReport<M>[];
  /** Other places that explain the finding, e.g. the first copy of a repeated paragraph. */
  readonly related?: readonly { readonly span: Span; readonly messageId: M; readonly data?: Readonly<Record<string, string>>; readonly document?: string }[];
  /** 'unnecessary' lets editors fade the text (a repeated paragraph). */
  readonly tags?: readonly 'unnecessary'[];
  readonly actual?: string;
  readonly expected?: readonly string[];
  /** Caps this finding's severity below the rule's (a quoted word reported only as a hint). */
  readonly maxSeverity?: Severity;
  /** Longer explanation for hover and the CLI's JSON: why it matters and what to do. */
  readonly note?: string;
}

export interface CheckMeta<M extends string, O extends object> {
  /** kebab-case; = file name = test name = docs page = settings key = Diagnostic.code. Never renamed. */
  readonly id: string;
  readonly category: CheckCategory;
  /** One imperative sentence, shown in the settings UI. */
  readonly description: string;
  readonly docsUrl: string;
  readonly defaultSeverity: Severity;
  readonly enabledByDefault: boolean;
  /** Whether reports may carry `fix`; the engine rejects a fix from a check that is not fixable. */
  readonly fixable: boolean;
  /** 'paragraph': findings depend on one block only (cacheable); 'document': needs the whole text. */
  readonly scope: 'paragraph' | 'document';
  /** Templates with {{name}} placeholders. */
  readonly messages: Readonly<Record<M, string>>;
  readonly defaultOptions: Readonly<O>;
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'blockquote' | 'table-row';

/** A piece of the document with its prose text (markup, code and comments blanked to spaces). */
export interface Segment {
  readonly span: Span;
  readonly text: string;
}
export interface Block extends Segment {
  readonly kind: BlockKind;
  /** The whole construct, markup included (a Markdown heading's "#" and underline, a list marker). */
  readonly outer: Span;
  /** 1-based line of the block's first character, for messages that point at "the paragraph at line 7". */
  readonly line: number;
}
export interface Sentence extends Segment {
  /** Index into `blocks` of the block holding this sentence (sentences never cross blocks). */
  readonly block: number;
}

/** The shared segmentation every check reads. */
export interface SourceTextView {
  /** The document as the writer has it. */
  readonly text: string;
  /** Same length as `text`, with everything that is not prose (code, markup, comments) as spaces. */
  readonly prose: string;
  /** Every block, placed on the first read: what runs on every keystroke reads `layout` (blockAt) instead. */
  readonly blocks: readonly Block[];
  /**
   * The same blocks one at a time: after an edit of a long plain draft, those after it are placed
   * in draft offsets only when read (see blockList.ts).
   */
  readonly layout: BlockList;
  readonly sentences: readonly Sentence[];
  readonly words: readonly Segment[];
  /** Direct quotations, quote marks included. */
  readonly quotes: readonly Segment[];
  /** Offsets at which each line starts (line i, 0-based, starts at lineStarts[i]). */
  readonly lineStarts: readonly Offset[];
  /**
   * `text` and `prose` as the caller keeps them. The server keeps a long open draft in pieces, and
   * the first read of `text` or `prose` puts it together (8 MB for a 4 MB draft); a document-scope
   * rule runs on every keystroke, so it reads the few characters it needs from here instead.
   */
  readonly source: { readonly text: DraftText; readonly prose: DraftText };
}

export interface CheckInput<O extends object> {
  readonly text: SourceTextView;
  readonly options: Readonly<O>;
  /**
   * The other drafts of the workspace, when the caller has them (the language server does; the CLI
   * on one file and the tests do not). Only document-scope checks get it: a paragraph-scope check's
   * findings are cached by paragraph text, which other drafts must not change.
   */
  readonly workspace?: ParagraphLookup;
}

export interface Check<M extends string = string, O extends object = object> {
  readonly meta: CheckMeta<M, O>;
  /** Pure: the same input gives the same reports. */
  run(input: CheckInput<O>): Iterable<Report<M>>;
  /** Problems with configured options, told to the writer once; run() must cope with the options anyway. */
  validate?(options: Readonly<O>): readonly string[];
}

/** A fix after the engine merged its edits into one (ESLint's mergeFixes). */
export interface Fix {
  readonly title: string;
  readonly edit: TextEdit;
}

/** The engine's output; the LSP layer and the CLI render it. */
export interface Finding {
  readonly checkId: string;
  readonly messageId: string;
  readonly message: string;
  readonly span: Span;
  readonly severity: Severity;
  readonly fix?: Fix;
  readonly suggestions: readonly Fix[];
  readonly related: readonly RelatedLocation[];
  readonly tags: readonly 'unnecessary'[];
  readonly actual?: string;
  readonly expected?: readonly string[];
  readonly note?: string;
}

/** A place that explains a finding: in the same draft, or with `document`, in another one. */
export interface RelatedLocation {
  /** Offsets into the draft, or into the other draft's text when `document` is set. */
  readonly span: Span;
  readonly message: string;
  /** The other draft's id, as the workspace index names it (the language server: its URI). */
  readonly document?: string;
}

/** How one check is configured for a document: off, or on at a severity with options. */
export type CheckSetting = { readonly enabled: false } | { readonly enabled: true; readonly severity: Severity; readonly options: object };
