/**
 * @file Finds echoes: a conspicuous word or phrase used again a short way after its first use
 * ("a significant move … a significant point"). Phrases of three or more words count when they
 * hold a word that is not everyday English ("amid a backdrop of"); single words count when they are
 * descriptive (adjectives, adverbs) and uncommon. Words the story keeps using are its subject, not
 * an echo, and repeated paragraphs and headlines are left to the rules that handle them.
 *
 * The passes read the draft's words in order, each looking back at most `distance` words, so
 * after a keystroke only the stretch from the edited paragraph to `distance` words past it is read
 * again; the rest of the last run's answer is kept (see `again`).
 */
import { BlockSummaries } from './blockSummaries';
import { blockOf, ID_BITS, JOINED, keys, NAME, patchTokens, resetIdsIfFull, SENTENCE, SKIP, tokens, wordClasses, wordsOf, type BlockWords, type Tokens } from './echoWords';
import { RecentPositions } from './numberTable';
import { exactRepeats, nearRepeats } from './repeats';
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

/** Longer shared runs are copied text, which duplicate-sentence reports. */
const MAX_PHRASE_WORDS = 6;
const MIN_PHRASE_WORDS = 3;

/** A repeated run the phrase pass met at word `j` (earlier at `i`): it skips the run, and reports it when `echo`. */
interface Run {
  readonly j: number;
  readonly i: number;
  readonly length: number;
  readonly echo: boolean;
}
/** A single word echoed at `j`, earlier at `i`. */
interface Repeat {
  readonly j: number;
  readonly i: number;
}

/** What one run knew: enough to answer the next version of the same draft from the edited stretch alone. */
interface Answer {
  readonly vocabulary: Vocabulary;
  readonly options: EchoOptions;
  readonly perBlock: readonly (BlockWords | undefined)[];
  /** 1 for a headline, per block: a byte each, not an array of 10,000 references kept from one keystroke to the next. */
  readonly headings: Uint8Array;
  readonly t: Tokens;
  readonly uses: Int32Array;
  /** Per key, its uses as a name (capitalised in mid-sentence) outside headlines and copies. */
  readonly names: Int32Array;
  readonly runs: readonly Run[];
  readonly words: readonly Repeat[];
}

/** The last answer, for the draft being typed in (another draft's run replaces it). */
let last: Answer | undefined;

/** At most this many edited paragraphs are patched; more, and the draft is read whole. */
const MAX_EDITED = 8;

/** Each block's words, kept aligned with the last draft's blocks (see BlockSummaries). */
const blockWords = new BlockSummaries((block) => wordsOf(block.kind, block.text), true);

/** @param reuse whether the last run's answer may serve (tests compare both ways) */
export function findEchoes(view: SourceTextView, vocabulary: Vocabulary, options: EchoOptions, reuse = true): Echo[] {
  if (resetIdsIfFull()) (last = undefined), blockWords.clear();
  const copies = new Set(exactRepeats(view, 1).map((r) => r.copy));
  for (const r of nearRepeats(view, options.nearThreshold, options.nearMinWords, copies)) copies.add(r.copy);
  const perBlock = withoutCopies(blockWords.of(view), copies);
  // Kinds read without placing the blocks (see SourceTextView.layout): every one, every keystroke.
  const blocks = view.layout;
  const headings = new Uint8Array(blocks.length);
  for (let b = 0; b < blocks.length; b++) if (blocks.kindAt(b) === 'heading') headings[b] = 1;
  // The last answer's tokens become this run's (patched in place): should this run fail, the next reads the draft whole.
  const prior = reuse ? last : undefined;
  if (reuse) last = undefined;
  const { t, uses, names } = (prior ? patched(prior, perBlock, headings) : undefined) ?? whole(perBlock, headings);
  const answer = (prior ? again(prior, vocabulary, options, perBlock, headings, t, uses, names) : undefined) ?? fresh(vocabulary, options, perBlock, headings, t, uses, names);
  if (reuse) {
    last = answer;
    // The prior answer is given up: its counts become the next keystroke's arrays.
    if (prior && prior.uses !== uses) (spare[0] = prior.uses), (spare[1] = prior.names);
  }
  const echoes: Echo[] = [];
  for (const r of answer.runs) if (r.echo) echoes.push({ kind: 'phrase', span: spanOf(view, answer, r.j, r.length), earlier: spanOf(view, answer, r.i, r.length), distance: r.j - r.i });
  for (const w of answer.words) echoes.push({ kind: 'word', span: spanOf(view, answer, w.j, 1), earlier: spanOf(view, answer, w.i, 1), distance: w.j - w.i });
  return echoes.sort((a, b) => a.span.start - b.span.start);
}

