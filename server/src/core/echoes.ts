/**
 * @file Finds echoes: a conspicuous word or phrase used again a short way after its first use
 * ("a significant move … a significant point"). Phrases of three or more words count when they
 * hold a word that is not everyday English ("amid a backdrop of"); single words count when they are
 * descriptive (adjectives, adverbs) and uncommon. Words the story keeps using are its subject, not
 * an echo, and repeated paragraphs and headlines are left to the rules that handle them.
 *
 * Each paragraph's words are read once and remembered by its text (their keys as numbers, in typed
 * arrays); a run is then a pass over numbers, so after a keystroke in a book-length draft only
 * the edited paragraph is read again.
 */
import { NumberTable } from './numberTable';
import { exactRepeats, nearRepeats } from './repeats';
import { linksIn } from './protected';
import { blockSegments } from './segments';
import { overlapsAny, SpanSet } from './spans';
import { TextMemo } from './textMemo';
import type { BlockKind, SourceTextView, Span } from './types';

/** What the caller knows about words: the data lives with the check, the logic here. */
export interface Vocabulary {
  /** Everyday and function words: never an echo on their own. */
  readonly isCommon: (word: string) => boolean;
  /** Uncommon adjectives and adverbs: the single words whose repetition a reader hears. */
  readonly isDescriptive: (word: string) => boolean;
}

export interface EchoOptions {
  /** How many words apart (at most) two uses may be and still echo. */
  readonly distance: number;
  /** A word used this many times or more is the story's own vocabulary. */
  readonly topicUses: number;
  /** Paragraphs at least this similar to an earlier one are copies (near-duplicate-paragraph's settings). */
  readonly nearThreshold: number;
  readonly nearMinWords: number;
}

export interface Echo {
  readonly kind: 'word' | 'phrase';
  readonly span: Span;
  readonly earlier: Span;
  /** Words between the two uses. */
  readonly distance: number;
}

/** Longer shared runs are copied text, which duplicate-sentence reports. */
const MAX_PHRASE_WORDS = 6;
const MIN_PHRASE_WORDS = 3;

/** Capitalised in mid-sentence: a name ("Rapid City"); its word is then never an echo, even opening a sentence. */
const NAME = 1;
/** A number, or inside a quotation, block quote or link: counted, never flagged. */
const SKIP = 2;
/** Only space between this word and the one before, in the same sentence: the two can be one phrase. */
const JOINED = 4;

/** One paragraph's words: keys as ids (see keyId), offsets from the block's start. */
interface BlockWords {
  readonly ids: Int32Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Sentence within the block. */
  readonly sentences: Uint32Array;
  readonly flags: Uint8Array;
}

/**
 * Word keys as small numbers, so three of them pack exactly into one number (17 bits each) and
 * a run compares numbers, not strings. Cleared with the memo when the vocabulary outgrows that.
 */
const ID_BITS = 17;
const ids = new Map<string, number>();
const keys: string[] = [];
/** By kind (a block quote's words are all quoted) and then by text, the same string object every memo is asked with. */
const blockMemo = { quoted: new TextMemo<BlockWords>(), other: new TextMemo<BlockWords>() };

function keyId(key: string): number {
  let id = ids.get(key);
  if (id === undefined) (id = keys.length), ids.set(key, id), keys.push(key);
  return id;
}

