import { TheLayer } from '../../nodes/TheLayer/TheLayer.node';
import type { TheLayerSandbox } from '../../sandbox/thelayer/server';
import { runListSearch, runLoadOptions } from '../helpers/engine';
import { credentialTypes, layerCredentials, records, runLayer, startSandbox } from './helpers';

describe('The Layer › Sage transactions and reference data', () => {
	let sandbox: TheLayerSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => sandbox.close());

	it('records a receipt from Sage once, lists it as unreconciled, and reconciles it against the invoice', async () => {
		const [invoice] = (await records(sandbox, 'invoices')).filter(
			(i) => i.status === 'finalised' && Number(i.amountDue) > 0,
		);
		const params = {
			resource: 'sageTransaction',
			operation: 'create',
			sageSystem: 'intacct',
			sageCompany: 'THELAYER-DEMO',
			sageTransactionId: 'ARPYMT-9001',
			type: 'receipt',
			amount: Number(invoice.amountDue),
			date: '2025-11-01',
			additionalFields: {
				customerId: String(invoice.customerId),
				reference: 'Intacct payment 9001',
			},
			allocationsJson: JSON.stringify([
				{ invoiceNumber: invoice.number, amount: invoice.amountDue },
			]),
		};
		const created = await runLayer(sandbox, params);
		expect(created.error).toBeUndefined();
		expect(created.items[0]).toMatchObject({
			sageTransactionId: 'ARPYMT-9001',
			reconciled: false,
			outcome: 'created',
		});
		expect((await runLayer(sandbox, params)).items[0].outcome).toBe('alreadyExists');

		const open = await runLayer(sandbox, {
			resource: 'sageTransaction',
			operation: 'getAll',
			returnAll: true,
			filters: { reconciled: false },
		});
		expect(open.items.map((t) => t.sageTransactionId)).toContain('ARPYMT-9001');

		const reconcile = {
			resource: 'sageTransaction',
			operation: 'reconcile',
			id: String(created.items[0].id),
			reconcileJson: JSON.stringify([{ invoiceId: invoice.id, amount: invoice.amountDue }]),
		};
		const done = await runLayer(sandbox, reconcile);
		expect(done.items[0]).toMatchObject({ reconciled: true, outcome: 'reconciled' });
		expect((await records(sandbox, 'invoices')).find((i) => i.id === invoice.id)?.amountDue).toBe(
			0,
		);
		expect((await runLayer(sandbox, reconcile)).items[0].outcome).toBe('alreadyReconciled');
	});

	it('lists and gets sub-companies, payment methods and nominal codes; creates a nominal code once', async () => {
		const subs = await runLayer(sandbox, {
			resource: 'subCompany',
			operation: 'getAll',
			returnAll: true,
		});
		expect(subs.items.map((s) => s.id)).toEqual(expect.arrayContaining(['sub_0001', 'sub_0002']));
		const methods = await runLayer(sandbox, {
			resource: 'paymentMethod',
			operation: 'getAll',
			returnAll: true,
		});
		expect(methods.items.map((m) => m.bankAccountCode)).toContain('BARCLAYS-GBP');
		const one = await runLayer(sandbox, {
			resource: 'paymentMethod',
			operation: 'get',
			id: 'pm_0001',
		});
		expect(one.items[0].id).toBe('pm_0001');
		const code = {
			resource: 'nominalCode',
			operation: 'create',
			code: '4090',
			name: 'Sales - Training',
			active: true,
		};
		expect((await runLayer(sandbox, code)).items[0].outcome).toBe('created');
		const again = await runLayer(sandbox, code);
		expect(again.items[0].outcome).toBe('alreadyExists');
		const renamed = await runLayer(sandbox, {
			resource: 'nominalCode',
			operation: 'update',
			id: String(again.items[0].id),
			updateFields: { name: 'Sales - Courses' },
		});
		expect(renamed.items[0].name).toBe('Sales - Courses');
	});

	it('feeds the dropdowns and the customer search', async () => {
		const common = { credentialTypes, credentials: { theLayerApi: layerCredentials(sandbox) } };
		expect((await runLoadOptions(new TheLayer(), 'getSubCompanies', common)).length).toBe(2);
		expect(
			(await runLoadOptions(new TheLayer(), 'getPaymentMethods', common)).map((o) => o.value),
		).toContain('pm_0001');
		expect(
			(await runLoadOptions(new TheLayer(), 'getNominalCodes', common)).map((o) => o.value),
		).toContain('4000');
		const found = await runListSearch(new TheLayer(), 'searchCustomers', { ...common, filter: '' });
		expect(found.results.length).toBeGreaterThan(0);
	});
});
