#!/usr/bin/env bash
# Installs the Copydesk e2e harness on a fresh Debian bookworm machine (as root):
# Debian Chromium + ripgrep + headers for code-server's native modules, then
# code-server 4.100.3 (VS Code 1.100.3) and playwright-core from the lockfile.
# Idempotent: a second run with everything in place takes a second or two.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

need=()
for pkg in chromium libkrb5-dev ripgrep; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if ((${#need[@]})); then
  echo "install.sh: apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The lockfile hash tells whether node_modules matches; skip npm ci when it does.
stamp="$here/node_modules/.copydesk-lock.sha256"
want="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$here/node_modules/.bin/code-server" ]]; then
  echo "install.sh: harness already installed"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here) unless
# it finds this archive in its cache; Debian's rg is a drop-in replacement.
# (code-server installs VS Code's own dependencies in its postinstall, so this
# version is code-server's, not in our lockfile.)
cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s "$tarball" ]]; then
  mkdir -p "$cache"
  tar -czf "$tarball" -C /usr/bin rg
fi

# code-server's postinstall refuses root without unsafe_perm; node-pty runs
# `npx node-gyp`, which would otherwise wait for a "yes" that never comes.
cd "$here"
start=$SECONDS
npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error
sha256sum package-lock.json | cut -d' ' -f1 >"$stamp"
echo "install.sh: npm ci took $((SECONDS - start)) s"
