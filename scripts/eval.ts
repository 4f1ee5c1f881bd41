/**
 * @file Runs Copydesk's evaluations on data kept outside the repository: one by name, or all.
 *
 * Usage: npx tsx scripts/eval.ts [near-duplicates|loaded-language|vague-attribution|unattributed-claim|echo|reused-paragraph] [evalDir] [more arguments]
 *        (or `npm run eval`, `npm run eval -- loaded-language`)
 *   evalDir  default ../shared/eval, resolved from the working directory
 *   near-duplicates  scripts/eval-near-duplicates.ts [evalDir] [benchDir]
 *   loaded-language  scripts/eval-loaded-language.ts [evalDir] [--no-write]
 *   vague-attribution  scripts/eval-vague-attribution.ts [evalDir] [--no-write]
 *   unattributed-claim  scripts/eval-unattributed-claim.ts [file.tsv …] [--no-write] (data in test/fixtures/attribution/)
 *   echo  scripts/eval-echo.ts [benchDir] (default <evalDir>/../bench)
 *   reused-paragraph  scripts/eval-reused-paragraph.ts [benchDir] [--no-write] (default <evalDir>/../bench)
 * Each evaluation reports missing data as SKIPPED and exits 0; this exits non-zero if any failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { evalEcho } from './eval-echo';
import { evalLoadedLanguage } from './eval-loaded-language';
import { evalUnattributedClaim } from './eval-unattributed-claim';
import { evalVagueAttribution } from './eval-vague-attribution';

const SCRIPTS = typeof __dirname === 'string' ? __dirname : path.resolve('scripts');

/** Each evaluation, in the order "all" runs them; the result is an exit code. */
const EVALS: Readonly<Record<string, (args: readonly string[]) => Promise<number> | number>> = {
  // eval-near-duplicates.ts runs as soon as it is loaded, so it gets a process of its own.
  'near-duplicates': (args) => runScript('eval-near-duplicates.ts', args.filter((a) => !a.startsWith('--'))),
  'loaded-language': (args) => evalLoadedLanguage(args),
  'vague-attribution': (args) => evalVagueAttribution(args),
  'unattributed-claim': (args) => evalUnattributedClaim(args),
  echo: (args) => {
    const [evalDir, benchDir] = args.filter((a) => !a.startsWith('--'));
    return evalEcho([benchDir ?? path.join(evalDir ?? '../shared/eval', '..', 'bench')]);
  },
  // Its own process, with --expose-gc: it measures the index's memory.
  'reused-paragraph': (args) => {
    const [evalDir, benchDir] = args.filter((a) => !a.startsWith('--'));
    return runScript('eval-reused-paragraph.ts', [benchDir ?? path.join(evalDir ?? '../shared/eval', '..', 'bench'), ...args.filter((a) => a.startsWith('--'))], ['--expose-gc']);
  },
};

function runScript(file: string, args: readonly string[], tsxFlags: readonly string[] = []): number {
  const tsx = createRequire(path.join(SCRIPTS, 'eval.ts')).resolve('tsx/cli');
  const result = spawnSync(process.execPath, [tsx, ...tsxFlags, path.join(SCRIPTS, file), ...args], { stdio: 'inherit' });
  if (result.error) {
    console.error(`${file}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

async function main(argv: readonly string[]): Promise<number> {
  const names = Object.keys(EVALS);
  if (argv[0] === '--help' || argv[0] === '-h') {
    console.log(`Usage: npx tsx scripts/eval.ts [${names.join('|')}] [evalDir=../shared/eval] [more arguments]\nWith no name, runs every evaluation in turn.`);
    return 0;
  }
  let selected = names;
  let rest = argv;
  const first = argv[0];
  if (first !== undefined && names.includes(first)) {
    selected = [first];
    rest = argv.slice(1);
  } else if (first !== undefined && /^[a-z][a-z-]*$/u.test(first) && !existsSync(first)) {
    // A bare word that is neither an evaluation nor a folder is most likely a misspelt name.
    console.error(`Unknown evaluation "${first}" (known: ${names.join(', ')}); an eval folder must exist.`);
    return 2;
  }
  let worst = 0;
  for (const name of selected) {
    if (selected.length > 1) console.log(`\n======== ${name} ========\n`);
    const code = await EVALS[name]!(rest);
    if (code !== 0) console.error(`\n${name} failed (exit ${code}).`);
    worst = Math.max(worst, code);
  }
  return worst;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
