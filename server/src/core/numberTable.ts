/**
 * @file A hash table from numbers to whole numbers in typed arrays: the per-run indexes over a
 * book-length draft (700,000 three-word keys) are built on every keystroke, and a Map would
 * allocate an entry, and for keys past 2^31 a boxed number, per insertion.
 */
export class NumberTable {
  private keys!: Float64Array;
  private values!: Int32Array;
  private used!: Uint8Array;
  private mask = 0;
  private size = 0;

  /** @param expected how many keys it will probably hold; it grows past that if need be. */
  constructor(expected: number) {
    let slots = 16;
    while (slots < expected * 2) slots *= 2;
    this.allocate(slots);
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const slot = this.find(key);
    return this.used[slot] ? this.values[slot]! : -1;
  }

  set(key: number, value: number): void {
    this.exchange(key, value);
  }

  /** set(key, value), answering the value it replaces (get's answer before it) in the same lookup. */
  exchange(key: number, value: number): number {
    let slot = this.find(key);
    if (this.used[slot]) {
      const previous = this.values[slot]!;
      this.values[slot] = value;
      return previous;
    }
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      slot = this.find(key);
    }
    this.size++;
    this.keys[slot] = key;
    this.used[slot] = 1;
    this.values[slot] = value;
    return -1;
  }

  /** Forgets every key, keeping the room it had. */
  clear(): void {
    this.used.fill(0);
    this.size = 0;
  }

  private allocate(slots: number): void {
    this.keys = new Float64Array(slots);
    this.values = new Int32Array(slots);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
    this.size = 0;
  }

  private grow(): void {
    const { keys, values, used } = this;
    this.allocate(keys.length * 2);
    for (let s = 0; s < keys.length; s++) if (used[s]) this.set(keys[s]!, values[s]!);
  }

  private find(key: number): number {
    // Mix the high and low halves: packed keys differ mostly in their high bits.
    const high = (key / 4294967296) >>> 0;
    let slot = Math.imul((key >>> 0) ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) & this.mask;
    while (this.used[slot] && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }
}

/**
 * The latest position set for each key, forgetting positions more than `window` behind the latest
 * one set: a pass that only asks about the last `window` words needs no table as large as the
 * draft (700,000 three-word keys in 4 MB were 27 MB of typed arrays on every first look). Two
 * tables take turns: when the newer one has spanned `window` positions, the older is emptied
 * and becomes the newer, so every position within `window` of the latest is still in one of them.
 * Positions must be set in ascending order.
 */
export class RecentPositions {
  private newer: NumberTable;
  private older: NumberTable;
  private since = Number.NEGATIVE_INFINITY;

  constructor(private readonly window: number) {
    this.newer = new NumberTable(window + 64);
    this.older = new NumberTable(window + 64);
  }

  /** The latest position set for `key`, or -1; a position more than `window` behind the latest set may be forgotten (-1). */
  get(key: number): number {
    const position = this.newer.get(key);
    return position >= 0 ? position : this.older.get(key);
  }

  /** Forgets every position, as a new table would know none (the room stays: a pass per keystroke need not allocate it again). */
  clear(): void {
    this.newer.clear();
    this.older.clear();
    this.since = Number.NEGATIVE_INFINITY;
  }

  /**
   * get(key), then set(key, position): one lookup in the newer table, where the two took two or
   * three (the phrase pass asks and sets every three-word key of a draft in turn).
   */
  swap(key: number, position: number): number {
    if (position - this.since >= this.window) {
      const previous = this.get(key);
      this.set(key, position);
      return previous;
    }
    const previous = this.newer.exchange(key, position);
    return previous >= 0 ? previous : this.older.get(key);
  }

  set(key: number, position: number): void {
    if (position - this.since >= this.window) {
      const emptied = this.older;
      emptied.clear();
      this.older = this.newer;
      this.newer = emptied;
      this.since = position;
    }
    this.newer.set(key, position);
  }
}
