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
  /**
   * Undefined at a leaf: most nodes end a term and continue none (4,908 of the 5,814 of the two
   * loaded-language tries), and an empty Map for each was most of building a trie on a first look.
   */
  next: Map<string, Node<T>> | undefined;
  terminal: { readonly entry: T; readonly transform: Transform } | undefined;
}

export interface TermMatch<T> {
  readonly span: Span;
  readonly entry: T;
  readonly transform: Transform;
}

export class TermMatcher<T extends LexiconTerm> {
  private readonly root: Node<T> = { next: undefined, terminal: undefined };

  constructor(entries: Iterable<T>) {
    for (const entry of entries) {
      for (const { form, transform } of formsOf(entry.term, entry.pos)) this.add(form, entry, transform);
      for (const form of entry.forms ?? []) this.add(form, entry, entry.pos === 'verb' ? 'ed' : 'base');
    }
  }

  private add(form: string, entry: T, transform: Transform): void {
    let node = this.root;
    for (const token of splitTerm(form)) {
      let child = node.next?.get(token);
      if (!child) (node.next ??= new Map()).set(token, (child = { next: undefined, terminal: undefined }));
      node = child;
    }
    // The first entry to claim a form keeps it, so a word list's own order settles clashes.
    node.terminal ??= { entry, transform };
  }

  /** Non-overlapping matches in text order, each the longest term starting at its word. */
  *matches(tokens: Tokens, prose: string): Iterable<TermMatch<T>> {
    const { keys, length } = tokens;
    for (let i = 0; i < length; ) {
      let node: Node<T> | undefined = this.root;
      let best: { end: number; terminal: NonNullable<Node<T>['terminal']> } | undefined;
      for (let j = i; j < length && node; j++) {
        // The trie first: most words continue no phrase, and then what lies between is not read.
        const next: Node<T> | undefined = node.next?.get(keys[j]!);
        if (!next || (j > i && !joined(prose, tokens, j - 1, j))) break;
        node = next;
        if (node.terminal) best = { end: j, terminal: node.terminal };
      }
      if (best && !neutralInContext(best.terminal.entry, tokens, i, best.end, prose)) {
        yield { span: { start: tokens.starts[i]!, end: tokens.ends[best.end]! }, entry: best.terminal.entry, transform: best.terminal.transform };
        i = best.end + 1;
      } else i++;
    }
  }
}

/**
 * A view's words, a word split at its hyphens ("so-called": "so", "called"), as columns: token k
 * is at [starts[k], ends[k]) of the view, in block blocks[k], looked up by keys[k]. Columns, not an
 * object per word: a view's tokens live through all of its stretch's rules, and the young-generation
 * collections copied every one of them (an object per word was 56 bytes; 11 MB of a 1 MB first look).
 */
export class Tokens {
  length = 0;
  starts: Int32Array;
  ends: Int32Array;
  blocks: Int32Array;
  readonly keys: string[];

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.blocks = new Int32Array(capacity);
    this.keys = new Array<string>(capacity);
  }

  push(start: number, end: number, key: string, block: number): void {
    const k = this.length++;
    if (k === this.starts.length) this.grow();
    this.starts[k] = start;
    this.ends[k] = end;
    this.blocks[k] = block;
    this.keys[k] = key;
  }

  private grow(): void {
    const size = this.starts.length * 2 + 16;
    for (const column of ['starts', 'ends', 'blocks'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[column]);
      this[column] = bigger;
    }
  }
}

/** The text's words split at hyphens, keyed in lower case with straight apostrophes (once per view: several rules match lexicons). */
export function tokensOf(view: SourceTextView): Tokens {
  let tokens = tokenMemo.get(view);
  if (tokens) return tokens;
  // Read from each block's word offsets (core/segments.ts) rather than view.words, whose objects
  // (a span and a string per word) a long draft's first look would make only for this.
  const { blocks } = view;
  let words = 0;
  for (let block = 0; block < blocks.length; block++) words += blockSegments(blocks[block]!.text).words.length / 2;
  // Room for every word: only words with hyphens in them make more tokens than one.
  tokens = new Tokens(words + (words >> 5) + 16);
  for (let block = 0; block < blocks.length; block++) {
    const { text, span } = blocks[block]!;
    const pairs = blockSegments(text).words;
    const keys = keyText(text);
    for (let i = 0; i < pairs.length; i += 2) {
      const start = span.start + pairs[i]!;
      // A word's key cut from its block's keyed text: one string per word, not a slice and its lower case.
      const key = keys === undefined ? undefined : keys.slice(pairs[i]!, pairs[i + 1]!);
      if (key !== undefined && key.indexOf('-') < 0) {
        tokens.push(start, start + key.length, key, block);
        continue;
      }
      const word = text.slice(pairs[i]!, pairs[i + 1]!);
      if (word.indexOf('-') < 0) {
        tokens.push(start, start + word.length, keyOf(word), block);
        continue;
      }
      let offset = start;
      for (const part of word.split(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/u)) {
        if (part) tokens.push(offset, offset + part.length, keyOf(part), block);
        offset += part.length + 1;
      }
    }
  }
  tokenMemo.set(view, tokens);
  return tokens;
}

const tokenMemo = new WeakMap<SourceTextView, Tokens>();

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
function joined(prose: string, tokens: Tokens, a: number, b: number): boolean {
  return tokens.blocks[a] === tokens.blocks[b] && /^[\s\-\u00ad\u2010\u2011]*$/u.test(prose.slice(tokens.ends[a], tokens.starts[b]));
}

function neutralInContext(entry: LexiconTerm, tokens: Tokens, first: number, last: number, prose: string): boolean {
  if (entry.notAfter && first > 0 && joined(prose, tokens, first - 1, first) && entry.notAfter.includes(tokens.keys[first - 1]!)) return true;
  return Boolean(entry.notBefore && last + 1 < tokens.length && joined(prose, tokens, last, last + 1) && entry.notBefore.includes(tokens.keys[last + 1]!));
}
