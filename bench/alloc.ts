/**
 * @file Not part of `npm run bench`: where a first lint's allocation goes, by a sampling heap
 * profile that keeps the objects the collector has already freed (a first look's cost on this kind
 * of machine is mostly fresh memory touched, garbage included). A built-in's allocation (match,
 * replace, a Set's add) is charged to it with its two nearest callers, so the line names the code
 * to change. Figures vary by a few percent from run to run (sampling).
 *
 *   node --import tsx bench/alloc.ts [--size 1mb] [--top 45]
 */
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { corpus, SIZES, type SizeLabel } from './corpus';

interface Node {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  readonly selfSize: number;
  readonly children: readonly Node[];
}

const { values } = parseArgs({ options: { size: { type: 'string', default: '1mb' }, top: { type: 'string', default: '45' } } });
const label = (Object.keys(SIZES) as SizeLabel[]).find((l) => l.replace(' ', '').toLowerCase() === values.size.toLowerCase());
if (!label) throw new Error(`--size must be one of ${Object.keys(SIZES).map((l) => l.replace(' ', '').toLowerCase()).join(', ')}`);

async function main(): Promise<void> {
  const { text } = corpus(label!);
  const api = await import('../server/src/api');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  const faults = process.resourceUsage().minorPageFault;
  await api.lintTextInSteps(text, 'plaintext', {}, { pause: async () => {}, blockCache: new api.BlockCache(), history: new api.DraftHistory() });
  const faulted = process.resourceUsage().minorPageFault - faults;
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  const add = (m: Map<string, number>, key: string, size: number) => m.set(key, (m.get(key) ?? 0) + size);
  const walk = (node: Node, callers: readonly string[]): void => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.split('/').slice(-2).join('/');
    // Line and column of the transpiled file (tsx): enough to tell two functions of one name apart.
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber}`;
    total += node.selfSize;
    add(byFile, file || '(built-in or engine)', node.selfSize);
    add(byFunction, url ? name : `${functionName || '(anonymous)'} <- ${callers.slice(-2).reverse().join(' <- ')}`, node.selfSize);
    for (const child of node.children) walk(child, url ? [...callers, name] : callers);
  };
  walk(profile.head, []);
  console.log(`${label} first lint: ${(total / 1e6).toFixed(1)} MB allocated (sampled), ${faulted} page faults`);
  const print = (m: Map<string, number>, n: number) => {
    for (const [key, size] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${(size / 1e6).toFixed(1).padStart(7)} MB  ${key}`);
  };
  console.log('by file:');
  print(byFile, 20);
  console.log('by function:');
  print(byFunction, Number(values.top));
}

void main();
