import type { IntacctSandbox } from '../../../sandbox/intacct/server';
import { runIntacct, startSandbox } from '../helpers';

describe('Sage Intacct › Customer › Get Many (paging)', () => {
	let sandbox: IntacctSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: false });
		const input = Array.from({ length: 2600 }, (_, n) => ({
			id: `P${String(n).padStart(5, '0')}`,
			name: `Paging Customer ${n}`,
		}));
		const created = await runIntacct(
			sandbox,
			{
				resource: 'customer',
				operation: 'create',
				customerId: '={{ $json.id }}',
				name: '={{ $json.name }}',
			},
			input,
		);
		expect(created.error).toBeUndefined();
	});
	afterAll(async () => sandbox.close());

	it('returns all 2,600 records through readByQuery + readMore, each once', async () => {
		sandbox.meter.reset();
		const run = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			fields: 'CUSTOMERID,NAME',
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(2600);
		expect(new Set(run.items.map((i) => i.CUSTOMERID)).size).toBe(2600);
		const meter = sandbox.meter.snapshot();
		expect(meter.functions.readByQuery).toBe(1);
		expect(meter.functions.readMore).toBe(2);
	});

	it('honours Limit and filters', async () => {
		const limited = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: false,
			limit: 7,
		});
		expect(limited.items).toHaveLength(7);
		const named = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { name: 'Paging Customer 42', status: 'T' },
		});
		expect(named.items.map((i) => i.CUSTOMERID)).toEqual(['P00042']);
		const query = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { query: "CUSTOMERID LIKE 'P0010%'" },
		});
		expect(query.items).toHaveLength(10);
	});

	it('reports an unknown field with the Intacct error', async () => {
		const run = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			fields: 'NOPE',
		});
		expect(run.error?.message).toMatch(/DL02000001/);
	});
});
