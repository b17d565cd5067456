#!/usr/bin/env bash
# THE test command (README, `npm test`, .ci/run): Node 24 toolchain, dependencies, build, lint,
# the pinned n8n runtime, then every jest test (unit + e2e). Extra arguments go to jest, e.g.
#   bash scripts/test.sh --selectProjects unit
#   bash scripts/test.sh test/harness
# Progress goes to stderr. The last stdout line is the summary CI reads, computed from
# test-output/jest-results.json:
#   tests: N passed, M failed[, K skipped]
# (a suite that fails outside a test, e.g. a compile error, counts as one failed test; if jest
# never wrote results the line reads `tests: 0 passed, 1 failed`). Exit status is non-zero when
# any step or test failed. Build, lint and n8n-runtime failures do not stop the run, so the
# summary still covers every test that could run.
set -uo pipefail
cd "$(dirname "$0")/.."

RESULTS="test-output/jest-results.json"
TOTAL_START=$SECONDS
FAILED_STEPS=()
SUMMARY_PRINTED=0

on_exit() {
	local rc=$?
	if [ "$SUMMARY_PRINTED" -eq 0 ]; then
		echo "[test.sh] aborted before jest reported (exit $rc)" >&2
		echo "tests: 0 passed, 1 failed"
		[ "$rc" -eq 0 ] && exit 1
	fi
}
trap on_exit EXIT

banner() { printf '\n==> [%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# step <name> <command...>: runs in this shell, prints a banner and the time taken.
step() {
	local name=$1 start=$SECONDS rc
	shift
	banner "$name: $*"
	"$@"
	rc=$?
	set +e # toolchain.sh turns -e on
	if [ "$rc" -eq 0 ]; then
		echo "<== $name ok ($((SECONDS - start)) s)" >&2
	else
		echo "<== $name FAILED (exit $rc, $((SECONDS - start)) s)" >&2
		FAILED_STEPS+=("$name")
	fi
	return "$rc"
}

use_toolchain() {
	# shellcheck source=toolchain.sh
	source scripts/toolchain.sh && echo "node $(node --version), npm $(npm --version)" >&2
}

sha256_of() {
	node -e 'process.stdout.write(require("crypto").createHash("sha256")
		.update(require("fs").readFileSync(process.argv[1])).digest("hex"))' "$1"
}

install_dependencies() {
	local stamp="node_modules/.test-sh-install.stamp" want
	if [ -f package-lock.json ]; then
		want="package-lock.json $(sha256_of package-lock.json) node-$(node --version)"
	else
		want="package.json $(sha256_of package.json) node-$(node --version)"
	fi
	if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
		echo "node_modules matches the last install; skipping" >&2
		return 0
	fi
	if [ -f package-lock.json ]; then
		# The registry these machines use lacks other platforms' optional packages (e.g.
		# @unrs/resolver-binding-darwin-arm64 is a 404), so npm can never record them in the lock
		# and `npm ci` rejects it as "out of sync". Fall back to an install that follows the lock
		# as far as it can without rewriting it.
		npm ci >&2 || {
			echo "[test.sh] WARNING: npm ci failed (see above); falling back to npm install --no-save" >&2
			npm install --no-save >&2 || return 1
		}
	else
		echo "no package-lock.json: using npm install" >&2
		npm install >&2 || return 1
	fi
	echo "$want" >"$stamp"
}

# CI stops a run at 90 min; jest gets what is left of TEST_BUDGET_SECONDS (default 85 min) so a
# hang ends as a reported failure rather than a run with no summary.
run_jest() {
	local left=$((${TEST_BUDGET_SECONDS:-5100} - (SECONDS - TOTAL_START)))
	[ "$left" -lt 300 ] && left=300
	mkdir -p test-output
	rm -f "$RESULTS"
	echo "jest time limit: ${left} s" >&2
	timeout --kill-after=30 "$left" npx jest --json --outputFile="$RESULTS" --forceExit "$@" >&2
}

# Debian packages some tests need, installed when missing and this user may (root with apt-get);
# otherwise those tests are skipped with the reason, not failed:
#   chromium               the browser test (never a downloaded browser)
#   redis-server, postgresql  the queue-mode test (n8n main + 2 workers)
ensure_debian_packages() {
	local missing=()
	[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
	command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
	compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
	if [ "${#missing[@]}" -eq 0 ]; then
		echo "debian packages: all present" >&2
		return 0
	fi
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		echo "[test.sh] missing ${missing[*]} and cannot install; the tests needing them will be skipped" >&2
		return 0
	fi
	export DEBIAN_FRONTEND=noninteractive
	echo "installing ${missing[*]}" >&2
	timeout 900 apt-get install -y --no-install-recommends "${missing[@]}" >&2 ||
		{ timeout 300 apt-get update >&2 && timeout 900 apt-get install -y --no-install-recommends "${missing[@]}" >&2; } ||
		echo "[test.sh] could not install ${missing[*]}; the tests needing them will be skipped" >&2
	return 0
}

# The n8n runtime (~2.6 GB of npm packages) installs in the background while dependencies, build
# and lint run; its log is shown when it is waited for.
N8N_LOG="test-output/ensure-n8n.log"
start_runtime_install() {
	mkdir -p test-output
	bash scripts/ensure-n8n.sh >/dev/null 2>"$N8N_LOG" &
	N8N_PID=$!
}
wait_for_runtime() {
	local rc
	wait "$N8N_PID"
	rc=$?
	cat "$N8N_LOG" >&2
	return "$rc"
}

summarize() {
	node -e '
		const fs = require("fs");
		const file = process.argv[1];
		if (!fs.existsSync(file)) {
			console.error("[test.sh] jest wrote no results; counting that as one failure");
			console.log("tests: 0 passed, 1 failed");
			process.exit(1);
		}
		const r = JSON.parse(fs.readFileSync(file, "utf8"));
		const suiteOnly = r.testResults.filter(
			(s) => s.status === "failed" && !s.assertionResults.some((a) => a.status === "failed"),
		);
		for (const s of suiteOnly) console.error(`[test.sh] suite failed outside a test: ${s.name}`);
		const failed = r.numFailedTests + suiteOnly.length;
		const skipped = r.numPendingTests + r.numTodoTests;
		console.log(
			`tests: ${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""),
		);
		process.exit(failed > 0 || !r.success ? 1 : 0);
	' "$RESULTS"
}

step toolchain use_toolchain || exit 1
start_runtime_install
step debian-packages ensure_debian_packages
step dependencies install_dependencies || exit 1
step build npm run build >&2
step lint npm run lint >&2
step n8n-runtime wait_for_runtime
step jest run_jest "$@"

banner "summary (total $((SECONDS - TOTAL_START)) s)"
if [ "${#FAILED_STEPS[@]}" -gt 0 ]; then
	echo "[test.sh] failed steps: ${FAILED_STEPS[*]}" >&2
fi
summarize
SUMMARY_RC=$?
SUMMARY_PRINTED=1
if [ "${#FAILED_STEPS[@]}" -gt 0 ] || [ "$SUMMARY_RC" -ne 0 ]; then
	exit 1
fi
exit 0
