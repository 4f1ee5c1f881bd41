/**
 * @file Runs one measure in a fresh Node process, so "cold" really is cold (no cache of any kind
 * from an earlier run) and a tool that crashes or runs out of memory takes only itself down.
 * Prints one JSON line on stdout for the parent (throughput.ts) to read.
 *
 *   tsx bench/child.ts tool <tool> <size> <maxWarmRuns> <budgetMs>
 *   tsx bench/child.ts profile <size> <withWarm: 0|1>
 */
import type { SizeLabel } from './corpus';
import { measureTool } from './measure';
import { ruleProfile } from './profile';

const emit = (value: unknown): void => void process.stdout.write(JSON.stringify(value) + '\n');

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'tool') emit(await measureTool(args[0] ?? '', args[1] as SizeLabel, Number(args[2]), Number(args[3])));
  else if (mode === 'profile') emit(await ruleProfile(args[0] as SizeLabel, args[1] === '1'));
  else throw new Error(`unknown mode ${mode}`);
}

main().catch((error: unknown) => {
  emit({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
});
