import { CUSTOMER, INVOICE, mapRecord } from './fixtures';

describe('Map › Invoice → Intacct AR invoice', () => {
	it('maps lines by GL account with quantity, price and discount in the memo, VAT on its own line', () => {
		expect(
			mapRecord('invoiceToIntacct', INVOICE, {
				tables: { ...tables(), taxRate: { '20': '22000' } },
			}),
		).toEqual({
			customerId: '27006',
			invoiceNo: 'INV-1001',
			invoiceDate: '2025-05-01',
			dueDate: '2025-05-31',
			linesInput: 'json',
			linesJson: [
				{
					glAccountNo: '40000',
					amount: 53.97,
					memo: 'Widget (3 × 19.99 less 10%)',
					locationId: '1:1',
					currency: 'GBP',
				},
				{
					glAccountNo: '41000',
					amount: 120,
					memo: 'Support (1.5 × 80.00)',
					locationId: '1:1',
					currency: 'GBP',
				},
				{
					glAccountNo: '40000',
					amount: 25,
					memo: 'Book (2 × 12.50)',
					locationId: '1:1',
					currency: 'GBP',
				},
				{
					glAccountNo: '22000',
					amount: 34.79,
					memo: 'VAT 20%',
					locationId: '1:1',
					currency: 'GBP',
				},
			],
			additionalFields: { currency: 'GBP', locationId: '1:1', reference: 'PO-77' },
			totals: { net: 198.97, tax: 34.79, gross: 233.76, mapped: 233.76, currency: 'GBP' },
			source: { type: 'invoice', id: 'inv_0001', number: 'INV-1001' },
		});
	});

	it('groups lines by account, or puts VAT inside gross lines', () => {
		const grouped = mapRecord('invoiceToIntacct', INVOICE, {
			tables: { ...tables(), taxRate: { '20': '22000' } },
			options: { groupLines: 'byAccount' },
		});
		expect(
			(grouped.linesJson as Array<{ glAccountNo: string; amount: number }>).map((l) => [
				l.glAccountNo,
				l.amount,
			]),
		).toEqual([
			['40000', 78.97],
			['41000', 120],
			['22000', 34.79],
		]);
		const gross = mapRecord('invoiceToIntacct', INVOICE, { options: { taxHandling: 'gross' } });
		expect((gross.linesJson as Array<{ amount: number }>).map((l) => l.amount)).toEqual([
			64.76, 144, 25,
		]);
		expect(gross.totals).toMatchObject({ mapped: 233.76, gross: 233.76 });
	});

	it('passes nominal codes through unchanged when asked, and names the line of an unmapped one', () => {
		const same = mapRecord('invoiceToIntacct', INVOICE, {
			tables: { taxRate: { '20': '22000' } },
			options: { nominalCodes: 'same' },
		});
		expect((same.linesJson as Array<{ glAccountNo: string }>).map((l) => l.glAccountNo)).toEqual([
			'4000',
			'4100',
			'4000',
			'22000',
		]);
		expect(() =>
			mapRecord('invoiceToIntacct', INVOICE, {
				tables: { ...tables(), nominalCode: { '4000': '40000' } },
			}),
		).toThrow(
			'invoice INV-1001 (inv_0001) line 2: nominal code "4100" is not in the Nominal Code mapping table',
		);
		expect(() =>
			mapRecord('invoiceToIntacct', INVOICE, { tables: { ...tables(), taxRate: {} } }),
		).toThrow(
			'invoice INV-1001 (inv_0001) line 1: tax rate "20" is not in the Tax Rate mapping table',
		);
	});

	it('finds the Sage customer through Lookups › Customers, and says so when it cannot', () => {
		expect(() => mapRecord('invoiceToIntacct', INVOICE, { customers: [] })).toThrow(
			'invoice INV-1001 (inv_0001): customer cus_0001 is not in Lookups › Customers, so its Sage Customer ID is unknown',
		);
		expect(() =>
			mapRecord('invoiceToIntacct', INVOICE, {
				customers: [{ ...CUSTOMER, sage: { synced: false } }],
			}),
		).toThrow(/customer cus_0001 has no Sage Customer ID \(it is not linked to Sage yet\)/);
		expect(
			mapRecord(
				'invoiceToIntacct',
				{ ...INVOICE, customer: { sage: { sageCustomerId: 'C-9' } } },
				{ customers: [] },
			).customerId,
		).toBe('C-9');
	});

	it('refuses drafts, and lines or totals that disagree with the rounding rule', () => {
		expect(() => mapRecord('invoiceToIntacct', { ...INVOICE, status: 'draft' })).toThrow(
			'invoice INV-1001 (inv_0001) is a draft; only finalised invoices go to Sage',
		);
		const lines = structuredClone(INVOICE.lines) as Array<Record<string, unknown>>;
		lines[0].netAmount = 53.98;
		expect(() => mapRecord('invoiceToIntacct', { ...INVOICE, lines })).toThrow(
			'invoice INV-1001 (inv_0001) line 1: netAmount is 53.98 but quantity × price, less discount, plus tax gives 53.97',
		);
		expect(() => mapRecord('invoiceToIntacct', { ...INVOICE, grossTotal: 233.77 })).toThrow(
			'invoice INV-1001 (inv_0001): grossTotal is 233.77 but its lines add up to 233.76',
		);
	});

	it('takes overridden lines as given, and totals them', () => {
		const out = mapRecord('invoiceToIntacct', INVOICE, {
			overrides: {
				linesJson: '[{"glAccountNo":"4999","amount":233.76,"memo":"All"}]',
				departmentId: 'SALES',
			},
		});
		expect(out.linesJson).toEqual([{ glAccountNo: '4999', amount: 233.76, memo: 'All' }]);
		expect(out.additionalFields).toMatchObject({ departmentId: 'SALES' });
		expect(out.totals).toMatchObject({ gross: 233.76, mapped: 233.76 });
	});
});

