import type { IntacctSandbox } from '../../../sandbox/intacct/server';
import { records, rl, runIntacct, startSandbox } from '../helpers';

describe('Sage Intacct › Customer › Update, Create or Update, Delete', () => {
	let sandbox: IntacctSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => sandbox.close());

	it('updates only the fields given', async () => {
		const run = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'update',
			customerId: rl('C0001'),
			updateFields: { email: 'new@acct.test', taxId: 'GB999' },
		});
		expect(run.error).toBeUndefined();
		const stored = (await records(sandbox, 'CUSTOMER')).find((c) => c.CUSTOMERID === 'C0001');
		expect(stored).toMatchObject({ 'DISPLAYCONTACT.EMAIL1': 'new@acct.test', TAXID: 'GB999' });
		expect(stored?.NAME).toBeTruthy();
		const empty = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'update',
			customerId: rl('C0001'),
			updateFields: {},
		});
		expect(empty.error?.message).toBe('Item 0: Field "updateFields" is empty');
	});

	it('create or update: updates a match by ID, creates when there is none, once', async () => {
		const params = {
			resource: 'customer',
			operation: 'upsert',
			matchBy: 'customerId',
			customerId: '={{ $json.id }}',
			name: '={{ $json.name }}',
			additionalFields: { website: '={{ $json.web }}' },
		};
		const input = [
			{ id: 'C0002', name: 'Renamed Two Ltd', web: 'https://two.test' },
			{ id: 'U-1', name: 'Brand New Ltd', web: 'https://new.test' },
		];
		const run = await runIntacct(sandbox, params, input);
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.action)).toEqual(['updated', 'created']);
		// Second run: both now match, so both are updates; the identical update of C0002 was already
		// applied, and U-1 gets the same values again. Nothing is created twice.
		const again = await runIntacct(sandbox, params, input);
		expect(again.items.map((i) => i.action)).toEqual(['updated', 'updated']);
		expect(again.items[0].outcome).toBe('alreadyApplied');
		const all = await records(sandbox, 'CUSTOMER');
		expect(all.filter((c) => c.CUSTOMERID === 'U-1')).toHaveLength(1);
		expect(all.find((c) => c.CUSTOMERID === 'C0002')?.NAME).toBe('Renamed Two Ltd');
	});

	it('create or update by name: an ambiguous name is an error naming both matches', async () => {
		await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'create',
			customerId: 'DUP-1',
			name: 'Same Name Ltd',
		});
		await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'create',
			customerId: 'DUP-2',
			name: 'Same Name Ltd',
		});
		const run = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'upsert',
			matchBy: 'name',
			name: 'Same Name Ltd',
		});
		expect(run.error?.message).toBe(
			'Item 0: Field "name" matches 2 Intacct customers (DUP-1, DUP-2)',
		);
	});

	it('deletes a customer once', async () => {
		await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'create',
			customerId: 'DEL-1',
			name: 'Short Lived Ltd',
		});
		const run = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'delete',
			customerId: rl('DEL-1'),
		});
		expect(run.items[0]).toMatchObject({ CUSTOMERID: 'DEL-1', deleted: true, outcome: 'applied' });
		expect((await records(sandbox, 'CUSTOMER')).some((c) => c.CUSTOMERID === 'DEL-1')).toBe(false);
		const missing = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'get',
			customerId: rl('DEL-1'),
		});
		expect(missing.error?.message).toMatch(/No customer DEL-1 was found/);
	});
});
