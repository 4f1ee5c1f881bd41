/**
 * @file Seeds for property tests: every property runs once with a fixed seed (the same cases on
 * every machine) and once with a fresh one, named in the test's title so a failure in CI can be
 * replayed: `FC_SEED=<seed> npm run test:unit` runs that seed in place of a fresh one.
 */

export interface Seed {
  readonly seed: number;
  /** For the test title: "fixed seed 20261128" or "random seed 123 (replay: FC_SEED=123)". */
  readonly label: string;
}

export const FIXED_SEED = 20261128;

function freshSeed(): number {
  const given = process.env['FC_SEED'];
  if (given !== undefined && /^-?\d+$/.test(given)) return Number(given);
  return Math.floor(Math.random() * 2 ** 31);
}

/** One fresh seed per test process, so all properties in a file print the same one. */
const fresh = freshSeed();

export const SEEDS: readonly Seed[] = [
  { seed: FIXED_SEED, label: `fixed seed ${FIXED_SEED}` },
  { seed: fresh, label: `random seed ${fresh} (replay: FC_SEED=${fresh})` },
];
