/**
 * The sandboxes' fault and meter controls (`/__sandbox/faults`, `/__sandbox/meter`), shared by the
 * soak tests, the on-demand fault soak (bench/faultSoak.ts) and the queue-mode test.
 */
type Json = Record<string, unknown>;

/** ~10% faults of every kind the sandboxes inject, for the small soak runs. */
export const SOAK_FAULTS = {
	seed: 5,
	faults: [
		{ type: 'http500', probability: 0.03 },
		{ type: 'rateLimit', probability: 0.02, retryAfterSeconds: 1 },
		{ type: 'reset', probability: 0.02 },
		{ type: 'lostAfterCommit', probability: 0.02 },
		{ type: 'sessionExpiry', probability: 0.01 },
	],
};

/** Puts (or with `undefined`, clears) a sandbox's fault rules. */
export async function setFaults(sandboxUrl: string, faults: object | undefined): Promise<void> {
	await fetch(`${sandboxUrl}/__sandbox/faults`, {
		method: faults ? 'PUT' : 'DELETE',
		headers: { 'content-type': 'application/json' },
		body: faults ? JSON.stringify(faults) : undefined,
	});
}

/** How many faults a sandbox injected so far, by type. */
export async function injectedFaults(sandboxUrl: string): Promise<Record<string, number>> {
	const meter = (await (await fetch(`${sandboxUrl}/__sandbox/meter`)).json()) as {
		faults: Record<string, number>;
	};
	return meter.faults;
}

/** Layer transactions (not drafts) that are not marked synced yet. */
export async function unsyncedInLayer(layerUrl: string): Promise<number> {
	let count = 0;
	for (const collection of ['invoices', 'payments', 'credit-notes', 'refunds']) {
		const records = (await (
			await fetch(`${layerUrl}/__sandbox/records/${collection}`)
		).json()) as Json[];
		count += records.filter(
			(r) => r.status !== 'draft' && (r.sage as Json | undefined)?.synced !== true,
		).length;
	}
	return count;
}
