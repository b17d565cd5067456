import type { TheLayerSandbox } from '../../sandbox/thelayer/server';
import { records, runLayer, startSandbox } from './helpers';

/** Get and Get Many for every resource, and Update Sage Sync for every synced record type. */
describe('The Layer › every Get, Get Many and Update Sage Sync', () => {
	let sandbox: TheLayerSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
		const [invoice] = (await records(sandbox, 'invoices')).filter(
			(i) => i.status === 'finalised' && Number(i.amountDue) > 10,
		);
		const customer = { __rl: true, mode: 'id', value: String(invoice.customerId) };
		await runLayer(sandbox, {
			resource: 'payment',
			operation: 'create',
			customerId: customer,
			paymentMethodId: 'pm_0001',
			amount: 10,
			date: '2025-11-02',
			reference: 'RS-PAY-1',
			allocationsJson: JSON.stringify([{ invoiceId: invoice.id, amount: 10 }]),
		});
		await runLayer(sandbox, {
			resource: 'creditNote',
			operation: 'create',
			customerId: customer,
			number: 'RS-CN-1',
			issueDate: '2025-11-02',
			linesInput: 'json',
			linesJson: JSON.stringify([{ description: 'Credit', quantity: 1, unitPrice: 5, taxRate: 0 }]),
		});
		await runLayer(sandbox, {
			resource: 'refund',
			operation: 'create',
			customerId: customer,
			number: 'RS-RF-1',
			paymentMethodId: 'pm_0001',
			amount: 5,
			date: '2025-11-03',
		});
		await runLayer(sandbox, {
			resource: 'sageTransaction',
			operation: 'create',
			sageSystem: 'sage200',
			sageCompany: 'Demo UK',
			sageTransactionId: 'RS-STX-1',
			type: 'receipt',
			amount: 1,
			date: '2025-11-03',
			allocationsJson: '[]',
		});
	});
	afterAll(async () => sandbox.close());

	it.each([
		['customer', 'customers', 'customerId'],
		['invoice', 'invoices', 'id'],
		['payment', 'payments', 'id'],
		['creditNote', 'credit-notes', 'id'],
		['refund', 'refunds', 'id'],
		['subCompany', 'sub-companies', 'id'],
		['paymentMethod', 'payment-methods', 'id'],
		['nominalCode', 'nominal-codes', 'id'],
		['sageTransaction', 'sage-transactions', 'id'],
	])(
		'%s: Get Many returns every record, Get returns one',
		async (resource, collection, idParam) => {
			const stored = await records(sandbox, collection);
			const many = await runLayer(sandbox, { resource, operation: 'getAll', returnAll: true });
			expect(many.error).toBeUndefined();
			expect(many.items.map((r) => r.id).sort()).toEqual(stored.map((r) => r.id).sort());
			const id = String(stored[0].id);
			const one = await runLayer(sandbox, {
				resource,
				operation: 'get',
				[idParam]: idParam === 'customerId' ? { __rl: true, mode: 'id', value: id } : id,
			});
			expect(one.items[0].id).toBe(id);
			const missing = await runLayer(sandbox, {
				resource,
				operation: 'get',
				[idParam]: idParam === 'customerId' ? { __rl: true, mode: 'id', value: 'nope' } : 'nope',
			});
			expect(missing.error?.message).toMatch(/Item 0: The Layer answered 404/);
		},
	);

	it.each([
		['invoice', 'invoices', (r: Record<string, unknown>) => r.status === 'finalised'],
		['payment', 'payments', () => true],
		['creditNote', 'credit-notes', () => true],
		['refund', 'refunds', () => true],
	])(
		'%s: Update Sage Sync marks it synced, then records a failure',
		async (resource, collection, pick) => {
			const target = (await records(sandbox, collection)).find(pick);
			const id = String(target?.id);
			const ok = await runLayer(sandbox, {
				resource,
				operation: 'setSageSync',
				id,
				synced: true,
				sageTransactionId: `SAGE-${id}`,
				lastSyncError: '',
			});
			expect(ok.error).toBeUndefined();
			expect((await records(sandbox, collection)).find((r) => r.id === id)?.sage).toMatchObject({
				synced: true,
				sageTransactionId: `SAGE-${id}`,
				lastSyncError: null,
			});
			const failed = await runLayer(sandbox, {
				resource,
				operation: 'setSageSync',
				id,
				synced: false,
				sageTransactionId: '',
				lastSyncError: 'Unmapped payment method "Cheque"',
			});
			expect(failed.error).toBeUndefined();
			const synced = await runLayer(sandbox, {
				resource,
				operation: 'getAll',
				returnAll: true,
				filters: { synced: false },
			});
			expect(synced.items.find((r) => r.id === id)?.sage).toMatchObject({
				lastSyncError: 'Unmapped payment method "Cheque"',
			});
		},
	);
});
