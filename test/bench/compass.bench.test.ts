/**
 * CI check of the performance report's harness (bench/compass.bench.ts), at toy sizes and with no
 * timing assertions: this package and the official SDK build requests that say the same thing and
 * read the same keys back, and the table judges rows against their bounds the right way round.
 */
import {
	SEEDED_CUSTOMER_PREFIX,
	startBenchSandbox,
	type SandboxCounters,
} from '../../bench/benchSandbox';
import { compassRows, compassTable } from '../../bench/compass.bench';
import { answer } from '../../bench/sandboxProcess';
import { runIntacct } from '../intacct/helpers';
import { latencyBound, measureCreate, type Measurement } from '../../bench/intacctMeasure';
import { batchResponse, measureXmlCpu, parsedKeys, sampleRequests } from '../../bench/xmlCpu';

describe('Benchmark › COMPASS report harness', () => {
	test('ours and the SDK build the same invoice and read the same keys back', () => {
		const { ours, sdk } = sampleRequests();
		for (const fragment of [
			'<customerid>C0000</customerid>',
			'<invoiceno>INV-000001</invoiceno>',
			'<glaccountno>4000</glaccountno>',
			'Services &amp; support &lt;0&gt;',
		])
			expect([fragment, ours.includes(fragment), sdk.includes(fragment)]).toEqual([
				fragment,
				true,
				true,
			]);
		// Money: ours sends exact pence, the SDK a float's shortest form.
		expect(ours).toContain('<amount>100.00</amount>');
		expect(sdk).toContain('<amount>100</amount>');
		expect(parsedKeys(batchResponse(['a', 'b', 'c'], 41))).toEqual({
			ours: ['41', '42', '43'],
			sdk: ['41', '42', '43'],
		});
	});

	test('the CPU measurement runs both sides over the same records', () => {
		const result = measureXmlCpu({ records: 300, batchSize: 100, rounds: 1 });
		expect(result.records).toBe(300);
		for (const side of [result.ours, result.sdk]) {
			expect(side.usPerRecord).toBeGreaterThan(0);
			expect(side.requestBytes).toBeGreaterThan(400);
		}
		expect(Number.isFinite(result.speedup)).toBe(true);
	});

	test('rows pass within their bounds and fail outside them', () => {
		const measurement = (over: Partial<Measurement>): Measurement => ({
			operation: 'arInvoice.create',
			n: 1000,
			batchSize: 100,
			concurrency: 1,
			latencyMs: 150,
			sandbox: 'child',
			roundTrips: { actual: 11, bound: 11, ratio: 1 },
			billed: { actual: 1000, bound: 1000, ratio: 1 },
			functions: {},
			faults: {},
			wire: {
				requests: 0,
				requestBytes: 0,
				maxRequestBytes: 0,
				responseBytes: 0,
				maxResponseBytes: 0,
			},
			wallMs: 1800,
			nodeMs: 0,
			cpuMs: 0,
			beforeFirstRequestMs: 100,
			requestPhaseMs: 1700,
			serverMs: 40,
			latencyBoundMs: latencyBound({ operation: 'arInvoice.create', concurrency: 1 }, 11, 150),
			wallVsLatencyBound: 1800 / 1650,
			items: 1000,
			...over,
		});
		const side = { usPerRecord: 10, buildUs: 5, parseUs: 5, requestBytes: 600 };
		const input = {
			created: measurement({}),
			createdConcurrently: measurement({
				concurrency: 2,
				latencyBoundMs: latencyBound({ operation: 'arInvoice.create', concurrency: 2 }, 11, 150),
			}),
			read: measurement({
				operation: 'arInvoice.getAll',
				roundTrips: { actual: 2, bound: 1, ratio: 2 },
			}),
			cpu: {
				records: 1,
				batchSize: 1,
				rounds: 1,
				ours: side,
				sdk: { ...side, usPerRecord: 25 },
				speedup: 2.5,
			},
			memory: {
				customers: 10,
				sandbox: 'child',
				roundTrips: 1,
				itemsJsonBytes: 1000,
				retainedBytes: 1500,
				peakBytes: 5000,
				retainedVsJson: 1.5,
				peakVsJson: 5,
			},
		};
		const rows = compassRows(input);
		expect(rows.map((r) => r.pass)).toEqual([
			true, // create round trips at the bound
			true, // billed
			false, // read round trips twice the bound
			true,
			true, // 1 connection: 1800 ms <= 1.25 x (11 x 150 ms)
			undefined, // breakdown: before the first request
			undefined, // breakdown: the requests
			undefined, // breakdown: the sandbox's work in them
			true, // 2 concurrent: round trips
			false, // 2 concurrent: bound (1 + ceil(10 / 2)) x 150 = 900 ms
			undefined,
			undefined,
			undefined,
			true, // 10 us
			undefined, // the SDK's own figure
			false, // 2.5x < 3x
			true, // 1.5x JSON
			undefined, // peak
		]);
		expect(rows[9].bound).toBe(900);
		expect(compassTable(rows)).toContain('FAIL');
		// Define Below is shown for comparison only: four more rows, none with a target.
		const compared = compassRows({
			...input,
			createdDefineBelow: measurement({ dataMode: 'defineBelow', wallMs: 9000 }),
		});
		expect(compared).toHaveLength(rows.length + 4);
		expect(compared.slice(13, 17).map((r) => [r.target, r.pass])).toEqual([
			['comparison', undefined],
			['comparison', undefined],
			['comparison', undefined],
			['comparison', undefined],
		]);
		expect(compared[13].quantity).toContain('Define Below');
	});

	test('the latency bound: one login, then the batches K at a time; reads page by page', () => {
		const create = (concurrency: number) => ({
			operation: 'arInvoice.create' as const,
			concurrency,
		});
		// 10,000 invoices in batches of 100: 100 batches + 1 login.
		expect(latencyBound(create(1), 101, 150)).toBe(101 * 150);
		expect(latencyBound(create(2), 101, 150)).toBe(51 * 150);
		expect(latencyBound(create(4), 101, 150)).toBe(26 * 150);
		expect(latencyBound({ operation: 'arInvoice.getAll' }, 10, 150)).toBe(1500);
	});
});

