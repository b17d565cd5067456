import { api, customerId, get, okBody, post, startSandbox, tokenFor } from './helpers';
import type { Json, Sage200Sandbox } from './helpers';

let sandbox: Sage200Sandbox;
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

const invoiceCount = () => sandbox.store.company(101)!.transactions.size;
const invoice = () =>
	post(sandbox, '/sales_invoices', {
		customer_id: customerId(sandbox, 'MER003'),
		reference: 'F-1',
		document_goods_value: 10,
		document_tax_value: 2,
	});
const control = (method: string, path: string, body?: unknown) =>
	fetch(`${sandbox.url}/__sandbox${path}`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
	}).then(async (r) => ({
		status: r.status,
		body: (await r.json()) as Json,
	}));

describe('fault injection', () => {
	it.each([
		['http500', 500],
		['http502', 502],
		['http503', 503],
		['http524', 524],
	] as const)('%s answers %i and posts nothing', async (type, status) => {
		const before = invoiceCount();
		sandbox.faults.configure({ faults: [{ type, times: 1 }] });
		expect((await invoice()).status).toBe(status);
		expect(invoiceCount()).toBe(before);
		expect((await invoice()).status).toBe(200);
		expect(sandbox.meter.snapshot().faults).toEqual({ [type]: 1 });
	});

	it('rateLimit answers 429 with Retry-After and a gateway-style body', async () => {
		sandbox.faults.configure({ faults: [{ type: 'rateLimit', retryAfterSeconds: 7, times: 1 }] });
		const reply = await get(sandbox, '/customers');
		expect(reply.status).toBe(429);
		expect(reply.headers.get('retry-after')).toBe('7');
		expect(reply.body).toEqual({
			statusCode: 429,
			message: 'Rate limit is exceeded. Try again in 7 seconds.',
		});
	});

	it('reset drops the connection before posting', async () => {
		const before = invoiceCount();
		sandbox.faults.configure({ faults: [{ type: 'reset', times: 1 }] });
		await expect(invoice()).rejects.toThrow();
		expect(invoiceCount()).toBe(before);
	});

	it('lostAfterCommit posts, then never answers (a blind retry would post twice)', async () => {
		const before = invoiceCount();
		sandbox.faults.configure({ faults: [{ type: 'lostAfterCommit', times: 1 }] });
		await expect(invoice()).rejects.toThrow();
		expect(invoiceCount()).toBe(before + 1);
		const found = okBody(
			await get(sandbox, '/sales_posted_transactions', {
				$filter: `reference eq 'F-1' and customer_id eq ${customerId(sandbox, 'MER003')}`,
			}),
		);
		expect(found).toHaveLength(1);
	});

	it('timeout holds the request, then drops it', async () => {
		sandbox.faults.configure({ faults: [{ type: 'timeout', timeoutMs: 50, times: 1 }] });
		await expect(get(sandbox, '/customers')).rejects.toThrow();
	});

	it("sessionExpiry expires the request's access token: 401 now and after, until a refresh", async () => {
		const pair = await sandbox.issueToken();
		sandbox.faults.configure({ faults: [{ type: 'sessionExpiry', times: 1 }] });
		const first = await api(sandbox, 'GET', '/customers', { token: pair.access_token });
		expect(first).toMatchObject({
			status: 401,
			body: { statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' },
		});
		expect((await api(sandbox, 'GET', '/customers', { token: pair.access_token })).status).toBe(
			401,
		);
		const response = await fetch(sandbox.oauth.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: pair.refresh_token!,
				client_id: sandbox.oauth.clientId,
				client_secret: sandbox.oauth.clientSecret,
			}),
		});
		const refreshed = (await response.json()) as Json;
		expect(
			(await api(sandbox, 'GET', '/customers', { token: refreshed.access_token })).status,
		).toBe(200);
		expect(sandbox.meter.snapshot().faults).toEqual({ sessionExpiry: 1 });
	});

	it("matches rules on Sage's operationId or on METHOD /path", async () => {
		sandbox.faults.configure({
			faults: [
				{ type: 'http503', match: 'PostSalesInvoice' },
				{ type: 'http502', match: 'GET /uk/sage200extra/accounts/v1/banks' },
			],
		});
		expect((await get(sandbox, '/customers')).status).toBe(200);
		expect((await invoice()).status).toBe(503);
		expect((await get(sandbox, '/banks')).status).toBe(502);
		expect((await api(sandbox, 'GET', '/banks', { edition: 'standard' })).status).toBe(200);
	});

	it('latencyMs delays every API request', async () => {
		sandbox.faults.configure({ latencyMs: 60 });
		const started = Date.now();
		await get(sandbox, '/tax_codes');
		expect(Date.now() - started).toBeGreaterThanOrEqual(55);
	});
});

