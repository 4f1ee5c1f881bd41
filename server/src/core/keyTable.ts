/**
 * @file Numbers for words, looked up by a stretch of a text rather than by a string: a draft's
 * first look reads every word, and a string cut per word only to find its number was most of what
 * echo allocated (tens of MB on a 1 MB draft, each freshly touched page a cost on its own).
 */
import { detachedSlice } from './textMemo';

export class KeyTable {
  /** Every key by its number. */
  readonly keys: string[] = [];
  /** Open addressing: slot → number + 1, 0 for empty. */
  private slots = new Int32Array(1024);
  /**
   * Each key's hash by its number, as int32: in an array of numbers, hashes past 2^31 made it an
   * array of doubles, and the probe compared a double per slot it met.
   */
  private hashes = new Int32Array(1024);

  get size(): number {
    return this.keys.length;
  }

  /** The number of text.slice(start, end), given one (a new number, the next free) if it has none. */
  idOf(text: string, start: number, end: number): number {
    // FNV-1a over UTF-16 code units, and the comparison below, written out here rather than called:
    // this runs for every word of a draft's first look, mostly before it is optimised, and the
    // server turns inlining off (--no-turbo-inlining), so each helper was a call per word.
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.hashes[entry - 1] !== hash) continue;
      const key = this.keys[entry - 1]!;
      if (key.length !== length) continue;
      let k = 0;
      while (k < length && key.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return entry - 1;
    }
    const id = this.keys.length;
    // A copy: the key outlives the text it was read from (a cut would keep all of that text alive).
    this.keys.push(detachedSlice(text, start, end));
    if (id === this.hashes.length) {
      const grown = new Int32Array(2 * id);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    if (2 * this.keys.length > this.slots.length) this.grow();
    else this.place(id);
    return id;
  }

  clear(): void {
    this.keys.length = 0;
    this.hashes = new Int32Array(1024);
    this.slots = new Int32Array(1024);
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.keys.length; id++) this.place(id);
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }
}
