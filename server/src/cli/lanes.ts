/**
 * @file How many lanes (worker threads) check the drafts of a run, and how the lanes share them out.
 *
 * A worker thread costs a start-up (it loads the bundle and warms up its own JIT) that a small run
 * never earns back, so `auto` asks for one lane per BYTES_PER_LANE of drafts: a pre-commit run or
 * a pull request's handful stays in the main thread. See docs/cli.md for the measurements.
 *
 * The lanes take the drafts from one shared counter, in the order of the drafts, rather than each
 * getting a fixed share: linting time does not follow size closely (Markdown, repeats, long
 * paragraphs), workers finish loading at different times, and a lane that is done simply takes
 * the next draft. Taking them in order also lets the lines on stderr come out as the
 * run goes, in the same order as on one thread.
 */

/** Drafts per lane for `--jobs auto`, in bytes of input. */
export const BYTES_PER_LANE = 600 * 1024;

export type Jobs = number | 'auto';

/** The value of --jobs, or undefined when it is neither `auto` nor a whole number of at least 1. */
export function parseJobs(value: string): Jobs | undefined {
  if (value === 'auto') return 'auto';
  return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : undefined;
}

export interface Input {
  readonly drafts: number;
  /** The drafts' total size in bytes (only `auto` reads it). */
  readonly bytes: number;
}

/**
 * Lanes for a run: as asked, never more than there are drafts; `auto` also never more than the
 * machine runs at once. One lane means no worker: the drafts are checked in the main thread.
 */
export function laneCount(jobs: Jobs, input: Input, parallelism: number): number {
  const wanted = jobs === 'auto' ? Math.min(Math.floor(input.bytes / BYTES_PER_LANE), parallelism) : jobs;
  return Math.max(1, Math.min(wanted, input.drafts));
}

/**
 * The next draft to check, shared by every lane of a run: an index into the run's drafts, handed out
 * once each, in order. The counter lives in shared memory, so a worker takes a draft without a round
 * trip to the main thread.
 */
export class DraftQueue {
  private readonly next: Int32Array;

  /** A new queue of `length` drafts, or (in a worker) the queue whose `buffer` the main thread sent. */
  constructor(
    readonly length: number,
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT),
  ) {
    this.next = new Int32Array(buffer);
  }

  /** The index of the draft to check next, or undefined when every draft has been taken. */
  take(): number | undefined {
    const index = Atomics.add(this.next, 0, 1);
    return index < this.length ? index : undefined;
  }
}
