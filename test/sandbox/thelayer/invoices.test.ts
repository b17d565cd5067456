import {
	createInvoice,
	fieldsOf,
	get,
	line,
	okBody,
	patch,
	post,
	put,
	startSandbox,
} from './helpers';
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

const amounts = (l: Json) => [l.netAmount, l.taxAmount, l.grossAmount];

describe('invoice totals', () => {
	it('3 × 33.33 at 20 % VAT is 99.99 + 20.00 = 119.99 exactly', async () => {
		const invoice = await createInvoice(sandbox, {
			lines: [line({ quantity: 3, unitPrice: 33.33 })],
		});
		expect(amounts(invoice.lines[0])).toEqual([99.99, 20, 119.99]);
		expect(invoice).toMatchObject({
			netTotal: 99.99,
			taxTotal: 20,
			grossTotal: 119.99,
			amountPaid: 0,
			amountDue: 119.99,
			currency: 'GBP',
		});
	});

	it.each([
		// [quantity, unitPrice, discount, taxRate, net, tax, gross]: binary floats get these wrong.
		[1, 0.29, 50, 17.5, 0.15, 0.03, 0.18],
		[1, 0.7, 5, 20, 0.67, 0.13, 0.8],
		[1, -0.29, 50, 20, -0.15, -0.03, -0.18],
		[1.5, 95, 0, 20, 142.5, 28.5, 171],
		[0.3333, 3, 0, 20, 1, 0.2, 1.2],
		[2, 19.99, 12.5, 0, 34.98, 0, 34.98],
	])(
		'%d × %d less %d %% at %d %% VAT rounds half away from zero per line',
		async (quantity, unitPrice, discountPercent, taxRate, net, tax, gross) => {
			const invoice = await createInvoice(sandbox, {
				lines: [line({ quantity, unitPrice, discountPercent, taxRate })],
			});
			expect(amounts(invoice.lines[0])).toEqual([net, tax, gross]);
		},
	);

	it('sums lines in pence, never in floats', async () => {
		const invoice = await createInvoice(sandbox, {
			lines: [line({ unitPrice: 0.1, taxRate: 0 }), line({ unitPrice: 0.2, taxRate: 0 })],
		});
		expect(invoice.grossTotal).toBe(0.3);
		expect(JSON.stringify(invoice)).not.toMatch(/":-?\d+\.\d{3,}/);
	});

	it('gives lines ids, fills defaults and echoes the line fields', async () => {
		const invoice = await createInvoice(sandbox, {
			status: undefined,
			lines: [line({ itemCode: 'CONS-DAY', nominalCode: '4000' })],
		});
		expect(invoice).toMatchObject({
			status: 'draft',
			subCompanyId: 'sub_0001',
			dueDate: '2025-05-31',
			reference: null,
			sage: { synced: false, sageTransactionId: null, lastSyncError: null, lastSyncedAt: null },
		});
		expect(invoice.lines[0]).toEqual({
			id: `${invoice.id}-1`,
			description: 'Consultancy',
			itemCode: 'CONS-DAY',
			quantity: 1,
			unitPrice: 100,
			discountPercent: 0,
			taxRate: 20,
			nominalCode: '4000',
			netAmount: 100,
			taxAmount: 20,
			grossAmount: 120,
		});
	});

	it('defaults currency and sub-company from the customer', async () => {
		const invoice = await createInvoice(sandbox, { customerId: 'cus_0005' });
		expect(invoice).toMatchObject({ currency: 'EUR', subCompanyId: 'sub_0002' });
	});
});

describe('seeded invoices', () => {
	it('has six finalised invoices and one draft with realistic totals', async () => {
		const all = okBody(await get(sandbox, '/invoices')).data as Json[];
		expect(all.filter((i) => i.status === 'finalised')).toHaveLength(6);
		expect(all.filter((i) => i.status === 'draft').map((i) => i.number)).toEqual(['INV-1007']);
		const inv1004 = all.find((i) => i.number === 'INV-1004');
		expect([inv1004.netTotal, inv1004.taxTotal, inv1004.grossTotal]).toEqual([
			242.49, 48.5, 290.99,
		]);
		for (const invoice of all) expect(invoice.amountDue).toBe(invoice.grossTotal);
	});
});

describe('invoice lifecycle', () => {
	it('a duplicate number is a 409 conflict with existingId', async () => {
		const reply = await post(sandbox, '/invoices', {
			number: 'INV-1001',
			customerId: 'cus_0002',
			issueDate: '2025-05-01',
			lines: [line()],
		});
		expect(reply.status).toBe(409);
		expect(reply.body.error).toEqual({
			code: 'conflict',
			message: 'Invoice number INV-1001 is already used',
			existingId: 'inv_0001',
		});
	});

	it('a draft can be changed (lines replaced, totals recomputed) and then finalised once', async () => {
		sandbox.clock.freeze('2025-05-01T10:00:00.000Z');
		const draft = okBody(await get(sandbox, '/invoices/inv_0007'));
		sandbox.clock.advance(1000);
		const changed = okBody(
			await patch(sandbox, '/invoices/inv_0007', {
				reference: 'PO 9',
				lines: [line({ quantity: 2, unitPrice: 10 }), line({ unitPrice: 5, taxRate: 0 })],
			}),
		);
		expect(changed).toMatchObject({ reference: 'PO 9', netTotal: 25, taxTotal: 4, grossTotal: 29 });
		expect(changed.lines.map((l: Json) => l.id)).toEqual(['inv_0007-1', 'inv_0007-2']);
		expect(changed.modifiedAt).toBe('2025-05-01T10:00:01.000Z');
		expect(changed.createdAt).toBe(draft.createdAt);
		const finalised = okBody(await post(sandbox, '/invoices/inv_0007/finalise'));
		expect(finalised.status).toBe('finalised');
		const again = await post(sandbox, '/invoices/inv_0007/finalise');
		expect(again.status).toBe(409);
		expect(again.body.error.code).toBe('invalid_state');
		const late = await patch(sandbox, '/invoices/inv_0007', { reference: 'too late' });
		expect(late.status).toBe(409);
		expect(late.body.error).toEqual({
			code: 'invalid_state',
			message: 'Invoice inv_0007 is finalised; only drafts can be changed',
		});
	});

	it('status cannot be patched; a number clash on PATCH is a 409', async () => {
		expect(fieldsOf(await patch(sandbox, '/invoices/inv_0007', { status: 'finalised' }))).toEqual({
			status: 'is read-only',
		});
		const clash = await patch(sandbox, '/invoices/inv_0007', { number: 'INV-1002' });
		expect(clash.status).toBe(409);
		expect(clash.body.error.existingId).toBe('inv_0002');
	});
});

describe('invoice sage-sync', () => {
	it('merges the sync block, stamps lastSyncedAt and filters by synced', async () => {
		sandbox.clock.freeze('2025-05-02T12:00:00.000Z');
		const failed = okBody(
			await put(sandbox, '/invoices/inv_0001/sage-sync', { lastSyncError: 'Customer not in Sage' }),
		);
		expect(failed.sage).toEqual({
			synced: false,
			sageTransactionId: null,
			lastSyncError: 'Customer not in Sage',
			lastSyncedAt: null,
		});
		expect(failed.modifiedAt).toBe('2025-05-02T12:00:00.000Z');
		const done = okBody(
			await put(sandbox, '/invoices/inv_0001/sage-sync', {
				synced: true,
				sageTransactionId: '10042',
				lastSyncError: null,
			}),
		);
		expect(done.sage).toEqual({
			synced: true,
			sageTransactionId: '10042',
			lastSyncError: null,
			lastSyncedAt: '2025-05-02T12:00:00.000Z',
		});
		const synced = okBody(await get(sandbox, '/invoices', { synced: 'true' })).data;
		expect(synced.map((i: Json) => i.id)).toEqual(['inv_0001']);
		expect(okBody(await get(sandbox, '/invoices', { synced: 'false' })).total).toBe(6);
	});

	it('a sageTransactionId used by another invoice is a 409; a draft cannot sync', async () => {
		okBody(
			await put(sandbox, '/invoices/inv_0001/sage-sync', {
				synced: true,
				sageTransactionId: '10042',
			}),
		);
		const clash = await put(sandbox, '/invoices/inv_0002/sage-sync', {
			sageTransactionId: '10042',
		});
		expect(clash.status).toBe(409);
		expect(clash.body.error).toMatchObject({ code: 'conflict', existingId: 'inv_0001' });
		const draft = await put(sandbox, '/invoices/inv_0007/sage-sync', { synced: true });
		expect(draft.status).toBe(409);
		expect(draft.body.error.code).toBe('invalid_state');
		expect(fieldsOf(await put(sandbox, '/invoices/inv_0001/sage-sync', {}))).toEqual({
			body: 'must set at least one field',
		});
	});
});
