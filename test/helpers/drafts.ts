/**
 * @file Random drafts and random editing sessions for property tests (fast-check): paragraphs made
 * of sentences that trip most rules (loaded words, unsourced claims, numbers, times, repeated
 * words, stray spaces, quotations), and edits as a writer makes them and as an editor sends them
 * through incremental sync: typing, deleting, splitting and merging paragraphs, pasting a copy of a
 * paragraph, typing inside a quotation, several changes in one notification.
 */
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, type Finding, type LintSettings } from '../../server/src/api';
import type { TextFormat } from '../../server/src/core/text';
import { DEFAULT_SETTINGS, type DocumentSettings } from '../../server/src/lsp/settings';

/** Every rule on, the two that are off by default included. */
export const ALL_RULES: DocumentSettings = { ...DEFAULT_SETTINGS, rules: { 'ap-style/over': 'hint', 'write-good/e-prime': 'hint' } };

/**
 * A lint that can reuse nothing this draft left behind: an empty draft first, so echo's kept answer
 * and the near-duplicate index hold no paragraph of it (the memos of pure per-paragraph work stay).
 */
export function fromScratch(text: string, format: TextFormat, settings: LintSettings): readonly Finding[] {
  lintText('', format, settings);
  return lintText(text, format, settings).findings;
}

/** Everything a finding carries, for comparing two lints. */
export const describeFinding = (f: Finding): string =>
  JSON.stringify([f.checkId, f.messageId, f.message, f.span, f.severity, f.fix ?? null, f.suggestions, f.related, f.tags, f.actual ?? null, f.expected ?? null]);

const SENTENCES = [
  'The council voted on Tuesday to raise the harbour levy.',
  'The mayor slammed the draconian plan, critics argue.',
  '"It is reckless," said Ada Penrose, who chairs the ferry board.',
  'Residents are eager to see the new quay finished by 10 AM on Jan. 5th.',
  'The plan will likely fail because of the the budget gap.',
  'So the board met again , and twenty members voted against it.',
  'Over 300 people attended the  meeting at the town hall.',
  'The so-called reform was stated to cost 5% of the budget.',
  'There are many questions about the past history of the pier.',
  '“We are not done,” she said, amidst cheers.',
  'Officials said the road would reopen in March.',
  'The ferry 🚢 runs every hour, the operator said.',
  'Fishing crews have waited three years for the new quay.',
];
const WORDS = ['harbour', 'levy', 'slammed', 'very', 'the', 'said', '"quoted"', 'the the', 'so-called', '5%', 'ferry', '🚢', '  ', ',', 'draconian'];

export interface Draft {
  readonly text: string;
  readonly format: TextFormat;
  /** What separates paragraphs: '\n\n' or '\r\n\r\n'. */
  readonly blank: string;
}

const paragraph = fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const markdownPrefix = fc.constantFrom('', '', '', '# ', '- ', '> ');

/** A draft of a few paragraphs, some repeated, in plain text or Markdown, LF or CRLF. */
export const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    format: fc.constantFrom<TextFormat>('plaintext', 'markdown'),
    crlf: fc.boolean(),
    paragraphs: fc.array(fc.tuple(markdownPrefix, paragraph), { minLength: 1, maxLength: 7 }),
    copies: fc.array(fc.nat(), { maxLength: 2 }),
  })
  .map(({ format, crlf, paragraphs, copies }) => {
    const blank = crlf ? '\r\n\r\n' : '\n\n';
    const parts = paragraphs.map(([prefix, p]) => (format === 'markdown' ? prefix + p : p));
    for (const c of copies) parts.splice((c % (parts.length + 1)) + 0, 0, parts[c % parts.length]!);
    return { text: parts.join(blank) + (crlf ? '\r\n' : '\n'), format, blank };
  });

/** Bits that move offsets, columns and line breaks around and sit at paragraph edges oddly. */
export const NOISE = [' ', '  ', '\t', '\u200b', '\u00a0', '🚢', 'e\u0301', '中', 'ب', ',', '.', '"', '“', '”', "'", '’', '-', '—', 'the', 'slammed', 'So', 'said', '5', '10', 'AM', '%', '#', '>', '*', '[', ']', '(', ')', '1.', 'Jan.', 'over', 'twenty'];

/**
 * A rougher draft: rule-tripping sentences and strings of odd bits, separated by blank lines with
 * spaces before them, single line breaks, lone CRs: what sits at a paragraph's edges is what a
 * rule that reads past its paragraph gets wrong.
 */
export const roughDraftArb: fc.Arbitrary<Draft> = fc
  .record({
    format: fc.constantFrom<TextFormat>('plaintext', 'markdown'),
    parts: fc.array(
      fc.tuple(
        fc.oneof(paragraph, fc.array(fc.constantFrom(...NOISE), { minLength: 1, maxLength: 12 }).map((a) => a.join(' '))),
        fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\r', ' \n\n', '  \n\n', ' ', '\n\n\n'),
      ),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ format, parts }) => ({ text: parts.map(([p, sep]) => p + sep).join(''), format, blank: '\n\n' }));

