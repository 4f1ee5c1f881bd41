/**
 * DraftDocument against the library's TextDocument made from the whole text: after random
 * incremental edits (CR, LF and CRLF split and joined across edit boundaries, surrogate pairs,
 * several changes per notification) both agree on the text, every line start, position and
 * offset, and changeSince names a range outside which the versions are equal.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeLineStarts } from '../../../server/src/core/lines';
import { DraftDocument } from '../../../server/src/lsp/draftDocument';

const ALPHABET = ['a', 'b', ' ', '\n', '\r', '\r\n', '🚢', '\n\n', 'é'];
const chunk = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 6 }).map((xs) => xs.join(''));
const change = fc.record({ a: fc.nat(), b: fc.nat(), text: chunk, reversed: fc.boolean() });

function agree(doc: DraftDocument, text: string): void {
  const ref = TextDocument.create('file:///x.txt', 'plaintext', 1, text);
  assert.deepEqual(doc.lineStarts, computeLineStarts(text));
  assert.equal(doc.lineCount, ref.lineCount);
  assert.equal(doc.length, text.length);
  for (let o = -1; o <= text.length + 1; o++) assert.deepEqual(doc.positionAt(o), ref.positionAt(o), `positionAt(${o})`);
  for (let line = -1; line <= ref.lineCount; line++) {
    for (let character = -1; character <= 8; character++) {
      const p = { line, character };
      assert.equal(doc.offsetAt(p), ref.offsetAt(p), `offsetAt(${line}:${character})`);
    }
  }
  for (let line = -1; line <= ref.lineCount; line++) {
    assert.deepEqual(doc.getLineRange(line), ref.getLineRange(line), `getLineRange(${line})`);
    assert.equal(doc.getEOLCharacters(line), ref.getEOLCharacters(line), `getEOLCharacters(${line})`);
  }
  for (let a = 0; a <= text.length; a += 3) assert.equal(doc.slice(a, a + 5), text.slice(a, a + 5));
  const range = { start: ref.positionAt(1), end: ref.positionAt(text.length - 1) };
  assert.equal(doc.getText(range), ref.getText(range));
  assert.equal(doc.getText(), text);
}

describe('DraftDocument', () => {
  it('agrees with TextDocument after random incremental edits', () => {
    fc.assert(
      fc.property(chunk, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (start, notifications, read) => {
        const doc = new DraftDocument('file:///x.txt', 'plaintext', 1, start);
        let text = start;
        const versions = [{ version: 1, text }];
        for (const changes of notifications) {
          const events = changes.map(({ a, b, text: inserted, reversed }) => {
            // Each change's positions are in the text as the changes before it left it.
            const ref = TextDocument.create('file:///x.txt', 'plaintext', 1, text);
            const from = Math.min(a % (text.length + 1), b % (text.length + 1));
            const to = Math.max(a % (text.length + 1), b % (text.length + 1));
            const range = { start: ref.positionAt(from), end: ref.positionAt(to) };
            const s = ref.offsetAt(range.start);
            const e = ref.offsetAt(range.end);
            text = text.slice(0, s) + inserted + text.slice(e);
            return { range: reversed ? { start: range.end, end: range.start } : range, text: inserted };
          });
          doc.update(events, doc.version + 1);
          versions.push({ version: doc.version, text });
          if (read) agree(doc, text);
          for (const old of versions) {
            const range = doc.changeSince(old.version)!;
            assert.ok(range, `changeSince(${old.version})`);
            assert.equal(text.slice(0, range.start), old.text.slice(0, range.start));
            assert.equal(text.slice(range.newEnd), old.text.slice(range.oldEnd));
            assert.equal(range.newEnd - range.oldEnd, text.length - old.text.length);
          }
        }
        agree(doc, text);
      }),
      { numRuns: 300 },
    );
  });

  it('takes a whole-text change', () => {
    const doc = new DraftDocument('file:///x.txt', 'plaintext', 1, 'one\r\ntwo');
    doc.update([{ text: 'a\nb\rc' }], 2);
    agree(doc, 'a\nb\rc');
    assert.deepEqual(doc.changeSince(1), { start: 0, oldEnd: 8, newEnd: 5 });
  });

  it('joins a CR and an LF typed on either side of an edit into one line break', () => {
    const doc = new DraftDocument('file:///x.txt', 'plaintext', 1, 'a\rb');
    doc.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '\nc' }], 2);
    agree(doc, 'a\r\nc');
    doc.update([{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'x' }], 3);
    agree(doc, 'ax\r\nc');
  });

  it('forgets versions older than the last sixteen', () => {
    const doc = new DraftDocument('file:///x.txt', 'plaintext', 1, '');
    for (let v = 2; v <= 20; v++) doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], v);
    assert.equal(doc.changeSince(3), undefined);
    assert.deepEqual(doc.changeSince(4), { start: 0, oldEnd: 0, newEnd: 16 });
  });
});
