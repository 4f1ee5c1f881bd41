#!/usr/bin/env bash
# The web extension's tests on this kind of machine (Debian, root, no VS Code download): install
# the e2e harness (code-server + Debian Chromium + playwright-core), then
#   1. parity: the worker bundle in headless Chromium answers as the Node server does (parity.test.ts)
#   2. code-server: the packaged extension in VS Code's web worker extension host (code-server.mjs)
# Needs `npm run build` and `npm run package` first (as test:e2e does).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." # repo root
start=$SECONDS

bash test/e2e/harness/install.sh || { echo "web: harness install failed"; echo "web: 0 passed, 1 failed"; exit 1; }

version="$(node -p "require('./package.json').version")"
missing=()
for f in client/out/browserExtension.js server/out/browserServer.js server/out/server.js; do
  [[ -f "$f" ]] || missing+=("$f (run \`npm run build\`)")
done
[[ -f "copydesk-$version.vsix" ]] || missing+=("copydesk-$version.vsix (run \`npm run package\`)")
if ((${#missing[@]})); then
  printf 'web: missing %s\n' "${missing[@]}"
  echo "web: 0 passed, 1 failed"
  exit 1
fi

passed=0 failed=0 status=0
log="$(mktemp)"
npx --no-install tsx --test --test-reporter=spec test/web/parity.test.ts | tee "$log"
rc=${PIPESTATUS[0]}
p="$(grep -E '^ℹ pass [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)"
f="$(grep -E '^ℹ fail [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)"
s="$(grep -E '^ℹ skipped [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)"
# A skipped parity test (no harness, no build) is a failure here: this script installed both.
f=$(( ${f:-0} + ${s:-0} ))
((rc != 0 && f == 0)) && f=1
passed=$((passed + ${p:-0})) failed=$((failed + f))
((rc != 0)) && status=1

node test/e2e/run-code-server.mjs web | tee "$log"
rc=${PIPESTATUS[0]}
line="$(grep -E '^web: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
p=0 f=0
[[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]] && p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]}
((rc != 0 && f == 0)) && f=1
((rc != 0)) && status=1
passed=$((passed + p)) failed=$((failed + f))
rm -f "$log"

((status == 0 && failed == 0)) || status=1
echo "web: whole run took $((SECONDS - start)) s"
echo "web: $passed passed, $failed failed"
exit $status
