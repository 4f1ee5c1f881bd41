/**
 * Makes esbuild's output pure ASCII. esbuild escapes non-ASCII characters in strings, templates
 * and identifiers, but leaves them as they are in regular expression literals (evanw/esbuild#4205),
 * and the rules' patterns are full of curly quotes and dashes. One such character makes Node
 * decode the whole 2 MB server bundle as UTF-8 the slow way (~40 ms instead of ~11 ms on this
 * machine, the first thing every draft's first look waits for) and hands V8 a two-byte source
 * string, twice the memory, which it scans more slowly whenever it compiles a function lazily.
 *
 * Each UTF-16 unit above 0x7F becomes `\uXXXX`, which means the same character in a string, a
 * template, an identifier and a regular expression (with or without the `u` flag; a surrogate pair
 * written as two escapes is one code point under `u`). The one place it would not is right after a
 * backslash, where the character was an identity escape: that fails the build instead of guessing.
 * A line's columns after an escaped character move right, so the source map is moved with them.
 */
import { decode, encode } from '@jridgewell/sourcemap-codec';

const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * `code` with every non-ASCII UTF-16 unit escaped, and for each line the (old) columns of the
 * units escaped there (undefined for a line left as it was), for moveMappings.
 * @param {string} code
 * @param {string} file named in the error
 * @returns {{ code: string; escaped: (number[] | undefined)[] }}
 */
export function escapeNonAscii(code, file) {
  const lines = code.split('\n');
  /** @type {(number[] | undefined)[]} */
  const escaped = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    NON_ASCII.lastIndex = 0;
    if (!NON_ASCII.test(line)) {
      escaped.push(undefined);
      continue;
    }
    const columns = [];
    lines[i] = line.replace(NON_ASCII, (unit, column) => {
      let backslashes = 0;
      while (line[column - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 1) {
        throw new Error(`${file}:${i + 1}:${column}: '\\${unit}' is an identity escape of a non-ASCII character, which \\u${hex(unit)} would not keep; write \\u${hex(unit)} in the source`);
      }
      columns.push(column);
      return `\\u${hex(unit)}`;
    });
    escaped.push(columns);
  }
  return { code: lines.join('\n'), escaped };
}

/**
 * A source map's `mappings` for the escaped code: a generated column after k escaped units of its
 * line is 5k further right (one unit became six).
 * @param {string} mappings
 * @param {(number[] | undefined)[]} escaped from escapeNonAscii
 * @returns {string}
 */
export function moveMappings(mappings, escaped) {
  if (!escaped.some(Boolean)) return mappings;
  const decoded = decode(mappings);
  for (let line = 0; line < decoded.length; line++) {
    const columns = escaped[line];
    if (!columns) continue;
    for (const segment of decoded[line]) {
      let before = 0;
      while (before < columns.length && columns[before] < segment[0]) before++;
      segment[0] += 5 * before;
    }
  }
  return encode(decoded);
}

/**
 * An esbuild plugin (for builds with `write: false`) that writes every output file, JavaScript
 * escaped by escapeNonAscii and its source map moved to match; a build that fails writes nothing.
 * @param {(file: string, contents: string | Uint8Array) => void} writeFile
 */
export function asciiOutput(writeFile) {
  return {
    name: 'ascii-output',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length || !result.outputFiles) return;
        const files = new Map(result.outputFiles.map((f) => [f.path, f]));
        for (const file of result.outputFiles) {
          if (!file.path.endsWith('.js')) continue;
          const { code, escaped } = escapeNonAscii(file.text, file.path);
          writeFile(file.path, code);
          const map = files.get(`${file.path}.map`);
          if (map) {
            const parsed = JSON.parse(map.text);
            parsed.mappings = moveMappings(parsed.mappings, escaped);
            writeFile(map.path, JSON.stringify(parsed));
            files.delete(map.path);
          }
          files.delete(file.path);
        }
        // Anything else esbuild made (none today) is written as it came.
        for (const rest of files.values()) writeFile(rest.path, rest.contents);
      });
    },
  };
}

/** @param {string} unit one UTF-16 unit */
function hex(unit) {
  return unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}
