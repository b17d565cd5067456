import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { Sage200 } from '../../nodes/Sage200/Sage200.node';
import type { Sage200Sandbox } from '../../sandbox/sage200/server';
import { runListSearch, runLoadOptions } from '../helpers/engine';
import {
	credentialTypes,
	records,
	rl,
	runSage200,
	sage200Credentials,
	startSandbox,
} from './helpers';

describe('Sage 200 › customers, postings, allocations and balances', () => {
	let sandbox: Sage200Sandbox;
	let credentials: ICredentialDataDecryptedObject;
	let company = '';
	let customerId = '';
	let bankId = '';
	let taxCodeId = '';

	const run = async (parameters: IDataObject, input?: IDataObject[]) => {
		const result = await runSage200(credentials, { company, ...parameters }, input);
		credentials = result.credentials;
		return result;
	};

	beforeAll(async () => {
		sandbox = await startSandbox();
		credentials = await sage200Credentials(sandbox);
		const sites = await runSage200(credentials, { resource: 'site', operation: 'getAll' });
		expect(sites.error).toBeUndefined();
		company = String(sites.items[0].company);
		const banks = await run({ resource: 'bank', operation: 'getAll', returnAll: true });
		bankId = String(banks.items[0].id);
		const taxCodes = await run({ resource: 'taxCode', operation: 'getAll', returnAll: true });
		taxCodeId = String(taxCodes.items.find((t) => Number(t.tax_rate) === 20)?.id);
	});
	afterAll(async () => sandbox.close());

	it('creates a customer once, with a contact, and reads both back', async () => {
		const params = {
			resource: 'customer',
			operation: 'create',
			reference: 'smith01',
			name: 'Smith & Sons <"Zoë">',
			additionalFields: {
				telephone_subscriber_number: '020 7946 0000',
				website: 'https://smith.test',
				vat_number: 'GB123456789',
				credit_limit: 5000,
			},
		};
		const created = await run(params);
		expect(created.error).toBeUndefined();
		expect(created.items[0]).toMatchObject({
			reference: 'SMITH01',
			name: 'Smith & Sons <"Zoë">',
			vat_number: 'GB123456789',
			outcome: 'created',
		});
		customerId = String(created.items[0].id);
		expect((await run(params)).items[0]).toMatchObject({
			id: created.items[0].id,
			outcome: 'alreadyExists',
		});
		const contact = await run({
			resource: 'customerContact',
			operation: 'create',
			customerId: rl(customerId),
			contactFields: {
				first_name: 'Jane',
				last_name: 'Doe',
				email: 'jane@smith.test',
				telephone: '020 7946 0001',
			},
		});
		expect(contact.error).toBeUndefined();
		expect(contact.items[0]).toMatchObject({ first_name: 'Jane', last_name: 'Doe' });
		const contacts = await run({
			resource: 'customerContact',
			operation: 'getAll',
			customerId: rl(customerId),
			returnAll: true,
		});
		expect(contacts.items.map((c) => c.last_name)).toContain('Doe');
		const got = await run({ resource: 'customer', operation: 'get', customerId: rl(customerId) });
		expect(got.items[0].name).toBe('Smith & Sons <"Zoë">');
		const updated = await run({
			resource: 'customer',
			operation: 'update',
			customerId: rl(customerId),
			updateFields: { on_hold: true },
		});
		expect(updated.items[0].on_hold).toBe(true);
	});

	it('rejects bad input naming item and field', async () => {
		const long = await run({
			resource: 'customer',
			operation: 'create',
			reference: 'TOOLONG99',
			name: 'X',
		});
		expect(long.error?.message).toBe(
			'Item 0: Field "reference" "TOOLONG99" is 9 characters; Sage 200 allows 8',
		);
		const badCompany = await runSage200(credentials, {
			company: 'nonsense',
			resource: 'bank',
			operation: 'getAll',
			returnAll: true,
		});
		expect(badCompany.error?.message).toMatch(
			/Item 0: Field "company" "nonsense" is not a Sage 200 site and company/,
		);
		const badLines = await run({
			resource: 'salesInvoice',
			operation: 'create',
			customerId: rl(customerId),
			reference: 'BAD-1',
			transactionDate: '2025-06-01',
			linesJson: '[{"nominalCode":"4000","taxCodeId":1,"net":"ten"}]',
		});
		expect(badLines.error?.message).toBe('Item 0: Field "lines[0].net" "ten" is not a number');
	});

	it('posts an invoice, a receipt and allocates it: balances exact, nothing posted twice', async () => {
		const invoice = {
			resource: 'salesInvoice',
			operation: 'create',
			customerId: rl(customerId),
			reference: 'INV-5001',
			transactionDate: '2025-06-01',
			dueDate: '2025-06-30',
			linesJson: JSON.stringify([
				{ nominalCode: '4000', taxCodeId, net: 100, tax: 20, narrative: 'Consulting' },
				{ nominalCode: '4010', taxCodeId, net: 33.33, tax: 6.67, narrative: 'Licence' },
			]),
		};
		const posted = await run(invoice);
		expect(posted.error).toBeUndefined();
		expect(posted.items[0]).toMatchObject({
			reference: 'INV-5001',
			document_gross_value: 160,
			outcome: 'created',
		});
		expect((await run(invoice)).items[0].outcome).toBe('alreadyExists');
		const receipt = {
			resource: 'salesReceipt',
			operation: 'create',
			customerId: rl(customerId),
			bankId,
			amount: 100,
			transactionDate: '2025-06-10',
			reference: 'PAY-5001',
			secondReference: 'INV-5001',
		};
		expect((await run(receipt)).items[0].outcome).toBe('created');
		expect((await run(receipt)).items[0].outcome).toBe('alreadyExists');
		const allocate = {
			resource: 'allocation',
			operation: 'create',
			customerId: rl(customerId),
			creditReference: 'PAY-5001',
			allocateToJson: JSON.stringify([{ reference: 'INV-5001', amount: 100 }]),
		};
		const allocated = await run(allocate);
		expect(allocated.error).toBeUndefined();
		expect((await run(allocate)).items[0].outcome).toBe('alreadyAllocated');
		const customer = await run({
			resource: 'customer',
			operation: 'get',
			customerId: rl(customerId),
		});
		expect(customer.items[0].balance).toBe(60);
		const tx = await run({
			resource: 'postedTransaction',
			operation: 'getAll',
			returnAll: true,
			filters: { customerId, reference: 'INV-5001', type: 'invoice' },
		});
		expect(tx.items[0]).toMatchObject({
			document_outstanding_value: 60,
			document_allocated_value: 100,
		});
		await run({ ...receipt, amount: 10, reference: 'PAY-5002' });
		const over = await run({
			...allocate,
			creditReference: 'PAY-5002',
			allocateToJson: JSON.stringify([{ reference: 'INV-5001', amount: 500 }]),
		});
		expect(over.error?.message).toBe(
			'Item 0: Field "allocateToJson" allocates 500.00 but only 10.00 of PAY-5002 is unallocated',
		);
	});

	it('posts a credit note and a refund once each', async () => {
		const credit = {
			resource: 'salesCreditNote',
			operation: 'create',
			customerId: rl(customerId),
			reference: 'CRN-5001',
			transactionDate: '2025-06-12',
			linesJson: JSON.stringify([{ nominalCode: '4000', taxCodeId, net: 10, tax: 2 }]),
			secondReference: 'INV-5001',
		};
		expect((await run(credit)).items[0]).toMatchObject({
			reference: 'CRN-5001',
			outcome: 'created',
		});
		expect((await run(credit)).items[0].outcome).toBe('alreadyExists');
		const refund = {
			resource: 'salesRefund',
			operation: 'create',
			customerId: rl(customerId),
			bankId,
			amount: 12,
			transactionDate: '2025-06-13',
			reference: 'RFD-5001',
			secondReference: 'CRN-5001',
		};
		expect((await run(refund)).items[0].outcome).toBe('created');
		expect((await run(refund)).items[0].outcome).toBe('alreadyExists');
	});

	it('reads reference data and feeds the dropdowns', async () => {
		for (const resource of ['bank', 'nominalCode', 'taxCode']) {
			const many = await run({ resource, operation: 'getAll', returnAll: true });
			expect(many.items.length).toBeGreaterThan(0);
			const one = await run({ resource, operation: 'get', id: String(many.items[0].id) });
			expect(one.items[0].id).toBe(many.items[0].id);
		}
		const common = {
			credentialTypes,
			credentials: { sage200OAuth2Api: credentials },
			parameters: { company },
		};
		expect((await runLoadOptions(new Sage200(), 'getCompanies', common)).length).toBeGreaterThan(1);
		expect((await runLoadOptions(new Sage200(), 'getBanks', common)).length).toBeGreaterThan(0);
		expect((await runLoadOptions(new Sage200(), 'getNominalCodes', common)).length).toBeGreaterThan(
			0,
		);
		expect((await runLoadOptions(new Sage200(), 'getTaxCodes', common)).length).toBeGreaterThan(0);
		const found = await runListSearch(new Sage200(), 'searchCustomers', {
			...common,
			filter: 'Smith',
		});
		expect(found.results.map((r) => r.value)).toContain(customerId);
	});

	it('refreshes an expired access token in the middle of a run; nothing fails', async () => {
		const before = (credentials.oauthTokenData as IDataObject).access_token;
		await fetch(`${sandbox.url}/__sandbox/tokens/expire`, { method: 'POST' });
		const input = Array.from({ length: 5 }, (_, n) => ({ ref: `TOK${n}` }));
		const result = await runSage200(
			credentials,
			{
				company,
				resource: 'customer',
				operation: 'create',
				reference: '={{ $json.ref }}',
				name: '={{ "Token test " + $json.ref }}',
			},
			input,
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
		credentials = result.credentials;
		expect((credentials.oauthTokenData as IDataObject).access_token).not.toBe(before);
	});

	it('answers a wrong site clearly', async () => {
		const wrong = await runSage200(credentials, {
			company: '00000000-0000-0000-0000-000000000000:1',
			resource: 'bank',
			operation: 'getAll',
			returnAll: true,
		});
		expect(wrong.error?.message).toMatch(/Item 0: Sage 200 answered (401|403)/);
		expect((await records(sandbox, 'customers')).length).toBeGreaterThan(0);
	});
});
