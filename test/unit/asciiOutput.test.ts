/**
 * scripts/ascii-output.mjs: the escaped code means what the original meant, its source map still
 * points each generated position at the same source position, an identity escape stops the build,
 * and the built bundles are pure ASCII (the last needs `npm run build`).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { escapeNonAscii, moveMappings } from '../../scripts/ascii-output.mjs';

const root = join(__dirname, '..', '..');

describe('escapeNonAscii', () => {
  // Each expression's value, evaluated before and after escaping.
  const same: readonly [string, string][] = [
    ['a class of curly quotes', '/[“”]/u.test("x”")'],
    ['without the u flag', '/it’s/.test("it’s")'],
    ['a dash in a range', '/^[a\\-–]+$/.test("a–-")'],
    ['an astral character under u', '/^😀$/u.test("😀")'],
    ['an astral character without u', '/^😀$/.test("😀")'],
    ['an astral character in a class under u', '/^[😀x]$/u.test("😀")'],
    ['after an escaped backslash', '/\\\\é/.test("\\\\é")'],
    ['a string and a template', '"é" + `ü${1}`'],
    ['an identifier', '(() => { const café = 1; return café; })()'],
    ['the match, not only the test', 'JSON.stringify("«a» “b”".match(/[«“](\\w)[»”]/gu))'],
  ];
  for (const [name, expression] of same) {
    it(`keeps the meaning: ${name}`, () => {
      const { code } = escapeNonAscii(expression, 'case.js');
      assert.match(code, /^[\x00-\x7f]*$/u);
      assert.deepEqual(runInNewContext(code), runInNewContext(expression));
    });
  }

  it('leaves ASCII lines alone and lists the escaped columns of the others', () => {
    const { code, escaped } = escapeNonAscii('a\n/“x”/\nb', 'case.js');
    assert.equal(code, 'a\n/\\u201Cx\\u201D/\nb');
    assert.deepEqual(escaped, [undefined, [1, 3], undefined]);
  });

  it('refuses an identity escape, naming where', () => {
    assert.throws(() => escapeNonAscii('ok\n/\\é/', 'x.js'), /x\.js:2:2: .*identity escape/u);
  });
});

describe('moveMappings', () => {
  it('moves each generated column past the escapes before it, and no other', () => {
    // Line 0: segments at columns 0, 5 and 9 of `f(/“”/, g)`; escapes at 3 and 4. Line 1 has none.
    const mappings = encode([
      [[0, 0, 0, 0], [5, 0, 0, 7], [9, 0, 0, 11]],
      [[2, 0, 1, 2]],
    ]);
    const moved = decode(moveMappings(mappings, [[3, 4], undefined]));
    assert.deepEqual(moved, [
      [[0, 0, 0, 0], [15, 0, 0, 7], [19, 0, 0, 11]],
      [[2, 0, 1, 2]],
    ]);
  });

  it('returns the mappings as they were when nothing was escaped', () => {
    const mappings = encode([[[0, 0, 0, 0]]]);
    assert.equal(moveMappings(mappings, [undefined]), mappings);
  });

  it('keeps a real position pointing at the same source text', () => {
    const source = 'const q = /[“”]/u;\nexport const hit = q.test("“");';
    const line = 'var q = /[“”]/u, hit = q.test("x");';
    const { code, escaped } = escapeNonAscii(line, 'case.js');
    // `hit` in the generated line, mapped to `hit` on the source's second line.
    const mappings = encode([[[line.indexOf('hit'), 0, 1, source.split('\n')[1]!.indexOf('hit')]]]);
    const [[segment]] = decode(moveMappings(mappings, escaped)) as [[[number, number, number, number]]];
    assert.equal(code.slice(segment[0], segment[0] + 3), 'hit');
  });
});

describe('the built bundles', () => {
  const outs = ['server/out', 'client/out'].map((dir) => join(root, dir)).filter(existsSync);
  it('are pure ASCII', { skip: outs.length ? false : 'not built; run npm run build' }, () => {
    for (const dir of outs) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
        const bytes = readFileSync(join(dir, name));
        assert.equal(bytes.findIndex((b) => b > 0x7f), -1, `${name} has a non-ASCII byte`);
      }
    }
  });
  it('keep regular expressions with \\p{...} as literals, not a new RegExp per call (esbuild.mjs supported)', { skip: outs.length ? false : 'not built; run npm run build' }, () => {
    for (const dir of outs) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
        const lowered = readFileSync(join(dir, name), 'utf8').match(/new RegExp\("[^"\n]*\\\\[pP]\{/u);
        assert.equal(lowered, null, `${name}: ${lowered?.[0]}`);
      }
    }
  });
});
