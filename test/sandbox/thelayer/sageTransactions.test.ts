import { fieldsOf, get, okBody, post, put, startSandbox } from './helpers';
import type { TheLayerSandbox } from './helpers';

let sandbox: TheLayerSandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.store.reset();
	sandbox.clock.release();
});

/** A Sage 200 receipt from cus_0001 (inv_0001 4,001.40 due, inv_0005 1,026.00 due). */
const receipt = (overrides: Record<string, unknown> = {}) =>
	post(sandbox, '/sage-transactions', {
		sageSystem: 'sage200',
		sageCompany: 'The Layer Demo UK',
		sageTransactionId: 'URN-5001',
		type: 'receipt',
		customerId: 'cus_0001',
		amount: 5000,
		date: '2025-05-03',
		reference: 'BACS BRIGHTWATER',
		allocations: [
			{ invoiceNumber: 'INV-1001', amount: 4001.4 },
			{ invoiceNumber: 'INV-1005', amount: 998.6 },
		],
		...overrides,
	});

describe('recording Sage transactions', () => {
	it('stores them unreconciled with what Sage said', async () => {
		const tx = okBody(await receipt());
		expect(tx).toMatchObject({
			id: 'stx_0001',
			currency: 'GBP',
			amount: 5000,
			allocations: [
				{ invoiceNumber: 'INV-1001', amount: 4001.4 },
				{ invoiceNumber: 'INV-1005', amount: 998.6 },
			],
			reconciled: false,
			reconciledAt: null,
			reconciliations: [],
			paymentId: null,
		});
		expect(okBody(await get(sandbox, '/sage-transactions', { reconciled: 'false' })).total).toBe(1);
	});

	it('the same sageTransactionId of the same system and company is a 409 with existingId', async () => {
		const first = okBody(await receipt());
		const again = await receipt({ reference: 'Sent twice' });
		expect(again.status).toBe(409);
		expect(again.body.error).toEqual({
			code: 'conflict',
			message: 'sage200 transaction URN-5001 of The Layer Demo UK is already recorded',
			existingId: first.id,
		});
		expect((await receipt({ sageCompany: 'The Layer Demo Ireland' })).status).toBe(201);
		expect((await receipt({ sageSystem: 'intacct' })).status).toBe(201);
		const found = okBody(
			await get(sandbox, '/sage-transactions', {
				sageTransactionId: 'URN-5001',
				sageSystem: 'intacct',
			}),
		);
		expect(found.total).toBe(1);
	});

	it('finds the customer through a unique Sage link when no customerId is given', async () => {
		okBody(
			await put(sandbox, '/customers/cus_0002/sage-link', {
				synced: true,
				sageCompany: 'The Layer Demo UK',
				sageAccountNumber: 'CAL001',
			}),
		);
		const matched = okBody(
			await receipt({ customerId: undefined, sageAccountNumber: 'CAL001', allocations: [] }),
		);
		expect(matched.customerId).toBe('cus_0002');
		const unmatched = okBody(
			await receipt({
				sageTransactionId: 'URN-5002',
				customerId: undefined,
				sageAccountNumber: 'NOPE01',
				allocations: [],
			}),
		);
		expect(unmatched.customerId).toBeNull();
	});

	it('validates the fields', async () => {
		const reply = await receipt({
			sageSystem: 'sage50',
			type: 'payment',
			amount: 0,
			date: '3 May',
			customerId: 'cus_9999',
			allocations: [{ invoiceNumber: 'INV-1001' }],
		});
		expect(fieldsOf(reply)).toEqual({
			sageSystem: 'must be one of: sage200, intacct',
			type: 'must be one of: receipt, refund',
			amount: 'must be greater than 0',
			date: 'must be a date (YYYY-MM-DD)',
			customerId: 'does not match any customer',
			'allocations[0].amount': 'is required',
		});
		expect(fieldsOf(await receipt({ amount: 100 }))).toEqual({
			allocations: 'total exceeds the transaction amount',
		});
	});
});

