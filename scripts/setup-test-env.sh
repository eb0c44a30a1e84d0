#!/usr/bin/env bash
# Prepares a fresh Debian machine for the real-editor tests (see test/editors/):
#   - Debian packages: neovim, chromium, CJK fonts, ripgrep, libkrb5-dev (only the missing ones)
#   - code-server 4.96.4 (a real VS Code 1.96 served to Chromium) in .vscode-test/code-server/,
#     installed offline from the npm registry with the patch steps of real-editors.md.
# Idempotent: installed packages and a completed code-server install (marker file) are skipped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CS_VERSION="4.96.4"
CS_DIR="$ROOT/.vscode-test/code-server"
CS_MARKER="$CS_DIR/.install-complete-$CS_VERSION"
APT_PACKAGES=(neovim chromium fonts-noto-cjk ripgrep libkrb5-dev)

# step NAME CMD...: prints the step, runs it, prints how long it took.
step() {
  local name="$1"; shift
  local start=$SECONDS
  echo "==> $name"
  "$@"
  echo "    done in $((SECONDS - start))s"
}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

install_apt_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "    all present: ${APT_PACKAGES[*]}"
    return
  fi
  echo "    installing: ${missing[*]}"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
}

install_code_server_package() {
  mkdir -p "$CS_DIR"
  # A package.json of its own keeps code-server out of the project's package.json / lock file.
  cat >"$CS_DIR/package.json" <<JSON
{ "name": "code-server-test-env", "private": true, "version": "0.0.0" }
JSON
  npm install --prefix "$CS_DIR" --ignore-scripts --no-audit --no-fund --save-exact "code-server@$CS_VERSION"
}

# The shrinkwrap pins @vscode/proxy-agent to a GitHub git URL (unreachable); the same release is on the registry.
patch_proxy_agent_shrinkwrap() {
  node -e '
    const fs = require("fs");
    const file = process.argv[1];
    const wrap = JSON.parse(fs.readFileSync(file, "utf8"));
    const entry = wrap.packages["node_modules/@vscode/proxy-agent"];
    delete entry.resolved;
    delete entry.integrity;
    fs.writeFileSync(file, JSON.stringify(wrap, null, 2) + "\n");
  ' "$CS_DIR/node_modules/code-server/lib/vscode/npm-shrinkwrap.json"
}

VSCODE_DIR="$CS_DIR/node_modules/code-server/lib/vscode"

install_vscode_modules() {
  (cd "$VSCODE_DIR" && npm install --omit=dev --ignore-scripts --no-audit --no-fund)
}

install_ripgrep_binary() {
  mkdir -p "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"
}

rebuild_vscode_native_modules() {
  (cd "$VSCODE_DIR" && npm rebuild node-pty @parcel/watcher @vscode/spdlog native-watchdog kerberos @vscode/deviceid \
    && ln -sfn node_modules node_modules.asar)
}

install_builtin_extensions() {
  (cd "$VSCODE_DIR/extensions" && npm install --omit=dev --ignore-scripts --no-audit --no-fund && node ./postinstall.mjs)
}

# argon2 is hoisted to the top node_modules, so it is rebuilt from the install prefix.
rebuild_argon2() {
  (cd "$CS_DIR" && npm rebuild argon2)
}

total_start=$SECONDS
step "Debian packages (${APT_PACKAGES[*]})" install_apt_packages

if [ -f "$CS_MARKER" ]; then
  echo "==> code-server $CS_VERSION already installed in $CS_DIR (remove $CS_MARKER to reinstall)"
else
  step "npm install code-server@$CS_VERSION into $CS_DIR" install_code_server_package
  step "patch @vscode/proxy-agent in lib/vscode/npm-shrinkwrap.json" patch_proxy_agent_shrinkwrap
  step "npm install lib/vscode (production, no scripts)" install_vscode_modules
  step "use Debian ripgrep as @vscode/ripgrep/bin/rg" install_ripgrep_binary
  step "npm rebuild native modules of lib/vscode, node_modules.asar link" rebuild_vscode_native_modules
  step "install built-in extensions + postinstall.mjs" install_builtin_extensions
  step "npm rebuild argon2" rebuild_argon2
  touch "$CS_MARKER"
fi
echo "==> test environment ready in $((SECONDS - total_start))s"