describe('Map › Invoice → Sage 200 sales invoice', () => {
	it('maps nominal analysis with tax codes, the invoice number as reference, dates and currency', () => {
		expect(mapRecord('invoiceToSage200', INVOICE)).toEqual({
			company: '1:1',
			customerId: '27006',
			reference: 'INV-1001',
			transactionDate: '2025-05-01',
			dueDate: '2025-05-31',
			linesJson: [
				{
					nominalCode: '40000',
					taxCodeId: 1,
					net: 53.97,
					tax: 10.79,
					narrative: 'Widget (3 × 19.99 less 10%)',
					currency: 'GBP',
				},
				{
					nominalCode: '41000',
					taxCodeId: 1,
					net: 120,
					tax: 24,
					narrative: 'Support (1.5 × 80.00)',
					currency: 'GBP',
				},
				{
					nominalCode: '40000',
					taxCodeId: 2,
					net: 25,
					tax: 0,
					narrative: 'Book (2 × 12.50)',
					currency: 'GBP',
				},
			],
			secondReference: 'PO-77',
			currency: 'GBP',
			totals: { net: 198.97, tax: 34.79, gross: 233.76, mapped: 233.76, currency: 'GBP' },
			source: { type: 'invoice', id: 'inv_0001', number: 'INV-1001' },
		});
	});

	it('nets a discount line into its account when grouping, and refuses it per line', () => {
		const withDiscount = {
			...INVOICE,
			lines: [
				...(INVOICE.lines as object[]),
				{
					description: 'Loyalty',
					quantity: 1,
					unitPrice: -10,
					discountPercent: 0,
					taxRate: 20,
					nominalCode: '4100',
				},
			],
			netTotal: 188.97,
			taxTotal: 32.79,
			grossTotal: 221.76,
		};
		expect(() => mapRecord('invoiceToSage200', withDiscount)).toThrow(
			/a Sage 200 line \(Loyalty \(1 × -10.00\)\) would be negative \(-10.00\)/,
		);
		const grouped = mapRecord('invoiceToSage200', withDiscount, {
			options: { groupLines: 'byAccount' },
		});
		expect(grouped.linesJson).toEqual([
			{
				nominalCode: '40000',
				taxCodeId: 1,
				net: 53.97,
				tax: 10.79,
				narrative: 'Widget (3 × 19.99 less 10%)',
				currency: 'GBP',
			},
			{
				nominalCode: '41000',
				taxCodeId: 1,
				net: 110,
				tax: 22,
				narrative: 'Support (1.5 × 80.00); Loyalty (1 × -10.00)',
				currency: 'GBP',
			},
			{
				nominalCode: '40000',
				taxCodeId: 2,
				net: 25,
				tax: 0,
				narrative: 'Book (2 × 12.50)',
				currency: 'GBP',
			},
		]);
		expect(grouped.totals).toMatchObject({ gross: 221.76, mapped: 221.76 });
	});

	it('refuses an invoice number longer than a Sage 200 reference', () => {
		expect(() =>
			mapRecord('invoiceToSage200', { ...INVOICE, number: 'INV-'.padEnd(21, '9') }),
		).toThrow(/invoice number "INV-9+" is 21 characters; Sage 200 allows 20/);
	});
});

function tables() {
	return {
		subCompany: { sub_0001: '1:1' },
		nominalCode: { '4000': '40000', '4100': '41000' },
		taxRate: { '20': '1', '0': '2' },
	};
}