describe('reconciling', () => {
	it('creates a Sage payment allocated to the invoices and changes their amountDue', async () => {
		sandbox.clock.freeze('2025-05-04T09:30:00.000Z');
		const tx = okBody(await receipt());
		const done = okBody(
			await post(sandbox, `/sage-transactions/${tx.id}/reconcile`, {
				allocations: [
					{ invoiceId: 'inv_0001', amount: 4001.4 },
					{ invoiceId: 'inv_0005', amount: 998.6 },
				],
			}),
		);
		expect(done).toMatchObject({
			reconciled: true,
			reconciledAt: '2025-05-04T09:30:00.000Z',
			reconciliations: [
				{ invoiceId: 'inv_0001', amount: 4001.4 },
				{ invoiceId: 'inv_0005', amount: 998.6 },
			],
			paymentId: 'pay_0001',
		});
		const payment = okBody(await get(sandbox, '/payments/pay_0001'));
		expect(payment).toMatchObject({
			customerId: 'cus_0001',
			paymentMethodId: null,
			amount: 5000,
			date: '2025-05-03',
			reference: 'BACS BRIGHTWATER',
			source: 'sage',
			sage: {
				synced: true,
				sageTransactionId: 'URN-5001',
				lastSyncedAt: '2025-05-04T09:30:00.000Z',
			},
		});
		const dues = await Promise.all(
			['inv_0001', 'inv_0005'].map(
				async (id) => okBody(await get(sandbox, `/invoices/${id}`)).amountDue,
			),
		);
		expect(dues).toEqual([0, 27.4]);
		// Already in Sage: a sync run looking for unsynced payments must not send it back.
		expect(okBody(await get(sandbox, '/payments', { synced: 'false' })).total).toBe(0);
		expect(okBody(await get(sandbox, '/sage-transactions', { reconciled: 'true' })).total).toBe(1);
	});

	it('a second reconcile is a 409 already_reconciled and changes nothing', async () => {
		const tx = okBody(await receipt());
		const body = { allocations: [{ invoiceId: 'inv_0001', amount: 100 }] };
		okBody(await post(sandbox, `/sage-transactions/${tx.id}/reconcile`, body));
		const again = await post(sandbox, `/sage-transactions/${tx.id}/reconcile`, body);
		expect(again.status).toBe(409);
		expect(again.body.error).toMatchObject({ code: 'already_reconciled', existingId: 'pay_0001' });
		expect(sandbox.store.all('payments')).toHaveLength(1);
		expect(okBody(await get(sandbox, '/invoices/inv_0001')).amountPaid).toBe(100);
	});

	it("rejects over-allocation, other customers' invoices and an empty list, writing nothing", async () => {
		const tx = okBody(await receipt({ amount: 500, allocations: [] }));
		const path = `/sage-transactions/${tx.id}/reconcile`;
		expect(
			fieldsOf(
				await post(sandbox, path, { allocations: [{ invoiceId: 'inv_0001', amount: 500.01 }] }),
			),
		).toEqual({
			allocations: 'total 500.01 exceeds the transaction amount 500.00',
		});
		expect(
			fieldsOf(await post(sandbox, path, { allocations: [{ invoiceId: 'inv_0002', amount: 1 }] })),
		).toEqual({
			'allocations[0].invoiceId': 'belongs to customer cus_0002, not cus_0001',
		});
		expect(fieldsOf(await post(sandbox, path, { allocations: [] }))).toEqual({
			allocations: 'must have at least 1 item(s)',
		});
		expect(sandbox.store.all('payments')).toHaveLength(0);
		expect(okBody(await get(sandbox, `/sage-transactions/${tx.id}`)).reconciled).toBe(false);
	});

	it("without a customer, takes the invoices' customer (all must share one)", async () => {
		const tx = okBody(await receipt({ customerId: null, allocations: [] }));
		const path = `/sage-transactions/${tx.id}/reconcile`;
		expect(
			fieldsOf(
				await post(sandbox, path, {
					allocations: [
						{ invoiceId: 'inv_0002', amount: 1 },
						{ invoiceId: 'inv_0003', amount: 1 },
					],
				}),
			),
		).toEqual({ 'allocations[1].invoiceId': 'belongs to customer cus_0003, not cus_0002' });
		const done = okBody(
			await post(sandbox, path, {
				allocations: [{ invoiceId: 'inv_0002', amount: 10 }],
				paymentMethodId: 'pm_0001',
			}),
		);
		expect(done.customerId).toBe('cus_0002');
		expect(okBody(await get(sandbox, `/payments/${done.paymentId}`)).paymentMethodId).toBe(
			'pm_0001',
		);
	});

	it('a refund from Sage cannot be reconciled to invoices', async () => {
		const tx = okBody(await receipt({ type: 'refund', allocations: [] }));
		const reply = await post(sandbox, `/sage-transactions/${tx.id}/reconcile`, {
			allocations: [{ invoiceId: 'inv_0001', amount: 1 }],
		});
		expect(reply.status).toBe(409);
		expect(reply.body.error.code).toBe('invalid_state');
	});
});
