// Bundles the client, the server, the CLI and the Node API, and the web extension's client and worker
// server. `tsc -b` only type-checks; this alone writes runnable JS.
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { asciiOutput } from './scripts/ascii-output.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  define: { COPYDESK_VERSION: JSON.stringify(version) },
  // ES module builds first: jsonc-parser's UMD build loads its parts with runtime require() calls a bundle cannot follow.
  mainFields: ['module', 'main'],
  // esbuild has no Node version for \p{...} in its tables (evanw/esbuild#3471), so for any Node
  // target it rewrote such a literal as `new RegExp(...)`, built again on every call (~0.2 µs a
  // call, in the rules' per-word and per-finding code). Node 20's V8 has had them since Node 10.
  supported: { 'regexp-unicode-property-escapes': true },
};

/**
 * A web worker has no Node: a browser bundle that pulls in a Node built-in fails the build, naming
 * who imports it. `path` is the one exception, swapped for path-browserify (the shared code walks
 * folders with it; in a worker its paths are POSIX, browser/uris.ts), as VS Code's guide to web
 * extensions does.
 */
const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const browserOnly = {
  name: 'browser-only',
  setup(build) {
    build.onResolve({ filter: /^(node:)?path$/ }, (args) => build.resolve('path-browserify', { kind: args.kind, resolveDir: args.resolveDir }));
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) =>
      nodeBuiltins.has(args.path) ? { errors: [{ text: `Node built-in '${args.path}' in a browser bundle (imported by ${args.importer})` }] } : undefined,
    );
  },
};
const browser = { ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], plugins: [browserOnly] };

/**
 * The desktop server is three files: server.js answers `initialize` without the engine and loads
 * serverSession.js (the engine and the session) afterwards; both take vscode-languageserver from
 * lsp.js, so they share one connection and one copy of the library.
 */
const desktopServerParts = {
  name: 'desktop-server-parts',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver(\/node)?$/ }, () => ({ path: './lsp.js', external: true }));
    build.onResolve({ filter: /^\.\/serverSession\.js$/ }, () => ({ path: './serverSession.js', external: true }));
  },
};

/**
 * How Node runs the desktop language server, the same for every way it is started: VS Code's client
 * forks server.js with these (COPYDESK_SERVER_NODE, client/src/extension.ts), and the
 * `copydesk-language-server` command runs them from its #! line (`env -S`; npm's Windows shims read
 * the line too). Both take effect only when the process starts, so server.ts cannot set them for
 * itself as it sets its other V8 flags (node/v8Flags.ts). With a 4 MB draft open (bench/server.ts
 * --memory) they take the server's peak RSS from ~237 to ~206 MB after the open and from ~263 to
 * ~234 MB over 50 edits.
 *
 * --max-semi-space-size=8: a young generation of 2 x 8 MB instead of V8's 2 x 16 MB. A long draft's
 *   first look and every keystroke allocate tens of MB of short-lived objects, so it grows to its
 *   largest at once and stays there. Twice as many young collections, each shorter (their total
 *   ~1.5x); 4 MB saved 5-10 MB more for ~2x their total and seemed to slow a long draft's first look.
 * MALLOC_ARENA_MAX=1: glibc gives threads that allocate at once (V8's helper threads beside the
 *   main one) arenas of their own, each keeping what was freed in it; in one arena that memory is
 *   used again: ~15 MB less after the open, ~12 MB over the edits, on its own.
 *   Ignored where the C library is not glibc (macOS, Windows, musl).
 */
const serverNode = { env: { MALLOC_ARENA_MAX: '1' }, execArgv: ['--max-semi-space-size=8'] };
const serverShebang = `#!/usr/bin/env -S ${[...Object.entries(serverNode.env).map(([name, value]) => `${name}=${value}`), 'node', ...serverNode.execArgv].join(' ')}`;

const builds = [
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'client/out/extension.js',
    external: ['vscode'],
    define: { ...common.define, COPYDESK_SERVER_NODE: JSON.stringify(serverNode) },
  },
  // Also the `copydesk-language-server` command for other editors, hence the #! line.
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', banner: { js: serverShebang }, plugins: [desktopServerParts] },
  { ...common, entryPoints: ['server/src/serverSession.ts'], outfile: 'server/out/serverSession.js', plugins: [desktopServerParts] },
  { ...common, entryPoints: ['server/src/lspRuntime.ts'], outfile: 'server/out/lsp.js' },
  // The Node API, require('copydesk'); its types are server/out/api.d.ts (scripts/build-api-types.mjs).
  { ...common, entryPoints: ['server/src/node/api.ts'], outfile: 'server/out/api.js' },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'server/out/cli.js',
    // fdir (under tinyglobby) is read as an ES module and calls createRequire(import.meta.url), which a CommonJS bundle must supply.
    define: { ...common.define, 'import.meta.url': 'importMetaUrl' },
    banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  // The web extension (vscode.dev): VS Code's web extension host loads a CommonJS module that requires 'vscode'.
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'client/out/browserExtension.js', external: ['vscode'] },
  // Its language server, started by the client as a web worker from this file.
  // A worker has no DOM: packages with a `worker` export (decode-named-character-reference) give their DOM-free build.
  { ...browser, entryPoints: ['server/src/browser/server.ts'], outfile: 'server/out/browserServer.js', format: 'iife', conditions: ['worker'] },
  // The report webview's script runs in the browser page of the webview, loaded from the extension (no remote code).
  { ...common, entryPoints: ['client/webview/report.ts'], outfile: 'client/out/report-webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

// Every bundle is written pure ASCII (scripts/ascii-output.mjs says why), so esbuild hands its files over instead of writing them.
const ascii = asciiOutput((file, contents) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, contents);
});
for (const options of builds) Object.assign(options, { write: false, plugins: [...(options.plugins ?? []), ascii] });

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // The package's bins: `npx copydesk` runs the file itself in a clone, so it must be executable.
  for (const bin of ['server/out/cli.js', 'server/out/server.js']) chmodSync(bin, 0o755);
}