/*
 * The arrays an answer keeps are read by code compiled for the last answer's, so each is made one
 * way only: a copy by slice (the source's elements kind, packed) and a list by push (packed). An
 * array from `map` is packed when the interpreter makes it and holey when optimised code does, and
 * an array given a property of its own has a map of its own: either way the next keystroke's
 * compiled code met a "wrong map" and was thrown away (patched, again, findEchoes, patchTokens
 * in turn on the first dozen keystrokes of a 4 MB draft, --trace-deopt).
 */

/** Each block's words, a copy's left out (undefined). */
function withoutCopies(words: readonly BlockWords[], copies: ReadonlySet<number>): Answer['perBlock'] {
  if (!copies.size) return words;
  const out: (BlockWords | undefined)[] = words.slice();
  for (const index of copies) out[index] = undefined;
  return out;
}

/** The words a reader meets once: a headline's or a copy's count as uses only (blocks `from` to `to` of them). */
function countedWords(perBlock: Answer['perBlock'], headings: Answer['headings'], from = 0, to = perBlock.length): (BlockWords | undefined)[] {
  const out = perBlock.slice(from, to);
  for (let b = from; b < to; b++) if (headings[b]) out[b - from] = undefined;
  return out;
}

/** The runs of `list`, `delta` words later. */
function movedRuns(list: readonly Run[], delta: number): Run[] {
  const out: Run[] = [];
  for (const r of list) out.push(run(r.j + delta, r.i + delta, r.length, r.echo));
  return out;
}

/** The single-word echoes of `list`, `delta` words later. */
function movedRepeats(list: readonly Repeat[], delta: number): Repeat[] {
  const out: Repeat[] = [];
  for (const w of list) out.push({ j: w.j + delta, i: w.i + delta });
  return out;
}

/** Every Run is made here: one literal, one map. */
function run(j: number, i: number, length: number, echo: boolean): Run {
  return { j, i, length, echo };
}

/** Tokens and counts read from every block. */
function whole(perBlock: Answer['perBlock'], headings: Answer['headings']): Pick<Answer, 't' | 'uses' | 'names'> {
  const t = tokens(countedWords(perBlock, headings));
  // Each count a function of its own: the JIT compiles a long loop while it runs, and the loop
  // after it, not run yet, was thrown away when reached ("insufficient type feedback"), twice
  // per first look.
  return { t, uses: countUses(perBlock), names: countNames(t) };
}

/** Per key, its uses in every block (headlines and copies too). */
function countUses(perBlock: Answer['perBlock']): Int32Array {
  const uses = new Int32Array(keys.length);
  // Indexed: for-of made an iterator result per word of the draft (4.6 MB of a 1 MB first look).
  for (let b = 0; b < perBlock.length; b++) {
    const ids = perBlock[b]?.ids;
    if (ids) for (let i = 0; i < ids.length; i++) uses[ids[i]!]!++;
  }
  return uses;
}

/** Per key, its uses as a name among the tokens. */
function countNames(t: Tokens): Int32Array {
  const names = new Int32Array(keys.length);
  for (let j = 0; j < t.count; j++) if (t.flags[j]! & NAME) names[t.ids[j]!]!++;
  return names;
}

/** At most this many changed blocks are patched into the last tokens and counts; more, and every block is read. */
const MAX_PATCHED = 64;

