/**
 * @file Entry point of the `copydesk` command (bundled to server/out/cli.js).
 */
import { readFileSync } from 'node:fs';
import { main } from './cli/main';

declare const COPYDESK_VERSION: string;

process.exitCode = main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env,
  version: typeof COPYDESK_VERSION === 'string' ? COPYDESK_VERSION : 'dev',
});
