/**
 * @file The tools measured, Copydesk first, each on the same plain text with its own default rules.
 * write-good is the product's own copy (the one Copydesk's write-good/* rules run); the other peers
 * come from this folder's package (bench/package.json), so they never become product dependencies.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const fromProduct = createRequire(path.join(ROOT, 'package.json'));
const fromBench = createRequire(path.join(__dirname, 'package.json'));

/** A loaded linter: lints a text and says how many findings it made (Copydesk: per rule too). */
type Lint = (text: string) => Promise<{ readonly findings: number; readonly byRule?: Readonly<Record<string, number>> }>;

export interface Tool {
  /** The packages that make it up; their versions are recorded. */
  readonly packages: readonly { readonly name: string; readonly dir: string }[];
  /** What exactly is called, for the report. */
  readonly call: string;
  load(): Promise<Lint>;
}

// A specifier in a variable: tsc leaves it alone, so bench/ type-checks before `npm install` in it.
const importFromBench = (specifier: string): Promise<Record<string, unknown>> => import(specifier);
const benchModules = path.join(__dirname, 'node_modules');

export const TOOLS: Readonly<Record<string, Tool>> = {
  copydesk: {
    packages: [],
    call: "lintText(text, 'plaintext', {}, { blockCache }) from server/src/api.ts (through tsx) — all default rules, with one BlockCache kept for the tool's life, as the language server keeps one, and the V8 settings the server and the CLI give themselves (node/v8Flags.ts)",
    load: async () => {
      // Set before the engine's code is loaded, as the server and the CLI do at start.
      const flags = await import('../server/src/node/v8Flags');
      flags.compileRegExpsOnce();
      flags.compileForFirstLooks();
      const api = await import('../server/src/api');
      // The server's per-paragraph cache: a warm run is a re-lint of a draft it has seen, as after a keystroke.
      const blockCache = new api.BlockCache();
      return async (text) => {
        const { findings } = api.lintText(text, 'plaintext', {}, { blockCache });
        const byRule: Record<string, number> = {};
        for (const f of findings) byRule[f.checkId] = (byRule[f.checkId] ?? 0) + 1;
        return { findings: findings.length, byRule };
      };
    },
  },
  'write-good': {
    packages: [{ name: 'write-good', dir: path.join(ROOT, 'node_modules') }],
    call: 'writeGood(text) — one call on the whole text, its default checks',
    load: async () => {
      const writeGood = fromProduct('write-good') as (text: string) => unknown[];
      return async (text) => ({ findings: writeGood(text).length });
    },
  },
  alex: {
    packages: [{ name: 'alex', dir: benchModules }],
    call: "text(value) from 'alex' — plain text, default profanity level",
    load: async () => {
      const alex = (await importFromBench('alex')) as { text: (value: string) => { messages: unknown[] } };
      return async (text) => ({ findings: alex.text(text).messages.length });
    },
  },
  textlint: {
    packages: [
      { name: '@textlint/kernel', dir: benchModules },
      { name: 'textlint-rule-write-good', dir: benchModules },
      { name: '@textlint/textlint-plugin-text', dir: benchModules },
    ],
    call: 'TextlintKernel.lintText(text, { ext: ".txt" }) with textlint-rule-write-good (defaults) and the plain-text plugin; the CLI adds config loading and file I/O on top',
    load: async () => {
      const { TextlintKernel } = fromBench('@textlint/kernel') as { TextlintKernel: new () => { lintText(text: string, options: object): Promise<{ messages: unknown[] }> } };
      const plugin = fromBench('@textlint/textlint-plugin-text') as { default?: unknown };
      const rule = fromBench('textlint-rule-write-good') as { default?: unknown };
      const kernel = new TextlintKernel();
      const options = { ext: '.txt', plugins: [{ pluginId: 'text', plugin: plugin.default ?? plugin }], rules: [{ ruleId: 'write-good', rule: rule.default ?? rule }] };
      return async (text) => ({ findings: (await kernel.lintText(text, options)).messages.length });
    },
  },
  'harper.js': {
    packages: [{ name: 'harper.js', dir: benchModules }],
    call: "new LocalLinter({ binary }).lint(text, { language: 'plaintext' }) — the WebAssembly build in this thread, default rules, American English",
    load: async () => {
      type Linter = { setup(): Promise<void>; lint(text: string, options: object): Promise<unknown[]> };
      const { LocalLinter } = (await importFromBench('harper.js')) as { LocalLinter: new (init: { binary: unknown }) => Linter };
      const { binary } = await importFromBench('harper.js/binary');
      const linter = new LocalLinter({ binary });
      await linter.setup();
      return async (text) => ({ findings: (await linter.lint(text, { language: 'plaintext' })).length });
    },
  },
};

export function versionOf(pkg: { name: string; dir: string }): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(pkg.dir, pkg.name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}
