/**
 * @file A map from 32-bit hashes (shingles) to a posting: one small non-negative number, or a list
 * of them. The near-duplicate index holds one entry per distinct shingle of a draft, 280,000 for a
 * 4 MB draft: as a Map that was 15 MB of hash table plus a boxed number for every hash above 2^31;
 * here it is two Int32Arrays (open addressing, linear probing), about 8 bytes a slot.
 */

/** Slots at most this full; past it the table doubles. */
const MAX_LOAD = 0.75;
const MIN_CAPACITY = 1024;

export type Posting = number | number[];

export class PostingTable {
  /** Each slot's hash, as int32. */
  private keys = new Int32Array(MIN_CAPACITY);
  /** 0: empty; n > 0: the lone number n - 1; n < 0: lists[-n - 1]. */
  private values = new Int32Array(MIN_CAPACITY);
  private lists: (number[] | undefined)[] = [];
  private freeLists: number[] = [];
  private used = 0;
  /** 32 - log2(capacity): a hash's top bits pick its home slot. */
  private shift = 32 - Math.log2(MIN_CAPACITY);

  get size(): number {
    return this.used;
  }

  get(key: number): Posting | undefined {
    const slot = this.find(key | 0);
    if (slot < 0) return undefined;
    const v = this.values[slot]!;
    return v > 0 ? v - 1 : this.lists[-v - 1];
  }

  /** @param value a number ≥ 0 and < 2^31 - 1, or a list the table keeps (not a copy) */
  set(key: number, value: Posting): void {
    const k = key | 0;
    let slot = this.find(k);
    if (slot < 0) {
      if (this.used + 1 > this.keys.length * MAX_LOAD) this.resize(this.keys.length * 2);
      slot = this.emptySlotFor(k);
      this.keys[slot] = k;
      this.used++;
    } else this.release(slot);
    this.values[slot] = typeof value === 'number' ? value + 1 : -this.keep(value) - 1;
  }

  delete(key: number): boolean {
    let slot = this.find(key | 0);
    if (slot < 0) return false;
    this.release(slot);
    this.used--;
    // Backward-shift deletion: entries after the hole that would no longer be found move into it.
    const mask = this.keys.length - 1;
    for (let next = (slot + 1) & mask; this.values[next] !== 0; next = (next + 1) & mask) {
      const home = this.home(this.keys[next]!);
      const between = slot <= next ? home > slot && home <= next : home > slot || home <= next;
      if (between) continue;
      this.keys[slot] = this.keys[next]!;
      this.values[slot] = this.values[next]!;
      slot = next;
    }
    this.values[slot] = 0;
    return true;
  }

  clear(): void {
    this.keys = new Int32Array(MIN_CAPACITY);
    this.values = new Int32Array(MIN_CAPACITY);
    this.lists = [];
    this.freeLists = [];
    this.used = 0;
    this.shift = 32 - Math.log2(MIN_CAPACITY);
  }

  /**
   * Copies every list to one of its own length: a list grown by push keeps room for about 16 more
   * numbers, which across tens of thousands of short lists is megabytes (call after a build).
   */
  trimLists(): void {
    for (let i = 0; i < this.lists.length; i++) {
      const list = this.lists[i];
      if (list && list.length > 2) this.lists[i] = list.slice();
    }
  }

  private keep(list: number[]): number {
    const i = this.freeLists.pop() ?? this.lists.length;
    this.lists[i] = list;
    return i;
  }

  /** Lets go of the list a slot points to, if any. */
  private release(slot: number): void {
    const v = this.values[slot]!;
    if (v < 0) {
      this.lists[-v - 1] = undefined;
      this.freeLists.push(-v - 1);
    }
  }

  private home(k: number): number {
    // The keys are hashes already; the multiply spreads runs of similar low bits across the table.
    return Math.imul(k, 0x9e3779b1) >>> this.shift;
  }

  private find(k: number): number {
    const mask = this.keys.length - 1;
    for (let slot = this.home(k); this.values[slot] !== 0; slot = (slot + 1) & mask) if (this.keys[slot] === k) return slot;
    return -1;
  }

  private emptySlotFor(k: number): number {
    const mask = this.keys.length - 1;
    let slot = this.home(k);
    while (this.values[slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  private resize(capacity: number): void {
    const { keys, values } = this;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.shift = 32 - Math.log2(capacity);
    for (let i = 0; i < keys.length; i++) {
      if (values[i] === 0) continue;
      const slot = this.emptySlotFor(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.values[slot] = values[i]!;
    }
  }
}
