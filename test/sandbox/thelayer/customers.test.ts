import { fieldsOf, get, okBody, patch, post, put, startSandbox } from './helpers';
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

const ids = (body: Json) => body.data.map((r: Json) => r.id);

describe('seeded reference data and customers', () => {
	it('has the sub-companies, payment methods (Intacct bank codes) and nominal codes', async () => {
		const subs = okBody(await get(sandbox, '/sub-companies')).data;
		expect(subs.map((s: Json) => [s.id, s.name, s.isDefault])).toEqual([
			['sub_0001', 'The Layer Demo UK', true],
			['sub_0002', 'The Layer Demo Ireland', false],
		]);
		const methods = okBody(await get(sandbox, '/payment-methods')).data;
		expect(methods.map((m: Json) => [m.id, m.name, m.bankAccountCode])).toEqual([
			['pm_0001', 'BACS', 'BARCLAYS-GBP'],
			['pm_0002', 'Card (Stripe)', 'STRIPE-GBP'],
			['pm_0003', 'EUR transfer', 'AIB-EUR'],
		]);
		const codes = okBody(await get(sandbox, '/nominal-codes')).data;
		expect(codes.map((n: Json) => `${n.code} ${n.name}`)).toEqual([
			'4000 Sales - Services',
			'4010 Sales - Products',
			'4020 Sales - Subscriptions',
		]);
	});

	it('has five unsynced customers across both sub-companies, each with a primary contact', async () => {
		const customers = okBody(await get(sandbox, '/customers')).data as Json[];
		expect(customers).toHaveLength(5);
		expect(new Set(customers.map((c) => c.subCompanyId))).toEqual(
			new Set(['sub_0001', 'sub_0002']),
		);
		for (const c of customers) {
			expect(c.sage.synced).toBe(false);
			expect(c.contacts.filter((k: Json) => k.isPrimary)).toHaveLength(1);
		}
		expect(customers.find((c) => c.id === 'cus_0003').contacts[0]).toMatchObject({
			firstName: 'Zoë',
			lastName: "O'Brien",
		});
	});
});

describe('customer filters', () => {
	it('search is a case-insensitive contains on companyName', async () => {
		expect(ids(okBody(await get(sandbox, '/customers', { search: 'SONS' })))).toEqual(['cus_0003']);
		expect(ids(okBody(await get(sandbox, '/customers', { subCompanyId: 'sub_0002' })))).toEqual([
			'cus_0005',
		]);
	});

	it('synced, sageCustomerId and sageAccountNumber follow the Sage link', async () => {
		okBody(
			await put(sandbox, '/customers/cus_0004/sage-link', {
				synced: true,
				sageCompany: 'THELAYER-DEMO',
				sageSiteId: 'UK',
				sageCustomerId: 'C0104',
				sageAccountNumber: 'NOR001',
			}),
		);
		expect(ids(okBody(await get(sandbox, '/customers', { synced: 'true' })))).toEqual(['cus_0004']);
		expect(okBody(await get(sandbox, '/customers', { synced: 'false' })).total).toBe(4);
		expect(ids(okBody(await get(sandbox, '/customers', { sageCustomerId: 'C0104' })))).toEqual([
			'cus_0004',
		]);
		expect(ids(okBody(await get(sandbox, '/customers', { sageAccountNumber: 'NOR001' })))).toEqual([
			'cus_0004',
		]);
	});
});