describe('meter', () => {
	it('counts round trips, calls per operationId, and Sage ID calls', async () => {
		await tokenFor(sandbox);
		await get(sandbox, '/customers');
		await get(sandbox, '/customers/27001');
		await invoice();
		await fetch(sandbox.oauth.tokenUrl, { method: 'POST', body: 'grant_type=refresh_token' });
		const snapshot = sandbox.meter.snapshot();
		expect(snapshot.roundTrips).toBe(4);
		expect(snapshot.functions).toEqual({
			GetCustomers: 1,
			GetCustomer: 1,
			PostSalesInvoice: 1,
			SageIdToken: 1,
		});
	});
});

describe('control API', () => {
	it('health, meter, faults, reset', async () => {
		expect((await control('GET', '/health')).body).toEqual({ ok: true, service: 'sage200' });
		await get(sandbox, '/customers');
		expect((await control('GET', '/meter')).body.functions).toEqual({ GetCustomers: 1 });
		const put = await control('PUT', '/faults', { faults: [{ type: 'http500', times: 2 }] });
		expect(put.body.faults).toEqual([{ type: 'http500', times: 2 }]);
		expect((await control('DELETE', '/faults')).body.faults).toEqual([]);
		await invoice();
		expect((await control('POST', '/reset')).body).toEqual({ ok: true });
		expect(invoiceCount()).toBe(3);
	});

	it('records/:collection shows a company as the API does (default: the first company)', async () => {
		const customers = (await control('GET', '/records/customers')).body;
		expect(customers.map((c: Json) => c.reference)).toEqual([
			'ABB001',
			'KES002',
			'MER003',
			'PAR004',
		]);
		const irish = (await control('GET', '/records/customers?company=102')).body;
		expect(irish.map((c: Json) => c.reference)).toEqual(['LIF001', 'GAL002']);
		expect((await control('GET', '/records/sales_posted_transactions')).body).toHaveLength(3);
		expect((await control('GET', '/records/customer_contacts')).body).toHaveLength(4);
		expect((await control('GET', '/records/sites')).body).toHaveLength(2);
		expect((await control('GET', '/records/banks?company=999')).status).toBe(404);
		expect((await control('GET', '/records/widgets')).status).toBe(404);
	});

	it('clock: freeze, advance and release drive timestamps', async () => {
		expect(
			(await control('PUT', '/clock', { now: '2025-07-01T08:00:00Z', advanceSeconds: 30 })).body,
		).toEqual({ now: '2025-07-01T08:00:30.000Z', frozen: true });
		const { urn } = okBody(await invoice());
		const [posted] = okBody(
			await get(sandbox, '/sales_posted_transactions', { $filter: `urn eq ${urn}` }),
		);
		expect(posted).toMatchObject({
			posted_date: '2025-07-01T00:00:00',
			transaction_date: '2025-07-01T00:00:00',
			date_time_created: '2025-07-01T08:00:30.000',
		});
		expect((await control('DELETE', '/clock')).body.frozen).toBe(false);
	});
});
