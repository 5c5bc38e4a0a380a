#!/usr/bin/env bash
# Installs what the end-to-end tests need, once, and is a no-op (well under a second) when it is already there:
#   Debian: chromium (the browser that drives the VS Code web workbench), neovim (a second LSP client), ripgrep
#           (seeds @vscode/ripgrep, whose postinstall would otherwise download from GitHub), and the toolchain
#           code-server's native modules build with (build-essential, python3, pkg-config, libkrb5-dev).
#   npm:    code-server (= the VS Code server + web workbench; 4.100.3 is VS Code 1.100.3 and runs on Node 20)
#           and playwright-core, into $NETLENS_E2E_DIR/cs-<version> (default .vscode-test/, git-ignored).
# Only the Debian mirrors and the npm registry are contacted. Run as root (CI is root); no stdin is read.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
CS_VERSION="${CS_VERSION:-4.100.3}"
PLAYWRIGHT_VERSION="1.65.1"
DIR="${NETLENS_E2E_DIR:-$REPO/.vscode-test}/cs-$CS_VERSION"
STAMP="code-server@$CS_VERSION playwright-core@$PLAYWRIGHT_VERSION node@$(node -p 'process.versions.modules')"
t0=$SECONDS

# Debian packages: `dpkg -s` per package is fast, so this check runs every time (a cached .vscode-test/ on a
# machine without Chromium still gets it).
export DEBIAN_FRONTEND=noninteractive
need=()
for p in chromium neovim ripgrep build-essential python3 pkg-config libkrb5-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -f "$DIR/.ok" ] && [ "$(cat "$DIR/.ok")" = "$STAMP" ] && [ -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js" ]; then
  echo "e2e setup: already installed in $DIR ($((SECONDS - t0))s)"
  exit 0
fi

rm -rf "$DIR"
mkdir -p "$DIR/tmp"
cd "$DIR"
echo '{"name":"netlens-e2e-tools","private":true}' > package.json
# code-server 4.100 depends on @vscode/ripgrep, whose postinstall downloads rg from GitHub (unreachable here): it
# looks in $TMPDIR/vscode-ripgrep-cache-<version>/ first, so put Debian's rg there under the name it expects.
mkdir -p tmp/vscode-ripgrep-cache-1.15.11
tar czf tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz -C /usr/bin rg
# npm_config_unsafe_perm: code-server's postinstall.sh refuses to run as root without it.
# npm_config_yes: node-pty's postinstall runs `npx node-gyp` and must not prompt (CI has no stdin).
echo "e2e setup: npm install code-server@$CS_VERSION playwright-core@$PLAYWRIGHT_VERSION"
TMPDIR="$DIR/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error --save-exact \
  "code-server@$CS_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" </dev/null
test -f node_modules/code-server/lib/vscode/out/server-main.js
rm -rf tmp
echo "$STAMP" > .ok
echo "e2e setup: installed in $DIR ($((SECONDS - t0))s)"
