/**
 * Options > Concurrent Requests: batches go out up to K at a time, and nothing else changes. The
 * client is checked on its own against a scripted gateway (requests in flight, answer order,
 * failure), and the node in the n8n engine against the sandbox: the same items, in the same
 * order, with the same per-item errors, with and without Continue On Fail, as one at a time.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { IntacctSandbox } from '../../../sandbox/intacct/server';
import { IntacctClient } from '../../../nodes/SageIntacct/transport/client';
import type { IntacctEnvelopeRequest } from '../../../nodes/SageIntacct/transport/envelope';
import { records, runIntacct, startSandbox } from '../helpers';

/** A gateway answer with one successful result per function, in reverse order. */
function answer(functions: string): string {
	const ids = [...functions.matchAll(/<function controlid="([^"]+)">/g)].map((m) => m[1]);
	const results = ids
		.map(
			(id) =>
				`<result><status>success</status><function>create</function><controlid>${id}</controlid><key>${id.slice(1)}</key></result>`,
		)
		.reverse()
		.join('');
	return (
		'<?xml version="1.0" encoding="UTF-8"?><response><control><status>success</status><senderid>s</senderid>' +
		'<controlid>c</controlid><uniqueid>true</uniqueid><dtdversion>3.0</dtdversion></control><operation>' +
		'<authentication><status>success</status><userid>u</userid><companyid>C</companyid></authentication>' +
		`${results}</operation></response>`
	);
}

