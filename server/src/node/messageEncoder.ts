/**
 * @file How the server over stdio turns a message into bytes. vscode-jsonrpc's own encoder is
 * Buffer.from(JSON.stringify(msg)), and on a long draft every keystroke's diagnostics are ~0.5 MB
 * of JSON: V8 builds a string that long as a tree of pieces, and the UTF-8 copy first flattens it
 * into one fresh 1 MB string (two bytes a character once a message holds a curly quote), which on
 * this kind of VM costs ~10 ms a keystroke, mostly page faults, before a fresh Buffer for the bytes.
 * Here the big arrays' elements are stringified one by one, each a short string flattened in the
 * young generation, and written one after another into one buffer kept from message to message:
 * the same bytes (messageEncoder.test.ts) for ~0.3 ms of writing.
 */

/** vscode-jsonrpc's ContentTypeEncoder, as its writer calls it (only the servers import the library). */
export interface JsonEncoder {
  readonly name: string;
  encode(msg: object): Promise<Uint8Array>;
}

/**
 * Messages up to this many bytes are written into the kept buffer; a longer one (every finding of
 * a long draft with copydesk.maxDiagnostics 0) gets its own, so the server does not keep that much.
 */
const MAX_KEPT = 4 * 1024 * 1024;
/**
 * Plain objects and arrays less deep than this are written member by member, deeper ones by one
 * JSON.stringify each: a diagnostics report's items (message → result → items → each item) are
 * then a short string each, not one per field.
 */
const MAX_DEPTH = 3;

/**
 * An encoder whose bytes stay valid until its next message: vscode-jsonrpc's writer encodes a
 * message only once the last one is written (one write at a time, released by the stream's write
 * callback), so no message is overwritten before it is out.
 */
export function reusingJsonEncoder(): JsonEncoder {
  let kept: Buffer = Buffer.alloc(0);
  let lastJson = new Map<object, string>();
  return {
    name: 'application/json',
    encode(msg: object): Promise<Uint8Array> {
      try {
        const out = new ByteWriter(kept, lastJson);
        write(out, msg, 0);
        const bytes = out.bytes();
        if (out.buffer !== kept && out.buffer.length <= MAX_KEPT) kept = out.buffer;
        // Only the last message's: a keystroke's report repeats the one before it, nothing older.
        lastJson = out.json;
        return Promise.resolve(bytes);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
  };
}

/** UTF-8 written one string after another into a buffer that grows (into a new one) as needed. */
class ByteWriter {
  private at = 0;
  /** The JSON of each deeply frozen object this message wrote whole, for the next message. */
  readonly json = new Map<object, string>();

  /** `known`: the last message's, by object. */
  constructor(
    public buffer: Buffer,
    private readonly known: ReadonlyMap<object, string>,
  ) {}

  /**
   * `value` written whole. The JSON of a plain object frozen to its innermost member cannot
   * change, so the last message's is used again: the diagnostics reports of two keystrokes share ~990 of their ~1,000 items as the same
   * frozen objects (lsp/reportIds.ts), which were stringified again, ~0.3 MB of JSON each time.
   */
  addWhole(value: unknown): void {
    if (typeof value !== 'object' || value === null) {
      this.add(JSON.stringify(value) ?? 'null');
      return;
    }
    // Known means it was frozen to its innermost member last message, and a freeze is for good:
    // not walked again (that walk cost as much as the JSON it saves).
    let json = this.known.get(value);
    if (json === undefined) {
      if (!frozenJson(value)) {
        this.add(JSON.stringify(value));
        return;
      }
      json = JSON.stringify(value);
    }
    this.json.set(value, json);
    this.add(json);
  }

  add(text: string): void {
    // At most 3 bytes of UTF-8 per UTF-16 code unit: room checked without counting the bytes.
    if (this.at + 3 * text.length > this.buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(2 * this.buffer.length, this.at + 3 * text.length, 64 * 1024));
      this.buffer.copy(grown, 0, 0, this.at);
      this.buffer = grown;
    }
    this.at += this.buffer.write(text, this.at, 'utf-8');
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.at);
  }
}

/** What JSON.stringify(value) writes, with plain objects and arrays near the top written member by member. */
function write(out: ByteWriter, value: unknown, depth: number): void {
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) {
    out.addWhole(value);
    return;
  }
  if (Array.isArray(value)) {
    out.add('[');
    for (let i = 0; i < value.length; i++) {
      if (i) out.add(',');
      // As JSON.stringify: what has no JSON (undefined, a function, a symbol) is null in an array.
      const element: unknown = value[i];
      if (skipped(element)) out.add('null');
      else write(out, element, depth + 1);
    }
    out.add(']');
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // Anything else (a toJSON, a class, a boxed primitive) is left to JSON.stringify whole.
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    out.add(JSON.stringify(value));
    return;
  }
  out.add('{');
  let first = true;
  for (const key of Object.keys(value)) {
    const member: unknown = (value as Record<string, unknown>)[key];
    // As JSON.stringify: a member with no JSON is left out of an object.
    if (skipped(member)) continue;
    out.add(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    write(out, member, depth + 1);
  }
  out.add('}');
}

/**
 * A plain object or array, without toJSON, frozen with everything in it: what a kept diagnostic
 * is (lsp/reportIds.ts). A shallow freeze would still let a member change, a frozen Date can
 * still change its time, and a toJSON may answer differently each call.
 */
function frozenJson(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Object.isFrozen(value) || (proto !== Object.prototype && proto !== Array.prototype && proto !== null)) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const key in value) {
    const member: unknown = (value as Record<string, unknown>)[key];
    if (typeof member === 'object' && member !== null && !frozenJson(member)) return false;
  }
  return true;
}

function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
