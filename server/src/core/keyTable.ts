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
  private hashes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The number of text.slice(start, end), given one (a new number, the next free) if it has none. */
  idOf(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.hashes[entry - 1] === hash && same(this.keys[entry - 1]!, text, start, end)) return entry - 1;
    }
    const id = this.keys.length;
    // A copy: the key outlives the text it was read from (a cut would keep all of that text alive).
    this.keys.push(detachedSlice(text, start, end));
    this.hashes.push(hash);
    if (2 * this.keys.length > this.slots.length) this.grow();
    else this.place(id);
    return id;
  }

  clear(): void {
    this.keys.length = 0;
    this.hashes.length = 0;
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

/** FNV-1a over UTF-16 code units. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function same(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
