/**
 * @file What fills a heap snapshot: self size summed by kind of object (constructor name, or the
 * node type for strings, arrays, code and the like), largest first, plus the largest single
 * strings. Self sizes only (no dominator tree): enough to see which kind of object to cut.
 *
 *   node --import tsx bench/heap-summary.ts .bench-cache/open.heapsnapshot [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Snapshot {
  readonly snapshot: { readonly meta: { readonly node_fields: string[]; readonly node_types: [string[], ...unknown[]] } };
  readonly nodes: number[];
  readonly strings: string[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const file = positionals[0];
if (!file) throw new Error('usage: heap-summary.ts FILE [--top N]');
const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
const fields = snap.snapshot.meta.node_fields;
const types = snap.snapshot.meta.node_types[0];
const width = fields.length;
const [TYPE, NAME, SIZE] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];

const byKind = new Map<string, { bytes: number; count: number }>();
const strings: { bytes: number; text: string }[] = [];
let total = 0;
for (let i = 0; i < snap.nodes.length; i += width) {
  const type = types[snap.nodes[i + TYPE]!]!;
  const size = snap.nodes[i + SIZE]!;
  const name = snap.strings[snap.nodes[i + NAME]!]!;
  total += size;
  // Objects by constructor; strings, arrays and code by their type (their "name" is their content).
  const kind = type === 'object' || type === 'closure' ? `${type} ${name}` : `(${type})`;
  const entry = byKind.get(kind) ?? { bytes: 0, count: 0 };
  entry.bytes += size;
  entry.count++;
  byKind.set(kind, entry);
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') {
    if (size > 100_000) strings.push({ bytes: size, text: name.slice(0, 60) });
  }
}

const mb = (b: number) => (b / 1e6).toFixed(1).padStart(7);
console.log(`${file}: ${mb(total)} MB in ${(snap.nodes.length / width).toLocaleString('en-US')} objects`);
for (const [kind, { bytes, count }] of [...byKind].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, Number(values.top))) {
  console.log(`${mb(bytes)} MB ${count.toLocaleString('en-US').padStart(10)}  ${kind}`);
}
console.log(`strings over 100 KB: ${strings.length}`);
for (const s of strings.sort((a, b) => b.bytes - a.bytes).slice(0, 10)) console.log(`${mb(s.bytes)} MB  ${JSON.stringify(s.text)}…`);
