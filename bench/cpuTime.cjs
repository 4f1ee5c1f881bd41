/**
 * Preloaded into the CLI by bench/jobs.ts (`node --require`): on exit, the main thread writes the
 * process's CPU time (every thread's, workers included: getrusage of the process) to the file named
 * by COPYDESK_BENCH_CPU_FILE. Worker threads inherit the preload and do nothing.
 */
'use strict';
const { writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const file = process.env.COPYDESK_BENCH_CPU_FILE;
if (isMainThread && file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ userMs: user / 1000, systemMs: system / 1000 }));
  });
}