/**
 * Tokens and counts from the last run's, when the draft has as many blocks and only a few of
 * them changed their words (or became or stopped being a headline or a copy): a keystroke costs
 * the changed blocks and copies of the arrays, not a read of every block.
 */
function patched(previous: Answer, perBlock: Answer['perBlock'], headings: Answer['headings']): Pick<Answer, 't' | 'uses' | 'names'> | undefined {
  if (previous.perBlock.length !== perBlock.length) return undefined;
  let from = -1;
  let to = -1;
  let changed = 0;
  for (let b = 0; b < perBlock.length; b++) {
    if (previous.perBlock[b] === perBlock[b] && previous.headings[b] === headings[b]) continue;
    if (++changed > MAX_PATCHED) return undefined;
    if (from < 0) from = b;
    to = b + 1;
  }
  if (from < 0) return { t: previous.t, uses: previous.uses, names: previous.names };
  const uses = counts(previous.uses, 0);
  const names = counts(previous.names, 1);
  // The changed stretch's words only: a keystroke maps a few blocks, not the draft's 10,000.
  const counted = countedWords(perBlock, headings, from, to);
  for (let b = from; b < to; b++) {
    const before = previous.perBlock[b];
    const now = perBlock[b];
    if (before === now && previous.headings[b] === headings[b]) continue;
    if (before) for (const id of before.ids) uses[id]!--;
    if (now) for (const id of now.ids) uses[id]!++;
    const wasCounted = previous.headings[b] ? undefined : before;
    if (wasCounted) for (let k = 0; k < wasCounted.ids.length; k++) if (wasCounted.flags[k]! & NAME) names[wasCounted.ids[k]!]!--;
    const isCounted = counted[b - from];
    if (isCounted) for (let k = 0; k < isCounted.ids.length; k++) if (isCounted.flags[k]! & NAME) names[isCounted.ids[k]!]!++;
  }
  return { t: patchTokens(previous.t, counted, perBlock.length, from), uses, names };
}

/**
 * Per-key counts of the answer before the last (uses and names), taken for the next answer's: a
 * keystroke copies the last answer's into them instead of into new arrays (a 4 MB draft's
 * ~50,000 keys: 400 KB of fresh memory per keystroke, page faults and all).
 */
const spare: (Int32Array | undefined)[] = [undefined, undefined];

/** A copy of `last` (kind 0 uses, 1 names), in the spare array when it fits. */
function counts(last: Int32Array, kind: 0 | 1): Int32Array {
  let out = spare[kind];
  spare[kind] = undefined;
  if (!out || out.length !== keys.length || out === last) out = new Int32Array(keys.length);
  out.set(last);
  // Keys new since `last` have no count yet (an array from before holds an older answer's there).
  if (last.length < out.length) out.fill(0, last.length);
  return out;
}

/** The passes over a whole draft. */
function fresh(vocabulary: Vocabulary, options: EchoOptions, perBlock: Answer['perBlock'], headings: Answer['headings'], t: Tokens, uses: Int32Array, names: Int32Array): Answer {
  const passes = new Passes(t, vocabulary, options, uses, names);
  const { runs } = passes.phrases(0, recentGrams(options), NEVER_SETTLED);
  const words = passes.words(0, t.count, new Map(), inPhrase(runs, 0, t.count));
  return { vocabulary, options, perBlock, headings, t, uses, names, runs, words };
}

/**
 * The answer for a new version from the last one, when only a few paragraphs changed and no word
 * outside them changed standing (a topic word, a name, or neither): the passes look back at most
 * `distance` words, so they are run again from just before the edited paragraphs until they are
 * `distance` words past them and back in step with the last run; the rest is the last run's,
 * moved by the change in word count. Undefined when the draft must be read whole.
 */
