import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Entry point the extension host loads through `extensionTestsPath`; it awaits
 * `run()` and reports failure when the promise rejects.
 *
 * When COPYDESK_E2E_RESULTS names a file, one JSON line per finished test is
 * appended there: the code-server runner reads it for its per-test summary,
 * because extension-host console output is not reliably forwarded to a browser.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000 });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const resultsFile = process.env.COPYDESK_E2E_RESULTS;
  const record = (entry: object): void => {
    if (resultsFile) fs.appendFileSync(resultsFile, JSON.stringify(entry) + '\n');
  };

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0, tests = 0 } = runner.stats ?? {};
      record({ event: 'end', passes, failures: failed, pending, tests });
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else if (passes === 0) reject(new Error('no e2e test ran'));
      else resolve();
    });
    runner.on('pass', (t) => record({ event: 'test', state: 'passed', title: t.fullTitle(), ms: t.duration }));
    runner.on('fail', (t, err: Error) =>
      record({ event: 'test', state: 'failed', title: t.fullTitle(), error: String(err?.stack ?? err) }),
    );
    runner.on('pending', (t) => record({ event: 'test', state: 'skipped', title: t.fullTitle() }));
  });
}
