/**
 * Memory growth while the Sage Intacct node lists N customers (Get Many, Return All) through the
 * n8n engine, against the items' own size as JSON. The customers are seeded before the baseline;
 * with the sandbox in a child process (the report's default) its store, saved query results and
 * request parsing are not in this heap at all, so what counts is what the client keeps (items,
 * n8n's run data) and, for the peak, what it allocates on the way (pages of XML, parsed trees).
 * Needs `--expose-gc`.
 */
import { runIntacct } from '../test/intacct/helpers';
import { SEEDED_CUSTOMER_PREFIX, type BenchSandbox } from './benchSandbox';

export interface MemoryMeasurement {
	customers: number;
	/** Where the sandbox ran: 'child' keeps its heap out of the numbers. */
	sandbox: BenchSandbox['where'];
	roundTrips: number;
	/** JSON.stringify of every item the node returned. */
	itemsJsonBytes: number;
	/** heapUsed after the run (items still held) minus before, both after a full GC. */
	retainedBytes: number;
	/** Highest heapUsed seen during the run (sampled every 10 ms) minus the baseline. */
	peakBytes: number;
	retainedVsJson: number;
	peakVsJson: number;
}

function gc(): void {
	const collect = (globalThis as { gc?: () => void }).gc;
	if (!collect) throw new Error('run node with --expose-gc to measure memory');
	collect();
	collect();
}

/** Lists `customers` customers from `sandbox` (a fresh one: they are seeded here). */
export async function measureListMemory(
	sandbox: BenchSandbox,
	customers: number,
): Promise<MemoryMeasurement> {
	await sandbox.seedCustomers(customers);
	await sandbox.resetCounters();
	gc();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 10);
	const run = await runIntacct(
		sandbox,
		{
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { query: `CUSTOMERID LIKE '${SEEDED_CUSTOMER_PREFIX}%'` },
		},
		[{}],
	);
	clearInterval(sampler);
	if (run.error) throw run.error;
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	gc();
	const retained = process.memoryUsage().heapUsed - baseline;
	if (run.items.length !== customers)
		throw new Error(`listed ${run.items.length} customers, expected ${customers}`);
	let itemsJsonBytes = 0;
	for (const item of run.items) itemsJsonBytes += JSON.stringify(item).length;
	const roundTrips = (await sandbox.counters()).meter.roundTrips;
	// Keep the run (and its items) alive until after the measurement.
	if (run.items.length < 0) console.log(run);
	return {
		customers,
		sandbox: sandbox.where,
		roundTrips,
		itemsJsonBytes,
		retainedBytes: retained,
		peakBytes: peak - baseline,
		retainedVsJson: retained / itemsJsonBytes,
		peakVsJson: (peak - baseline) / itemsJsonBytes,
	};
}
