/**
 * @file A hash table from numbers to whole numbers in typed arrays: the per-run indexes over a
 * book-length draft (700,000 three-word keys, 600,000 shingles) are built on every keystroke, and
 * a Map would allocate an entry, and for keys past 2^31 a boxed number, per insertion.
 */
export class NumberTable {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  /** @param capacity the most keys it will hold; it never grows. */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Float64Array(size);
    this.values = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const slot = this.find(key);
    return this.used[slot] ? this.values[slot]! : -1;
  }

  set(key: number, value: number): void {
    const slot = this.find(key);
    this.keys[slot] = key;
    this.values[slot] = value;
    this.used[slot] = 1;
  }

  private find(key: number): number {
    // Mix the high and low halves: packed keys differ mostly in their high bits.
    const high = (key / 4294967296) >>> 0;
    let slot = Math.imul((key >>> 0) ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) & this.mask;
    while (this.used[slot] && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }
}