describe('Benchmark › COMPASS report harness › sandbox and concurrent create (CI size)', () => {
	test('Define Below maps each item through expressions and writes the same invoices', async () => {
		const sandbox = await startBenchSandbox(0);
		try {
			const { measurement } = await measureCreate(sandbox, {
				n: 120,
				batchSize: 50,
				prefix: 'DB',
				dataMode: 'defineBelow',
			});
			expect(measurement).toMatchObject({ dataMode: 'defineBelow', items: 120 });
			expect(measurement.functions).toEqual({ getAPISession: 1, create_invoice: 120 });
		} finally {
			await sandbox.close();
		}
	});

	test('a concurrent create is measured against its own bound, phases included', async () => {
		const sandbox = await startBenchSandbox(2);
		try {
			const { measurement } = await measureCreate(sandbox, {
				n: 300,
				batchSize: 50,
				prefix: 'CC',
				concurrency: 2,
			});
			expect(measurement.roundTrips).toEqual({ actual: 7, bound: 7, ratio: 1 });
			expect(measurement.billed.ratio).toBe(1);
			expect(measurement.functions).toEqual({ getAPISession: 1, create_invoice: 300 });
			// Login, then 6 batches two at a time.
			expect(measurement.latencyBoundMs).toBe((1 + 3) * 2);
			expect(measurement.beforeFirstRequestMs).toBeGreaterThan(0);
			expect(measurement.requestPhaseMs).toBeGreaterThan(0);
			expect(measurement.serverMs).toBeGreaterThan(0);
			expect(measurement.serverMs).toBeLessThan(measurement.requestPhaseMs);
			expect(measurement.beforeFirstRequestMs + measurement.requestPhaseMs).toBeLessThanOrEqual(
				measurement.wallMs,
			);
		} finally {
			await sandbox.close();
		}
	});

	test('the child-process protocol seeds customers the node can list, unmetered', async () => {
		const sandbox = await startBenchSandbox(0);
		try {
			await answer(sandbox, { id: 1, op: 'seedCustomers', n: 1500 });
			await answer(sandbox, { id: 2, op: 'resetCounters' });
			const run = await runIntacct(sandbox, {
				resource: 'customer',
				operation: 'getAll',
				returnAll: true,
				filters: { query: `CUSTOMERID LIKE '${SEEDED_CUSTOMER_PREFIX}%'` },
			});
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(1500);
			const counters = (await answer(sandbox, { id: 3, op: 'counters' })) as SandboxCounters;
			// The login, then two pages of 1,000.
			expect(counters.meter.roundTrips).toBe(3);
			expect(counters.meter.functions).toEqual({ getAPISession: 1, readByQuery: 1, readMore: 1 });
			expect(counters.wire.requests).toBe(3);
		} finally {
			await answer(sandbox, { id: 4, op: 'close' });
		}
	});
});
