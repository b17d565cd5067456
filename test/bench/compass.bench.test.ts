/**
 * CI check of the performance report's harness (bench/compass.bench.ts), at toy sizes and with no
 * timing assertions: this package and the official SDK build requests that say the same thing and
 * read the same keys back, and the table judges rows against their bounds the right way round.
 */
import { compassRows, compassTable } from '../../bench/compass.bench';
import type { Measurement } from '../../bench/intacctMeasure';
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
		const measurement = (over: Partial<Measurement>): Measurement =>
			({
				operation: 'arInvoice.create',
				n: 1000,
				latencyMs: 150,
				roundTrips: { actual: 11, bound: 11, ratio: 1 },
				billed: { actual: 1000, bound: 1000, ratio: 1 },
				functions: {},
				faults: {},
				wire: { requests: 0, requestBytes: 0, responseBytes: 0, maxRequestBytes: 0 },
				wallMs: 1800,
				nodeMs: 0,
				latencyBoundMs: 1650,
				wallVsLatencyBound: 1800 / 1650,
				items: 1000,
				...over,
			}) as Measurement;
		const side = { usPerRecord: 10, buildUs: 5, parseUs: 5, requestBytes: 600 };
		const rows = compassRows({
			created: measurement({}),
			createdConcurrently: measurement({}),
			read: measurement({
				operation: 'arInvoice.getAll',
				roundTrips: { actual: 2, bound: 1, ratio: 2 },
			}),
			concurrency: 2,
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
				roundTrips: 1,
				itemsJsonBytes: 1000,
				retainedBytes: 1500,
				peakBytes: 5000,
				retainedVsJson: 1.5,
				peakVsJson: 5,
			},
		});
		const verdict = Object.fromEntries(rows.map((r) => [r.quantity, r.pass]));
		expect(Object.values(verdict)).toEqual([
			true, // create round trips at the bound
			true, // billed
			false, // read round trips twice the bound
			true,
			true, // 1800 ms <= 1.25 x 1650 ms
			false, // 2 connections: bound (1 + 5) x 150 = 900 ms
			true, // 10 us
			false, // 2.5x < 3x
			true, // 1.5x JSON
		]);
		expect(compassTable(rows)).toContain('FAIL');
	});
});
