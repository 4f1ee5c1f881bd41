// Bundles the client, the server, the CLI and the Node API. `tsc -b` only type-checks; this alone writes runnable JS.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

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
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // Also the `copydesk-language-server` command for other editors, hence the #! line.
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', banner: { js: '#!/usr/bin/env node' } },
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
  // The report webview's script runs in the browser page of the webview, loaded from the extension (no remote code).
  { ...common, entryPoints: ['client/webview/report.ts'], outfile: 'client/out/report-webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
