#!/usr/bin/env bash
# THE run command (README): provisions Node 24 and the pinned n8n, builds the package, starts the
# sandboxes and n8n with the package installed and every template imported, and prints the URL
# and login. Ctrl-C stops everything; running it again reuses what is there.
#   bash scripts/run.sh --once   # headless: each hourly auto-sync once, then a reconciliation summary
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
if [ ! -d node_modules ]; then
	echo "[run.sh] installing dependencies…" >&2
	npm ci >&2 || npm install --no-save >&2
fi
echo "[run.sh] building…" >&2
npm run build >&2
bash scripts/ensure-n8n.sh
exec node .build/scripts/demo.js "$@"
