import { fieldsOf, get, line, okBody, post, startSandbox } from './helpers';
import type { TheLayerSandbox } from './helpers';

let sandbox: TheLayerSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.store.reset());

/** inv_0003 (cus_0003): 1,200.00 + 20 % = 1,440.00 due. */
const credit = (overrides: Record<string, unknown> = {}) =>
	post(sandbox, '/credit-notes', {
		number: 'CN-0001',
		customerId: 'cus_0003',
		invoiceId: 'inv_0003',
		issueDate: '2025-05-01',
		reason: 'Support hours not used',
		lines: [line({ description: 'Support credit', quantity: 2, unitPrice: 33.33 })],
		...overrides,
	});

describe('credit notes', () => {
	it('compute totals like invoices and apply allocations to the invoice', async () => {
		const note = okBody(await credit({ allocations: [{ invoiceId: 'inv_0003', amount: 79.99 }] }));
		expect(note).toMatchObject({
			id: 'crn_0001',
			currency: 'GBP',
			netTotal: 66.66,
			taxTotal: 13.33,
			grossTotal: 79.99,
			allocations: [{ invoiceId: 'inv_0003', amount: 79.99 }],
			sage: { synced: false },
		});
		expect(note.lines[0].id).toBe('crn_0001-1');
		const invoice = okBody(await get(sandbox, '/invoices/inv_0003'));
		expect([invoice.amountPaid, invoice.amountDue]).toEqual([79.99, 1360.01]);
	});

	it('without allocations leave invoices alone', async () => {
		okBody(await credit());
		expect(okBody(await get(sandbox, '/invoices/inv_0003')).amountDue).toBe(1440);
	});

	it('allocations cannot exceed the credit note total or the invoice due', async () => {
		expect(
			fieldsOf(await credit({ allocations: [{ invoiceId: 'inv_0003', amount: 80 }] })),
		).toEqual({
			allocations: 'total 80.00 exceeds the credit note total 79.99',
		});
		const big = [line({ unitPrice: 2000 })];
		expect(
			fieldsOf(
				await credit({ lines: big, allocations: [{ invoiceId: 'inv_0003', amount: 1440.01 }] }),
			),
		).toEqual({ 'allocations[0].amount': "exceeds the invoice's amount due 1440.00" });
		expect(sandbox.store.all('credit-notes')).toHaveLength(0);
	});

	it("the invoice it credits must be the same customer's", async () => {
		expect(fieldsOf(await credit({ invoiceId: 'inv_0001' }))).toEqual({
			invoiceId: 'belongs to customer cus_0001, not cus_0003',
		});
	});

	it('a duplicate number is a 409 with existingId; filters by number and customer', async () => {
		const first = okBody(await credit());
		const again = await credit();
		expect(again.status).toBe(409);
		expect(again.body.error).toMatchObject({ code: 'conflict', existingId: first.id });
		expect(okBody(await get(sandbox, '/credit-notes', { number: 'CN-0001' })).total).toBe(1);
		expect(okBody(await get(sandbox, '/credit-notes', { customerId: 'cus_0001' })).total).toBe(0);
	});
});

describe('refunds', () => {
	const refund = (overrides: Record<string, unknown> = {}) =>
		post(sandbox, '/refunds', {
			number: 'RF-0001',
			customerId: 'cus_0003',
			paymentMethodId: 'pm_0002',
			amount: 79.99,
			date: '2025-05-02',
			reference: 'Card refund',
			...overrides,
		});

	it('records a refund against a credit note', async () => {
		const note = okBody(await credit());
		const created = okBody(await refund({ creditNoteId: note.id }));
		expect(created).toMatchObject({
			id: 'ref_0001',
			amount: 79.99,
			currency: 'GBP',
			creditNoteId: note.id,
			paymentId: null,
			sage: { synced: false, sageTransactionId: null },
		});
		expect(okBody(await get(sandbox, '/refunds', { customerId: 'cus_0003' })).total).toBe(1);
	});

	it('validates amount, references and duplicates', async () => {
		expect(
			fieldsOf(await refund({ amount: -1, creditNoteId: 'crn_9999', paymentId: 'pay_9999' })),
		).toEqual({
			amount: 'must be greater than 0',
			creditNoteId: 'does not match any credit note',
			paymentId: 'does not match any payment',
		});
		okBody(await refund());
		const again = await refund();
		expect(again.status).toBe(409);
		expect(again.body.error).toMatchObject({ code: 'conflict', existingId: 'ref_0001' });
	});

	it("the credit note must be the same customer's", async () => {
		const note = okBody(await credit());
		expect(fieldsOf(await refund({ customerId: 'cus_0001', creditNoteId: note.id }))).toEqual({
			creditNoteId: 'belongs to customer cus_0003, not cus_0001',
		});
	});
});
