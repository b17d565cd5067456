#!/usr/bin/env bash
# Installs the pinned n8n runtime (scripts/n8n-runtime/package.json) into .runtime/n8n on demand,
# for the end-to-end tests and the demo. Never a dependency of the package itself.
#
#   bash scripts/ensure-n8n.sh        # prints the n8n binary path on stdout
#   source scripts/ensure-n8n.sh      # also exports N8N_BIN (and N8N_RUNTIME_DIR)
#
# Skips the install when .runtime/n8n/.ensure-n8n.stamp matches the manifest's sha256 (and its
# package-lock.json's, if one is committed next to it) and the Node version (native addons are
# built per Node). Otherwise: copy the manifest, `npm install
# --ignore-scripts` (n8n's Kafka dependency cannot build offline), then `npm rebuild sqlite3
# isolated-vm` (the two native modules n8n needs) against this Node's headers (sqlite3 from source:
# no prebuilt-binary download, which would wait on a closed network), check that n8n
# starts, and write the stamp. Safe to rerun and to run concurrently (flock). Cold: ~7-10 min, 2.7 GB.
# Override the target with N8N_RUNTIME_DIR=/some/dir.

# npm install with a watchdog: a stalled registry connection must not eat the CI budget. Short
# fetch timeouts with more retries, a progress line every minute, a hard limit per attempt
# (N8N_INSTALL_TIMEOUT seconds, default 1200) and a second attempt on a now-warm cache.
_ensure_n8n_npm_install() {
	local dir=$1 attempt limit="${N8N_INSTALL_TIMEOUT:-1200}" pid beat rc
	for attempt in 1 2; do
		echo "[ensure-n8n] npm install --ignore-scripts, attempt $attempt (limit ${limit} s; minutes on a cold cache)" >&2
		(cd "$dir" && exec timeout --kill-after=30 "$limit" npm install --ignore-scripts --no-audit \
			--no-fund --fetch-timeout=120000 --fetch-retries=5 --fetch-retry-mintimeout=2000 \
			--fetch-retry-maxtimeout=30000 >&2) &
		pid=$!
		(
			while kill -0 "$pid" 2>/dev/null; do
				sleep 60
				kill -0 "$pid" 2>/dev/null &&
					echo "[ensure-n8n] ... still installing: $(du -sh "$dir/node_modules" 2>/dev/null | cut -f1) in node_modules" >&2
			done
		) &
		beat=$!
		wait "$pid"
		rc=$?
		kill "$beat" 2>/dev/null
		wait "$beat" 2>/dev/null
		[ "$rc" -eq 0 ] && return 0
		echo "[ensure-n8n] npm install attempt $attempt ended with exit $rc$([ "$rc" -eq 124 ] && echo ' (timed out)')" >&2
	done
	return 1
}

_ensure_n8n_main() {
	local repo_root manifest runtime_dir stamp_file want have started
	repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
	# shellcheck source=toolchain.sh
	source "$repo_root/scripts/toolchain.sh" || return 1

	manifest="$repo_root/scripts/n8n-runtime/package.json"
	runtime_dir="${N8N_RUNTIME_DIR:-$repo_root/.runtime/n8n}"
	stamp_file="$runtime_dir/.ensure-n8n.stamp"
	N8N_BIN="$runtime_dir/node_modules/.bin/n8n"

	# An optional scripts/n8n-runtime/package-lock.json pins the whole tree; it joins the stamp.
	want="$(node -e '
		const fs = require("fs"), crypto = require("crypto");
		const sha = (f) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
		const lock = process.argv[1].replace(/package\.json$/, "package-lock.json");
		const lockPart = fs.existsSync(lock) ? ` lock-${sha(lock)}` : "";
		console.log(`${sha(process.argv[1])}${lockPart} node-${process.version}`);
	' "$manifest")"

	_ensure_n8n_ok() {
		[ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want" ] &&
			[ -f "$runtime_dir/node_modules/n8n/package.json" ] && [ -e "$N8N_BIN" ]
	}

	if _ensure_n8n_ok; then
		echo "[ensure-n8n] n8n runtime up to date in $runtime_dir" >&2
	else
		mkdir -p "$runtime_dir"
		exec 9>"$runtime_dir.lock"
		if command -v flock >/dev/null 2>&1; then
			echo "[ensure-n8n] waiting for the install lock ($runtime_dir.lock)" >&2
			flock 9
		fi
		if _ensure_n8n_ok; then
			echo "[ensure-n8n] installed meanwhile by another process" >&2
		else
			started=$SECONDS
			have="$(cat "$stamp_file" 2>/dev/null || echo none)"
			echo "[ensure-n8n] installing n8n runtime into $runtime_dir (stamp: $have; want: $want)" >&2
			rm -f "$stamp_file"
			cp "$manifest" "$runtime_dir/package.json"
			if [ -f "${manifest%.json}-lock.json" ]; then
				cp "${manifest%.json}-lock.json" "$runtime_dir/package-lock.json"
			fi
			_ensure_n8n_npm_install "$runtime_dir" || {
				echo "[ensure-n8n] npm install failed" >&2
				exec 9>&-
				return 1
			}
			echo "[ensure-n8n] npm rebuild sqlite3 isolated-vm (nodedir=${npm_config_nodedir:-system})" >&2
			# sqlite3 from source: its install would first try to download a prebuilt binary from
			# GitHub. isolated-vm builds against this Node's headers as before (from source it takes
			# ten minutes more).
			(cd "$runtime_dir" && npm_config_build_from_source=true timeout --kill-after=30 900 \
				npm rebuild sqlite3 --ignore-scripts=false >&2 &&
				timeout --kill-after=30 900 npm rebuild isolated-vm --ignore-scripts=false >&2) || {
				echo "[ensure-n8n] npm rebuild failed" >&2
				exec 9>&-
				return 1
			}
			echo "[ensure-n8n] checking that n8n and its native modules load" >&2
			(cd "$runtime_dir" && node -e 'require("sqlite3"); require("isolated-vm")' >&2 &&
				N8N_USER_FOLDER="$runtime_dir/.selfcheck" node "$N8N_BIN" --version >&2) || {
				echo "[ensure-n8n] n8n does not start; see the output above" >&2
				exec 9>&-
				return 1
			}
			echo "$want" >"$stamp_file"
			echo "[ensure-n8n] done in $((SECONDS - started)) s" >&2
		fi
		exec 9>&-
	fi
	export N8N_BIN
	export N8N_RUNTIME_DIR="$runtime_dir"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	_ensure_n8n_main
	echo "$N8N_BIN"
else
	_ensure_n8n_main
fi
