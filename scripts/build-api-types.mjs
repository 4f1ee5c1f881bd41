// Writes server/out/api.d.ts, the types of the Node API (package.json "types"): tsc declares
// server/src/node/api.ts, whose public types are declared in that file itself, so its declaration
// is copied alone and must import nothing (checked here, so a leaked import fails the build).
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'server/tsconfig.api.json'], { stdio: 'inherit' });
const declared = 'out/tsc/api-types/node/api.d.ts';
const imports = readFileSync(declared, 'utf8').match(/^(import|export .* from) .*$/gm);
if (imports) throw new Error(`${declared} must not import anything (the published types are one file):\n${imports.join('\n')}`);
copyFileSync(declared, 'server/out/api.d.ts');
