import {
	api,
	badRequestMessage,
	customerId,
	get,
	okBody,
	post,
	postInvoice,
	put,
	startSandbox,
} from './helpers';
import type { Sage200Sandbox } from './helpers';

let sandbox: Sage200Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.store.reset();
	sandbox.clock.release();
});

const create = (body: Record<string, unknown>) => post(sandbox, '/customers', body);

describe('GET /customers', () => {
	it('is a bare array without child objects unless $expand asks for them', async () => {
		const list = okBody(await get(sandbox, '/customers'));
		expect(Array.isArray(list)).toBe(true);
		expect(list[0]).toMatchObject({
			id: expect.any(Number),
			reference: 'ABB001',
			balance: 600,
			credit_limit: 5000,
		});
		expect(list[0]).not.toHaveProperty('main_address');
		expect(list[0]).not.toHaveProperty('contacts');
		const [expanded] = okBody(
			await get(sandbox, '/customers', { $expand: 'main_address,contacts,currency', $top: 1 }),
		);
		expect(expanded.main_address).toMatchObject({
			address_1: '1 High Street',
			country: 'United Kingdom',
			contact_name: 'Helen Marsh',
		});
		expect(expanded.contacts[0]).toMatchObject({
			name: 'Helen Marsh',
			default_email: 'accounts@abbeygardens.co.uk',
			is_default: true,
		});
		expect(expanded.currency).toMatchObject({ id: 1, symbol: '£', is_base_currency: true });
	});

	it('GET /customers/{Id} returns one object', async () => {
		const id = customerId(sandbox, 'KES002');
		expect(okBody(await get(sandbox, `/customers/${id}`))).toMatchObject({
			id,
			name: 'Kestrel Print & Design Ltd',
			balance: 300,
		});
	});
});

