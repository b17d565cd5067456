import { createInvoice, fieldsOf, get, okBody, post, put, startSandbox } from './helpers';
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

/** inv_0001 (cus_0001) is 4,001.40 due; inv_0005 (cus_0001) 1,026.00; inv_0002 is cus_0002's. */
const pay = (overrides: Record<string, unknown> = {}) =>
	post(sandbox, '/payments', {
		customerId: 'cus_0001',
		paymentMethodId: 'pm_0001',
		amount: 500,
		date: '2025-05-01',
		reference: 'BACS-0001',
		...overrides,
	});

describe('payment allocations', () => {
	it('apply to the invoices: amountPaid up, amountDue down, invoice modifiedAt bumped', async () => {
		sandbox.clock.freeze('2025-05-01T12:00:00.000Z');
		const before = okBody(await get(sandbox, '/invoices/inv_0001'));
		expect(before.grossTotal).toBe(4001.4);
		const payment = okBody(
			await pay({
				amount: 1000.01,
				allocations: [
					{ invoiceId: 'inv_0001', amount: 900.01 },
					{ invoiceId: 'inv_0005', amount: 100 },
				],
			}),
		);
		expect(payment).toMatchObject({
			id: 'pay_0001',
			amount: 1000.01,
			currency: 'GBP',
			source: 'layer',
			allocations: [
				{ invoiceId: 'inv_0001', amount: 900.01 },
				{ invoiceId: 'inv_0005', amount: 100 },
			],
			sage: { synced: false },
		});
		const after = okBody(await get(sandbox, '/invoices/inv_0001'));
		expect([after.amountPaid, after.amountDue]).toEqual([900.01, 3101.39]);
		expect(after.modifiedAt).toBe('2025-05-01T12:00:00.000Z');
		expect(okBody(await get(sandbox, '/invoices/inv_0005')).amountDue).toBe(926);
		const byInvoice = okBody(await get(sandbox, '/payments', { invoiceId: 'inv_0005' }));
		expect(byInvoice.data.map((p: Json) => p.id)).toEqual(['pay_0001']);
	});

	it('may leave part of the payment unallocated, or pay an invoice off exactly', async () => {
		okBody(await pay({ amount: 5000, allocations: [{ invoiceId: 'inv_0001', amount: 4001.4 }] }));
		expect(okBody(await get(sandbox, '/invoices/inv_0001')).amountDue).toBe(0);
	});

	it('total over the payment amount is a 400 on allocations', async () => {
		const reply = await pay({
			amount: 100,
			allocations: [
				{ invoiceId: 'inv_0001', amount: 60 },
				{ invoiceId: 'inv_0005', amount: 40.01 },
			],
		});
		expect(fieldsOf(reply)).toEqual({
			allocations: 'total 100.01 exceeds the payment amount 100.00',
		});
	});

	it('each allocation must fit its invoice, customer, currency and state', async () => {
		const eur = await createInvoice(sandbox, { customerId: 'cus_0001', currency: 'EUR' });
		const reply = await pay({
			amount: 100000,
			allocations: [
				{ invoiceId: 'inv_0001', amount: 4001.41 },
				{ invoiceId: 'inv_0002', amount: 1 },
				{ invoiceId: 'inv_0007', amount: 1 },
				{ invoiceId: 'inv_9999', amount: 1 },
				{ invoiceId: eur.id, amount: 1 },
				{ invoiceId: 'inv_0005', amount: 0 },
				{ invoiceId: 'inv_0005', amount: 1 },
			],
		});
		expect(fieldsOf(reply)).toEqual({
			'allocations[0].amount': "exceeds the invoice's amount due 4001.40",
			'allocations[1].invoiceId': 'belongs to customer cus_0002, not cus_0001',
			'allocations[2].invoiceId': 'belongs to customer cus_0002, not cus_0001',
			'allocations[3].invoiceId': 'does not match any invoice',
			'allocations[4].invoiceId': 'is in EUR, not GBP',
			'allocations[5].amount': 'must be greater than 0',
			'allocations[6].invoiceId': 'is allocated more than once',
		});
		expect(sandbox.store.all('payments')).toHaveLength(0);
		expect(okBody(await get(sandbox, '/invoices/inv_0001')).amountPaid).toBe(0);
	});

	it('cannot be allocated to a draft', async () => {
		const reply = await post(sandbox, '/payments', {
			customerId: 'cus_0002',
			paymentMethodId: 'pm_0001',
			amount: 10,
			date: '2025-05-01',
			reference: 'X',
			allocations: [{ invoiceId: 'inv_0007', amount: 10 }],
		});
		expect(fieldsOf(reply)).toEqual({ 'allocations[0].invoiceId': 'is a draft invoice' });
	});
});

describe('payment references and sync', () => {
	it('a reference the customer already used is a 409 with existingId; another customer may reuse it', async () => {
		const first = okBody(await pay());
		const again = await pay({ amount: 1 });
		expect(again.status).toBe(409);
		expect(again.body.error).toEqual({
			code: 'conflict',
			message: 'Customer cus_0001 already has a payment BACS-0001',
			existingId: first.id,
		});
		expect((await pay({ customerId: 'cus_0002' })).status).toBe(201);
		const found = okBody(
			await get(sandbox, '/payments', { reference: 'BACS-0001', customerId: 'cus_0001' }),
		);
		expect(found.total).toBe(1);
	});

	it('payment method must exist and be active', async () => {
		expect(fieldsOf(await pay({ paymentMethodId: 'pm_9999' }))).toEqual({
			paymentMethodId: 'does not match any payment method',
		});
	});

	it('records the Sage sync outcome and filters on it', async () => {
		const payment = okBody(await pay());
		const synced = okBody(
			await put(sandbox, `/payments/${payment.id}/sage-sync`, {
				synced: true,
				sageTransactionId: 'ARPYMT-1',
			}),
		);
		expect(synced.sage).toMatchObject({ synced: true, sageTransactionId: 'ARPYMT-1' });
		expect(okBody(await get(sandbox, '/payments', { synced: 'false' })).total).toBe(0);
	});
});
