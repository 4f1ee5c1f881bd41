/**
 * @file Entry point of the `copydesk` command (bundled to server/out/cli.js).
 */
import { readFileSync } from 'node:fs';
import { main } from './cli/main';
import { isLane, runLane } from './cli/worker';
import { compileForFirstLooks, compileRegExpsOnce } from './node/v8Flags';

declare const COPYDESK_VERSION: string;

compileRegExpsOnce();
compileForFirstLooks();
// --jobs starts this same file in worker threads, each of which checks drafts for the main thread.
if (isLane()) runLane();
else {
  void main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => readFileSync(0),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
    version: typeof COPYDESK_VERSION === 'string' ? COPYDESK_VERSION : 'dev',
    workerScript: __filename,
  }).then((code) => (process.exitCode = code));
}
