/**
 * @file The stdio server's message encoder: exactly the bytes of vscode-jsonrpc's own
 * (Buffer.from of JSON.stringify), whatever the message holds, and one buffer written again for
 * each message while the messages fit in it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { reusingJsonEncoder } from '../../../server/src/node/messageEncoder';

const report = (text: string, times: number): Message => ({ jsonrpc: '2.0', id: 1, result: { kind: 'full', resultId: '7', items: Array.from({ length: times }, (_, i) => ({ range: { start: { line: i, character: 0 }, end: { line: i, character: 4 } }, message: text })) } }) as Message;
const odd = (value: unknown): Message => ({ jsonrpc: '2.0', id: 2, result: value }) as Message;

describe('reusingJsonEncoder', () => {
  const cases: [string, Message][] = [
    ['a short message', report('Repeats the paragraph at line 7.', 1)],
    ['a long ASCII report', report('Repeats the paragraph at line 7.', 5_000)],
    ['a long report with curly quotes, dashes and an emoji', report('“Slammed” — an echo of line 7 😀', 5_000)],
    ['a report longer than the buffer it keeps', report('x'.repeat(1_000), 5_000)],
    ['a notification without id', { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ready' } } as Message],
    ['no result (null)', odd(null)],
    ['undefined and functions: left out of objects, null in arrays', odd({ a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s'), 1], d: 'kept' })],
    ['empty objects and arrays', odd({ a: {}, b: [], c: [[], {}] })],
    ['numbers, booleans, escapes', odd([0, -0, 1.5, -2e-7, Number.NaN, Infinity, true, false, 'tab\tquote"back\\slash\u0001', '\u2028'])],
    ['a toJSON, a class, a Date and a boxed string', odd({ t: { toJSON: () => 'from toJSON' }, c: new (class { x = 1 })(), d: new Date(0), s: Object('boxed') })],
    ['an object without prototype', odd(Object.assign(Object.create(null) as object, { b: 1, a: 2 }))],
    ['keys in JSON.stringify order (integer-like keys first)', odd({ b: 1, 2: 'two', a: 3, 1: 'one' })],
    ['arrays nested deeper than written member by member', odd([[[[[1, [undefined]]]]]])],
  ];
  for (const [name, msg] of cases) {
    it(`encodes ${name} as Buffer.from(JSON.stringify) does`, async () => {
      const bytes = await reusingJsonEncoder().encode(msg);
      assert.deepEqual(Buffer.from(bytes), Buffer.from(JSON.stringify(msg), 'utf-8'));
    });
  }

  it('fails as JSON.stringify fails, on a BigInt', async () => {
    await assert.rejects(reusingJsonEncoder().encode(odd({ n: 1n })), TypeError);
  });

  it("writes the last message's frozen items from the JSON it kept, and anything not frozen afresh", async () => {
    const encoder = reusingJsonEncoder();
    const frozen = report('Repeats the paragraph at line 7.', 3) as unknown as { result: { items: object[] } };
    for (const item of frozen.result.items) Object.freeze(item);
    const open = { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } }, message: 'before' };
    const first = { jsonrpc: '2.0', id: 1, result: { kind: 'full', resultId: '1', items: [...frozen.result.items, open] } } as Message;
    assert.deepEqual(Buffer.from(await encoder.encode(first)), Buffer.from(JSON.stringify(first)));
    // The same frozen objects again, one dropped, a changed unfrozen one and a new one.
    open.message = 'after';
    const added = Object.freeze({ message: 'new' });
    const second = { jsonrpc: '2.0', id: 2, result: { kind: 'full', resultId: '2', items: [frozen.result.items[2], open, frozen.result.items[0], added] } } as Message;
    assert.deepEqual(Buffer.from(await encoder.encode(second)), Buffer.from(JSON.stringify(second)));
    // Frozen on the outside only: its member can change, so it is never written from memory.
    const shallow = Object.freeze({ range: { start: 1 } });
    const outer = (id: number) => ({ jsonrpc: '2.0', id, result: { items: [shallow] } }) as Message;
    await encoder.encode(outer(5));
    shallow.range.start = 2;
    assert.deepEqual(Buffer.from(await encoder.encode(outer(6))), Buffer.from(JSON.stringify(outer(6))));
    // A frozen Date is not plain: its time can still change, so it is never written from memory.
    const when = Object.freeze(new Date(0));
    const dated = (id: number) => ({ jsonrpc: '2.0', id, result: { items: [when] } }) as Message;
    await encoder.encode(dated(3));
    Date.prototype.setTime.call(when, 1000);
    assert.deepEqual(Buffer.from(await encoder.encode(dated(4))), Buffer.from(JSON.stringify(dated(4))));
  });

  it('writes each message into the same buffer while they fit, each time exactly its bytes', async () => {
    const encoder = reusingJsonEncoder();
    const messages = [report('Repeats the paragraph at line 7.', 5_000), report('“Slammed”', 4_000), odd('short')];
    const buffers = new Set<ArrayBufferLike>();
    for (const msg of messages) {
      const bytes = await encoder.encode(msg);
      assert.deepEqual(Buffer.from(bytes), Buffer.from(JSON.stringify(msg)));
      buffers.add(bytes.buffer);
    }
    assert.equal(buffers.size, 1);
  });
});