describe('POST /customers', () => {
	it('creates a customer with the company defaults and answers 200 with it', async () => {
		const created = okBody(
			await create({ reference: 'ACME01', name: 'Acme Trading Ltd', credit_limit: 5000.5 }),
		);
		expect(created).toMatchObject({
			reference: 'ACME01',
			name: 'Acme Trading Ltd',
			balance: 0,
			credit_limit: 5000.5,
			on_hold: false,
			currency_id: 1,
			default_tax_code_id: 2,
			account_status_type: 'AccountStatusActive',
			account_type: 'TradingAccountTypeOpenItem',
			payment_terms_days: 30,
			main_address: { customer_id: created.id, country: 'United Kingdom' },
			contacts: [],
		});
		expect(created.date_time_created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
		expect(okBody(await get(sandbox, `/customers/${created.id}`)).reference).toBe('ACME01');
	});

	it('takes the main address and contacts with e-mails and telephones in one go', async () => {
		const created = okBody(
			await create({
				reference: 'ACME02',
				name: 'Acme Two',
				telephone_subscriber_number: '01912345678',
				main_address: { address_1: '1 High St', city: 'Newcastle', postcode: 'NE1 1AA' },
				contacts: [
					{
						first_name: 'Jane',
						last_name: 'Doe',
						emails: [{ email: 'jane@acme.example', is_default: true }],
						telephones: [{ area_code: '0191', subscriber_number: '2345678' }],
					},
				],
			}),
		);
		expect(created.main_address).toMatchObject({
			address_1: '1 High St',
			postcode: 'NE1 1AA',
			contact_name: 'Jane Doe',
		});
		expect(created.contacts).toEqual([
			expect.objectContaining({
				customer_id: created.id,
				name: 'Jane Doe',
				is_default: true,
				default_email: 'jane@acme.example',
				default_telephone: '0191 2345678',
			}),
		]);
	});

	it('stores the reference in upper case and refuses a duplicate in any case', async () => {
		expect(okBody(await create({ reference: 'acme03', name: 'Acme Three' })).reference).toBe(
			'ACME03',
		);
		expect(badRequestMessage(await create({ reference: 'Acme03', name: 'Again' }))).toMatch(
			/^A customer with the reference 'ACME03' already exists \(id \d+\)\.$/,
		);
	});

	it.each([
		[{ name: 'No Ref' }, "The field 'reference' is required."],
		[{ reference: '   ', name: 'Blank' }, "The field 'reference' is required."],
		[
			{ reference: 'TOOLONG01', name: 'X' },
			"The field 'reference' must be at most 8 characters long.",
		],
		[{ reference: 'NONAME' }, "The field 'name' is required."],
		[
			{ reference: 'LONGNAME', name: 'N'.repeat(61) },
			"The field 'name' must be at most 60 characters long.",
		],
		[
			{ reference: 'X1', name: 'X', credit_limit: 10.005 },
			"The field 'credit_limit' must be a number with at most 2 decimals.",
		],
		[
			{ reference: 'X1', name: 'X', credit_limit: -1 },
			"The field 'credit_limit' must not be negative.",
		],
		[{ reference: 'X1', name: 'X', on_hold: 'yes' }, "The field 'on_hold' must be true or false."],
		[
			{ reference: 'X1', name: 'X', account_status_type: 'Active' },
			"The field 'account_status_type' must be one of: AccountStatusActive, AccountStatusHidden.",
		],
		[
			{ reference: 'X1', name: 'X', currency_id: 99 },
			'Currency record not found for currency_id 99.',
		],
		[
			{ reference: 'X1', name: 'X', default_tax_code_id: 99 },
			'Tax code record not found for default_tax_code_id 99.',
		],
		[
			{ reference: 'X1', name: 'X', default_nominal_code_reference: '9999' },
			"Nominal code record not found for default_nominal_code_reference '9999'.",
		],
		[
			{ reference: 'X1', name: 'X', account_opened: '2024-05-01' },
			"The field 'account_opened' must be a date-time such as 2024-05-01T00:00:00.",
		],
		[
			{ reference: 'X1', name: 'X', main_address: { postcode: 'P'.repeat(11) } },
			"The field 'main_address.postcode' must be at most 10 characters long.",
		],
		[
			{ reference: 'X1', name: 'X', contacts: [{ emails: [] }] },
			"The field 'contacts[0].first_name' is required: a contact needs a name.",
		],
		['not json', 'The request body is not valid JSON.'],
		[[1, 2], 'The request body must be a JSON object.'],
	])('refuses %j: %s', async (body, message) => {
		expect(badRequestMessage(await create(body as Record<string, unknown>))).toBe(message);
		expect(sandbox.store.company(101)!.customers.size).toBe(4);
	});

	it('ignores read-only and unknown fields, as Sage does', async () => {
		const created = okBody(
			await create({ reference: 'RO1', name: 'Read Only', balance: 999, id: 5, colour: 'blue' }),
		);
		expect(created.balance).toBe(0);
		expect(created.id).not.toBe(5);
		expect(created).not.toHaveProperty('colour');
	});
});

describe('PUT /customers/{Id}', () => {
	it('changes only the fields sent and bumps date_time_updated', async () => {
		sandbox.clock.freeze('2025-05-01T10:00:00Z');
		const created = okBody(await create({ reference: 'UPD1', name: 'Before', credit_limit: 100 }));
		sandbox.clock.advance(60_000);
		const updated = okBody(
			await put(sandbox, `/customers/${created.id}`, { name: 'After', on_hold: true }),
		);
		expect(updated).toMatchObject({
			name: 'After',
			on_hold: true,
			credit_limit: 100,
			reference: 'UPD1',
		});
		expect(updated.date_time_created).toBe('2025-05-01T10:00:00.000');
		expect(updated.date_time_updated).toBe('2025-05-01T10:01:00.000');
	});

	it('accepts the same reference but refuses a new one', async () => {
		const id = customerId(sandbox, 'ABB001');
		expect((await put(sandbox, `/customers/${id}`, { reference: 'abb001' })).status).toBe(200);
		expect(badRequestMessage(await put(sandbox, `/customers/${id}`, { reference: 'NEW001' }))).toBe(
			"The field 'reference' cannot be changed once the customer exists.",
		);
	});

	it('updates, adds and deletes contacts by id (is_to_delete)', async () => {
		const created = okBody(
			await create({
				reference: 'KIDS',
				name: 'Kids',
				contacts: [{ first_name: 'A' }, { first_name: 'B' }],
			}),
		);
		const [a, b] = created.contacts;
		const updated = okBody(
			await put(sandbox, `/customers/${created.id}`, {
				contacts: [
					{ id: a.id, last_name: 'Alpha' },
					{ id: b.id, is_to_delete: true },
					{ first_name: 'C' },
				],
			}),
		);
		expect(updated.contacts.map((c: { name: string }) => c.name)).toEqual(['A Alpha', 'C']);
		expect(
			badRequestMessage(await put(sandbox, `/customers/${created.id}`, { contacts: [{ id: 1 }] })),
		).toBe("The field 'contacts[0].id' does not match any contact of this customer.");
	});

	it('refuses a currency change once the customer has transactions', async () => {
		const id = customerId(sandbox, 'ABB001');
		expect(badRequestMessage(await put(sandbox, `/customers/${id}`, { currency_id: 2 }))).toBe(
			"The field 'currency_id' cannot be changed: the customer has transactions.",
		);
	});

	it('answers 404 for an unknown customer', async () => {
		expect((await put(sandbox, '/customers/424242', { name: 'X' })).status).toBe(404);
	});
});

describe('DELETE /customers/{Id}', () => {
	it('deletes a customer without transactions (200, no body) with its contacts', async () => {
		const created = okBody(
			await create({ reference: 'DEL1', name: 'Delete Me', contacts: [{ first_name: 'Gone' }] }),
		);
		const reply = await api(sandbox, 'DELETE', `/customers/${created.id}`);
		expect(reply).toMatchObject({ status: 200, body: undefined });
		expect((await get(sandbox, `/customers/${created.id}`)).status).toBe(404);
		expect((await get(sandbox, `/customer_contacts/${created.contacts[0].id}`)).status).toBe(404);
	});

	it('refuses to delete a customer with transactions', async () => {
		await postInvoice(sandbox, { customer_id: customerId(sandbox, 'MER003') });
		const reply = await api(sandbox, 'DELETE', `/customers/${customerId(sandbox, 'MER003')}`);
		expect(badRequestMessage(reply)).toBe(
			"The customer 'MER003' cannot be deleted: it has transactions on the sales ledger.",
		);
	});
});
