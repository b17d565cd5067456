import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, type WorkflowFixture } from '../../helpers/engine';
import { nodeTypes } from '../helpers';

const fixture = JSON.parse(
	readFileSync(path.join(__dirname, 'syncToolkit.workflow.json'), 'utf8'),
) as WorkflowFixture;

describe('Sage Sync in a workflow (n8n engine, workflow JSON)', () => {
	it('matches customers and reconciles receipts, each output feeding its own branch', async () => {
		const result = await runWorkflow(fixture, { nodeTypes });
		expect(result.error).toBeUndefined();
		const json = (name: string) => result.output(name).map((i) => i.json);

		// Match customers: three outputs, lists fed by `$('Sage customers').all()`.
		expect(result.outputs('Match customers')).toHaveLength(3);
		expect(
			json('Link in The Layer').map((c) => [
				c.id,
				(c.match as IDataObject).strategy,
				(c.linkFields as IDataObject).sageCustomerId,
			]),
		).toEqual([
			['cus_0001', 'companyName', 'C-ACME'],
			['cus_0004', 'link', 'C-BRIGHT'],
		]);
		expect(json('Needs a person').map((c) => [c.id, (c.match as IDataObject).reason])).toEqual([
			['cus_0002', '2 Sage customers match companyName "Northwind Traders"'],
		]);
		// Not found → mapped for Intacct › Customer › Create.
		expect(json('Create in Intacct')).toEqual([
			{
				customerId: 'cus_0003',
				name: 'Harbour Lights Cafe',
				additionalFields: {
					email: 'hello@harbour.example',
					phone: '+44 1632 960001',
					mobile: '+44 7700 900555',
					taxId: 'GB999',
					firstName: 'Ana',
					lastName: 'Cole',
					currency: 'GBP',
				},
				sageCompany: 'IE',
				source: { type: 'customer', id: 'cus_0003' },
			},
		]);

		// Reconcile: three outputs, invoices fed by `$('Layer invoices').all()`.
		expect(result.outputs('Reconcile')).toHaveLength(3);
		const matched = json('Reconcile in The Layer');
		expect(matched.map((r) => r.id)).toEqual(['stx_0001']);
		expect((matched[0].reconciliation as IDataObject).allocations).toEqual([
			expect.objectContaining({ invoiceId: 'inv_0001', amount: 100, partial: false }),
			expect.objectContaining({ invoiceId: 'inv_0002', amount: 200, partial: false }),
			expect.objectContaining({ invoiceId: 'inv_0003', amount: 50, partial: true }),
		]);
		expect(
			json('Review receipts').map((r) => [r.id, (r.reconciliation as IDataObject).reason]),
		).toEqual([['stx_0002', '2 open invoices have 75.00 GBP outstanding']]);
		expect(json('Unallocated receipts').map((r) => r.id)).toEqual(['stx_0003']);
	});
});
