#!/usr/bin/env bash
# The whole Copydesk e2e run on this kind of machine (Debian, root, no VS Code
# download): install the harness, check the build outputs, compile the suite,
# then run it in VS Code 1.100.3 (code-server) and drive the UI with the .vsix.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." # repo root
start=$SECONDS

bash test/e2e/harness/install.sh || { echo "e2e: harness install failed"; echo "e2e: 0 passed, 1 failed"; exit 1; }

version="$(node -p "require('./package.json').version")"
vsix="copydesk-$version.vsix"
missing=()
for f in client/out/extension.js server/out/server.js; do
  [[ -f "$f" ]] || missing+=("$f (run \`npm run build\`)")
done
[[ -f "$vsix" ]] || missing+=("$vsix (run \`npm run package\`)")
if ((${#missing[@]})); then
  printf 'e2e: missing %s\n' "${missing[@]}"
  echo "e2e: 0 passed, 1 failed"
  exit 1
fi
if [[ client/out/extension.js -nt "$vsix" || server/out/server.js -nt "$vsix" ]]; then
  echo "e2e: note: $vsix is older than the bundles; the ui run tests the packaged one (\`npm run package\` to refresh)"
fi

rm -rf test/e2e/out
npx --no-install tsc -p test/e2e || {
  echo "e2e: tsc -p test/e2e failed (it needs the root devDependencies mocha, @types/mocha, @types/vscode: npm ci)"
  echo "e2e: 0 passed, 1 failed"
  exit 1
}

# Each mode ends with "<mode>: N passed, N failed"; add them up for one closing line.
passed=0 failed=0 status=0
for mode in suite ui; do
  log="$(mktemp)"
  node test/e2e/run-code-server.mjs "$mode" | tee "$log"
  rc=${PIPESTATUS[0]}
  line="$(grep -E "^$mode: [0-9]+ passed, [0-9]+ failed" "$log" | tail -1)"
  rm -f "$log"
  p=0 f=0
  [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]] && p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]}
  # A runner that failed without counting a failure (or died before its summary) still failed.
  ((rc != 0 && f == 0)) && f=1
  ((rc != 0)) && status=1
  passed=$((passed + p)) failed=$((failed + f))
done
((status == 0 && failed == 0)) || status=1
echo "e2e: whole run took $((SECONDS - start)) s"
echo "e2e: $passed passed, $failed failed"
exit $status
