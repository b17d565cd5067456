import {
	call,
	customerXml,
	envelope,
	errorsOf,
	fn,
	getSession,
	one,
	readByQuery,
	results,
	startSandbox,
	statusOf,
	text,
} from './helpers';
import type { IntacctSandbox } from './helpers';
import { parseXmlDocument } from '../../../sandbox/shared/xml';

let sandbox: IntacctSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.store.reset();
	sandbox.faults.clear();
	sandbox.meter.reset();
});

const createBody = (id: string) =>
	envelope(sandbox, [fn(`c-${id}`, `<create>${customerXml(id, `Fault ${id}`)}</create>`)]);
const post = (body: string) =>
	fetch(sandbox.endpoint, { method: 'POST', body, headers: { 'Content-Type': 'application/xml' } });
const exists = (id: string) => sandbox.store.findOne('CUSTOMER', 'CUSTOMERID', id) !== undefined;

describe('fault injection', () => {
	it.each([
		['http500', 500],
		['http502', 502],
		['http503', 503],
		['http524', 524],
	] as const)(
		'%s answers HTTP %i with a non-XML body and processes nothing',
		async (type, status) => {
			sandbox.faults.configure({ faults: [{ type, times: 1 }] });
			const response = await post(createBody('F1'));
			expect(response.status).toBe(status);
			expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
			expect(await response.text()).not.toContain('<');
			expect(exists('F1')).toBe(false);
			// times: 1 -> the next request goes through.
			expect((await post(createBody('F1'))).status).toBe(200);
			expect(exists('F1')).toBe(true);
			expect(sandbox.meter.snapshot().faults).toEqual({ [type]: 1 });
		},
	);

	it('rateLimit answers 429 with Retry-After and a GW-0010 XML body', async () => {
		sandbox.faults.configure({ faults: [{ type: 'rateLimit', retryAfterSeconds: 7, times: 1 }] });
		const response = await post(createBody('F2'));
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('7');
		expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
		const root = parseXmlDocument(await response.text());
		expect(errorsOf(root)[0]).toMatchObject({
			errorno: 'GW-0010',
			description: 'Rate limit exceeded',
		});
		expect(exists('F2')).toBe(false);
	});

	it('reset drops the connection before processing', async () => {
		sandbox.faults.configure({ faults: [{ type: 'reset', times: 1 }] });
		await expect(post(createBody('F3'))).rejects.toThrow();
		expect(exists('F3')).toBe(false);
	});

	it('lostAfterCommit commits the work but never answers', async () => {
		sandbox.faults.configure({ faults: [{ type: 'lostAfterCommit', times: 1 }] });
		await expect(post(createBody('F4'))).rejects.toThrow();
		expect(exists('F4')).toBe(true);
		expect(sandbox.meter.snapshot().billed).toEqual({ CUSTOMER: 1 });
		// A blind retry now hits the duplicate rule, which is what a client must cope with.
		const retry = await call(sandbox, [
			fn('c-F4', `<create>${customerXml('F4', 'Fault F4')}</create>`),
		]);
		expect(errorsOf(results(retry)[0])[0].description2).toMatch(/already exists/);
	});

	it('timeout holds the request then drops it, processing nothing', async () => {
		sandbox.faults.configure({ faults: [{ type: 'timeout', timeoutMs: 150, times: 1 }] });
		const started = Date.now();
		await expect(post(createBody('F5'))).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(exists('F5')).toBe(false);
	});

	it('sessionExpiry expires the session of a session request only', async () => {
		const sessionId = await getSession(sandbox);
		sandbox.faults.configure({ faults: [{ type: 'sessionExpiry', times: 1 }] });
		const read = fn('r', readByQuery('DEPARTMENT', '', 'DEPARTMENTID'));
		const login = await call(sandbox, [read]);
		expect(text(login.root, 'operation/authentication/status')).toBe('success');
		const expired = await call(sandbox, [read], { auth: { sessionId } });
		expect(text(expired.root, 'operation/authentication/status')).toBe('failure');
		expect(errorsOf(expired.root.children[1])[0].description2).toBe('Invalid session');
		expect(sandbox.meter.snapshot().faults).toEqual({ sessionExpiry: 1 });
	});

	it('match limits a rule to requests naming that function or object', async () => {
		sandbox.faults.configure({ faults: [{ type: 'http503', match: 'create_invoice' }] });
		expect((await post(createBody('F6'))).status).toBe(200);
		const invoice = envelope(sandbox, [
			fn('i', '<create_invoice><customerid>C0001</customerid></create_invoice>'),
		]);
		expect((await post(invoice)).status).toBe(503);
		sandbox.faults.configure({ faults: [{ type: 'http503', match: 'glaccount' }] });
		expect((await post(envelope(sandbox, [fn('g', readByQuery('GLACCOUNT', ''))]))).status).toBe(
			503,
		);
	});

	it('is deterministic for a given seed', async () => {
		const pattern = async () => {
			sandbox.faults.configure({ seed: 42, faults: [{ type: 'http500', probability: 0.5 }] });
			const statuses: number[] = [];
			for (let i = 0; i < 12; i++)
				statuses.push(
					(await post(envelope(sandbox, [fn('r', readByQuery('DEPARTMENT', ''))]))).status,
				);
			return statuses;
		};
		const first = await pattern();
		expect(new Set(first)).toEqual(new Set([200, 500]));
		expect(await pattern()).toEqual(first);
	});

	it('adds latency to every request', async () => {
		sandbox.faults.configure({ latencyMs: 120 });
		const started = Date.now();
		await one(sandbox, readByQuery('DEPARTMENT', ''));
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
	});
});

