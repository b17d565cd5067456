import { get, okBody, post, startSandbox } from './helpers';
import type { Json, TheLayerSandbox } from './helpers';

let sandbox: TheLayerSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.store.reset();
	sandbox.faults.clear();
	sandbox.meter.reset();
	sandbox.clock.release();
});

const create = (name: string) => post(sandbox, '/customers', { companyName: name });
const exists = (name: string) =>
	sandbox.store.find('customers', (c) => c.companyName === name) !== undefined;
const control = (method: string, path: string, body?: unknown) =>
	fetch(`${sandbox.url}/__sandbox${path}`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
	}).then(async (r) => ({ status: r.status, body: (await r.json()) as Json }));

describe('fault injection', () => {
	it.each([
		['http500', 500],
		['http502', 502],
		['http503', 503],
		['http524', 524],
	] as const)('%s answers %i and processes nothing', async (type, status) => {
		sandbox.faults.configure({ faults: [{ type, times: 1 }] });
		const response = await fetch(`${sandbox.url}/api/v1/customers`, {
			method: 'POST',
			headers: { Token1: sandbox.credentials.token1, Token2: sandbox.credentials.token2 },
			body: JSON.stringify({ companyName: 'F1 Ltd' }),
		});
		expect(response.status).toBe(status);
		expect(await response.text()).toContain(`sandbox fault: ${type}`);
		expect(exists('F1 Ltd')).toBe(false);
		// times: 1 -> the next request goes through.
		expect((await create('F1 Ltd')).status).toBe(201);
		expect(sandbox.meter.snapshot().faults).toEqual({ [type]: 1 });
	});

	it('rateLimit answers 429 rate_limited with Retry-After', async () => {
		sandbox.faults.configure({ faults: [{ type: 'rateLimit', retryAfterSeconds: 7, times: 1 }] });
		const reply = await create('F2 Ltd');
		expect(reply.status).toBe(429);
		expect(reply.headers.get('retry-after')).toBe('7');
		expect(reply.body.error.code).toBe('rate_limited');
		expect(exists('F2 Ltd')).toBe(false);
	});

	it('reset drops the connection before processing', async () => {
		sandbox.faults.configure({ faults: [{ type: 'reset', times: 1 }] });
		await expect(create('F3 Ltd')).rejects.toThrow();
		expect(exists('F3 Ltd')).toBe(false);
	});

	it('lostAfterCommit commits the write but never answers', async () => {
		sandbox.faults.configure({ faults: [{ type: 'lostAfterCommit', times: 1 }] });
		await expect(create('F4 Ltd')).rejects.toThrow();
		expect(exists('F4 Ltd')).toBe(true);
	});

	it('timeout holds the request, then drops it', async () => {
		sandbox.faults.configure({ faults: [{ type: 'timeout', timeoutMs: 50, times: 1 }] });
		await expect(create('F5 Ltd')).rejects.toThrow();
		expect(exists('F5 Ltd')).toBe(false);
	});

	it('match picks operations by operationId or by method and path', async () => {
		sandbox.faults.configure({
			faults: [
				{ type: 'http503', match: 'createInvoice' },
				{ type: 'http502', match: 'GET /api/v1/payments' },
			],
		});
		expect((await create('F6 Ltd')).status).toBe(201);
		expect((await fetch(`${sandbox.url}/api/v1/invoices`, { method: 'POST' })).status).toBe(503);
		expect((await fetch(`${sandbox.url}/api/v1/payments/pay_1`)).status).toBe(502);
		expect((await get(sandbox, '/invoices')).status).toBe(200);
	});

	it('sessionExpiry never fires (token auth has no session)', async () => {
		sandbox.faults.configure({ faults: [{ type: 'sessionExpiry' }] });
		expect((await get(sandbox, '/customers')).status).toBe(200);
		expect(sandbox.meter.snapshot().faults).toEqual({});
	});

	it('latency delays every API request', async () => {
		sandbox.faults.configure({ latencyMs: 60 });
		const started = Date.now();
		okBody(await get(sandbox, '/sub-companies'));
		expect(Date.now() - started).toBeGreaterThanOrEqual(55);
	});
});

describe('meter', () => {
	it('counts every API request as a round trip and each operation by operationId', async () => {
		await get(sandbox, '/customers');
		await get(sandbox, '/customers/cus_0001');
		await get(sandbox, '/customers/cus_0002');
		await create('M1 Ltd');
		await fetch(`${sandbox.url}/api/v1/customers`); // 401, still a round trip
		await control('GET', '/health'); // control calls are not metered
		const meter = sandbox.meter.snapshot();
		expect(meter.roundTrips).toBe(5);
		expect(meter.functions).toEqual({ listCustomers: 2, getCustomer: 2, createCustomer: 1 });
		expect(meter.billedTotal).toBe(0);
	});
});

describe('control API', () => {
	it('records/:collection returns every stored record as the API shows it', async () => {
		const invoices = await control('GET', '/records/invoices');
		expect(invoices.body).toHaveLength(7);
		expect(invoices.body[0]).toMatchObject({
			id: 'inv_0001',
			grossTotal: 4001.4,
			amountDue: 4001.4,
		});
		const unknown = await control('GET', '/records/widgets');
		expect(unknown.status).toBe(404);
		expect(unknown.body.error).toMatch(/one of sub-companies, payment-methods/);
	});

	it('the clock drives createdAt/modifiedAt', async () => {
		expect((await control('PUT', '/clock', { now: '2025-07-01T08:00:00.000Z' })).body).toEqual({
			now: '2025-07-01T08:00:00.000Z',
			frozen: true,
		});
		await control('PUT', '/clock', { advanceSeconds: 90 });
		const customer = okBody(await create('Clocked Ltd'));
		expect(customer.createdAt).toBe('2025-07-01T08:01:30.000Z');
		expect((await control('DELETE', '/clock')).body.frozen).toBe(false);
		expect((await control('PUT', '/clock', { now: 'soon' })).status).toBe(400);
	});

	it('faults and reset through HTTP', async () => {
		const set = await control('PUT', '/faults', { faults: [{ type: 'http500', times: 2 }] });
		expect(set.body.faults).toEqual([{ type: 'http500', times: 2 }]);
		expect((await control('DELETE', '/faults')).body.faults).toEqual([]);
		okBody(await create('Gone After Reset Ltd'));
		expect((await control('POST', '/reset')).body).toEqual({ ok: true });
		expect(exists('Gone After Reset Ltd')).toBe(false);
		expect(sandbox.store.all('customers')).toHaveLength(5);
	});

	it('starts empty with seed: false (tokens still work)', async () => {
		const empty = await startSandbox({ seed: false });
		try {
			const reply = await get(empty, '/customers');
			expect(okBody(reply)).toMatchObject({ data: [], total: 0 });
			const orphan = await post(empty, '/customers', { companyName: 'No Sub-company Ltd' });
			expect(orphan.body.error.fields).toEqual([
				{ field: 'subCompanyId', message: 'is required (there is no default sub-company)' },
			]);
		} finally {
			await empty.close();
		}
	});
});
