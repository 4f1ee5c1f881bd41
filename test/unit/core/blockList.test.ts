/**
 * A plain layout after many edits at many places (runs of shifted blocks over several chunks, and
 * past MAX_RUNS one list placed whole) reads, block by block and without placing the blocks, as a
 * split from scratch.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSourceText, type LayoutHistory } from '../../../server/src/core/text';

const PARAGRAPHS = ['Harbour Plan Approved', 'The council met on Tuesday and approved the plan.', 'Shop owners asked for more time.', 'It closed in 2019.'];

/** A small deterministic generator: the same edits on every run. */
function numbers(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('BlockList', () => {
  it('reads each block as a split from scratch after 300 edits at random places of 700 paragraphs', () => {
    const next = numbers(7);
    const history: LayoutHistory = {};
    let text = Array.from({ length: 700 }, (_, i) => PARAGRAPHS[i % PARAGRAPHS.length]).join('\n\n');
    buildSourceText(text, 'plaintext', history);
    for (let e = 0; e < 300; e++) {
      const at = Math.floor(next() * text.length);
      const insert = ['x', ' ', '', 'word. ', '\n'][Math.floor(next() * 5)]!;
      const remove = insert ? 0 : 1;
      text = text.slice(0, at) + insert + text.slice(at + remove);
      const { layout } = buildSourceText(text, 'plaintext', history);
      const fresh = buildSourceText(text, 'plaintext').blocks;
      assert.equal(layout.length, fresh.length);
      // Some blocks asked for one at a time first: `all` must give those very objects back.
      const asked = [0, Math.floor(next() * fresh.length), fresh.length - 1].map((k) => [k, layout.at(k)] as const);
      for (let k = 0; k < fresh.length; k++) {
        const b = fresh[k]!;
        assert.equal(layout.kindAt(k), b.kind);
        assert.equal(layout.textAt(k), b.text);
        assert.equal(layout.startAt(k), b.span.start);
        assert.equal(layout.endAt(k), b.span.end);
        assert.deepEqual(layout.spanAt(k), b.span);
        assert.equal(layout.lineAt(k), b.line);
        assert.equal(layout.outerStartAt(k), b.outer.start);
        assert.equal(layout.outerEndAt(k), b.outer.end);
      }
      assert.equal(layout.lastEndingBy(fresh[3]!.outer.end), 3);
      assert.equal(layout.lastStartingBy(fresh[3]!.outer.start - 1), 2);
      const all = layout.all();
      for (const [k, b] of asked) assert.ok(all[k] === b && layout.spanAt(k) === b.span);
      assert.deepEqual(all.map((b) => ({ ...b })), fresh.map((b) => ({ ...b })));
    }
  });
});
