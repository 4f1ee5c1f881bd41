/**
 * @file A map from 32-bit hashes (shingles) to a posting: an ascending set of small non-negative
 * numbers (blocks). The near-duplicate index holds one entry per distinct shingle of a draft,
 * 280,000 for a 4 MB draft: as a Map that was 15 MB of hash table plus a boxed number for every
 * hash above 2^31; here it is two Int32Arrays (open addressing, linear probing), about 8 bytes a
 * slot. A lone number is stored in its slot; longer postings are regions of one shared pool: the
 * 76,000 of them as arrays of their own were 7.7 MB (an array and its elements cost 48 bytes
 * before the first number, and most postings hold two to four).
 */

/** Slots at most this full; past it the table doubles. */
const MAX_LOAD = 0.75;
const MIN_CAPACITY = 1024;
/** A list's first region; it doubles when full. */
const MIN_LIST = 4;

/**
 * Where a 64-bit pair's key (its high half) and number (its low half) are in a Uint32Array over
 * the same memory: the low half comes first on a little-endian machine.
 */
export const PAIR_KEY = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
export const PAIR_NUMBER = 1 - PAIR_KEY;

/** find's answer for a key with no posting. */
export const NONE = -1;

export class PostingTable {
  /** Each slot's hash, as int32. */
  private keys = new Int32Array(MIN_CAPACITY);
  /** 0: empty; n > 0: the lone number n - 1; n < 0: list -n - 1. */
  private values = new Int32Array(MIN_CAPACITY);
  private used = 0;
  /** 32 - log2(capacity): a hash's top bits pick its home slot. */
  private shift = 32 - Math.log2(MIN_CAPACITY);
  /** Every list's numbers: list i is pool[starts[i]] … pool[starts[i] + lengths[i] - 1], room for capacities[i]. */
  private pool = new Int32Array(MIN_CAPACITY);
  /** The pool's numbers in use or left behind by a list that moved. */
  private poolEnd = 0;
  /** Numbers of the pool up to poolEnd that no list holds (regions lists moved out of, or let go). */
  private wasted = 0;
  private starts = new Int32Array(256);
  private lengths = new Int32Array(256);
  private capacities = new Int32Array(256);
  /** List numbers in use or freed so far. */
  private lists = 0;
  private freeLists: number[] = [];

  get size(): number {
    return this.used;
  }

  /**
   * The key's posting as one number, read without making an array: its lone number (≥ 0), NONE,
   * or a handle (< NONE) to a list of two or more, for `length` and `at`. Valid until the next change.
   */
  find(key: number): number {
    const slot = this.slotOf(key | 0);
    // A lone number n is stored as n + 1 and list i as -i - 1: one less is the answer either way.
    return slot < 0 ? NONE : this.values[slot]! - 1;
  }

  /** How many numbers the list behind `handle` holds. */
  length(handle: number): number {
    return this.lengths[-handle - 2]!;
  }

  /** The list's `j`th number, ascending. */
  at(handle: number, j: number): number {
    return this.pool[this.starts[-handle - 2]! + j]!;
  }

  /** The key's numbers, ascending (a copy; empty when none). */
  get(key: number): number[] {
    const h = this.find(key);
    if (h === NONE) return [];
    if (h >= 0) return [h];
    const out: number[] = [];
    for (let j = 0; j < this.length(h); j++) out.push(this.at(h, j));
    return out;
  }

  /** Puts `n` (≥ 0, < 2^31 - 1) in the key's posting, in order; a number already there is put in again. */
  add(key: number, n: number): void {
    const k = key | 0;
    let slot = this.slotOf(k);
    if (slot < 0) {
      if (this.used + 1 > this.keys.length * MAX_LOAD) this.resize(this.keys.length * 2);
      slot = this.emptySlotFor(k);
      this.keys[slot] = k;
      this.values[slot] = n + 1;
      this.used++;
      return;
    }
    const v = this.values[slot]!;
    if (v > 0) {
      const list = this.newList(MIN_LIST);
      const start = this.starts[list]!;
      this.pool[start] = Math.min(v - 1, n);
      this.pool[start + 1] = Math.max(v - 1, n);
      this.lengths[list] = 2;
      this.values[slot] = -list - 1;
      return;
    }
    const list = -v - 1;
    const length = this.lengths[list]!;
    if (length === this.capacities[list]) this.grow(list, length * 2);
    const start = this.starts[list]!;
    const pool = this.pool;
    let at = length;
    if (length > 0 && pool[start + length - 1]! >= n) at = this.insertionPoint(start, length, n);
    if (at < length) pool.copyWithin(start + at + 1, start + at, start + length);
    pool[start + at] = n;
    this.lengths[list] = length + 1;
  }