export function findEchoes(view: SourceTextView, vocabulary: Vocabulary, options: EchoOptions): Echo[] {
  if (ids.size > (1 << ID_BITS) - 50_000) (ids.clear(), (keys.length = 0), blockMemo.quoted.clear(), blockMemo.other.clear(), (classMemo = new WeakMap()));
  const copies = new Set(exactRepeats(view, 1).map((r) => r.copy));
  for (const r of nearRepeats(view, options.nearThreshold, options.nearMinWords, copies)) copies.add(r.copy);
  const perBlock = view.blocks.map((b, index) => (copies.has(index) ? undefined : wordsOf(b.kind, b.text)));
  const t = tokens(view, perBlock);
  const uses = new Int32Array(keys.length);
  for (const words of perBlock) if (words) for (const id of words.ids) uses[id]!++;
  const names = new Uint8Array(keys.length);
  for (let j = 0; j < t.count; j++) if (t.flags[j]! & NAME) names[t.ids[j]!] = 1;
  const lookup = wordClasses(vocabulary);
  const rare = (j: number): boolean => {
    const id = t.ids[j]!;
    return !(t.flags[j]! & SKIP) && !names[id] && !lookup.common(id) && uses[id]! < options.topicUses;
  };
  const echoes: Echo[] = [];
  const inPhrase = new Uint8Array(t.count);

  const lastGram = new NumberTable(t.count);
  for (let j = 0; j + MIN_PHRASE_WORDS <= t.count; j++) {
    const key = gramKey(t, j);
    if (key < 0) continue;
    const i = lastGram.get(key);
    lastGram.set(key, j);
    if (i < 0 || i + MIN_PHRASE_WORDS > j || j - i > options.distance) continue;
    let length = MIN_PHRASE_WORDS;
    while (i + length < j && j + length < t.count && t.ids[i + length] === t.ids[j + length] && gramKey(t, j + length - MIN_PHRASE_WORDS + 1) >= 0 && gramKey(t, i + length - MIN_PHRASE_WORDS + 1) >= 0) length++;
    let anyRare = false;
    for (let k = j; k < j + length && !anyRare; k++) anyRare = rare(k);
    if (length <= MAX_PHRASE_WORDS && anyRare) {
      echoes.push({ kind: 'phrase', span: spanOf(t, j, length), earlier: spanOf(t, i, length), distance: j - i });
      inPhrase.fill(1, j, j + length);
    }
    // Carry the rest of the run along so its later three-word windows do not echo it again.
    for (let k = j + 1; k < j + length && k + MIN_PHRASE_WORDS <= t.count; k++) {
      const inner = gramKey(t, k);
      if (inner >= 0) lastGram.set(inner, k);
    }
    j += length - 1;
  }

  const lastUse = new Map<number, number>();
  for (let j = 0; j < t.count; j++) {
    const id = t.ids[j]!;
    if (!rare(j) || !lookup.descriptive(id)) continue;
    const i = lastUse.get(id);
    lastUse.set(id, j);
    if (i === undefined || inPhrase[j] || j - i > options.distance) continue;
    // "Little by little", "more and more": a fixed pattern, not an echo.
    if (t.sentences[j] === t.sentences[i] && j - i === 2) continue;
    // The same word before the same noun twice is a term ("mobile phones", "annual report").
    const next = nextWord(t, j);
    if (next >= 0 && next === nextWord(t, i)) continue;
    echoes.push({ kind: 'word', span: { start: t.starts[j]!, end: t.ends[j]! }, earlier: { start: t.starts[i]!, end: t.ends[i]! }, distance: j - i });
  }
  return echoes.sort((a, b) => a.span.start - b.span.start);
}

/** The words of the prose a reader meets once, in draft offsets: headlines and copies are left out (their words still count as uses). */
interface Tokens {
  readonly count: number;
  readonly ids: Int32Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Sentence numbers across the draft: only equality matters. */
  readonly sentences: Uint32Array;
  readonly flags: Uint8Array;
}

function tokens(view: SourceTextView, perBlock: readonly (BlockWords | undefined)[]): Tokens {
  let count = 0;
  perBlock.forEach((w, index) => {
    if (w && view.blocks[index]!.kind !== 'heading') count += w.ids.length;
  });
  const t = { count, ids: new Int32Array(count), starts: new Uint32Array(count), ends: new Uint32Array(count), sentences: new Uint32Array(count), flags: new Uint8Array(count) };
  let at = 0;
  let sentenceBase = 0;
  perBlock.forEach((w, index) => {
    if (!w || view.blocks[index]!.kind === 'heading') return;
    const offset = view.blocks[index]!.span.start;
    t.ids.set(w.ids, at);
    t.flags.set(w.flags, at);
    for (let k = 0; k < w.ids.length; k++) {
      t.starts[at + k] = w.starts[k]! + offset;
      t.ends[at + k] = w.ends[k]! + offset;
      t.sentences[at + k] = w.sentences[k]! + sentenceBase;
    }
    at += w.ids.length;
    sentenceBase += (w.sentences[w.sentences.length - 1] ?? 0) + 1;
  });
  return t;
}

function wordsOf(kind: BlockKind, prose: string): BlockWords {
  return (kind === 'blockquote' ? blockMemo.quoted : blockMemo.other).get(prose, () => readWords(kind, prose));
}

