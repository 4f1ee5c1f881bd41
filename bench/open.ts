/**
 * @file Not part of `npm run bench`: only the first look, over the real stdio server: start-up →
 * `initialize`, then didOpen → the complete diagnostics, each in a fresh server, with the server's
 * own CPU time (from /proc, Linux only), which a shared machine disturbs less than wall-clock time.
 *
 *   node esbuild.mjs && node --import tsx bench/open.ts [--size 1mb] [--runs 5] [--idle-ms 0]
 *
 * --idle-ms waits that long between `initialized` and didOpen, as an editor usually does.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { SIZES, type SizeLabel } from './corpus';
import { cpuMs, open_, startServer } from './server';
import { median } from './timing';

const { values } = parseArgs({ options: { size: { type: 'string', default: '1mb' }, runs: { type: 'string', default: '5' }, 'idle-ms': { type: 'string', default: '0' } } });
const label = (Object.keys(SIZES) as SizeLabel[]).find((l) => l.replace(' ', '').toLowerCase() === values.size.toLowerCase());
if (!label) throw new Error(`--size must be one of ${Object.keys(SIZES).map((l) => l.replace(' ', '').toLowerCase()).join(', ')}`);


async function main(): Promise<void> {
  const init: number[] = [];
  const wall: number[] = [];
  const cpu: number[] = [];
  const mainCpu: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const server = await startServer();
    try {
      init.push(server.initializeMs);
      const idle = Number(values['idle-ms']);
      if (idle) await new Promise((resolve) => setTimeout(resolve, idle));
      const before = cpuMs(server.child.pid!);
      const mainBefore = cpuMs(server.child.pid!, true);
      const opened = await open_(server, label!);
      cpu.push(cpuMs(server.child.pid!) - before);
      mainCpu.push(cpuMs(server.child.pid!, true) - mainBefore);
      wall.push(opened.ms);
      console.log(`run ${i + 1}: initialize ${Math.round(server.initializeMs)} ms, open ${label} ${Math.round(opened.ms)} ms wall, ${Math.round(cpu.at(-1)!)} ms server CPU (main thread ${Math.round(mainCpu.at(-1)!)}), ${opened.diagnostics} diagnostics`);
    } finally {
      await server.stop();
    }
  }
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`median: initialize ${Math.round(median(init))} ms, open ${label} ${Math.round(median(wall))} ms wall, ${Math.round(median(cpu))} ms server CPU (main thread ${Math.round(median(mainCpu))}) (load ${load})`);
}

void main();
