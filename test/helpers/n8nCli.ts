/**
 * The real n8n CLI for end-to-end tests. The runtime code lives in scripts/lib/n8nRuntime.ts so
 * the demo (scripts/run.sh) and the tests drive n8n the same way; this adds the jest helper.
 */
import { SKIP_REASON, isN8nInstalled } from '../../scripts/lib/n8nRuntime';

export * from '../../scripts/lib/n8nRuntime';

/** `describe` when the n8n runtime is installed, otherwise a skipped block saying why. */
export function describeIfN8n(name: string, fn: () => void): void {
	if (isN8nInstalled()) {
		describe(name, fn);
		return;
	}
	console.warn(`[e2e] skipping "${name}": ${SKIP_REASON}`);
	describe.skip(`${name} [skipped: ${SKIP_REASON}]`, fn);
}