describe('customer writes', () => {
	it('create fills defaults; update bumps modifiedAt only', async () => {
		sandbox.clock.freeze('2025-05-01T10:00:00.000Z');
		const created = okBody(
			await post(sandbox, '/customers', { companyName: 'Keswick Outdoor Ltd' }),
		);
		expect(created).toMatchObject({
			id: 'cus_0006',
			subCompanyId: 'sub_0001',
			currency: 'GBP',
			creditLimit: 0,
			balance: 0,
			onHold: false,
			contacts: [],
			createdAt: '2025-05-01T10:00:00.000Z',
			modifiedAt: '2025-05-01T10:00:00.000Z',
		});
		sandbox.clock.advance(5000);
		const updated = okBody(
			await patch(sandbox, `/customers/${created.id}`, { email: 'ap@keswick-outdoor.co.uk' }),
		);
		expect(updated).toMatchObject({
			createdAt: '2025-05-01T10:00:00.000Z',
			modifiedAt: '2025-05-01T10:00:05.000Z',
		});
	});

	it('the Sage link PUT merges, stamps lastSyncedAt, bumps the customer and returns the full link', async () => {
		sandbox.clock.freeze('2025-05-01T11:00:00.000Z');
		const link = okBody(
			await put(sandbox, '/customers/cus_0001/sage-link', {
				synced: true,
				sageCompany: 'THELAYER-DEMO',
				sageCustomerId: 'C0101',
			}),
		);
		expect(link).toEqual({
			synced: true,
			sageCompany: 'THELAYER-DEMO',
			sageSiteId: null,
			sageCustomerId: 'C0101',
			sageAccountNumber: null,
			lastSyncError: null,
			lastSyncedAt: '2025-05-01T11:00:00.000Z',
		});
		sandbox.clock.advance(1000);
		const failed = okBody(
			await put(sandbox, '/customers/cus_0001/sage-link', { lastSyncError: 'Timeout' }),
		);
		expect(failed).toMatchObject({
			synced: true,
			sageCustomerId: 'C0101',
			lastSyncError: 'Timeout',
		});
		expect(okBody(await get(sandbox, '/customers/cus_0001/sage-link'))).toEqual(failed);
		expect(okBody(await get(sandbox, '/customers/cus_0001')).modifiedAt).toBe(
			'2025-05-01T11:00:01.000Z',
		);
	});

	it('balances are written back from Sage', async () => {
		const customer = okBody(
			await put(sandbox, '/customers/cus_0002/balances', {
				balance: 1234.56,
				creditLimit: 30000,
				onHold: true,
				currency: 'GBP',
			}),
		);
		expect(customer).toMatchObject({ balance: 1234.56, creditLimit: 30000, onHold: true });
		expect(
			fieldsOf(await put(sandbox, '/customers/cus_0002/balances', { balance: '1,234.56' })),
		).toEqual({
			balance: 'must be a number',
		});
	});
});

describe('contacts', () => {
	it('adding a primary contact demotes the other and bumps the customer', async () => {
		sandbox.clock.freeze('2025-05-01T12:00:00.000Z');
		const contact = okBody(
			await post(sandbox, '/customers/cus_0001/contacts', {
				firstName: 'Tom',
				lastName: 'Ng',
				email: 'tom.ng@brightwater-consulting.co.uk',
				isPrimary: true,
			}),
		);
		expect(contact).toMatchObject({
			id: 'con_0007',
			customerId: 'cus_0001',
			isPrimary: true,
			telephone: null,
		});
		const list = okBody(await get(sandbox, '/customers/cus_0001/contacts')).data;
		expect(list.map((c: Json) => [c.id, c.isPrimary])).toEqual([
			['con_0001', false],
			['con_0007', true],
		]);
		expect(okBody(await get(sandbox, '/customers/cus_0001')).modifiedAt).toBe(
			'2025-05-01T12:00:00.000Z',
		);
	});

	it('needs a first or last name; a contact of another customer is a 404', async () => {
		expect(
			fieldsOf(await post(sandbox, '/customers/cus_0001/contacts', { email: 'x@y.z' })),
		).toEqual({
			firstName: 'or lastName is required',
		});
		expect((await post(sandbox, '/customers/cus_0001/contacts', { lastName: 'Only' })).status).toBe(
			201,
		);
		expect(
			(await patch(sandbox, '/customers/cus_0002/contacts/con_0001', { mobile: '1' })).status,
		).toBe(404);
		expect((await get(sandbox, '/customers/cus_9999/contacts')).status).toBe(404);
	});
});

describe('nominal codes', () => {
	it('codes are unique on create and update', async () => {
		const dup = await post(sandbox, '/nominal-codes', { code: '4010', name: 'Again' });
		expect(dup.status).toBe(409);
		expect(dup.body.error).toMatchObject({ code: 'conflict', existingId: 'nom_0002' });
		const clash = await patch(sandbox, '/nominal-codes/nom_0001', { code: '4020' });
		expect(clash.body.error.existingId).toBe('nom_0003');
		expect(
			okBody(await patch(sandbox, '/nominal-codes/nom_0001', { code: '4000', active: false }))
				.active,
		).toBe(false);
		const line = { description: 'x', quantity: 1, unitPrice: 1, taxRate: 20, nominalCode: '4000' };
		const reply = await post(sandbox, '/invoices', {
			number: 'N-1',
			customerId: 'cus_0001',
			issueDate: '2025-05-01',
			lines: [line],
		});
		expect(fieldsOf(reply)).toEqual({ 'lines[0].nominalCode': '4000 is inactive' });
	});
});
