/**
 * Memory growth while the Sage Intacct node lists N customers (Get Many, Return All) through the
 * n8n engine, against the items' own size as JSON. The sandbox is seeded before the baseline, so
 * its store does not count; what counts is everything the run keeps (items, n8n's run data) and,
 * for the peak, what it allocates on the way (pages of XML, parsed trees). Needs `--expose-gc`.
 */
import type { IntacctSandbox } from '../sandbox/intacct/server';
import { runIntacct } from '../test/intacct/helpers';
import { startBenchSandbox } from './intacctMeasure';

export interface MemoryMeasurement {
	customers: number;
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

function seedCustomers(sandbox: IntacctSandbox, n: number): void {
	for (let i = 0; i < n; i++) {
		const id = `M${String(i).padStart(7, '0')}`;
		const name = `Customer ${i} Ltd`;
		sandbox.store.insert('CUSTOMER', {
			CUSTOMERID: id,
			NAME: name,
			'DISPLAYCONTACT.PRINTAS': name,
			'DISPLAYCONTACT.EMAIL1': `accounts${i}@example.co.uk`,
			'DISPLAYCONTACT.PHONE1': '+44 20 7946 0000',
			CURRENCY: 'GBP',
			ONHOLD: 'false',
			STATUS: 'active',
		});
	}
}

function gc(): void {
	const collect = (globalThis as { gc?: () => void }).gc;
	if (!collect) throw new Error('run node with --expose-gc to measure memory');
	collect();
	collect();
}

export async function measureListMemory(customers: number): Promise<MemoryMeasurement> {
	const sandbox = await startBenchSandbox(0);
	try {
		seedCustomers(sandbox, customers);
		sandbox.meter.reset();
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
				filters: { query: "CUSTOMERID LIKE 'M%'" },
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
		const roundTrips = sandbox.meter.snapshot().roundTrips;
		// Keep the run (and its items) alive until after the measurement.
		if (run.items.length < 0) console.log(run);
		return {
			customers,
			roundTrips,
			itemsJsonBytes,
			retainedBytes: retained,
			peakBytes: peak - baseline,
			retainedVsJson: retained / itemsJsonBytes,
			peakVsJson: (peak - baseline) / itemsJsonBytes,
		};
	} finally {
		await sandbox.close();
	}
}
