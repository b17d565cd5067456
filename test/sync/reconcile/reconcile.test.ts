import type { IDataObject } from 'n8n-workflow';

import { alloc, inv, receipt, run } from './fixtures';

const pairs = (result: IDataObject) =>
	(result.allocations as IDataObject[]).map((a) => [a.invoiceNumber, a.amount]);

describe('Reconcile › by allocation', () => {
	it('matches a receipt covering three invoices, one of them partly', () => {
		const [result] = run(
			[
				receipt(350, {
					allocations: [alloc('INV-1', 100), alloc('INV-2', 200), alloc('INV-3', 50)],
				}),
			],
			[inv('INV-1', 100), inv('INV-2', 200), inv('INV-3', 120)],
		);
		expect(result).toMatchObject({
			outcome: 'matched',
			method: 'allocation',
			amount: 350,
			allocated: 350,
			onAccount: 0,
		});
		expect(result.allocations).toEqual([
			expect.objectContaining({
				invoiceNumber: 'INV-1',
				amount: 100,
				outstandingAfter: 0,
				partial: false,
			}),
			expect.objectContaining({
				invoiceNumber: 'INV-2',
				amount: 200,
				outstandingAfter: 0,
				partial: false,
			}),
			expect.objectContaining({
				invoiceNumber: 'INV-3',
				amount: 50,
				outstandingAfter: 70,
				partial: true,
			}),
		]);
		expect(result.lines).toEqual([
			{ kind: 'receipt', id: 'stx_0', number: '', amount: -350, currency: 'GBP' },
			{ kind: 'invoice', id: 'inv_INV-1', number: 'INV-1', amount: 100, currency: 'GBP' },
			{ kind: 'invoice', id: 'inv_INV-2', number: 'INV-2', amount: 200, currency: 'GBP' },
			{ kind: 'invoice', id: 'inv_INV-3', number: 'INV-3', amount: 50, currency: 'GBP' },
		]);
	});

	it('puts what Sage left unallocated on account (an over-payment)', () => {
		const [result] = run(
			[receipt(150, { allocations: [alloc('inv-1', 120)] })],
			[inv('INV-1', 120)],
		);
		expect(result).toMatchObject({ outcome: 'matched', allocated: 120, onAccount: 30 });
		expect((result.lines as IDataObject[]).map((l) => [l.kind, l.amount])).toEqual([
			['receipt', -150],
			['invoice', 120],
			['onAccount', 30],
		]);
	});

	it('needs review when Sage’s allocation disagrees with The Layer', () => {
		const invoices = [
			inv('INV-1', 100),
			inv('INV-2', 100, { customerId: 'cus_2' }),
			inv('INV-3', 100, { currency: 'EUR' }),
		];
		const results = run(
			[
				receipt(120, { allocations: [alloc('INV-1', 120)] }),
				receipt(50, { allocations: [alloc('INV-9', 50)] }),
				receipt(50, { allocations: [alloc('INV-2', 50)] }),
				receipt(50, { allocations: [alloc('INV-3', 50)] }),
				receipt(50, { allocations: [alloc('INV-1', 60)] }),
			],
			invoices,
		);
		expect(results.map((r) => r.reason)).toEqual([
			'Sage allocated 120.00 GBP to invoice INV-1, but 100.00 GBP is outstanding in The Layer',
			'Sage allocated 50.00 GBP to invoice INV-9, which is not among the Layer invoices',
			'invoice INV-2 belongs to customer cus_2, the receipt to cus_1',
			'invoice INV-3 is in EUR, the receipt in GBP',
			'Sage allocated 60.00 GBP of a 50.00 GBP receipt',
		]);
		expect(results.every((r) => r.outcome === 'needsReview')).toBe(true);
	});

	it('applies a credit note raised against the invoice when, with the receipt, it settles it', () => {
		const [result] = run(
			[receipt(100, { allocations: [alloc('INV-1', 100)] })],
			[inv('INV-1', 120)],
			[
				{
					id: 'crn_1',
					number: 'CRN-1',
					customerId: 'cus_1',
					invoiceId: 'inv_INV-1',
					currency: 'GBP',
					grossTotal: 20,
					allocations: [],
				},
			],
		);
		expect(result).toMatchObject({ outcome: 'matched', allocated: 100, creditApplied: 20 });
		expect(result.creditNotes).toEqual([
			{
				creditNoteId: 'crn_1',
				creditNoteNumber: 'CRN-1',
				invoiceId: 'inv_INV-1',
				invoiceNumber: 'INV-1',
				amount: 20,
				currency: 'GBP',
			},
		]);
		expect((result.lines as IDataObject[]).map((l) => [l.kind, l.amount])).toEqual([
			['receipt', -100],
			['creditNote', -20],
			['invoice', 120],
		]);
	});

	it('gives Sage’s allocation priority over a guess by amount listed before it', () => {
		const results = run(
			[receipt(100), receipt(100, { allocations: [alloc('INV-1', 100)] })],
			[inv('INV-1', 100)],
		);
		expect(results.map((r) => [r.outcome, r.method])).toEqual([
			['unallocated', undefined],
			['matched', 'allocation'],
		]);
	});
});

