import type { IDataObject } from 'n8n-workflow';

import { runSync } from '../helpers';
import { inv } from './fixtures';

describe('Sage Sync › Reconcile (in the n8n engine)', () => {
	it('routes receipts to Matched, Needs Review and Unallocated', async () => {
		const invoices = [inv('INV-1', 100), inv('INV-2', 60), inv('INV-3', 60)];
		const stx = (id: string, amount: number, extra: IDataObject = {}) => ({
			id,
			sageTransactionId: `S-${id}`,
			sageSystem: 'sage200',
			type: 'receipt',
			customerId: 'cus_1',
			amount,
			currency: 'GBP',
			reference: null,
			allocations: [],
			reconciled: false,
			...extra,
		});
		const result = await runSync(
			{ operation: 'reconcile', invoices: JSON.stringify(invoices.map((json) => ({ json }))) },
			[
				stx('stx_1', 100, { allocations: [{ invoiceNumber: 'INV-1', amount: 100 }] }),
				stx('stx_2', 60),
				stx('stx_3', 7.5),
			],
		);
		expect(result.error).toBeUndefined();
		const [matched, review, unallocated] = result.outputs;
		expect(matched.map((m) => (m.reconciliation as IDataObject).allocations)).toEqual([
			[
				{
					invoiceId: 'inv_INV-1',
					invoiceNumber: 'INV-1',
					amount: 100,
					currency: 'GBP',
					outstandingBefore: 100,
					outstandingAfter: 0,
					partial: false,
				},
			],
		]);
		expect(review.map((r) => r.id)).toEqual(['stx_2']);
		expect(unallocated.map((r) => r.id)).toEqual(['stx_3']);
		expect(result.paired).toEqual([[[0]], [[1]], [[2]]]);
	});

	it('stops on a receipt without an amount, naming the item', async () => {
		const result = await runSync({ operation: 'reconcile', invoices: '[]' }, [
			{ id: 'stx_1', currency: 'GBP', amount: 5 },
			{ id: 'stx_2', currency: 'GBP' },
		]);
		expect(result.error?.message).toBe('Item 1: Field "receipt stx_2 amount" is required');
	});
});