describe('metering', () => {
	it('counts round trips, calls per function and billed transactions', async () => {
		await one(sandbox, '<getAPISession/>');
		await call(sandbox, [
			fn('a', readByQuery('CUSTOMER', '', 'CUSTOMERID')),
			fn('b', '<read><object>CUSTOMER</object><keys>1</keys><fields>*</fields></read>'),
			fn(
				'c',
				'<readByName><object>GLACCOUNT</object><keys>4000</keys><fields>*</fields></readByName>',
			),
			fn('d', `<create>${customerXml('M1', 'One')}${customerXml('M2', 'Two')}</create>`),
			fn('e', `<update><CUSTOMER><CUSTOMERID>M1</CUSTOMERID><NAME>Uno</NAME></CUSTOMER></update>`),
			fn(
				'f',
				'<create_invoice><customerid>M1</customerid><datecreated><year>2025</year><month>1</month><day>2</day></datecreated>' +
					'<termname>Net 30</termname><invoiceitems>' +
					'<lineitem><glaccountno>4000</glaccountno><amount>1</amount></lineitem>'.repeat(3) +
					'</invoiceitems></create_invoice>',
			),
			fn('g', '<create><CUSTOMER><CUSTOMERID>C0001</CUSTOMERID></CUSTOMER></create>'),
		]);
		await fetch(sandbox.endpoint, { method: 'POST', body: '<not xml' });
		const meter = sandbox.meter.snapshot();
		expect(meter.roundTrips).toBe(3);
		expect(meter.functions).toEqual({
			getAPISession: 1,
			readByQuery: 1,
			read: 1,
			readByName: 1,
			create: 2,
			update: 1,
			create_invoice: 1,
		});
		expect(meter.billed).toEqual({ CUSTOMER: 4, ARINVOICE: 1 });
		expect(meter.billedTotal).toBe(5);
	});
});

describe('control API', () => {
	const control = (path: string, init?: RequestInit) =>
		fetch(`${sandbox.url}/__sandbox${path}`, init);
	const json = async (path: string, method = 'GET', body?: unknown) => {
		const response = await control(path, {
			method,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	};

	it('serves health, meter, faults, reset, records, config and clock', async () => {
		expect(await json('/health')).toEqual({ status: 200, body: { ok: true, service: 'intacct' } });

		expect((await json('/faults', 'PUT', { faults: [{ type: 'http502', times: 2 }] })).status).toBe(
			200,
		);
		expect(sandbox.faults.describe().faults).toEqual([{ type: 'http502', times: 2 }]);
		expect((await post(createBody('K1'))).status).toBe(502);
		expect((await json('/meter')).body).toMatchObject({ roundTrips: 1, faults: { http502: 1 } });
		expect((await json('/faults', 'PUT', { faults: [{ type: 'meteor' }] })).status).toBe(400);
		expect((await json('/faults', 'DELETE')).body).toMatchObject({ faults: [] });
		expect((await json('/meter/reset', 'POST')).body).toMatchObject({ roundTrips: 0 });

		await post(createBody('K2'));
		const records = await control('/records/customer');
		const customers = (await records.json()) as Array<Record<string, unknown>>;
		expect(customers.map((c) => c.CUSTOMERID)).toEqual(['C0001', 'C0002', 'C0003', 'K2']);
		expect(customers[0]).toMatchObject({
			NAME: 'Harrowgate Digital Ltd',
			TOTALDUE: '1200.00',
			'DISPLAYCONTACT.MAILADDRESS.CITY': 'London',
		});
		const invoices = (await (await control('/records/ARINVOICE')).json()) as Array<
			Record<string, unknown>
		>;
		expect(invoices[0].ARINVOICEITEMS).toEqual([
			expect.objectContaining({ ACCOUNTNO: '4000', AMOUNT: '1200.00' }),
		]);
		expect((await control('/records/NOPE')).status).toBe(404);

		expect((await json('/reset', 'POST')).body).toEqual({ ok: true });
		expect(exists('K2')).toBe(false);

		expect(
			(
				await json('/config', 'PUT', {
					multiEntity: true,
					paymentSummary: 'user',
					sessionTtlSeconds: 60,
				})
			).body,
		).toEqual({
			multiEntity: true,
			paymentSummary: 'user',
			sessionTtlSeconds: 60,
		});
		expect(sandbox.config.multiEntity).toBe(true);
		expect((await json('/config', 'PUT', { paymentSummary: 'weekly' })).status).toBe(400);
		await json('/reset', 'POST');
		expect(sandbox.config).toEqual({
			multiEntity: false,
			paymentSummary: 'daily',
			sessionTtlSeconds: 3600,
		});

		expect((await json('/clock', 'PUT', { now: '2025-07-01T12:00:00Z' })).body).toEqual({
			now: '2025-07-01T12:00:00.000Z',
			frozen: true,
		});
		expect((await json('/clock', 'PUT', { advanceSeconds: 30 })).body).toMatchObject({
			now: '2025-07-01T12:00:30.000Z',
		});
		expect((await json('/clock', 'DELETE')).body).toMatchObject({ frozen: false });

		expect((await control('/nope')).status).toBe(404);
		expect((await control('/health', { method: 'DELETE' })).status).toBe(405);
	});

	it('reports protocol failures as results, not HTTP errors, while faults are off', async () => {
		const result = await one(
			sandbox,
			'<readByQuery><object>NOPE</object><query></query></readByQuery>',
		);
		expect(statusOf(result)).toBe('failure');
	});
});
