/**
 * @file Compiles word lists into one token trie and finds their terms in a text: one pass over the
 * words, longest phrase first ("traumatic shifts" is one match, not two), case-insensitive, with
 * hyphens, spaces and line breaks between words treated alike ("so-called", "so called").
 */
import { formsOf, type Pos, type Transform } from './inflect';
import { blockSegments } from './segments';
import type { SourceTextView, Span } from './types';

export interface LexiconTerm {
  readonly term: string;
  readonly pos: Pos;
  readonly forms?: readonly string[];
  readonly notAfter?: readonly string[];
  readonly notBefore?: readonly string[];
}

interface Node<T> {
  readonly next: Map<string, Node<T>>;
  terminal?: { readonly entry: T; readonly transform: Transform };
}

export interface TermMatch<T> {
  readonly span: Span;
  readonly entry: T;
  readonly transform: Transform;
}

export class TermMatcher<T extends LexiconTerm> {
  private readonly root: Node<T> = { next: new Map() };

  constructor(entries: Iterable<T>) {
    for (const entry of entries) {
      for (const { form, transform } of formsOf(entry.term, entry.pos)) this.add(form, entry, transform);
      for (const form of entry.forms ?? []) this.add(form, entry, entry.pos === 'verb' ? 'ed' : 'base');
    }
  }

  private add(form: string, entry: T, transform: Transform): void {
    let node = this.root;
    for (const token of splitTerm(form)) {
      let child = node.next.get(token);
      if (!child) node.next.set(token, (child = { next: new Map() }));
      node = child;
    }
    // The first entry to claim a form keeps it, so a word list's own order settles clashes.
    node.terminal ??= { entry, transform };
  }

  /** Non-overlapping matches in text order, each the longest term starting at its word. */
  *matches(tokens: readonly Token[], prose: string): Iterable<TermMatch<T>> {
    for (let i = 0; i < tokens.length; ) {
      let node: Node<T> | undefined = this.root;
      let best: { end: number; terminal: NonNullable<Node<T>['terminal']> } | undefined;
      for (let j = i; j < tokens.length && node; j++) {
        // The trie first: most words continue no phrase, and then what lies between is not read.
        const next: Node<T> | undefined = node.next.get(tokens[j]!.key);
        if (!next || (j > i && !joined(prose, tokens[j - 1]!, tokens[j]!))) break;
        node = next;
        if (node.terminal) best = { end: j, terminal: node.terminal };
      }
      if (best && !neutralInContext(best.terminal.entry, tokens, i, best.end, prose)) {
        yield { span: { start: tokens[i]!.start, end: tokens[best.end]!.end }, entry: best.terminal.entry, transform: best.terminal.transform };
        i = best.end + 1;
      } else i++;
    }
  }
}

/**
 * A word or a hyphen-separated part of one (its offsets in the view), with its lookup key. Flat,
 * not a span object inside: a view's tokens live through all of its stretch's rules, and the
 * young-generation collections copied two objects per word of the draft for them.
 */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly block: number;
}

/** The text's words split at hyphens, keyed in lower case with straight apostrophes (once per view: several rules match lexicons). */
export function tokensOf(view: SourceTextView): Token[] {
  let tokens = tokenMemo.get(view);
  if (tokens) return tokens;
  tokens = [];
  // Read from each block's word offsets (core/segments.ts) rather than view.words, whose objects
  // (a span and a string per word) a long draft's first look would make only for this.
  const { blocks } = view;
  for (let block = 0; block < blocks.length; block++) {
    const { text, span } = blocks[block]!;
    const pairs = blockSegments(text).words;
    const keys = keyText(text);
    for (let i = 0; i < pairs.length; i += 2) {
      const start = span.start + pairs[i]!;
      // A word's key cut from its block's keyed text: one string per word, not a slice and its lower case.
      const key = keys === undefined ? undefined : keys.slice(pairs[i]!, pairs[i + 1]!);
      if (key !== undefined && key.indexOf('-') < 0) {
        tokens.push({ start, end: start + key.length, key, block });
        continue;
      }
      const word = text.slice(pairs[i]!, pairs[i + 1]!);
      if (word.indexOf('-') < 0) {
        tokens.push({ start, end: start + word.length, key: keyOf(word), block });
        continue;
      }
      let offset = start;
      for (const part of word.split(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/u)) {
        if (part) tokens.push({ start: offset, end: offset + part.length, key: keyOf(part), block });
        offset += part.length + 1;
      }
    }
  }
  tokenMemo.set(view, tokens);
  return tokens;
}

const tokenMemo = new WeakMap<SourceTextView, Token[]>();

function keyOf(word: string): string {
  const lower = word.toLowerCase();
  return lower.indexOf('’') < 0 ? lower : lower.replace(/’/g, "'");
}

/**
 * A block keyed whole (keyOf of all of it), where each word's key is then the same stretch of it:
 * undefined when lower-casing the whole is not lower-casing each word in place. Only "İ" grows
 * (to "i̇", moving every offset after it) and only "Σ" depends on what follows it (a final "ς").
 */
export function keyText(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (lower.length !== text.length || text.indexOf('Σ') >= 0) return undefined;
  return lower.indexOf('’') < 0 ? lower : lower.replace(/’/g, "'");
}

function splitTerm(term: string): string[] {
  // Most forms are lower-case words between single spaces, already keys: split as they are (the
  // tries of a first look are built from some 10,000 forms, before the JIT has compiled this).
  if (PLAIN_TERM.test(term)) return term.split(' ');
  return term.split(/[\s-]+/).filter(Boolean).map(keyOf);
}

const PLAIN_TERM = /^[a-z']+(?: [a-z']+)*$/;

/** Two words belong to one phrase when only spaces, line breaks or a hyphen stand between them. */
function joined(prose: string, a: Token, b: Token): boolean {
  return a.block === b.block && /^[\s\-\u00ad\u2010\u2011]*$/u.test(prose.slice(a.end, b.start));
}

function neutralInContext(entry: LexiconTerm, tokens: readonly Token[], first: number, last: number, prose: string): boolean {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  if (entry.notAfter && before && joined(prose, before, tokens[first]!) && entry.notAfter.includes(before.key)) return true;
  return Boolean(entry.notBefore && after && joined(prose, tokens[last]!, after) && entry.notBefore.includes(after.key));
}
