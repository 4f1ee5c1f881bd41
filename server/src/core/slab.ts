/**
 * @file Small typed arrays that a draft keeps per paragraph (segment offsets, echo's word ids,
 * shingle lists), carved out of shared 64 KB buffers instead of each getting its own.
 *
 * Every ArrayBuffer with a backing store of its own is one more entry that V8 sweeps, one by one,
 * in every mark-compact (and a malloc'd block): a 4 MB draft kept ~30,000 of them, and sweeping
 * them cost 13-28 ms of the main thread per mark-compact, most of it in the step that starts
 * incremental marking, in the middle of a keystroke. V8 keeps an array of up to 64 bytes on its
 * own heap with no backing store (typed_array_max_size_in_heap), so those are made as usual,
 * unless the caller cuts them with subarray(): that needs a buffer, and V8 then moves the array's
 * contents to a backing store of their own.
 *
 * A carved array keeps its whole slab alive. What is carved lives as long as its paragraph's memo
 * entry (bounded, first in first out), and a keystroke carves a few hundred bytes, so the slabs
 * that old versions' arrays hold on to add up to little.
 */

const SLAB_BYTES = 64 * 1024;
/** Larger than this, an array gets its own buffer: carving it would waste the rest of a slab. */
const OWN_BUFFER_BYTES = 4 * 1024;
/** Up to this many bytes V8 stores a typed array on its heap, with no backing store to sweep. */
const ON_HEAP_BYTES = 64;

let slab = new ArrayBuffer(0);
let used = 0;

/** Where `bytes` bytes, 8-byte aligned, start in the current slab (a new one when it is full). */
function carve(bytes: number): number {
  const at = (used + 7) & ~7;
  if (at + bytes > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = bytes;
    return 0;
  }
  used = at + bytes;
  return at;
}

const carves = (bytes: number, viewed = false): boolean => (viewed ? bytes > 0 : bytes > ON_HEAP_BYTES) && bytes <= OWN_BUFFER_BYTES;

/** @param viewed whether the caller will cut it with subarray() (see the file comment) */
export function uint16s(length: number, viewed = false): Uint16Array {
  if (!carves(2 * length, viewed)) return new Uint16Array(length);
  const at = carve(2 * length); // before reading `slab`: carving may start a new one
  return new Uint16Array(slab, at, length);
}

/** @param viewed whether the caller will cut it with subarray() (see the file comment) */
export function uint32s(length: number, viewed = false): Uint32Array {
  if (!carves(4 * length, viewed)) return new Uint32Array(length);
  const at = carve(4 * length);
  return new Uint32Array(slab, at, length);
}

export function int32s(length: number): Int32Array {
  if (!carves(4 * length)) return new Int32Array(length);
  const at = carve(4 * length);
  return new Int32Array(slab, at, length);
}

export function uint8s(length: number): Uint8Array {
  if (!carves(length)) return new Uint8Array(length);
  const at = carve(length);
  return new Uint8Array(slab, at, length);
}

/** A copy of `source` carved as uint32s are. */
export function uint32sOf(source: Uint32Array): Uint32Array {
  const out = uint32s(source.length);
  out.set(source);
  return out;
}
