import { api, get, okBody, patch, post, startSandbox } from './helpers';
import type { Json, TheLayerSandbox } from './helpers';

let sandbox: TheLayerSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.store.reset();
	sandbox.clock.release();
});

async function allPages(
	path: string,
	query: Record<string, string | number> = {},
): Promise<Json[]> {
	const pages: Json[] = [];
	for (let page = 1; ; page++) {
		const body = okBody(await get(sandbox, path, { ...query, page }));
		pages.push(body);
		if (!body.hasMore) return pages;
	}
}

describe('list paging', () => {
	it('defaults to page 1 of 100, ordered by modifiedAt then id', async () => {
		const body = okBody(await get(sandbox, '/invoices'));
		expect(body).toMatchObject({ page: 1, pageSize: 100, total: 7, hasMore: false });
		expect(body.data.map((i: Json) => i.number)).toEqual([
			'INV-1001',
			'INV-1002',
			'INV-1003',
			'INV-1004',
			'INV-1005',
			'INV-1006',
			'INV-1007',
		]);
	});

	it.each([
		['pageSize', '501', 'must be an integer from 1 to 500'],
		['pageSize', '0', 'must be an integer from 1 to 500'],
		['page', '0', 'must be an integer >= 1'],
		['page', '1.5', 'must be an integer >= 1'],
		['modifiedSince', 'yesterday', 'must be an ISO-8601 timestamp with a time zone'],
		['modifiedSince', '2025-05-01T10:00:00', 'must be an ISO-8601 timestamp with a time zone'],
		['synced', 'yes', 'must be true or false'],
		['status', 'paid', 'must be one of: draft, finalised'],
		['limit', '10', 'is not a supported query parameter'],
	])('%s=%s is a 400 naming the parameter', async (name, value, message) => {
		const reply = await get(sandbox, '/invoices', { [name]: value });
		expect(reply.status).toBe(400);
		expect(reply.body.error).toMatchObject({
			code: 'validation_failed',
			fields: [{ field: name, message }],
		});
	});

	it('pages past 1,000 records created through the API, each exactly once', async () => {
		sandbox.clock.freeze('2025-06-01T08:00:00.000Z');
		const created: string[] = [];
		for (let batch = 0; batch < 21; batch++) {
			const replies = await Promise.all(
				Array.from({ length: 50 }, (_, n) =>
					post(sandbox, '/customers', { companyName: `Bulk ${batch * 50 + n} Ltd` }),
				),
			);
			created.push(...replies.map((r) => okBody(r).id as string));
			sandbox.clock.advance(1000);
		}
		expect(created).toHaveLength(1050);
		const pages = await allPages('/customers', { pageSize: 500 });
		expect(pages.map((p) => [p.page, p.data.length, p.total, p.hasMore])).toEqual([
			[1, 500, 1055, true],
			[2, 500, 1055, true],
			[3, 55, 1055, false],
		]);
		const ids = pages.flatMap((p) => p.data.map((c: Json) => c.id));
		expect(new Set(ids).size).toBe(1055);
		expect(ids.slice(0, 5)).toEqual(['cus_0001', 'cus_0002', 'cus_0003', 'cus_0004', 'cus_0005']);
		// Same modifiedAt within a batch: id breaks the tie, as strings.
		const stamps = pages.flatMap((p) => p.data.map((c: Json) => `${c.modifiedAt} ${c.id}`));
		expect(stamps).toEqual([...stamps].sort());
		const beyond = okBody(await get(sandbox, '/customers', { pageSize: 500, page: 4 }));
		expect(beyond).toMatchObject({ data: [], total: 1055, hasMore: false });
	});

	it('modifiedSince returns records modified at or after the instant, and writes move records', async () => {
		sandbox.clock.freeze('2025-06-01T09:00:00.000Z');
		const a = okBody(await post(sandbox, '/customers', { companyName: 'Alpha Ltd' }));
		sandbox.clock.advance(60_000);
		const b = okBody(await post(sandbox, '/customers', { companyName: 'Beta Ltd' }));
		const since = (at: string) =>
			get(sandbox, '/customers', { modifiedSince: at }).then((r) =>
				okBody(r).data.map((c: Json) => c.id),
			);
		expect(await since('2025-06-01T09:00:00.000Z')).toEqual([a.id, b.id]);
		expect(await since('2025-06-01T09:01:00.000Z')).toEqual([b.id]);
		// Any offset is accepted and compared as an instant.
		expect(await since('2025-06-01T10:00:30+01:00')).toEqual([b.id]);
		sandbox.clock.advance(60_000);
		okBody(await patch(sandbox, `/customers/${a.id}`, { telephone: '+44 20 7946 0000' }));
		expect(await since('2025-06-01T09:02:00.000Z')).toEqual([a.id]);
		expect(await since('2025-06-01T09:00:00.000Z')).toEqual([b.id, a.id]);
	});

	it('combines filters with paging', async () => {
		const body = okBody(await get(sandbox, '/invoices', { customerId: 'cus_0001', pageSize: 1 }));
		expect(body).toMatchObject({ total: 2, hasMore: true, pageSize: 1 });
		expect(body.data[0].number).toBe('INV-1001');
		const finalised = okBody(await get(sandbox, '/invoices', { status: 'finalised' }));
		expect(finalised.total).toBe(6);
	});

	it('rejects a repeated parameter', async () => {
		const reply = await api(sandbox, 'GET', '/invoices?page=1&page=2');
		expect(reply.status).toBe(400);
		expect(reply.body.error.fields).toEqual([
			{ field: 'page', message: 'must be given at most once' },
		]);
	});
});
