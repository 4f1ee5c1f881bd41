/**
 * @file Which sentences repeat the first sentence with the same comparison key in another
 * paragraph (duplicate-sentence), kept across versions of a draft: the first use of every key is
 * in an index of the draft's sentences, and a keystroke takes the edited paragraph's sentences out
 * and puts its new ones in, instead of a pass over the 40,000 sentences of a book-length draft.
 */
import { keyGeneration, keyNumber, startKeyPass, type FoldedKey } from './repeats';
import type { Offsets } from './segments';
import { insertionPoint } from './sortedList';

/** One paragraph's sentences: offsets from the block's start as pairs, and each one's comparison key. */
export interface BlockSentences {
  readonly spans: Offsets;
  readonly keys: readonly FoldedKey[];
}

/** Sentence `index` of block `block`, whose key the sentence `firstIndex` of `firstBlock` had first. */
export interface SentenceRepeat {
  readonly block: number;
  readonly index: number;
  readonly firstBlock: number;
  readonly firstIndex: number;
}

/** A sentence as one number, in text order: block, then index within it. */
const PER_BLOCK = 2 ** 22;
/** An edit touching more blocks than this rebuilds the index. */
const MAX_CHANGED = 64;

export class SentenceIndex {
  private perBlock: readonly BlockSentences[] = [];
  private minWords = Number.NaN;
  private generation = -1;
  /** Key number → its sentences in text order; a lone sentence is stored as its number. */
  private readonly uses = new Map<number, number | number[]>();
  /** Keys used more than once. */
  private readonly repeated = new Set<number>();
  /**
   * The last answer, and whether a key used more than once before or after has changed uses since:
   * a keystroke mostly changes sentences used once, and the answer stays (gathering and sorting
   * every repeat of a 4 MB draft again cost a few milliseconds of every keystroke).
   */
  private answer: readonly SentenceRepeat[] | undefined;
  private repeatsChanged = true;

  /** Every sentence of at least `minWords` words whose key an earlier sentence in another block had first, in text order. */
  repeats(perBlock: readonly BlockSentences[], minWords: number): readonly SentenceRepeat[] {
    startKeyPass();
    if (!this.patch(perBlock, minWords)) this.rebuild(perBlock, minWords);
    if (this.answer && !this.repeatsChanged) return this.answer;
    this.repeatsChanged = false;
    return (this.answer = this.gather());
  }

  private gather(): SentenceRepeat[] {
    const out: SentenceRepeat[] = [];
    for (const id of this.repeated) {
      const list = this.uses.get(id) as number[];
      const firstBlock = Math.floor(list[0]! / PER_BLOCK);
      const firstIndex = list[0]! % PER_BLOCK;
      for (let i = 1; i < list.length; i++) {
        const block = Math.floor(list[i]! / PER_BLOCK);
        if (block !== firstBlock) out.push({ block, index: list[i]! % PER_BLOCK, firstBlock, firstIndex });
      }
    }
    return out.sort((a, b) => a.block - b.block || a.index - b.index);
  }

  private rebuild(perBlock: readonly BlockSentences[], minWords: number): void {
    this.uses.clear();
    this.repeated.clear();
    this.repeatsChanged = true;
    this.minWords = minWords;
    this.generation = keyGeneration();
    for (let block = 0; block < perBlock.length; block++) this.addAll(perBlock[block]!, block);
    this.perBlock = perBlock;
  }

  /** Takes the changed blocks' sentences out and their new ones in; false when that is not worth it or not possible. */
  private patch(perBlock: readonly BlockSentences[], minWords: number): boolean {
    if (minWords !== this.minWords || this.generation !== keyGeneration() || perBlock.length !== this.perBlock.length) return false;
    const changed: number[] = [];
    for (let block = 0; block < perBlock.length; block++) if (perBlock[block] !== this.perBlock[block] && changed.push(block) > MAX_CHANGED) return false;
    for (const block of changed) this.replace(block, this.perBlock[block]!, perBlock[block]!);
    this.perBlock = perBlock;
    return true;
  }

  /**
   * A changed block's sentences out and its new ones in, leaving alone each sentence whose key is
   * the same at the same place (the sentences of an edited paragraph that the edit did not reach).
   */
  private replace(block: number, before: BlockSentences, after: BlockSentences): void {
    const count = Math.min(PER_BLOCK, Math.max(before.keys.length, after.keys.length));
    for (let index = 0; index < count; index++) {
      const was = this.idAt(before, index);
      const now = this.idAt(after, index);
      if (was === now) continue;
      if (was >= 0) this.remove(was, block * PER_BLOCK + index);
      if (now >= 0) this.add(now, block * PER_BLOCK + index);
    }
  }

  /** The key number of sentence `index`, or -1 when there is none or it is too short to compare. */
  private idAt(sentences: BlockSentences, index: number): number {
    const key = sentences.keys[index];
    return key && key.words >= this.minWords ? keyNumber(key) : -1;
  }

  /** Puts a block's sentences in the index (a loop, not a callback per sentence: a first look runs this for every block). */
  private addAll(sentences: BlockSentences, block: number): void {
    const count = Math.min(PER_BLOCK, sentences.keys.length);
    for (let index = 0; index < count; index++) {
      const id = this.idAt(sentences, index);
      if (id >= 0) this.add(id, block * PER_BLOCK + index);
    }
  }

  private add(id: number, at: number): void {
    const list = this.uses.get(id);
    if (list === undefined) return void this.uses.set(id, at);
    this.repeatsChanged = true;
    if (typeof list === 'number') this.uses.set(id, list < at ? [list, at] : [at, list]), this.repeated.add(id);
    else list.splice(insertionPoint(list, at), 0, at);
  }

  private remove(id: number, at: number): void {
    const list = this.uses.get(id);
    if (list === undefined || list === at) this.uses.delete(id);
    else if (typeof list !== 'number') {
      this.repeatsChanged = true;
      const i = insertionPoint(list, at);
      if (list[i] === at) list.splice(i, 1);
      if (list.length === 1) this.uses.set(id, list[0]!), this.repeated.delete(id);
    }
  }
}