/** One edit, in terms that make sense whatever the text is by then (positions are fractions). */
export type EditStep =
  | { readonly kind: 'type'; readonly at: number; readonly word: string; readonly keystrokes: boolean }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'split'; readonly at: number }
  | { readonly kind: 'merge'; readonly which: number }
  | { readonly kind: 'pasteCopy'; readonly which: number; readonly to: number }
  | { readonly kind: 'inQuote'; readonly which: number; readonly word: string }
  | { readonly kind: 'several'; readonly at: readonly number[]; readonly word: string };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
export const editArb: fc.Arbitrary<EditStep> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fraction, word: fc.constantFrom(...WORDS), keystrokes: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('split' as const), at: fraction }),
  fc.record({ kind: fc.constant('merge' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('pasteCopy' as const), which: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('inQuote' as const), which: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('several' as const), at: fc.array(fraction, { minLength: 2, maxLength: 3 }), word: fc.constantFrom(...WORDS) }),
);

/** A change on offsets of the text as it is when the change applies. */
export interface OffsetChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The notifications an editor sends for `step` on `text`: each inner array is one didChange (its
 * changes apply in order). Positions never fall inside a CRLF or a surrogate pair, where no editor
 * puts a cursor.
 */
export function notificationsFor(text: string, step: EditStep, blank: string): OffsetChange[][] {
  const at = (f: number, t = text): number => safeOffset(t, Math.floor(f * (t.length + 1)));
  switch (step.kind) {
    case 'type': {
      const where = at(step.at);
      const typed = `${step.word} `;
      if (!step.keystrokes) return [[{ start: where, end: where, text: typed }]];
      return [...typed].map((c, i) => [{ start: where + i, end: where + i, text: c }]);
    }
    case 'delete': {
      const start = at(step.at);
      return [[{ start, end: safeOffset(text, Math.min(text.length, start + step.length)), text: '' }]];
    }
    case 'split':
      return [[{ start: at(step.at), end: at(step.at), text: blank }]];
    case 'merge': {
      const seps = [...text.matchAll(/\r?\n\r?\n/g)];
      const m = seps[step.which % Math.max(1, seps.length)];
      return m ? [[{ start: m.index, end: m.index + m[0].length, text: ' ' }]] : [];
    }
    case 'pasteCopy': {
      const paragraphs = [...text.matchAll(/[^\r\n]+(?:\r?\n[^\r\n]+)*/g)];
      const source = paragraphs[step.which % Math.max(1, paragraphs.length)];
      const target = paragraphs[step.to % Math.max(1, paragraphs.length)];
      if (!source || !target) return [];
      const end = target.index + target[0].length;
      return [[{ start: end, end, text: blank + source[0] }]];
    }
    case 'inQuote': {
      const quotes = [...text.matchAll(/["“”]/g)];
      const q = quotes[step.which % Math.max(1, quotes.length)];
      if (!q) return [];
      return [[{ start: q.index + 1, end: q.index + 1, text: `${step.word} ` }]];
    }
    case 'several': {
      // One notification, several changes, each on the text the previous one left.
      let t = text;
      const changes: OffsetChange[] = [];
      for (const f of step.at) {
        const where = at(f, t);
        changes.push({ start: where, end: where, text: step.word });
        t = t.slice(0, where) + step.word + t.slice(where);
      }
      return [changes];
    }
  }
}

/** Moves an offset off the middle of a CRLF pair or a surrogate pair. */
function safeOffset(text: string, offset: number): number {
  let o = Math.max(0, Math.min(text.length, offset));
  if (o > 0 && o < text.length && text[o - 1] === '\r' && text[o] === '\n') o--;
  const c = text.charCodeAt(o);
  if (o > 0 && c >= 0xdc00 && c <= 0xdfff) o--;
  return o;
}

/** Applies changes to a plain string, as the reference for what the document must hold. */
export function applyChanges(text: string, changes: readonly OffsetChange[]): string {
  let t = text;
  for (const c of changes) t = t.slice(0, c.start) + c.text + t.slice(c.end);
  return t;
}

/** The LSP incremental changes for `changes`, positions computed on the text each applies to. */
export function toContentChanges(text: string, changes: readonly OffsetChange[]): TextDocumentContentChangeEvent[] {
  let t = text;
  return changes.map((c) => {
    const doc = TextDocument.create('file:///positions', 'plaintext', 0, t);
    const event = { range: { start: doc.positionAt(c.start), end: doc.positionAt(c.end) }, text: c.text };
    t = t.slice(0, c.start) + c.text + t.slice(c.end);
    return event;
  });
}
