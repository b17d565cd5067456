import type { IntacctSandbox } from '../../../sandbox/intacct/server';
import { records, runIntacct, startSandbox } from '../helpers';

describe('Sage Intacct › Customer › Create', () => {
	let sandbox: IntacctSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => sandbox.close());

	const params = {
		resource: 'customer',
		operation: 'create',
		customerId: '={{ $json.id }}',
		name: '={{ $json.name }}',
		additionalFields: {
			email: '={{ $json.email }}',
			phone: '={{ $json.phone }}',
			mobile: '={{ $json.mobile }}',
			website: '={{ $json.website }}',
			taxId: '={{ $json.vat }}',
		},
	};
	const input = [
		{
			id: 'T-100',
			name: 'Smith & Sons <"Zoë">',
			email: 'ap@smith.test',
			phone: '+44 20 7946 0000',
			mobile: '07700 900000',
			website: 'https://smith.test',
			vat: 'GB123456789',
		},
		{
			id: 'T-101',
			name: "O'Brien Ltd",
			email: 'x@obrien.test',
			phone: '1',
			mobile: '2',
			website: 'https://o.test',
			vat: 'IE1',
		},
	];

	it('creates customers with every field, special characters byte-exact', async () => {
		const run = await runIntacct(sandbox, params, input);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(2);
		expect(run.items[0]).toMatchObject({
			CUSTOMERID: 'T-100',
			NAME: 'Smith & Sons <"Zoë">',
			outcome: 'applied',
		});
		const stored = (await records(sandbox, 'CUSTOMER')).find((c) => c.CUSTOMERID === 'T-100');
		expect(stored).toMatchObject({
			NAME: 'Smith & Sons <"Zoë">',
			TAXID: 'GB123456789',
			'DISPLAYCONTACT.PRINTAS': 'Smith & Sons <"Zoë">',
			'DISPLAYCONTACT.EMAIL1': 'ap@smith.test',
			'DISPLAYCONTACT.PHONE1': '+44 20 7946 0000',
			'DISPLAYCONTACT.CELLPHONE': '07700 900000',
			'DISPLAYCONTACT.URL1': 'https://smith.test',
		});
		// Read back through the node: nested, as the gateway returns it.
		const got = await runIntacct(sandbox, {
			resource: 'customer',
			operation: 'get',
			customerId: { __rl: true, mode: 'id', value: 'T-100' },
		});
		expect(got.items[0]).toMatchObject({
			NAME: 'Smith & Sons <"Zoë">',
			DISPLAYCONTACT: { EMAIL1: 'ap@smith.test', CELLPHONE: '07700 900000' },
		});
	});

	it('creates nothing twice when run again', async () => {
		const before = (await records(sandbox, 'CUSTOMER')).length;
		const run = await runIntacct(sandbox, params, input);
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.outcome)).toEqual(['alreadyApplied', 'alreadyApplied']);
		expect(run.items[0]).toMatchObject({ CUSTOMERID: 'T-100' });
		expect((await records(sandbox, 'CUSTOMER')).length).toBe(before);
	});

	it('rejects bad input naming the item and field, before writing anything', async () => {
		const before = (await records(sandbox, 'CUSTOMER')).length;
		const run = await runIntacct(sandbox, params, [
			{ id: 'T-200', name: 'Fine Ltd', email: 'a@b.c' },
			{ id: 'T-201', name: '', email: 'a@b.c' },
		]);
		expect(run.error?.message).toBe('Item 1: Field "name" is required');
		expect((await records(sandbox, 'CUSTOMER')).length).toBe(before);
		const badEmail = await runIntacct(sandbox, params, [
			{ id: 'T-202', name: 'X', email: 'not-an-email' },
		]);
		expect(badEmail.error?.message).toBe(
			'Item 0: Field "email" "not-an-email" is not an e-mail address',
		);
	});

	it('with continue-on-fail, writes the good items and reports the bad ones', async () => {
		const run = await runIntacct(
			sandbox,
			params,
			[
				{ id: 'T-300', name: 'Good One Ltd' },
				{ id: 'T-301', name: { nested: true } },
			],
			{ continueOnFail: true },
		);
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({ CUSTOMERID: 'T-300', outcome: 'applied' });
		expect(run.items[1].error).toMatch(/Item 1: Field "name" must be text/);
	});

	it('surfaces Intacct business errors with errorno and text', async () => {
		const run = await runIntacct(
			sandbox,
			{ ...params, additionalFields: {} },
			[{ id: 'C0001', name: 'Clash Ltd' }],
			{},
		);
		// C0001 exists in the seed data but was not created by this control id: Intacct refuses it.
		expect(run.error?.message).toMatch(/Item 0: Could not write customer C0001: BL01001973/);
	});
});