describe('Reconcile › by invoice number or reference', () => {
	it('pays the invoices named in the reference in order, the last one partly', () => {
		const [result] = run(
			[receipt(300, { reference: 'BACS INV-1, INV-2 & INV-3' })],
			[inv('INV-1', 100), inv('INV-2', 150), inv('INV-3', 120)],
		);
		expect(result).toMatchObject({ outcome: 'matched', method: 'reference', onAccount: 0 });
		expect(pairs(result)).toEqual([
			['INV-1', 100],
			['INV-2', 150],
			['INV-3', 50],
		]);
	});

	it('matches the invoice’s own reference, and keeps an over-payment on account', () => {
		const [result] = run(
			[receipt(130, { reference: 'PO-77' })],
			[inv('INV-1', 120, { reference: 'PO-77' })],
		);
		expect(result).toMatchObject({ method: 'reference', allocated: 120, onAccount: 10 });
	});

	it('finds the customer from the invoice when the receipt has none, and reviews a paid invoice', () => {
		const results = run(
			[receipt(50, { customerId: '', reference: 'INV-1' }), receipt(50, { reference: 'INV-2' })],
			[inv('INV-1', 50, { customerId: 'cus_7' }), inv('INV-2', 0)],
		);
		expect(results[0]).toMatchObject({ outcome: 'matched', customerId: 'cus_7' });
		expect(results[1]).toMatchObject({
			outcome: 'needsReview',
			reason: 'the reference names INV-2, with nothing outstanding',
		});
	});
});

describe('Reconcile › by exact amount', () => {
	it('matches the one open invoice for the amount; two is a question for a person', () => {
		const invoices = [
			inv('INV-1', 80),
			inv('INV-2', 120),
			inv('INV-3', 120),
			inv('INV-4', 99, { status: 'draft' }),
		];
		const results = run([receipt(80), receipt(120), receipt(99)], invoices);
		expect(results[0]).toMatchObject({ outcome: 'matched', method: 'amount' });
		expect(pairs(results[0])).toEqual([['INV-1', 80]]);
		expect(results[1]).toMatchObject({
			outcome: 'needsReview',
			reason: '2 open invoices have 120.00 GBP outstanding',
		});
		expect((results[1].candidates as IDataObject[]).map((c) => c.invoiceNumber)).toEqual([
			'INV-2',
			'INV-3',
		]);
		expect(results[2]).toMatchObject({ outcome: 'unallocated' });
	});

	it('matches an amount net of a credit note, and the whole balance of several invoices', () => {
		const credit = {
			id: 'crn_1',
			number: 'CRN-1',
			customerId: 'cus_1',
			invoiceId: 'inv_INV-1',
			currency: 'GBP',
			grossTotal: 30,
			allocations: [{ amount: 10 }],
		};
		const [net] = run([receipt(100)], [inv('INV-1', 120)], [credit]);
		expect(net).toMatchObject({
			outcome: 'matched',
			method: 'amount',
			allocated: 100,
			creditApplied: 20,
		});
		const [whole] = run(
			[receipt(300)],
			[inv('INV-1', 100), inv('INV-2', 200), inv('INV-3', 50, { currency: 'EUR' })],
		);
		expect(pairs(whole)).toEqual([
			['INV-1', 100],
			['INV-2', 200],
		]);
	});

	it('never lets two receipts take the same outstanding money', () => {
		const results = run([receipt(100), receipt(100)], [inv('INV-1', 100)]);
		expect(results.map((r) => r.outcome)).toEqual(['matched', 'unallocated']);
	});
});

describe('Reconcile › what is left alone', () => {
	it('lists a receipt with no allocation that nothing matches as unallocated, as The Layer does', () => {
		const [result] = run([receipt(42, { reference: 'unknown' })], [inv('INV-1', 100)]);
		expect(result).toEqual({
			outcome: 'unallocated',
			reason: 'no allocation in Sage, and no invoice matched its reference or amount',
		});
	});

	it('reviews refunds and receipts already reconciled, and respects the methods chosen', () => {
		const results = run(
			[
				receipt(100, { type: 'refund' }),
				receipt(100, { reconciled: true }),
				receipt(100, { reference: 'INV-1' }),
			],
			[inv('INV-1', 100)],
			[],
			['allocation'],
		);
		expect(results.map((r) => r.reason)).toEqual([
			'a refund: reconcile it against its credit by hand',
			'already reconciled in The Layer',
			'no allocation in Sage, and no invoice matched its reference or amount',
		]);
	});
});