  /** Takes one `n` out of the key's posting, if there; the key goes when nothing is left. */
  remove(key: number, n: number): void {
    const slot = this.slotOf(key | 0);
    if (slot < 0) return;
    const v = this.values[slot]!;
    if (v > 0) {
      if (v - 1 === n) this.deleteSlot(slot);
      return;
    }
    const list = -v - 1;
    const start = this.starts[list]!;
    const length = this.lengths[list]!;
    const at = this.insertionPoint(start, length, n);
    if (at === length || this.pool[start + at] !== n) return;
    this.pool.copyWithin(start + at, start + at + 1, start + length);
    this.lengths[list] = length - 1;
    if (length - 1 === 1) {
      this.values[slot] = this.pool[start]! + 1;
      this.freeList(list);
    }
  }

  delete(key: number): boolean {
    const slot = this.slotOf(key | 0);
    if (slot < 0) return false;
    this.deleteSlot(slot);
    return true;
  }

  clear(): void {
    this.keys = new Int32Array(MIN_CAPACITY);
    this.values = new Int32Array(MIN_CAPACITY);
    this.used = 0;
    this.shift = 32 - Math.log2(MIN_CAPACITY);
    this.pool = new Int32Array(MIN_CAPACITY);
    this.poolEnd = 0;
    this.wasted = 0;
    this.starts = new Int32Array(256);
    this.lengths = new Int32Array(256);
    this.capacities = new Int32Array(256);
    this.lists = 0;
    this.freeLists = [];
  }

  /**
   * Empties the table and puts in every pair of `pairs`: pair i is key * 2^32 + n, sorted
   * ascending, so each key's numbers come together and in order (read its halves with PAIR_KEY
   * and PAIR_NUMBER). The table is then what adding them one by one and trimLists leave: a first
   * look built the near-duplicate index by 160,000 adds that grew the hash table eight times and
   * each list two or three times, in code the JIT had not compiled yet; from pairs sorted natively
   * every region is cut to size at once. `starts` are the pairs' runs (runStarts), when the
   * caller has them already.
   */
  fill(pairs: BigUint64Array, starts: Int32Array = runStarts(pairs)): void {
    // Each pass a function of its own: the JIT compiles a long loop while it runs, and code after
    // it that had not run yet was thrown away when reached ("insufficient type feedback").
    const { distinct, lists, listed } = countRuns(starts);
    // The capacity that growing from MIN_CAPACITY by doubling reaches for `distinct` keys.
    let capacity = MIN_CAPACITY;
    while (distinct > capacity * MAX_LOAD) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.used = distinct;
    this.shift = 32 - Math.log2(capacity);
    // As trimLists leaves them: room for an eighth more numbers and a sixteenth more lists.
    this.pool = new Int32Array(Math.max(MIN_CAPACITY, listed + (listed >> 3)));
    this.poolEnd = listed;
    this.wasted = 0;
    const listRoom = Math.max(256, lists + (lists >> 4));
    this.starts = new Int32Array(listRoom);
    this.lengths = new Int32Array(listRoom);
    this.capacities = new Int32Array(listRoom);
    this.lists = lists;
    this.freeLists = [];
    this.placeRuns(new Int32Array(pairs.buffer, pairs.byteOffset, 2 * pairs.length), starts);
  }

  /** fill's second pass: each key in its slot, with its lone number or its list in the pool. */
  private placeRuns(halves: Int32Array, runs: Int32Array): void {
    const { keys, values, pool, starts, lengths, capacities } = this;
    let list = 0;
    let at = 0;
    for (let r = 0; r + 1 < runs.length; r++) {
      const i = runs[r]!;
      const j = runs[r + 1]!;
      const k = halves[2 * i + PAIR_KEY]!;
      const slot = this.emptySlotFor(k);
      keys[slot] = k;
      if (j - i === 1) values[slot] = halves[2 * i + PAIR_NUMBER]! + 1;
      else {
        starts[list] = at;
        lengths[list] = capacities[list] = j - i;
        for (let p = i; p < j; p++) pool[at++] = halves[2 * p + PAIR_NUMBER]!;
        values[slot] = -list - 1;
        list++;
      }
    }
  }

  /**
   * Packs every list into a region of its own length (call after a build), with room left at the
   * pool's end and for more lists: the edits after a build move a few lists to the end and start a
   * few, and with no room the first edit copied the whole pool and the list arrays into new ones
   * (a 4 MB draft: ~3 MB of fresh memory, ~10 ms of that keystroke).
   */
  trimLists(): void {
    this.compact(true);
  }

  private deleteSlot(slot: number): void {
    const v = this.values[slot]!;
    if (v < 0) this.freeList(-v - 1);
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
  }

