/**
 * CI version of the Sage Intacct benchmark (bench/intacct.bench.ts): the same scenario at N=300
 * with a few ms of injected latency. It asserts call efficiency only, as ratios against the
 * protocol's lower bounds (round trips, billed transactions); wall time is reported by the full
 * benchmark and never asserted here.
 */
import {
	measureCreate,
	measureRead,
	readBounds,
	startBenchSandbox,
	writeBounds,
	type BenchSandbox,
	type Measurement,
} from '../../bench/intacctMeasure';

const N = 300;
const BATCH = 100;
const LATENCY_MS = 2;
/** Allowance over the bound for session handling and lookups; 0 is what the client achieves today. */
const ROUND_TRIP_SLACK = 1;

describe('Benchmark › Sage Intacct › AR invoices (CI size)', () => {
	let sandbox: BenchSandbox;
	let created: Measurement;
	let read: Measurement;

	beforeAll(async () => {
		sandbox = await startBenchSandbox(LATENCY_MS);
		const write = await measureCreate(sandbox, { n: N, batchSize: BATCH, prefix: 'CI' });
		created = write.measurement;
		read = await measureRead(sandbox, { n: N, prefix: 'CI', credentials: write.credentials });
	});
	afterAll(async () => sandbox?.close());

	it('creates N invoices in ceil(N/B) requests plus one login, billing each invoice once', () => {
		const bound = writeBounds(N, BATCH);
		expect(created.items).toBe(N);
		expect(created.roundTrips.bound).toBe(bound.roundTrips);
		expect(created.roundTrips.actual).toBeLessThanOrEqual(bound.roundTrips + ROUND_TRIP_SLACK);
		expect(created.billed.actual).toBe(N);
		expect(created.billed.ratio).toBe(1);
		expect(created.functions).toEqual({ getAPISession: 1, create_invoice: N });
		expect(created.faults).toEqual({});
	});

	it('reads them back in ceil(N/1000) pages, reusing the stored session', () => {
		const bound = readBounds(N);
		expect(read.items).toBe(N);
		expect(read.roundTrips.actual).toBeLessThanOrEqual(bound.roundTrips + ROUND_TRIP_SLACK);
		expect(read.billed.actual).toBe(bound.billed);
		expect(read.functions.getAPISession).toBeUndefined();
		expect(read.functions.readByQuery).toBe(1);
	});

	it('needs proportionally fewer requests with a larger batch size', async () => {
		const small = await startBenchSandbox(0);
		try {
			const { measurement } = await measureCreate(small, { n: N, batchSize: 25, prefix: 'CI25' });
			expect(measurement.roundTrips.actual).toBeLessThanOrEqual(
				writeBounds(N, 25).roundTrips + ROUND_TRIP_SLACK,
			);
			expect(measurement.billed.actual).toBe(N);
		} finally {
			await small.close();
		}
	});
});
