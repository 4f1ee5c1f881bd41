/**
 * @file Checking a run's drafts in worker threads (node:worker_threads): the lanes take drafts from
 * one DraftQueue and check each with a DraftLinter of their own. A worker runs the CLI bundle
 * itself (cli.ts starts `runLane` when it is a lane), so the package needs no second bundle. Each
 * outcome comes back with its draft's index; the caller puts them in order.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { DraftLinter, messageOf, type DraftOptions, type DraftOutcome } from './draft';
import type { Target } from './files';
import { DraftQueue } from './lanes';

/** What a worker is started with: plain data (the queue's counter is shared memory). */
interface LaneData {
  readonly options: DraftOptions;
  readonly targets: readonly Target[];
  readonly queue: SharedArrayBuffer;
}

type LaneMessage = { readonly index: number; readonly outcome: DraftOutcome };

/**
 * Checks every target in `lanes` worker threads running `script` (the CLI bundle) and hands each
 * outcome to `deliver` as it arrives, in whatever order the lanes finish them. The main thread only
 * coordinates: every draft of a laned run is checked in a worker, the same way, and the main thread
 * is free to print lines as they come. A draft whose worker stopped half-way (out of memory, say)
 * is delivered as not checked. Returns what to tell about workers that failed without losing a draft.
 */
export async function lintInLanes(targets: readonly Target[], options: DraftOptions, lanes: number, script: string, deliver: (index: number, outcome: DraftOutcome) => void): Promise<string[]> {
  const queue = new DraftQueue(targets.length);
  const delivered = new Set<number>();
  const take = (index: number, outcome: DraftOutcome): void => {
    delivered.add(index);
    deliver(index, outcome);
  };
  const data: LaneData = { options, targets, queue: queue.buffer };
  const errors: string[] = [];
  await Promise.all(Array.from({ length: lanes }, () => runWorker(script, data, take, errors)));

  const lost = targets.map((_, index) => index).filter((index) => !delivered.has(index));
  const reason = `its worker thread failed: ${errors[0] ?? 'it stopped'}`;
  for (const index of lost) deliver(index, { said: [{ stream: 'stderr', text: `copydesk: ${targets[index]!.name}: could not be checked (${reason}); skipped\n` }], inputError: true });
  return lost.length ? [] : errors.map((error) => `copydesk: a worker thread failed (${error}); the other threads checked its drafts\n`);
}

function runWorker(script: string, data: LaneData, take: (index: number, outcome: DraftOutcome) => void, errors: string[]): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: { copydeskLane: data } });
    worker.on('message', ({ index, outcome }: LaneMessage) => take(index, outcome));
    let failed = false;
    worker.on('error', (error) => {
      failed = true;
      errors.push(messageOf(error));
    });
    // Node delivers a worker's last messages before 'exit'.
    worker.on('exit', (code) => {
      if (code !== 0 && !failed) errors.push(`it stopped with exit code ${code}`);
      resolve();
    });
  });
}

/** Whether this thread was started by lintInLanes. */
export function isLane(): boolean {
  return parentPort !== null && typeof workerData === 'object' && workerData !== null && 'copydeskLane' in workerData;
}

/** A worker's side: take drafts until none are left, and post each outcome to the main thread. */
export function runLane(): void {
  const { options, targets, queue: buffer } = (workerData as { copydeskLane: LaneData }).copydeskLane;
  const queue = new DraftQueue(targets.length, buffer);
  const linter = new DraftLinter(options);
  for (let index = queue.take(); index !== undefined; index = queue.take()) {
    const message: LaneMessage = { index, outcome: linter.lint(targets[index]!) };
    parentPort!.postMessage(message);
  }
}