/** An execution context whose only HTTP is a scripted gateway that records concurrency. */
function scriptedGateway(options: { failOnRequest?: number } = {}) {
	const log = { started: 0, inFlight: 0, most: 0, mostBeforeFirstAnswer: 0, answered: 0 };
	const startedAfterFailure: number[] = [];
	let failed = false;
	const ctx = {
		helpers: {
			httpRequestWithAuthentication: async (_credential: string, request: IHttpRequestOptions) => {
				const n = ++log.started;
				if (failed) startedAfterFailure.push(n);
				log.inFlight++;
				log.most = Math.max(log.most, log.inFlight);
				if (log.answered === 0)
					log.mostBeforeFirstAnswer = Math.max(log.mostBeforeFirstAnswer, log.inFlight);
				// Later requests answer sooner than earlier ones, so completions come back out of order.
				await new Promise((resolve) => setTimeout(resolve, 2 + ((7 * n) % 5)));
				log.inFlight--;
				log.answered++;
				if (n === options.failOnRequest) {
					failed = true;
					return { statusCode: 500, headers: {}, body: 'down' };
				}
				const body = request.body as unknown as IntacctEnvelopeRequest;
				return { statusCode: 200, headers: {}, body: answer(body.functions) };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, log, startedAfterFailure };
}

const calls = (n: number) =>
	Array.from({ length: n }, (_, i) => ({
		controlId: `k${i + 1}`,
		name: 'create',
		xml: `<create><CUSTOMER><CUSTOMERID>X${i + 1}</CUSTOMERID></CUSTOMER></create>`,
	}));

const clientOptions = (concurrency: number) => ({
	batchSize: 2,
	concurrency,
	timeoutMs: 1000,
	retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 },
});

describe('Sage Intacct › Concurrent Requests › client', () => {
	it.each([1, 2, 3, 4])(
		'K=%i: at most K requests in flight, the first alone, results in call order',
		async (k) => {
			const { ctx, log } = scriptedGateway();
			const client = new IntacctClient(ctx, clientOptions(k));
			const results = await client.sendAll(calls(21), { write: true });
			expect(results.map((r) => r.controlId)).toEqual(calls(21).map((c) => c.controlId));
			expect(results.map((r) => r.key)).toEqual(calls(21).map((c) => c.controlId.slice(1)));
			expect(log.started).toBe(11);
			expect(log.mostBeforeFirstAnswer).toBe(1);
			expect(log.most).toBe(k);
		},
	);

	it('after a failed request starts no other, and throws that failure', async () => {
		const { ctx, log, startedAfterFailure } = scriptedGateway({ failOnRequest: 4 });
		const client = new IntacctClient(ctx, clientOptions(3));
		await expect(client.sendAll(calls(40), { write: true })).rejects.toThrow(/HTTP 500/);
		expect(startedAfterFailure).toEqual([]);
		expect(log.started).toBeLessThan(20);
	});
});

describe('Sage Intacct › Concurrent Requests › node', () => {
	const invoice = (n: number, over: IDataObject = {}) => ({
		customer: 'C0001',
		number: `CR-${String(n).padStart(3, '0')}`,
		amount: 10 + n,
		...over,
	});
	/** 30 invoices: a bad amount (validation) at 4, an unknown customer (Intacct error) at 11 and 23. */
	const input = () =>
		Array.from({ length: 30 }, (_, n) =>
			n === 4
				? invoice(n, { amount: 'ten' })
				: n === 11 || n === 23
					? invoice(n, { customer: 'NOPE' })
					: invoice(n),
		);
	const params = (concurrency: number) => ({
		resource: 'arInvoice',
		operation: 'create',
		customerId: { __rl: true, mode: 'id', value: '={{ $json.customer }}' },
		invoiceNo: '={{ $json.number }}',
		invoiceDate: '2025-06-02',
		dueDate: '2025-07-02',
		linesInput: 'fields',
		lines: { line: [{ glAccountNo: '4000', amount: '={{ $json.amount }}' }] },
		requestOptions: { batchSize: 4, concurrency },
	});
	/** An item without its RECORDNO, which depends on the order the sandbox applied batches in. */
	const shape = (item: IDataObject) => {
		const { RECORDNO, ...rest } = item;
		return { ...rest, hasRecordNo: RECORDNO !== undefined && RECORDNO !== '' };
	};

	let sandboxes: IntacctSandbox[] = [];
	const fresh = async (latencyMs = 5) => {
		const sandbox = await startSandbox();
		sandbox.faults.configure({ latencyMs });
		sandboxes.push(sandbox);
		return sandbox;
	};
	afterEach(async () => {
		await Promise.all(sandboxes.map((s) => s.close()));
		sandboxes = [];
	});

	it('Continue On Fail: the same items, in input order, with the same per-item errors as K=1', async () => {
		const runs = [];
		for (const k of [1, 3]) {
			const sandbox = await fresh();
			const run = await runIntacct(sandbox, params(k), input(), { continueOnFail: true });
			expect(run.error).toBeUndefined();
			const stored = (await records(sandbox, 'ARINVOICE')).filter((r) =>
				String(r.RECORDID).startsWith('CR-'),
			);
			runs.push({ items: run.items.map(shape), stored: stored.length });
		}
		const [one, three] = runs;
		expect(three.items).toEqual(one.items);
		expect(one.items).toHaveLength(30);
		expect(one.stored).toBe(27);
		const errors = one.items.flatMap((item, n) => (item.error ? [n] : []));
		expect(errors).toEqual([4, 11, 23]);
		expect(String(one.items[4].error)).toMatch(/amount/);
		expect(String(one.items[11].error)).toMatch(/NOPE/);
		expect(one.items[0]).toMatchObject({ RECORDID: 'CR-000', outcome: 'applied' });
		expect(one.items[29]).toMatchObject({ RECORDID: 'CR-029', outcome: 'applied' });
	});

	it('without Continue On Fail, bad input still stops the run before anything is sent', async () => {
		const sandbox = await fresh();
		const run = await runIntacct(sandbox, params(3), input());
		expect(run.error?.message).toMatch(/amount/);
		expect(sandbox.meter.snapshot().roundTrips).toBe(0);
	});

	it('without Continue On Fail, an Intacct error names the first failing item in input order', async () => {
		const sandbox = await fresh();
		// Item 11 (batch 3) and item 23 (batch 6) fail; batch 6 may well be answered first.
		const good = input().map((item, n) => (n === 4 ? invoice(n) : item));
		const run = await runIntacct(sandbox, params(4), good);
		expect(run.error?.message).toMatch(/NOPE/);
		expect(JSON.stringify(run.error)).toMatch(/CR-011|item 11|Item 11|"itemIndex":11/);
		// Everything else was written exactly once: a re-run applies nothing new.
		const stored = (await records(sandbox, 'ARINVOICE')).filter((r) =>
			String(r.RECORDID).startsWith('CR-'),
		);
		expect(stored).toHaveLength(28);
		const again = await runIntacct(sandbox, params(4), good, { continueOnFail: true });
		expect(again.items.filter((i) => i.outcome === 'alreadyApplied')).toHaveLength(28);
		expect(again.items.filter((i) => i.error)).toHaveLength(2);
	});
});