  /** The first index of list region `start` (`length` numbers) whose number is not below `n`. */
  private insertionPoint(start: number, length: number, n: number): number {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pool[start + mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private newList(capacity: number): number {
    const list = this.freeLists.pop() ?? this.lists++;
    if (list >= this.starts.length) {
      const size = this.starts.length * 2;
      this.starts = grown(this.starts, size);
      this.lengths = grown(this.lengths, size);
      this.capacities = grown(this.capacities, size);
    }
    this.starts[list] = this.allocate(capacity);
    this.lengths[list] = 0;
    this.capacities[list] = capacity;
    return list;
  }

  private freeList(list: number): void {
    this.wasted += this.capacities[list]!;
    this.lengths[list] = 0;
    this.capacities[list] = 0;
    this.freeLists.push(list);
  }

  /** Room for `capacity` numbers in list `list`: in place when it ends the pool, else moved to the end. */
  private grow(list: number, capacity: number): void {
    const start = this.starts[list]!;
    const old = this.capacities[list]!;
    if (start + old === this.poolEnd) {
      this.ensure(start + capacity);
      this.poolEnd = start + capacity;
    } else {
      const at = this.allocate(capacity);
      // allocate may have compacted the pool and moved this list.
      const from = this.starts[list]!;
      this.pool.copyWithin(at, from, from + this.lengths[list]!);
      this.wasted += this.capacities[list]!;
      this.starts[list] = at;
    }
    this.capacities[list] = capacity;
  }

  /** A region of `size` numbers at the end of the pool. */
  private allocate(size: number): number {
    if (this.wasted > MIN_CAPACITY && this.wasted > this.poolEnd >> 1) this.compact(false);
    const at = this.poolEnd;
    this.ensure(at + size);
    this.poolEnd = at + size;
    return at;
  }

  private ensure(size: number): void {
    if (size > this.pool.length) this.pool = grown(this.pool, Math.max(size, this.pool.length + (this.pool.length >> 1)));
  }

  /** Moves every list to the front of a new pool, in list order, with its room kept or (`tight`) cut to its length. */
  private compact(tight: boolean): void {
    let total = 0;
    for (let list = 0; list < this.lists; list++) total += tight ? this.lengths[list]! : this.capacities[list]!;
    const pool = new Int32Array(Math.max(MIN_CAPACITY, tight ? total + (total >> 3) : total + (total >> 1)));
    let at = 0;
    for (let list = 0; list < this.lists; list++) {
      const capacity = tight ? this.lengths[list]! : this.capacities[list]!;
      if (capacity === 0) continue;
      const start = this.starts[list]!;
      pool.set(this.pool.subarray(start, start + this.lengths[list]!), at);
      this.starts[list] = at;
      this.capacities[list] = capacity;
      at += capacity;
    }
    this.pool = pool;
    this.poolEnd = at;
    this.wasted = 0;
    if (tight) {
      const size = Math.max(256, this.lists + (this.lists >> 4));
      this.starts = this.starts.slice(0, size);
      this.lengths = this.lengths.slice(0, size);
      this.capacities = this.capacities.slice(0, size);
    }
  }

  private home(k: number): number {
    // The keys are hashes already; the multiply spreads runs of similar low bits across the table.
    return Math.imul(k, 0x9e3779b1) >>> this.shift;
  }

  private slotOf(k: number): number {
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

/** fill's first pass, over the runs: how many keys, how many of them hold two numbers or more, and those numbers. */
function countRuns(starts: Int32Array): { distinct: number; lists: number; listed: number } {
  let lists = 0;
  let listed = 0;
  for (let r = 0; r + 1 < starts.length; r++) {
    const length = starts[r + 1]! - starts[r]!;
    if (length > 1) lists++, (listed += length);
  }
  return { distinct: starts.length - 1, lists, listed };
}

/**
 * Where each run of one key starts in sorted (key, number) pairs, and last the number of pairs:
 * found in one walk that fill and the near-duplicate search share. Each of their passes found the
 * runs again, with a call per run (four walks of a 1 MB draft's 160,000 pairs on its first look).
 * Keys are compared as int32: read as uint32, half of them would be boxed numbers in code not yet
 * optimised.
 */
export function runStarts(pairs: BigUint64Array): Int32Array {
  const halves = new Int32Array(pairs.buffer, pairs.byteOffset, 2 * pairs.length);
  const n = pairs.length;
  const starts = new Int32Array(n + 1);
  let runs = 0;
  for (let i = 0; i < n; i++) if (i === 0 || halves[2 * i + PAIR_KEY] !== halves[2 * i - 2 + PAIR_KEY]) starts[runs++] = i;
  starts[runs] = n;
  return starts.subarray(0, runs + 1);
}

function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
