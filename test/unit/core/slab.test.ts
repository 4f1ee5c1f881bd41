/**
 * The slab's arrays are what a draft keeps per paragraph: each must be zeroed, as long as asked,
 * aligned for its element size, and never share a byte with another one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { int32s, uint16s, uint32s, uint32sOf, uint8s } from '../../../server/src/core/slab';

type Made = Uint8Array | Uint16Array | Uint32Array | Int32Array;

const makers: [string, (n: number) => Made][] = [
  ['uint8s', uint8s],
  ['uint16s', uint16s],
  ['uint16s (viewed)', (n) => uint16s(n, true)],
  ['uint32s', uint32s],
  ['uint32s (viewed)', (n) => uint32s(n, true)],
  ['int32s', int32s],
];

/** Lengths on both sides of the on-heap limit (64 bytes), the own-buffer limit (4 KB) and a slab's end. */
const LENGTHS = [0, 1, 15, 16, 17, 33, 65, 100, 1023, 1024, 1025, 4097, 20_000];

describe('slab arrays', () => {
  for (const [name, make] of makers) {
    for (const n of LENGTHS) {
      it(`${name}(${n}) is ${n} zeros, aligned`, () => {
        const a = make(n);
        assert.equal(a.length, n);
        assert.ok(a.every((x) => x === 0));
        assert.equal(a.byteOffset % a.BYTES_PER_ELEMENT, 0);
      });
    }
  }

  it('never hands out overlapping bytes, across slabs', () => {
    // Enough arrays of mixed kinds and sizes to fill several 64 KB slabs; each is filled with its
    // own mark, and every one must still hold only its mark once all are made.
    const made: { a: Made; mark: number }[] = [];
    for (let i = 0; i < 3000; i++) {
      const [, make] = makers[i % makers.length]!;
      const a = make(LENGTHS[i % LENGTHS.length]! % 2000);
      const mark = (i % 250) + 1;
      a.fill(mark);
      made.push({ a, mark });
    }
    for (const { a, mark } of made) assert.ok(a.every((x) => x === mark));
  });

  it('carves a small array that will be cut with subarray(), which would give it a backing store of its own', () => {
    const a = uint16s(4, true);
    assert.ok(a.buffer.byteLength > a.byteLength);
    assert.equal(uint16s(4).buffer.byteLength, 8);
  });

  it('uint32sOf copies', () => {
    const source = Uint32Array.from([5, 1, 4_000_000_000, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33]);
    const copy = uint32sOf(source);
    assert.deepEqual([...copy], [...source]);
    source[0] = 0;
    assert.equal(copy[0], 5);
  });
});