function again(
  previous: Answer | undefined,
  vocabulary: Vocabulary,
  options: EchoOptions,
  perBlock: Answer['perBlock'],
  headings: Answer['headings'],
  t: Tokens,
  uses: Int32Array,
  names: Int32Array,
): Answer | undefined {
  if (!previous || previous.vocabulary !== vocabulary || JSON.stringify(previous.options) !== JSON.stringify(options)) return undefined;
  if (previous.perBlock.length !== perBlock.length) return undefined;
  for (let b = 0; b < headings.length; b++) if (previous.headings[b] !== headings[b]) return undefined;
  const edited: number[] = [];
  for (let b = 0; b < perBlock.length; b++) {
    // A copy turning into prose or back changes what counts as a use: read the draft whole.
    if ((previous.perBlock[b] === undefined) !== (perBlock[b] === undefined)) return undefined;
    if (previous.perBlock[b] !== perBlock[b] && edited.push(b) > MAX_EDITED) return undefined;
  }
  const old = previous.t;
  if (!edited.length) return { vocabulary, options, perBlock, headings, t, uses, names, runs: previous.runs, words: previous.words };
  if (!sameStanding(previous, edited, perBlock, uses, names, options.topicUses, vocabulary)) return undefined;

  const first = edited[0]!;
  const after = edited[edited.length - 1]! + 1;
  const a = t.blockStarts[first]!;
  const delta = t.blockStarts[after]! - old.blockStarts[after]!;
  const end = t.blockStarts[after]!;
  const passes = new Passes(t, vocabulary, options, uses, names);

  // Phrases: from the last place before the edit where the last run was not inside a run.
  const restart = stepBefore(previous.runs, Math.max(0, a - MIN_PHRASE_WORDS));
  const lastGram = recentGrams(options);
  for (let q = Math.max(0, restart - options.distance - 1); q < restart; q++) {
    const key = gramKey(t, q);
    if (key >= 0) lastGram.set(key, q);
  }
  // Back in step: past the edit by more than `distance` words, at a word the last run also stepped on.
  const middle = passes.phrases(restart, lastGram, { from: end + options.distance + MAX_PHRASE_WORDS, runs: previous.runs, delta });
  const resume = middle.stopped;
  // Both lists are in text order: the kept ends are slices, moved only when the word count changed.
  const keptRuns = previous.runs.slice(firstFrom(previous.runs, resume - delta));
  const runs = previous.runs.slice(0, firstFrom(previous.runs, restart)).concat(middle.runs, delta ? movedRuns(keptRuns, delta) : keptRuns);

  // Single words: from before the edit (a word's next word may be in it) to `distance` past it and past the rerun phrases.
  const from = Math.min(restart, Math.max(0, a - 1));
  const to = Math.min(t.count, Math.max(resume, end + options.distance + 2));
  const lastUse = new Map<number, number>();
  for (let q = Math.max(0, from - options.distance - 1); q < from; q++) if (passes.rare(q) && passes.descriptive(t.ids[q]!)) lastUse.set(t.ids[q]!, q);
  const keptWords = previous.words.slice(firstFrom(previous.words, to - delta));
  const words = previous.words.slice(0, firstFrom(previous.words, from)).concat(passes.words(from, to, lastUse, inPhrase(runs, from, to)), delta ? movedRepeats(keptWords, delta) : keptWords);
  return { vocabulary, options, perBlock, headings, t, uses, names, runs, words };
}

/**
 * Whether every word of the edited paragraphs (before and after) kept its standing: a topic word
 * (used `topicUses` times), a name or neither. A word that changed standing and is also used
 * outside them changes answers anywhere in the draft.
 */
function sameStanding(previous: Answer, edited: readonly number[], perBlock: Answer['perBlock'], uses: Int32Array, names: Int32Array, topicUses: number, vocabulary: Vocabulary): boolean {
  const tally = (blocks: Answer['perBlock']): Map<number, number> => {
    const n = new Map<number, number>();
    for (const b of edited) for (const id of blocks[b]?.ids ?? []) n.set(id, (n.get(id) ?? 0) + 1);
    return n;
  };
  const now = tally(perBlock);
  const before = tally(previous.perBlock);
  const common = wordClasses(vocabulary).common;
  for (const id of new Set([...now.keys(), ...before.keys()])) {
    const wasPlain = (previous.uses[id] ?? 0) < topicUses && !previous.names[id];
    const isPlain = (uses[id] ?? 0) < topicUses && !names[id];
    if (wasPlain === isPlain || common(id)) continue;
    // Used outside the edited paragraphs, before or now: its new standing matters there too.
    if ((uses[id] ?? 0) > (now.get(id) ?? 0) || (previous.uses[id] ?? 0) > (before.get(id) ?? 0)) return false;
  }
  return true;
}

