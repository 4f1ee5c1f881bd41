#!/usr/bin/env bash
# Drives copydesk-language-server from a second real editor, Debian's Neovim (0.7), headless:
# diagnostics pushed to a client without pull diagnostics, UTF-16 positions met by a byte-counting
# editor, and a code action applied. Installs neovim with apt-get when missing (as root); skips,
# saying why, only where that is impossible. Run `npm run build` first (done here if needed).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "::group::apt-get install neovim"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim
    echo "::endgroup::"
  else
    echo "SKIP test/editors: nvim is not installed, and apt-get cannot install it here (needs root and apt). Install Neovim 0.7+ to run it."
    exit 0
  fi
fi
[ -f "$root/server/out/server.js" ] || (cd "$root" && npm run build)

# A fresh copy of the draft per run, and Neovim's state, cache and logs kept out of $HOME.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root"/test/editors/fixtures/* "$work/"
cd "$work"
echo "$(nvim --version | head -1), node $(node --version)"
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" \
COPYDESK_ROOT="$root" \
  timeout 120 nvim --headless --clean -n -i NONE \
    -c "lua local ok, err = pcall(dofile, '$root/test/editors/neovim/check.lua'); if not ok then io.stdout:write('FAIL ' .. tostring(err) .. '\\n'); vim.cmd('cq') end" \
    harbour-ferry.md
