/**
 * @file The npm package as a user gets it: `npm pack`, unpacked into a fresh project's
 * node_modules (no registry needed: the bundles carry their dependencies), then require('copydesk'),
 * import from ESM, the two commands, and the types through TypeScript's node16, bundler and node10
 * resolution. Run `npm run build` first; this builds the types (what `prepack` does) and packs.
 */
'use strict';
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'copydesk-pack-'));
let passed = 0;
let failed = 0;

function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n${String(error && error.stack ? error.stack : error).replace(/^/gm, '     ')}`);
  }
}

function run(cmd, args, cwd) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // What the command said is the useful part of the failure (tsc prints its errors on stdout).
    error.message += `\n${error.stdout ?? ''}${error.stderr ?? ''}`;
    throw error;
  }
}
const node = (args, cwd) => run(process.execPath, args, cwd);

try {
  execFileSync('npm', ['run', '--silent', 'build:types'], { cwd: ROOT, stdio: 'inherit' });
  const [{ filename, files }] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], ROOT));
  const project = path.join(tmp, 'consumer');
  const installed = path.join(project, 'node_modules', 'copydesk');
  mkdirSync(installed, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('tar', ['-xzf', path.join(tmp, filename), '-C', installed, '--strip-components=1'], tmp);
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  const draft = 'The mayor slammed the plan.\\n\\nThe mayor slammed the plan.\\n';
  const serverLine = readFileSync(path.join(installed, manifest.bin['copydesk-language-server']), 'utf8').split('\n')[0];

  check('the tarball holds the bundles, the types and nothing of the sources', () => {
    const paths = files.map((f) => f.path).sort();
    for (const p of ['server/out/api.js', 'server/out/api.d.ts', 'server/out/cli.js', 'server/out/server.js', 'server/out/serverSession.js', 'server/out/lsp.js', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(paths.includes(p), p);
    }
    assert.ok(!paths.some((p) => p.startsWith('server/src/') || p.startsWith('client/') || p.endsWith('.map')), paths.join(' '));
  });

  check("require('copydesk') lints and fixes", () => {
    const out = node(['-e', `const { lint, fix, rules } = require('copydesk'); const d = lint('${draft}').diagnostics; console.log(JSON.stringify([d.map((x) => x.rule), fix('${draft}').text, rules.length > 20]));`], project);
    assert.deepEqual(JSON.parse(out), [['loaded-language', 'duplicate-paragraph'], 'The mayor slammed the plan.\n', true]);
  });

  check('import { lint } from "copydesk" (ESM, named exports)', () => {
    const out = node(['--input-type=module', '-e', `import { lint, fix } from 'copydesk'; console.log(typeof lint, typeof fix, lint('${draft}').diagnostics.length);`], project);
    assert.equal(out.trim(), 'function function 2');
  });

  check('only the API is exported: deep paths are closed, package.json is open', () => {
    assert.throws(() => node(['-e', "require('copydesk/server/out/cli.js')"], project), /ERR_PACKAGE_PATH_NOT_EXPORTED/);
    assert.equal(node(['-p', "require('copydesk/package.json').version"], project).trim(), manifest.version);
  });

  check('the VS Code entry points (main, browser) are left alone, and vsce can still package', () => {
    assert.equal(manifest.main, './client/out/extension.js');
    // VS Code's web entry is also npm's old "browser" field; "exports" comes first for bundlers that know it (webpack 5, esbuild, Vite).
    assert.equal(manifest.browser, './client/out/browserExtension.js');
    assert.ok(manifest.exports['.'], 'exports["."]');
    // vsce refuses a package.json "files" next to a .vscodeignore; .npmignore chooses npm's files.
    assert.equal(manifest.files, undefined);
  });

  check('bin: copydesk and copydesk-language-server run from the package', () => {
    assert.deepEqual(Object.keys(manifest.bin).sort(), ['copydesk', 'copydesk-language-server']);
    assert.match(readFileSync(path.join(installed, manifest.bin.copydesk), 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node\n/);
    // The server's Node flags (esbuild.mjs): `env -S` splits them off the one argument the line gives env.
    assert.match(serverLine, /^#!\/usr\/bin\/env -S ([A-Z_]+=\S+ )*node( --[a-z-]+(=\S+)?)*$/);
    assert.equal(node([path.join(installed, manifest.bin.copydesk), '--version'], project).trim(), manifest.version);
    assert.equal(node([path.join(installed, manifest.bin['copydesk-language-server']), '--version'], project).trim(), manifest.version);
    writeFileSync(path.join(project, 'draft.md'), draft.replace(/\\n/g, '\n'));
    const json = JSON.parse(node([path.join(installed, manifest.bin.copydesk), '--format', 'json', 'draft.md'], project));
    assert.deepEqual(json[0].diagnostics.map((d) => d.rule), ['loaded-language', 'duplicate-paragraph']);
  });

  check('copydesk-language-server from the package, run as a command, answers initialize, loads its checks and publishes diagnostics', () => {
    const { codes, commandLine, environment } = JSON.parse(node([path.join(__dirname, 'serve.cjs'), path.join(installed, manifest.bin['copydesk-language-server']), path.join(project, 'draft.md')], project));
    assert.deepEqual(codes, ['loaded-language', 'duplicate-paragraph']);
    // Node was started with the flags and the environment of the #! line (Linux shows both in /proc).
    const [settings, flags] = serverLine.replace(/^#!\/usr\/bin\/env -S /, '').split(/(?:^| )node(?: |$)/).map((part) => part.split(' ').filter(Boolean));
    if (commandLine) assert.deepEqual(commandLine.slice(1, 1 + flags.length), flags);
    for (const setting of environment ? settings : []) assert.ok(environment.includes(setting), setting);
  });

  check('copydesk --jobs 2 checks drafts in worker threads of the installed bundle', () => {
    writeFileSync(path.join(project, 'second.md'), 'The the vote is on Tuesday.\n');
    const args = ['--format', 'json', 'draft.md', 'second.md'];
    const one = node([path.join(installed, manifest.bin.copydesk), '--jobs', '1', ...args], project);
    const two = node([path.join(installed, manifest.bin.copydesk), '--jobs', '2', ...args], project);
    assert.equal(two, one);
    assert.deepEqual(JSON.parse(two).map((f) => f.file), ['draft.md', 'second.md']);
  });

  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  writeFileSync(
    path.join(project, 'consumer.ts'),
    [
      "import { lint, fix, rules, type Diagnostic, type LintOptions } from 'copydesk';",
      "const options: LintOptions = { filename: 'draft.md', rules: { 'loaded-language': 'off', echo: { severity: 'hint' } } };",
      "const found: readonly Diagnostic[] = lint('text', options).diagnostics;",
      'const fixed: string = fix("text").text;',
      'const line: number = found[0]?.line ?? 0;',
      "const ids: string[] = rules.map((r) => r.id);",
      '// @ts-expect-error: a severity is one of five words',
      "lint('text', { rules: { echo: 'loud' } });",
      'export { fixed, line, ids };',
      '',
    ].join('\n'),
  );
  for (const resolution of [['node16', 'node16'], ['esnext', 'bundler'], ['commonjs', 'node10']]) {
    check(`types resolve and check under module ${resolution[0]}, moduleResolution ${resolution[1]}`, () => {
      const compilerOptions = { noEmit: true, strict: true, skipLibCheck: false, types: [], lib: ['es2022'], module: resolution[0], moduleResolution: resolution[1] };
      writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
      node([tsc, '-p', 'tsconfig.json'], project);
    });
  }
} catch (error) {
  failed++;
  console.log(`FAIL packing\n${String(error && error.stack ? error.stack : error)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`package: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