/** `at`, or the start of the run the last pass was skipping through at `at`. */
function stepBefore(runs: readonly Run[], at: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.j < at) (found = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  const run = runs[found];
  return run && run.j + run.length > at ? run.j : at;
}

/** The index of the first of `list` (in text order) at or after word `j`. */
function firstFrom(list: readonly { readonly j: number }[], j: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.j < j) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Which words `from` to `to` are inside a reported phrase (`marks[j - from]`): only the stretch the word pass reads. */
function inPhrase(runs: readonly Run[], from: number, to: number): { readonly marks: Uint8Array; readonly from: number } {
  const marks = new Uint8Array(Math.max(0, to - from));
  for (let k = firstFrom(runs, from - MAX_PHRASE_WORDS); k < runs.length && runs[k]!.j < to; k++) {
    const r = runs[k]!;
    if (r.echo) marks.fill(1, Math.max(0, r.j - from), Math.max(0, Math.min(to, r.j + r.length) - from));
  }
  return { marks, from };
}

/**
 * When a rerun of the phrase pass is back in step with the last run's (`runs`, whose words are
 * `delta` earlier): from word `from`, at a word the last run also stepped on. Data, not a callback:
 * a first look's "never" and a keystroke's test as two functions made the pass's call of it a
 * "wrong call target" at the first keystroke.
 */
interface Settle {
  readonly from: number;
  readonly runs: readonly Run[];
  readonly delta: number;
}

/** A whole draft's pass runs to the end (a Smi, as every `from` is: no double in the pass's comparison). */
const NEVER_SETTLED: Settle = { from: 0x7fffffff, runs: [], delta: 0 };

class Passes {
  private readonly lookup: ReturnType<typeof wordClasses>;

  constructor(
    private readonly t: Tokens,
    vocabulary: Vocabulary,
    private readonly options: EchoOptions,
    private readonly uses: Int32Array,
    private readonly names: Int32Array,
  ) {
    this.lookup = wordClasses(vocabulary);
  }

  /** Per key: 0 not asked yet, 1 neither a name, a common word nor a topic word, 2 one of them. */
  private readonly plain = new Uint8Array(keys.length);

  rare(j: number): boolean {
    if (this.t.flags[j]! & SKIP) return false;
    const id = this.t.ids[j]!;
    let plain = this.plain[id]!;
    if (plain === 0) this.plain[id] = plain = !this.names[id] && !this.lookup.common(id) && this.uses[id]! < this.options.topicUses ? 1 : 2;
    return plain === 1;
  }

  descriptive(id: number): boolean {
    return this.lookup.descriptive(id);
  }

  /**
   * Repeated runs of three words or more, from word `from` (where the last pass was not inside a
   * run) until it is back in step with the last pass (`settle`); `stopped` is where it stopped.
   */
  phrases(from: number, lastGram: RecentPositions, settle: Settle): { readonly runs: Run[]; readonly stopped: number } {
    const { t, options } = this;
    const runs: Run[] = [];
    let j = from;
    for (; j + MIN_PHRASE_WORDS <= t.count; j++) {
      if (j > from && j >= settle.from && stepBefore(settle.runs, j - settle.delta) === j - settle.delta) break;
      const key = gramKey(t, j);
      if (key < 0) continue;
      const i = lastGram.swap(key, j);
      if (i < 0 || i + MIN_PHRASE_WORDS > j || j - i > options.distance) continue;
      let length = MIN_PHRASE_WORDS;
      while (i + length < j && j + length < t.count && t.ids[i + length] === t.ids[j + length] && gramKey(t, j + length - MIN_PHRASE_WORDS + 1) >= 0 && gramKey(t, i + length - MIN_PHRASE_WORDS + 1) >= 0) length++;
      let anyRare = false;
      for (let k = j; k < j + length && !anyRare; k++) anyRare = this.rare(k);
      runs.push(run(j, i, length, length <= MAX_PHRASE_WORDS && anyRare));
      // Carry the rest of the run along so its later three-word windows do not echo it again.
      for (let k = j + 1; k < j + length && k + MIN_PHRASE_WORDS <= t.count; k++) {
        const inner = gramKey(t, k);
        if (inner >= 0) lastGram.set(inner, k);
      }
      j += length - 1;
    }
    return { runs, stopped: Math.min(j, t.count) };
  }

