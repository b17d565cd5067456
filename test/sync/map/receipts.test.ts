import { CUSTOMER, mapRecord } from './fixtures';

const INTACCT_INVOICES = [
	{ RECORDNO: '301', RECORDID: 'INV-1001' },
	{ RECORDNO: '302', RECORDID: 'INV-1002' },
];

const ARPYMT = {
	RECORDNO: '9001',
	CUSTOMERID: 'C-BRIGHT',
	PAYMENTMETHOD: 'EFT',
	RECEIPTDATE: '06/02/2025',
	DOCNUMBER: 'BACS-555',
	CURRENCY: 'GBP',
	TOTALENTERED: '300.00',
	ARPYMTDETAILS: {
		ARPYMTDETAIL: [
			{ RECORDKEY: '301', TRX_PAYMENTAMOUNT: '233.76' },
			{ RECORDKEY: '302', TRX_PAYMENTAMOUNT: '50.00' },
		],
	},
};

const linked = { ...CUSTOMER, sage: { sageCompany: 'THELAYER-DEMO', sageCustomerId: 'C-BRIGHT' } };

describe('Map › Intacct AR payment → Layer Sage transaction', () => {
	it('records the receipt with what Intacct applied it to, by invoice number', () => {
		expect(
			mapRecord('intacctReceiptToLayer', ARPYMT, {
				options: { sageCompany: 'THELAYER-DEMO' },
				invoices: INTACCT_INVOICES,
				customers: [linked],
			}),
		).toEqual({
			sageSystem: 'intacct',
			sageCompany: 'THELAYER-DEMO',
			sageTransactionId: '9001',
			type: 'receipt',
			amount: 300,
			date: '2025-06-02',
			additionalFields: {
				currency: 'GBP',
				customerId: 'cus_0001',
				reference: 'BACS-555',
				sageAccountNumber: 'C-BRIGHT',
				sageCustomerId: 'C-BRIGHT',
			},
			allocationsJson: [
				{ invoiceNumber: 'INV-1001', amount: 233.76, currency: 'GBP' },
				{ invoiceNumber: 'INV-1002', amount: 50, currency: 'GBP' },
			],
			totals: { amount: 300, allocated: 283.76, unallocated: 16.24, currency: 'GBP' },
			source: { type: 'intacctReceipt', id: '9001' },
		});
	});

	it('leaves the Layer customer to The Layer when no single link names it, and lists an unapplied receipt as unallocated', () => {
		const out = mapRecord(
			'intacctReceiptToLayer',
			{ ...ARPYMT, ARPYMTDETAILS: undefined, CURRENCY: undefined },
			{ options: { sageCompany: 'THELAYER-DEMO', baseCurrency: 'EUR' }, customers: [] },
		);
		expect(out.additionalFields).toEqual({
			currency: 'EUR',
			reference: 'BACS-555',
			sageAccountNumber: 'C-BRIGHT',
			sageCustomerId: 'C-BRIGHT',
		});
		expect(out.allocationsJson).toEqual([]);
	});

	it('names the receipt and the detail whose invoice it cannot number, and needs the Sage company', () => {
		expect(() =>
			mapRecord('intacctReceiptToLayer', ARPYMT, {
				options: { sageCompany: 'X' },
				invoices: [INTACCT_INVOICES[0]],
			}),
		).toThrow(
			'Intacct payment 9001 detail 2: invoice "302" is not in Lookups › Invoices, so its number is unknown',
		);
		expect(() =>
			mapRecord('intacctReceiptToLayer', ARPYMT, { invoices: INTACCT_INVOICES }),
		).toThrow('Intacct payment 9001: Sage Company is empty');
	});
});

const POSTED_RECEIPT = {
	id: 27107,
	urn: 59,
	customer_id: 27006,
	trader_transaction_type: 'TradingAccountEntryTypePurchasePaymentSalesReceipt',
	reference: 'PAY-555',
	second_reference: 'INV-1001',
	transaction_date: '2024-05-10T00:00:00',
	document_gross_value: -120.0,
	customer: { id: 27006, reference: 'BRIGHT01' },
	allocation_session_items: [
		{
			trader_transaction_type: 'TradingAccountEntryTypePurchasePaymentSalesReceipt',
			reference: 'PAY-555',
			allocation_value: -100,
		},
		{
			trader_transaction_type: 'TradingAccountEntryTypeInvoice',
			reference: 'INV-1001',
			allocation_value: 100,
		},
	],
};

describe('Map › Sage 200 receipt → Layer Sage transaction', () => {
	it('records the receipt (stored negative in Sage) with its allocation session’s invoices', () => {
		expect(
			mapRecord('sage200ReceiptToLayer', POSTED_RECEIPT, {
				options: { sageCompany: 'Brightwater UK' },
				customers: [CUSTOMER],
			}),
		).toEqual({
			sageSystem: 'sage200',
			sageCompany: 'Brightwater UK',
			sageTransactionId: '27107',
			type: 'receipt',
			amount: 120,
			date: '2024-05-10',
			additionalFields: {
				currency: 'GBP',
				customerId: 'cus_0001',
				reference: 'PAY-555 INV-1001',
				sageAccountNumber: 'BRIGHT01',
				sageCustomerId: '27006',
			},
			allocationsJson: [{ invoiceNumber: 'INV-1001', amount: 100, currency: 'GBP' }],
			totals: { amount: 120, allocated: 100, unallocated: 20, currency: 'GBP' },
			source: { type: 'sage200Receipt', id: '27107' },
		});
	});

	it('records a sales payment as a refund, and refuses other transaction types', () => {
		const refund = mapRecord(
			'sage200ReceiptToLayer',
			{
				...POSTED_RECEIPT,
				trader_transaction_type: 'TradingAccountEntryTypePurchaseReceiptSalesPayment',
				document_gross_value: 12,
				allocation_session_items: [],
			},
			{ options: { sageCompany: 'Brightwater UK' } },
		);
		expect(refund).toMatchObject({ type: 'refund', amount: 12, allocationsJson: [] });
		expect(() =>
			mapRecord(
				'sage200ReceiptToLayer',
				{ ...POSTED_RECEIPT, trader_transaction_type: 'TradingAccountEntryTypeInvoice' },
				{ options: { sageCompany: 'Brightwater UK' } },
			),
		).toThrow(
			'Sage 200 transaction 59 is a TradingAccountEntryTypeInvoice, not a receipt or refund',
		);
	});

	it('refuses allocations larger than the receipt', () => {
		expect(() =>
			mapRecord(
				'sage200ReceiptToLayer',
				{ ...POSTED_RECEIPT, allocations: [{ invoiceNumber: 'INV-1001', amount: 150 }] },
				{ options: { sageCompany: 'Brightwater UK' } },
			),
		).toThrow('Sage 200 transaction 59: allocations total 150.00, more than the 120.00 received');
	});
});
