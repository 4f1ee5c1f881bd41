/**
 * For tests that a copy keeps nothing of the long text it was cut from: how much the heap grows
 * while what `piecesOf` returns for 20 long texts is kept, each text dropped once cut.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A long text per k: 4 M characters (two-byte with `twoByte`), 8 MB or more each. */
export function longText(k: number, twoByte: boolean): string {
  const base = 'The council said on Tuesday that the harbour plan would go ahead. ';
  return twoByte ? `${base.repeat(62_000)}“${k}` : `${base.toLowerCase().repeat(62_000)}${k}`;
}

/** The heap's growth in MB over 20 texts' pieces, after a full collection, and the pieces kept. */
export function heapGrowthKeeping(piecesOf: (k: number) => string[]): { readonly grownMB: number; readonly kept: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const kept: string[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let k = 0; k < 20; k++) kept.push(...piecesOf(k));
  gc();
  return { grownMB: (process.memoryUsage().heapUsed - before) / 1e6, kept: kept.length };
}
