/**
 * CI version of bench/sage200.bench.ts: call counts against their bounds, no timing assertions.
 */
import {
	measurePostings,
	measureReads,
	startSage200Bench,
	type Sage200Bench,
} from '../../bench/sage200Measure';

describe('Benchmark › Sage 200 (CI size)', () => {
	let bench: Sage200Bench;
	beforeAll(async () => {
		bench = await startSage200Bench(1);
	});
	afterAll(async () => bench?.sandbox.close());

	it('posts N receipts exactly once in 3 calls each: look up, post, read back', async () => {
		const m = await measurePostings(bench, 60, 1);
		expect(m.calls.bound).toBe(60);
		expect(m.calls.actual).toBe(180);
	});

	it('reads N customers in ceil(N / $top) calls', async () => {
		const m = await measureReads(bench, 5200, 5000, 1);
		expect(m.calls.actual).toBe(m.calls.bound);
		expect(m.calls.actual).toBe(2);
	});
});
