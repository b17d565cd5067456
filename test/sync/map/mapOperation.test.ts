import { runSync } from '../helpers';
import { CUSTOMER, INVOICE, INVOICE_2 } from './fixtures';

const PAYMENT = {
	id: 'pay_0001',
	customerId: 'cus_0001',
	paymentMethodId: 'pm_0001',
	amount: 100,
	currency: 'GBP',
	date: '2025-06-02',
	reference: 'BACS-1',
	allocations: [{ invoiceId: 'inv_0001', amount: 100 }],
	source: 'layer',
};

describe('Sage Sync › Map (in the n8n engine)', () => {
	it('reads the mapping tables from the fixed collection, and lookups given as n8n items', async () => {
		const run = await runSync(
			{
				operation: 'map',
				preset: 'paymentToSage200',
				mappingsInput: 'fields',
				mappings: {
					subCompany: [{ from: 'sub_0001', to: '1:1' }],
					paymentMethod: [{ from: 'pm_0001', to: '7', glAccount: '' }],
				},
				lookups: {
					customers: JSON.stringify([{ json: CUSTOMER, pairedItem: { item: 0 } }]),
					invoices: JSON.stringify([INVOICE, INVOICE_2]),
				},
			},
			[PAYMENT, { ...PAYMENT, id: 'pay_0002', reference: 'BACS-2' }],
		);
		expect(run.error).toBeUndefined();
		expect(run.outputs).toHaveLength(1);
		expect(run.outputs[0].map((o) => [o.company, o.bankId, o.reference, o.allocateToJson])).toEqual(
			[
				['1:1', '7', 'BACS-1', [{ reference: 'INV-1001', amount: 100, currency: 'GBP' }]],
				['1:1', '7', 'BACS-2', [{ reference: 'INV-1001', amount: 100, currency: 'GBP' }]],
			],
		);
		expect(run.paired[0]).toEqual([[0], [1]]);
	});

	it('takes the tables as JSON and evaluates overrides per item', async () => {
		const run = await runSync(
			{
				operation: 'map',
				preset: 'customerToIntacct',
				mappingsInput: 'json',
				mappingsJson: '={{ { subCompany: { sub_0001: "ENTITY-UK" } } }}',
				fieldOverrides: { customerId: '={{ "L-" + $json.id }}', website: '' },
			},
			[CUSTOMER],
		);
		expect(run.error).toBeUndefined();
		expect(run.outputs[0][0]).toMatchObject({ customerId: 'L-cus_0001', sageCompany: 'ENTITY-UK' });
		expect(run.outputs[0][0].additionalFields).not.toHaveProperty('website');
	});

	it('stops on an unmapped payment method, naming the item, the record and the value', async () => {
		const run = await runSync(
			{
				operation: 'map',
				preset: 'paymentToIntacct',
				mappingsInput: 'json',
				mappingsJson: JSON.stringify({ paymentMethod: { pm_0001: 'BARCLAYS' } }),
				lookups: { customers: JSON.stringify([CUSTOMER]), invoices: JSON.stringify([INVOICE]) },
			},
			[PAYMENT, { ...PAYMENT, id: 'pay_0002', reference: 'CARD-2', paymentMethodId: 'pm_card' }],
		);
		expect(run.error?.message).toBe(
			'Item 1: payment CARD-2 (pay_0002): payment method "pm_card" is not in the Payment Method mapping table',
		);
		expect((run.error as { description?: string }).description).toMatch(
			/Add a Payment Method row mapping "pm_card"/,
		);
	});

	it('with Continue On Fail, outputs the error for that item and maps the rest', async () => {
		const run = await runSync(
			{
				operation: 'map',
				preset: 'paymentToIntacct',
				mappingsInput: 'json',
				mappingsJson: JSON.stringify({ paymentMethod: { pm_0001: 'BARCLAYS' } }),
				lookups: { customers: JSON.stringify([CUSTOMER]), invoices: JSON.stringify([INVOICE]) },
			},
			[{ ...PAYMENT, paymentMethodId: 'pm_card' }, PAYMENT],
			{ continueOnFail: true },
		);
		expect(run.outputs[0][0].error).toMatch(
			/payment method "pm_card" is not in the Payment Method mapping table/,
		);
		expect(run.outputs[0][1]).toMatchObject({ bankAccountId: 'BARCLAYS', reference: 'BACS-1' });
	});

	it('refuses a mapping table that maps one value twice', async () => {
		const run = await runSync(
			{
				operation: 'map',
				preset: 'customerToSage200',
				mappings: {
					subCompany: [
						{ from: 'sub_0001', to: '1:1' },
						{ from: 'SUB_0001', to: '1:2' },
					],
				},
			},
			[CUSTOMER],
		);
		expect(run.error?.message).toMatch(
			/mappings.subCompany" maps "SUB_0001" twice \(to "1:1" and "1:2"\)/,
		);
	});

	it('shows Sage Company and the preset’s options for receipts, and reads them', async () => {
		const run = await runSync(
			{
				operation: 'map',
				preset: 'sage200ReceiptToLayer',
				sageCompany: 'Brightwater UK',
				options: { baseCurrency: 'EUR' },
			},
			[
				{
					id: 27107,
					customer_id: 27006,
					trader_transaction_type: 'TradingAccountEntryTypePurchasePaymentSalesReceipt',
					reference: 'PAY-555',
					transaction_date: '2024-05-10T00:00:00',
					document_gross_value: -120,
				},
			],
		);
		expect(run.error).toBeUndefined();
		expect(run.outputs[0][0]).toMatchObject({
			sageSystem: 'sage200',
			sageCompany: 'Brightwater UK',
			sageTransactionId: '27107',
			amount: 120,
			additionalFields: { currency: 'EUR', reference: 'PAY-555', sageCustomerId: '27006' },
			allocationsJson: [],
		});
	});

	it('groups invoice lines when the option is set', async () => {
		const run = await runSync(
			{
				operation: 'map',
				preset: 'invoiceToSage200',
				mappingsInput: 'json',
				mappingsJson: JSON.stringify({
					subCompany: { '*': '1:1' },
					taxRate: { '20': '1', '0': '2' },
				}),
				lookups: { customers: JSON.stringify([CUSTOMER]) },
				options: { groupLines: 'byAccount', nominalCodes: 'same' },
			},
			[INVOICE],
		);
		expect(run.error).toBeUndefined();
		expect(
			(run.outputs[0][0].linesJson as Array<{ nominalCode: string; net: number }>).map((l) => [
				l.nominalCode,
				l.net,
			]),
		).toEqual([
			['4000', 53.97],
			['4100', 120],
			['4000', 25],
		]);
	});
});