function readWords(kind: BlockKind, prose: string): BlockWords {
  const segments = blockSegments(prose);
  const pairs = segments.words;
  const n = pairs.length / 2;
  const w = { ids: new Int32Array(n), starts: new Uint32Array(n), ends: new Uint32Array(n), sentences: new Uint32Array(n), flags: new Uint8Array(n) };
  const sentences = segments.sentences;
  const quoted: Span[] = [];
  for (let i = 0; i < segments.quotes.length; i += 2) quoted.push({ start: segments.quotes[i]!, end: segments.quotes[i + 1]! });
  const quotations = new SpanSet(quoted);
  const links = linksIn(prose);
  let sentence = 0;
  // Whether a word of the current sentence came before: every letter and digit is in some word, so
  // this says what scanning the prose from the sentence's start would, without the quadratic scan.
  let wordsInSentence = 0;
  let counted = -1;
  for (let k = 0; k < n; k++) {
    const start = pairs[2 * k]!;
    const end = pairs[2 * k + 1]!;
    while (2 * (sentence + 1) < sentences.length && sentences[2 * sentence + 1]! <= start) sentence++;
    if (counted !== sentence) (counted = sentence), (wordsInSentence = 0);
    const sentenceStart = sentences[2 * sentence] ?? 0;
    const opensSentence = start <= sentenceStart || wordsInSentence === 0;
    if (start >= sentenceStart) wordsInSentence++;
    const text = prose.slice(start, end);
    const span = { start, end };
    let flags = 0;
    if (/^\p{Lu}/u.test(text) && (!opensSentence || text === text.toUpperCase())) flags |= NAME;
    if (/\d/u.test(text) || kind === 'blockquote' || quotations.contains(span) || overlapsAny(links, span)) flags |= SKIP;
    if (k > 0 && w.sentences[k - 1] === sentence && /^\s+$/u.test(prose.slice(pairs[2 * k - 1]!, start))) flags |= JOINED;
    w.ids[k] = keyId(text.toLowerCase().replace(/’/g, "'").replace(/'s$/, ''));
    w.starts[k] = start;
    w.ends[k] = end;
    w.sentences[k] = sentence;
    w.flags[k] = flags;
  }
  return w;
}

/** The three words from `j` packed into one number, or -1 unless they form one stretch of prose in one sentence. */
function gramKey(t: Tokens, j: number): number {
  if (j + MIN_PHRASE_WORDS > t.count || t.sentences[j] !== t.sentences[j + MIN_PHRASE_WORDS - 1]) return -1;
  if (t.flags[j]! & SKIP) return -1;
  for (let k = j + 1; k < j + MIN_PHRASE_WORDS; k++) if (t.flags[k]! & SKIP || !(t.flags[k]! & JOINED)) return -1;
  return (t.ids[j]! * 2 ** ID_BITS + t.ids[j + 1]!) * 2 ** ID_BITS + t.ids[j + 2]!;
}

/** The word right after token `j` in the same stretch of prose (no punctuation between), or -1. */
function nextWord(t: Tokens, j: number): number {
  return j + 1 < t.count && t.sentences[j + 1] === t.sentences[j] && t.flags[j + 1]! & JOINED ? t.ids[j + 1]! : -1;
}

function spanOf(t: Tokens, j: number, length: number): Span {
  return { start: t.starts[j]!, end: t.ends[j + length - 1]! };
}

/** Each key's common/descriptive answer, asked of the vocabulary once per key, not once per use. */
let classMemo = new WeakMap<Vocabulary, { readonly common: (id: number) => boolean; readonly descriptive: (id: number) => boolean }>();

function wordClasses(vocabulary: Vocabulary) {
  let memo = classMemo.get(vocabulary);
  if (!memo) {
    const answers = (ask: (word: string) => boolean) => {
      const known = new Map<number, boolean>();
      return (id: number): boolean => {
        let answer = known.get(id);
        if (answer === undefined) known.set(id, (answer = ask(keys[id]!)));
        return answer;
      };
    };
    memo = { common: answers(vocabulary.isCommon), descriptive: answers(vocabulary.isDescriptive) };
    classMemo.set(vocabulary, memo);
  }
  return memo;
}
