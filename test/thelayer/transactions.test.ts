import type { TheLayerSandbox } from '../../sandbox/thelayer/server';
import { records, rl, runLayer, startSandbox } from './helpers';

const invoiceParams = {
	resource: 'invoice',
	operation: 'create',
	customerId: '={{ { "__rl": true, "mode": "id", "value": $json.customer } }}',
	number: '={{ $json.number }}',
	issueDate: '={{ $json.issued }}',
	dueDate: '={{ $json.due }}',
	linesInput: 'json',
	linesJson: '={{ $json.lines }}',
	additionalFields: { status: 'finalised' },
};

describe('The Layer › Invoice, Payment, Credit Note, Refund', () => {
	let sandbox: TheLayerSandbox;
	let invoiceId = '';
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => sandbox.close());

	const invoice = {
		customer: 'cus_0002',
		number: 'T-INV-1',
		issued: '2025-10-01',
		due: '2025-10-31',
		lines: [
			{
				description: 'Support & care <Oct>',
				quantity: 3,
				unitPrice: 33.33,
				taxRate: 20,
				nominalCode: '4000',
			},
			{
				description: 'Licence',
				quantity: 1,
				unitPrice: '100.00',
				discountPercent: 10,
				taxRate: 20,
				nominalCode: '4010',
			},
		],
	};

	it('creates a finalised invoice with exact totals, once', async () => {
		const run = await runLayer(sandbox, invoiceParams, [invoice]);
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({
			number: 'T-INV-1',
			status: 'finalised',
			netTotal: 189.99,
			taxTotal: 38,
			grossTotal: 227.99,
			outcome: 'created',
		});
		invoiceId = String(run.items[0].id);
		const again = await runLayer(sandbox, invoiceParams, [invoice]);
		expect(again.items[0]).toMatchObject({ id: invoiceId, outcome: 'alreadyExists' });
		expect((await records(sandbox, 'invoices')).filter((i) => i.number === 'T-INV-1')).toHaveLength(
			1,
		);
	});

	it.each([
		[
			{ lines: [{ quantity: 'x', unitPrice: 1 }] },
			'Item 0: Field "lines[0].quantity" must be a number above 0, got x',
		],
		[
			{ lines: [{ quantity: 1, unitPrice: 'ten' }] },
			'Item 0: Field "lines[0].unitPrice" "ten" is not a number',
		],
		[
			{ lines: [{ quantity: 1, unitPrice: 1, taxRate: 120 }] },
			'Item 0: Field "lines[0].taxRate" must be a percentage from 0 to 100, got 120',
		],
		[{ issued: '2025-13-01' }, 'Item 0: Field "issueDate" "2025-13-01" is not a valid date'],
		[{ number: '' }, 'Item 0: Field "number" is required'],
	])('rejects bad invoice input %#', async (patch, message) => {
		const run = await runLayer(sandbox, invoiceParams, [{ ...invoice, number: 'BAD', ...patch }]);
		expect(run.error?.message).toBe(message);
	});

	it('lists finalised invoices, finalises a draft and records the Sage sync result', async () => {
		const finalised = await runLayer(sandbox, {
			resource: 'invoice',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'finalised' },
		});
		expect(finalised.items.every((i) => i.status === 'finalised')).toBe(true);
		const drafts = await runLayer(sandbox, {
			resource: 'invoice',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'draft' },
		});
		expect(drafts.items.length).toBeGreaterThan(0);
		const done = await runLayer(sandbox, {
			resource: 'invoice',
			operation: 'finalise',
			id: String(drafts.items[0].id),
		});
		expect(done.items[0].status).toBe('finalised');
		const sync = await runLayer(sandbox, {
			resource: 'invoice',
			operation: 'setSageSync',
			id: invoiceId,
			synced: false,
			sageTransactionId: '',
			lastSyncError: 'Numbering collision: INV-0001 exists in Intacct',
		});
		expect(sync.error).toBeUndefined();
		const got = await runLayer(sandbox, { resource: 'invoice', operation: 'get', id: invoiceId });
		expect(got.items[0].sage).toMatchObject({
			synced: false,
			lastSyncError: 'Numbering collision: INV-0001 exists in Intacct',
		});
	});

	it('records a payment allocated to the invoice, once, and refuses an over-allocation', async () => {
		const params = {
			resource: 'payment',
			operation: 'create',
			customerId: rl('cus_0002'),
			paymentMethodId: 'pm_0001',
			amount: 100,
			date: '2025-10-15',
			reference: 'BACS-7781',
			currency: 'GBP',
			allocationsJson: JSON.stringify([{ invoiceId, amount: 100 }]),
		};
		const run = await runLayer(sandbox, params);
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({ reference: 'BACS-7781', amount: 100, outcome: 'created' });
		const again = await runLayer(sandbox, params);
		expect(again.items[0].outcome).toBe('alreadyExists');
		const inv = (await records(sandbox, 'invoices')).find((i) => i.id === invoiceId);
		expect(inv).toMatchObject({ amountPaid: 100, amountDue: 127.99 });
		const over = await runLayer(sandbox, {
			...params,
			reference: 'BACS-OVER',
			amount: 500,
			allocationsJson: JSON.stringify([{ invoiceId, amount: 500 }]),
		});
		expect(over.error?.message).toMatch(/The Layer answered 400 validation_failed/);
	});

	it('creates a credit note and a refund, once each', async () => {
		const credit = {
			resource: 'creditNote',
			operation: 'create',
			customerId: rl('cus_0002'),
			number: 'T-CN-1',
			issueDate: '2025-10-20',
			linesInput: 'fields',
			lines: {
				line: [
					{ description: 'Goodwill', quantity: 1, unitPrice: 10, taxRate: 20, nominalCode: '4000' },
				],
			},
			additionalFields: { invoiceId, reason: 'Late delivery' },
			allocationsJson: JSON.stringify([{ invoiceId, amount: 12 }]),
		};
		const cn = await runLayer(sandbox, credit);
		expect(cn.items[0]).toMatchObject({ number: 'T-CN-1', grossTotal: 12, outcome: 'created' });
		expect((await runLayer(sandbox, credit)).items[0].outcome).toBe('alreadyExists');
		const refund = {
			resource: 'refund',
			operation: 'create',
			customerId: rl('cus_0002'),
			number: 'T-RF-1',
			paymentMethodId: 'pm_0001',
			amount: 12,
			date: '2025-10-21',
			additionalFields: { creditNoteId: String(cn.items[0].id), reference: 'Refund of T-CN-1' },
		};
		const rf = await runLayer(sandbox, refund);
		expect(rf.error).toBeUndefined();
		expect(rf.items[0]).toMatchObject({ number: 'T-RF-1', amount: 12, outcome: 'created' });
		expect((await runLayer(sandbox, refund)).items[0].outcome).toBe('alreadyExists');
		const list = await runLayer(sandbox, {
			resource: 'refund',
			operation: 'getAll',
			returnAll: true,
			filters: { customerId: 'cus_0002' },
		});
		expect(list.items.map((r) => r.number)).toContain('T-RF-1');
	});
});
