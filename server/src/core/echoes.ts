/**
 * @file Finds echoes: a conspicuous word or phrase used again a short way after its first use
 * ("a significant move … a significant point"). Phrases of three or more words count when they
 * hold a word that is not everyday English ("amid a backdrop of"); single words count when they are
 * descriptive (adjectives, adverbs) and uncommon. Words the story keeps using are its subject, not
 * an echo, and repeated paragraphs and headlines are left to the rules that handle them.
 */
import { exactRepeats, nearRepeats } from './repeats';
import { isProtected } from './protected';
import type { SourceTextView, Span } from './types';

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

interface Token {
  readonly span: Span;
  readonly key: string;
  readonly sentence: number;
  /** Position among the words of the prose checked, for distances. */
  readonly index: number;
  /** Capitalised in mid-sentence: a name ("Rapid City"); its word is then never an echo, even opening a sentence. */
  readonly name: boolean;
  readonly skip: boolean;
}

/** Longer shared runs are copied text, which duplicate-sentence reports. */
const MAX_PHRASE_WORDS = 6;
const MIN_PHRASE_WORDS = 3;

export function findEchoes(view: SourceTextView, vocabulary: Vocabulary, options: EchoOptions): Echo[] {
  const copies = new Set(exactRepeats(view, 1).map((r) => r.copy));
  for (const r of nearRepeats(view, options.nearThreshold, options.nearMinWords, copies)) copies.add(r.copy);
  const uses = new Map<string, number>();
  const tokens = tokensOf(view, copies, uses);
  const names = new Set(tokens.filter((t) => t.name).map((t) => t.key));
  const rare = (t: Token) => !t.skip && !names.has(t.key) && !vocabulary.isCommon(t.key) && (uses.get(t.key) ?? 0) < options.topicUses;
  const echoes: Echo[] = [];
  const inPhrase = new Set<number>();

  const lastGram = new Map<string, number>();
  for (let j = 0; j + MIN_PHRASE_WORDS <= tokens.length; j++) {
    const key = gramKey(view, tokens, j);
    if (key === undefined) continue;
    const i = lastGram.get(key);
    lastGram.set(key, j);
    if (i === undefined || i + MIN_PHRASE_WORDS > j || tokens[j]!.index - tokens[i]!.index > options.distance) continue;
    let length = MIN_PHRASE_WORDS;
    while (i + length < j && tokens[i + length]?.key === tokens[j + length]?.key && gramKey(view, tokens, j + length - MIN_PHRASE_WORDS + 1) !== undefined && gramKey(view, tokens, i + length - MIN_PHRASE_WORDS + 1) !== undefined) length++;
    const run = tokens.slice(j, j + length);
    if (length <= MAX_PHRASE_WORDS && run.some(rare)) {
      echoes.push({ kind: 'phrase', span: spanOf(run), earlier: spanOf(tokens.slice(i, i + length)), distance: tokens[j]!.index - tokens[i]!.index });
      for (let k = j; k < j + length; k++) inPhrase.add(k);
    }
    // Carry the rest of the run along so its later three-word windows do not echo it again.
    for (let k = j + 1; k < j + length && k + MIN_PHRASE_WORDS <= tokens.length; k++) {
      const inner = gramKey(view, tokens, k);
      if (inner !== undefined) lastGram.set(inner, k);
    }
    j += length - 1;
  }

  const lastUse = new Map<string, number>();
  tokens.forEach((t, j) => {
    if (!rare(t) || !vocabulary.isDescriptive(t.key)) return;
    const i = lastUse.get(t.key);
    lastUse.set(t.key, j);
    if (i === undefined || inPhrase.has(j) || t.index - tokens[i]!.index > options.distance) return;
    // "Little by little", "more and more": a fixed pattern, not an echo.
    if (t.sentence === tokens[i]!.sentence && j - i === 2) return;
    // The same word before the same noun twice is a term ("mobile phones", "annual report").
    const next = nextWord(view, tokens, j);
    if (next !== undefined && next === nextWord(view, tokens, i)) return;
    echoes.push({ kind: 'word', span: t.span, earlier: tokens[i]!.span, distance: t.index - tokens[i]!.index });
  });
  return echoes.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The words of the prose a reader meets once: headlines (a headline and its lede share words by
 * design) and copies of earlier paragraphs are left out, though their words still count as uses.
 */
function tokensOf(view: SourceTextView, copies: ReadonlySet<number>, uses: Map<string, number>): Token[] {
  const tokens: Token[] = [];
  let block = 0;
  let sentence = 0;
  // Whether a word of the current sentence came before: every letter and digit is in some word, so
  // this says what scanning the prose from the sentence's start would, without the quadratic scan.
  let wordsInSentence = 0;
  let counted = -1;
  for (const word of view.words) {
    while (block + 1 < view.blocks.length && view.blocks[block]!.span.end <= word.span.start) block++;
    while (sentence + 1 < view.sentences.length && view.sentences[sentence]!.span.end <= word.span.start) sentence++;
    if (counted !== sentence) (counted = sentence), (wordsInSentence = 0);
    const sentenceStart = view.sentences[sentence]?.span.start ?? 0;
    const opensSentence = word.span.start <= sentenceStart || wordsInSentence === 0;
    if (word.span.start >= sentenceStart) wordsInSentence++;
    if (copies.has(block)) continue;
    const key = word.text.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
    uses.set(key, (uses.get(key) ?? 0) + 1);
    if (view.blocks[block]!.kind === 'heading') continue;
    tokens.push({
      span: word.span,
      key,
      sentence,
      index: tokens.length,
      name: /^\p{Lu}/u.test(word.text) && (!opensSentence || word.text === word.text.toUpperCase()),
      skip: /\d/u.test(word.text) || isProtected(view, word.span),
    });
  }
  return tokens;
}

/** The key of the three words from `j`, if they form one stretch of prose in one sentence. */
function gramKey(view: SourceTextView, tokens: readonly Token[], j: number): string | undefined {
  const a = tokens[j];
  const c = tokens[j + MIN_PHRASE_WORDS - 1];
  if (!a || !c || a.sentence !== c.sentence) return undefined;
  for (let k = j; k < j + MIN_PHRASE_WORDS; k++) {
    const t = tokens[k]!;
    if (t.skip || (k > j && !/^\s+$/u.test(view.prose.slice(tokens[k - 1]!.span.end, t.span.start)))) return undefined;
  }
  return tokens.slice(j, j + MIN_PHRASE_WORDS).map((t) => t.key).join(' ');
}

/** The word right after token `j` in the same stretch of prose (no punctuation between). */
function nextWord(view: SourceTextView, tokens: readonly Token[], j: number): string | undefined {
  const a = tokens[j]!;
  const b = tokens[j + 1];
  return b && b.sentence === a.sentence && /^\s+$/u.test(view.prose.slice(a.span.end, b.span.start)) ? b.key : undefined;
}

function spanOf(run: readonly Token[]): Span {
  return { start: run[0]!.span.start, end: run[run.length - 1]!.span.end };
}
