import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IntacctSandbox } from '../../../sandbox/intacct/server';
import { invoiceParams } from '../fixtures';
import { intacctCredentials, records, runIntacct, startSandbox } from '../helpers';

const customers = (prefix: string, n: number) =>
	Array.from({ length: n }, (_, k) => ({
		id: `${prefix}${String(k).padStart(4, '0')}`,
		name: `${prefix} customer ${k}`,
	}));
const createCustomers = {
	resource: 'customer',
	operation: 'create',
	customerId: '={{ $json.id }}',
	name: '={{ $json.name }}',
};

describe('Sage Intacct › sessions, retries and exactly-once writes', () => {
	let sandbox: IntacctSandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => sandbox.close());

	it('opens one session per credential and reuses it across executions', async () => {
		const first = await runIntacct(sandbox, createCustomers, customers('S', 3));
		expect(first.credentials.sessionId).toBeTruthy();
		sandbox.meter.reset();
		const second = await runIntacct(sandbox, createCustomers, customers('S2', 3), {
			credentials: first.credentials,
		});
		expect(second.error).toBeUndefined();
		expect(sandbox.meter.snapshot().functions.getAPISession ?? 0).toBe(0);
	});

	it('re-opens an expired session mid-run and loses nothing', async () => {
		sandbox.faults.configure({ faults: [{ type: 'sessionExpiry', times: 1, match: 'create' }] });
		const run = await runIntacct(
			sandbox,
			{ ...createCustomers, requestOptions: { batchSize: 50 } },
			customers('E', 300),
		);
		expect(run.error).toBeUndefined();
		expect(run.items.every((i) => i.outcome === 'applied')).toBe(true);
		expect(
			(await records(sandbox, 'CUSTOMER')).filter((c) => String(c.CUSTOMERID).startsWith('E')),
		).toHaveLength(300);
		expect(sandbox.meter.snapshot().faults.sessionExpiry).toBe(1);
		expect(sandbox.meter.snapshot().functions.getAPISession).toBe(2);
	});

	it('recovers when the session stored from an earlier execution has expired', async () => {
		const first = await runIntacct(sandbox, createCustomers, customers('X', 1));
		sandbox.auth.expire();
		const second = await runIntacct(sandbox, createCustomers, customers('Y', 2), {
			credentials: first.credentials,
		});
		expect(second.error).toBeUndefined();
		expect(second.items).toHaveLength(2);
	});

	it('leaves each of 200 invoices exactly once under 20% injected faults, lost-after-commit included', async () => {
		sandbox.faults.configure({
			seed: 7,
			faults: [
				{ type: 'lostAfterCommit', probability: 0.06 },
				{ type: 'reset', probability: 0.03 },
				{ type: 'http500', probability: 0.03 },
				{ type: 'http503', probability: 0.02 },
				{ type: 'rateLimit', probability: 0.03, retryAfterSeconds: 0 },
				{ type: 'sessionExpiry', probability: 0.02 },
				{ type: 'timeout', probability: 0.01, timeoutMs: 1500 },
			],
		});
		const input = Array.from({ length: 200 }, (_, k) => ({
			customer: ['C0001', 'C0002', 'C0003'][k % 3],
			number: `F-${String(k).padStart(4, '0')}`,
			date: '2025-07-01',
			due: '2025-07-31',
			lines: [{ glAccountNo: '4000', amount: (k + 1) * 1.11 }],
		}));
		const params = {
			...invoiceParams,
			requestOptions: { batchSize: 10, maxRetries: 10, timeoutMs: 1000 },
		};
		const run = await runIntacct(sandbox, params, input);
		expect(run.error).toBeUndefined();
		const faults = sandbox.meter.snapshot().faults;
		expect(Object.values(faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
		expect(faults.lostAfterCommit).toBeGreaterThan(0);
		const check = async () => {
			const stored = (await records(sandbox, 'ARINVOICE')).filter((i) =>
				String(i.RECORDID).startsWith('F-'),
			);
			expect(stored).toHaveLength(200);
			expect(new Set(stored.map((i) => i.RECORDID)).size).toBe(200);
			const cents = stored.reduce((sum, i) => sum + Math.round(Number(i.TOTALENTERED) * 100), 0);
			expect(cents).toBe(
				Array.from({ length: 200 }, (_, k) => (k + 1) * 111).reduce((a, b) => a + b, 0),
			);
		};
		await check();
		expect(run.items.filter((i) => i.outcome === 'alreadyApplied').length).toBeGreaterThan(0);
		// Run it all again, faults still on: nothing new.
		const again = await runIntacct(sandbox, params, input);
		expect(again.error).toBeUndefined();
		expect(again.items.every((i) => i.outcome === 'alreadyApplied')).toBe(true);
		await check();
	});

	it('Concurrent Requests: the same output in the same order, one login, never more than K requests in flight', async () => {
		sandbox.faults.configure({ latencyMs: 20 });
		// A counting proxy in front of the gateway sees how many requests are open at once.
		let inFlight = 0;
		let most = 0;
		const target = new URL(sandbox.endpoint);
		const proxy = http.createServer((req, res) => {
			inFlight++;
			most = Math.max(most, inFlight);
			const upstream = http.request(
				{
					host: target.hostname,
					port: target.port,
					path: req.url,
					method: req.method,
					headers: req.headers,
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
					answer.on('end', () => inFlight--);
				},
			);
			req.pipe(upstream);
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		const { port } = proxy.address() as AddressInfo;
		const credentials = {
			...intacctCredentials(sandbox),
			endpointUrl: `http://127.0.0.1:${port}${target.pathname}`,
		};
		const one = await runIntacct(
			sandbox,
			{ ...createCustomers, requestOptions: { batchSize: 20 } },
			customers('K1', 200),
			{ credentials },
		);
		expect(most).toBe(1);
		most = 0;
		sandbox.meter.reset();
		const two = await runIntacct(
			sandbox,
			{ ...createCustomers, requestOptions: { batchSize: 20, concurrency: 2 } },
			customers('K2', 200),
			{ credentials },
		);
		proxy.close();
		expect(two.error).toBeUndefined();
		expect(two.items.map((i) => [i.CUSTOMERID, i.outcome])).toEqual(
			one.items.map((i) => [String(i.CUSTOMERID).replace('K1', 'K2'), i.outcome]),
		);
		// A fresh credential: one login first, alone, then 10 batches two at a time.
		expect(sandbox.meter.snapshot().functions).toEqual({ getAPISession: 1, create: 200 });
		expect(sandbox.meter.snapshot().roundTrips).toBe(11);
		expect(most).toBe(2);
	});

	it('Concurrent Requests: a failed request stops the rest; a re-run applies the remainder exactly once', async () => {
		// Seeded: one 524 lands on a later request, while others are in flight (three at a time).
		sandbox.faults.configure({
			seed: 1,
			faults: [{ type: 'http524', times: 1, probability: 0.5, match: 'create' }],
		});
		const params = { ...createCustomers, requestOptions: { batchSize: 10, concurrency: 3 } };
		const failed = await runIntacct(sandbox, params, customers('R', 100));
		expect(failed.error?.message).toMatch(/HTTP 524/);
		const written = (await records(sandbox, 'CUSTOMER')).filter((c) =>
			String(c.CUSTOMERID).startsWith('R'),
		).length;
		expect(written).toBeGreaterThan(0);
		expect(written).toBeLessThan(100);
		const again = await runIntacct(sandbox, params, customers('R', 100));
		expect(again.error).toBeUndefined();
		const stored = (await records(sandbox, 'CUSTOMER')).filter((c) =>
			String(c.CUSTOMERID).startsWith('R'),
		);
		expect(stored).toHaveLength(100);
		expect(new Set(stored.map((c) => c.CUSTOMERID)).size).toBe(100);
		expect(again.items.map((i) => i.outcome)).toEqual(
			expect.arrayContaining(['applied', 'alreadyApplied']),
		);
	});

	it('does not retry a 524, and says so', async () => {
		sandbox.faults.configure({ faults: [{ type: 'http524', times: 1, match: 'create' }] });
		const run = await runIntacct(sandbox, createCustomers, customers('T', 1));
		expect(run.error?.message).toMatch(/HTTP 524/);
		expect(sandbox.meter.snapshot().faults.http524).toBe(1);
	});

	it('fails clearly on bad credentials, without leaking them', async () => {
		const wrong = ['wrong', 'secret', '123'].join('-');
		const credentials = { ...intacctCredentials(sandbox), userPassword: wrong };
		const run = await runIntacct(sandbox, createCustomers, customers('B', 1), { credentials });
		expect(run.error?.message).toMatch(/Sign-in information is incorrect/);
		const everything = JSON.stringify({
			message: run.error?.message,
			error: run.error,
			data: run.result.run.data,
		});
		expect(everything).not.toContain(wrong);
		expect(everything).not.toContain(sandbox.credentials.senderPassword);
		const badSender = await runIntacct(sandbox, createCustomers, customers('B', 1), {
			credentials: { ...intacctCredentials(sandbox), senderPassword: 'nope-sender-456' },
		});
		expect(badSender.error?.message).toMatch(/Incorrect Intacct XML Partner ID or password/);
		expect(JSON.stringify(badSender.result.run.data)).not.toContain('nope-sender-456');
	});

	it('refuses plain http to anything but loopback', async () => {
		const credentials = {
			...intacctCredentials(sandbox),
			endpointUrl: 'http://intacct.example.com/ia/xml/xmlgw.phtml',
		};
		const run = await runIntacct(sandbox, createCustomers, customers('H', 1), { credentials });
		expect(run.error?.message).toMatch(/must use https:\/\//);
	});
});
