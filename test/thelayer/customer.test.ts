import type { TheLayerSandbox } from '../../sandbox/thelayer/server';
import { layerCredentials, records, rl, runLayer, startSandbox } from './helpers';

describe('The Layer › Customer', () => {
	let sandbox: TheLayerSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => sandbox.close());

	it('creates a customer with every field, and reads it back', async () => {
		const run = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'create',
			companyName: 'Smith & Sons <"Zoë">',
			additionalFields: {
				email: 'ap@smith.test',
				telephone: '020 7946 0000',
				mobile: '07700 900000',
				fax: '020 7946 0001',
				website: 'https://smith.test',
				vatNumber: 'GB123456789',
				subCompanyId: 'sub_0002',
			},
		});
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({
			companyName: 'Smith & Sons <"Zoë">',
			vatNumber: 'GB123456789',
			subCompanyId: 'sub_0002',
			outcome: 'created',
		});
		const got = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'get',
			customerId: rl(String(run.items[0].id)),
		});
		expect(got.items[0]).toMatchObject({ email: 'ap@smith.test', fax: '020 7946 0001' });
	});

	it('updates fields, contacts, the Sage link and balances', async () => {
		const id = 'cus_0001';
		const updated = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'update',
			customerId: rl(id),
			updateFields: { website: 'https://new.test' },
		});
		expect(updated.items[0].website).toBe('https://new.test');
		const contact = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'addContact',
			customerId: rl(id),
			contactFields: {
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@x.test',
				isPrimary: true,
			},
		});
		expect(contact.items[0]).toMatchObject({ firstName: 'Ada', customerId: id });
		const changed = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'updateContact',
			customerId: rl(id),
			contactId: String(contact.items[0].id),
			contactFields: { telephone: '0161 000' },
		});
		expect(changed.items[0].telephone).toBe('0161 000');
		const contacts = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'getContacts',
			customerId: rl(id),
		});
		expect(contacts.items.map((c) => c.firstName)).toContain('Ada');
		const link = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'setSageLink',
			customerId: rl(id),
			linkFields: {
				synced: true,
				sageCompany: 'Demo UK Ltd',
				sageSiteId: '1',
				sageCustomerId: '12345',
				sageAccountNumber: 'SMI001',
				lastSyncError: '',
			},
		});
		expect(link.items[0]).toMatchObject({
			synced: true,
			sageAccountNumber: 'SMI001',
			lastSyncError: null,
		});
		const read = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'getSageLink',
			customerId: rl(id),
		});
		expect(read.items[0]).toMatchObject({ sageCustomerId: '12345', sageCompany: 'Demo UK Ltd' });
		const balances = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'setBalances',
			customerId: rl(id),
			balance: 1234.56,
			creditLimit: 5000,
			onHold: true,
			currency: 'GBP',
		});
		expect(balances.error).toBeUndefined();
		const synced = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { synced: true },
		});
		expect(synced.items.map((c) => c.id)).toEqual([id]);
	});

	it('pages past 1,000 customers with Return All, and honours Limit and search', async () => {
		const input = Array.from({ length: 1050 }, (_, n) => ({ name: `Paging Ltd ${n}` }));
		const made = await runLayer(
			sandbox,
			{ resource: 'customer', operation: 'create', companyName: '={{ $json.name }}' },
			input,
		);
		expect(made.error).toBeUndefined();
		const all = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'Paging Ltd' },
		});
		expect(all.items).toHaveLength(1050);
		expect(new Set(all.items.map((c) => c.id)).size).toBe(1050);
		const some = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});
		expect(some.items).toHaveLength(3);
	});

	it('says clearly when the tokens are wrong, without echoing them', async () => {
		const secret = ['not', 'the', 'token'].join('-');
		const run = await runLayer(
			sandbox,
			{ resource: 'customer', operation: 'getAll', returnAll: false, limit: 1 },
			[{}],
			{
				credentials: { ...layerCredentials(sandbox), token2: secret },
			},
		);
		expect(run.error?.message).toMatch(/The Layer answered 401 unauthorized/);
		expect(JSON.stringify(run.result.run.data)).not.toContain(secret);
	});

	it('rejects bad input naming item and field, and sends nothing', async () => {
		const before = (await records(sandbox, 'customers')).length;
		const run = await runLayer(
			sandbox,
			{
				resource: 'customer',
				operation: 'create',
				companyName: '={{ $json.name }}',
				additionalFields: { email: '={{ $json.email }}' },
			},
			[
				{ name: 'Good Ltd', email: 'a@b.c' },
				{ name: 'Bad Ltd', email: 'nope' },
			],
		);
		expect(run.error?.message).toBe('Item 1: Field "email" "nope" is not an e-mail address');
		// Every item is validated before the first request, so item 0 was not written either.
		expect((await records(sandbox, 'customers')).length).toBe(before);
		const missing = await runLayer(sandbox, {
			resource: 'customer',
			operation: 'create',
			companyName: '={{ "" }}',
		});
		expect(missing.error?.message).toBe('Item 0: Field "companyName" is required');
	});
});
