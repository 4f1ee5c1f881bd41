/**
 * @file Results computed from a piece of text, kept across versions of a draft: after a keystroke
 * only the edited paragraph's are computed again. Bounded (least recently used out), and every key
 * is copied on the way in, because a substring keeps its whole parent text alive and a long-running
 * server sees hundreds of versions of a 4 MB draft.
 */
export class TextMemo<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly max = 50_000) {}

  get(text: string, compute: (text: string) => T): T {
    const hit = this.entries.get(text);
    if (hit !== undefined) return hit;
    const value = compute(text);
    this.entries.set(intern(text), value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** The value kept for `text`, if any, without computing one. */
  peek(text: string): T | undefined {
    return this.entries.get(text);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A copy of `s` that shares no storage with the string it was cut from. */
export function detached(s: string): string {
  // A JSON round trip is the one copy every engine makes natively and in full (a split and join
  // cost 20 times as much: 700 ms on a 4 MB draft's first look). It also stores a copy whose
  // characters all fit in a byte at a byte each, though cut from a two-byte draft (one curly quote
  // makes a draft two-byte): slicing a concatenation copied once, 3-4 times as fast, but kept two
  // bytes per character, and the server's peak RSS on a 4 MB draft rose from ~236 to ~244 MB after
  // the open and from ~262 to ~303 MB after the edits.
  // Shorter than 13 characters it is already its own (see detachedSlice): most of a finding's
  // words and replacements ("Jan. 5", "said"), a third of a first look's copies.
  return s.length < SHARED_MIN ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** V8's shortest sliced or concatenated string (SlicedString::kMinLength, ConsString::kMinLength): anything shorter is a copy. */
const SHARED_MIN = 13;

/**
 * Whether `s` is certainly a string of its own, sharing no storage with a string it was cut or
 * put together from: shorter than any string V8 makes by pointing into others (see SHARED_MIN).
 * False for a string that is not a string (a check's data, at run time).
 */
export function ownedOutright(s: string): boolean {
  return typeof s === 'string' && s.length < SHARED_MIN;
}

/**
 * text.slice(start, end) as a string of its own. V8 copies a cut shorter than 13 characters
 * (SlicedString::kMinLength; SpiderMonkey copies up to 11 two-byte or 24 one-byte characters
 * inline) and points into the parent only from there on, so a short cut, most words, needs no
 * JSON round trip: echo's word table took one for each of a draft's distinct words.
 */
export function detachedSlice(text: string, start: number, end: number): string {
  return end - start < SHARED_MIN ? text.slice(start, end) : detached(text.slice(start, end));
}

/**
 * The one copy of a paragraph's text that every memo keys on: the segmentation hands blocks their
 * text through here, so each memo's lookup finds its key by identity (no second hash, no
 * character-by-character comparison) and a draft's paragraphs are stored once, not once per memo.
 */
export function intern(text: string): string {
  let own = interned.get(text);
  if (own === undefined) {
    own = detached(text);
    interned.set(own, own);
    if (interned.size > MAX_INTERNED) interned.delete(interned.keys().next().value!);
  }
  return own;
}

const interned = new Map<string, string>();
const MAX_INTERNED = 100_000;