  /** Uncommon descriptive words used again within `distance` words, for words `from` to `to`. */
  words(from: number, to: number, lastUse: Map<number, number>, phrased: { readonly marks: Uint8Array; readonly from: number }): Repeat[] {
    const { t, options } = this;
    const found: Repeat[] = [];
    for (let j = from; j < to; j++) {
      const id = t.ids[j]!;
      if (!this.rare(j) || !this.lookup.descriptive(id)) continue;
      const i = lastUse.get(id);
      lastUse.set(id, j);
      if (i === undefined || phrased.marks[j - phrased.from] || j - i > options.distance) continue;
      // "Little by little", "more and more": a fixed pattern, not an echo.
      if (j - i === 2 && !((t.flags[i + 1]! | t.flags[j]!) & SENTENCE)) continue;
      // The same word before the same noun twice is a term ("mobile phones", "annual report").
      const next = nextWord(t, j);
      if (next >= 0 && next === nextWord(t, i)) continue;
      found.push({ j, i });
    }
    return found;
  }
}

/**
 * Where each three-word key was last seen: the phrase pass treats a use more than `distance` words
 * back as no use, so older ones may be forgotten (a few thousand words kept, not the whole draft).
 */
function recentGrams(options: EchoOptions): RecentPositions {
  const window = Math.max(options.distance + MAX_PHRASE_WORDS, 4096);
  if (grams?.window !== window) grams = { window, table: new RecentPositions(window) };
  else grams.table.clear();
  return grams.table;
}

/**
 * One table for every run, emptied when taken (a run is done with it before the next starts):
 * made afresh, its 400 KB of typed arrays were allocated and first touched on every keystroke.
 */
let grams: { readonly window: number; readonly table: RecentPositions } | undefined;

/** The three words from `j` packed into one number, or -1 unless they form one stretch of prose in one sentence. */
function gramKey(t: Tokens, j: number): number {
  if (j + MIN_PHRASE_WORDS > t.count || (t.flags[j + 1]! | t.flags[j + 2]!) & SENTENCE) return -1;
  if (t.flags[j]! & SKIP) return -1;
  for (let k = j + 1; k < j + MIN_PHRASE_WORDS; k++) if (t.flags[k]! & SKIP || !(t.flags[k]! & JOINED)) return -1;
  return (t.ids[j]! * ID_SCALE + t.ids[j + 1]!) * ID_SCALE + t.ids[j + 2]!;
}

/** 2 ** ID_BITS once: the phrase pass packs a key at every word, mostly in code not yet optimised. */
const ID_SCALE = 2 ** ID_BITS;

/** The word right after token `j` in the same stretch of prose (no punctuation between), or -1. */
function nextWord(t: Tokens, j: number): number {
  return j + 1 < t.count && !(t.flags[j + 1]! & SENTENCE) && t.flags[j + 1]! & JOINED ? t.ids[j + 1]! : -1;
}

function spanOf(view: SourceTextView, { t, perBlock }: Answer, j: number, length: number): Span {
  // The words of a phrase are in one sentence, so in one block; the tokens keep no offsets (their
  // block's words have them: two arrays as long as the draft's words fewer).
  const block = blockOf(t, j);
  const k = j - t.blockStarts[block]!;
  const at = view.layout.startAt(block);
  const { bounds } = perBlock[block]!;
  return { start: at + bounds[2 * k]!, end: at + bounds[2 * (k + length - 1) + 1]! };
}
