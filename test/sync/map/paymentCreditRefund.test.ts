import { INVOICE, mapRecord } from './fixtures';

const PAYMENT = {
	id: 'pay_0001',
	customerId: 'cus_0001',
	paymentMethodId: 'pm_0001',
	amount: 300,
	currency: 'GBP',
	date: '2025-06-02',
	reference: 'BACS-555',
	allocations: [
		{ invoiceId: 'inv_0001', amount: 233.76 },
		{ invoiceId: 'inv_0002', amount: 66.24 },
	],
	source: 'layer',
};

describe('Map › Payment → Intacct AR payment', () => {
	it('takes the bank account from the payment method and applies it to its invoices by number', () => {
		expect(mapRecord('paymentToIntacct', PAYMENT)).toEqual({
			customerId: '27006',
			bankAccountId: 'BARCLAYS',
			paymentMethod: 'EFT',
			receiptDate: '2025-06-02',
			reference: 'BACS-555',
			invoiceKey: 'number',
			applyInput: 'json',
			applyToJson: [
				{ invoice: 'INV-1001', amount: 233.76, currency: 'GBP' },
				{ invoice: 'INV-1002', amount: 66.24, currency: 'GBP' },
			],
			additionalFields: { currency: 'GBP' },
			totals: { amount: 300, allocated: 300, currency: 'GBP' },
			source: { type: 'payment', id: 'pay_0001', reference: 'BACS-555' },
		});
	});

	it('names the payment and the value of an unmapped payment method', () => {
		expect(() => mapRecord('paymentToIntacct', { ...PAYMENT, paymentMethodId: 'pm_0009' })).toThrow(
			'payment BACS-555 (pay_0001): payment method "pm_0009" is not in the Payment Method mapping table',
		);
		expect(
			mapRecord(
				'paymentToIntacct',
				{ ...PAYMENT, paymentMethodId: 'pm_0009' },
				{ overrides: { bankAccountId: 'HSBC' } },
			).bankAccountId,
		).toBe('HSBC');
	});

	it('refuses a payment that is not wholly allocated, one from Sage, and an invoice it cannot number', () => {
		expect(() =>
			mapRecord('paymentToIntacct', {
				...PAYMENT,
				allocations: [{ invoiceId: 'inv_0001', amount: 233.76 }],
			}),
		).toThrow(
			'payment BACS-555 (pay_0001): 300.00 received but 233.76 allocated; an Intacct AR payment records applied amounts only',
		);
		expect(() => mapRecord('paymentToIntacct', { ...PAYMENT, source: 'sage' })).toThrow(
			/came from Sage/,
		);
		expect(() => mapRecord('paymentToIntacct', PAYMENT, { invoices: [INVOICE] })).toThrow(
			'payment BACS-555 (pay_0001) allocation 2: invoice "inv_0002" is not in Lookups › Invoices, so its number is unknown',
		);
	});
});

describe('Map › Payment → Sage 200 receipt', () => {
	it('maps the receipt and the allocation that follows it', () => {
		expect(
			mapRecord('paymentToSage200', { ...PAYMENT, paymentMethodId: 'pm_0002', amount: 350 }),
		).toEqual({
			company: '1:1',
			customerId: '27006',
			bankId: '2',
			amount: 350,
			transactionDate: '2025-06-02',
			reference: 'BACS-555',
			secondReference: 'INV-1001',
			currency: 'GBP',
			creditReference: 'BACS-555',
			allocateToJson: [
				{ reference: 'INV-1001', amount: 233.76, currency: 'GBP' },
				{ reference: 'INV-1002', amount: 66.24, currency: 'GBP' },
			],
			totals: { amount: 350, allocated: 300, unallocated: 50, currency: 'GBP' },
			source: { type: 'payment', id: 'pay_0001', reference: 'BACS-555' },
		});
	});

	it('finds the company through the first allocated invoice when the customer is not known', () => {
		const out = mapRecord(
			'paymentToSage200',
			{ ...PAYMENT, customer: { sage: { sageCustomerId: '5' } } },
			{
				customers: [],
				invoices: [
					{ ...INVOICE, subCompanyId: 'sub_0002' },
					{ id: 'inv_0002', number: 'INV-1002' },
				],
			},
		);
		expect(out).toMatchObject({ company: '1:2', customerId: '5' });
	});

	it('names the payment of an unmapped payment method', () => {
		expect(() => mapRecord('paymentToSage200', { ...PAYMENT, paymentMethodId: 'pm_cash' })).toThrow(
			'payment BACS-555 (pay_0001): payment method "pm_cash" is not in the Payment Method mapping table',
		);
	});
});

const CREDIT_NOTE = {
	id: 'crn_0001',
	number: 'CRN-2001',
	customerId: 'cus_0001',
	invoiceId: 'inv_0001',
	issueDate: '2025-05-03',
	currency: 'GBP',
	reason: 'Damaged widget',
	lines: [
		{
			description: 'Widget',
			quantity: 1,
			unitPrice: 17.99,
			discountPercent: 0,
			taxRate: 20,
			nominalCode: '4000',
		},
	],
	netTotal: 17.99,
	taxTotal: 3.6,
	grossTotal: 21.59,
	allocations: [{ invoiceId: 'inv_0001', amount: 21.59 }],
};

describe('Map › Credit note → Intacct AR adjustment / Sage 200 credit note', () => {
	it('maps an Intacct credit memo with positive lines, the credited invoice and its application', () => {
		expect(
			mapRecord('creditNoteToIntacct', CREDIT_NOTE, {
				tables: { nominalCode: { '4000': '40000' }, taxRate: { '20': '22000' } },
			}),
		).toEqual({
			customerId: '27006',
			adjustmentNo: 'CRN-2001',
			date: '2025-05-03',
			adjustmentType: 'credit',
			linesInput: 'json',
			linesJson: [
				{ glAccountNo: '40000', amount: 17.99, memo: 'Widget (1 × 17.99)', currency: 'GBP' },
				{ glAccountNo: '22000', amount: 3.6, memo: 'VAT 20%', currency: 'GBP' },
			],
			additionalFields: { currency: 'GBP', invoiceNo: 'INV-1001', description: 'Damaged widget' },
			applyInput: 'json',
			invoiceKey: 'number',
			applyToJson: [{ invoice: 'INV-1001', amount: 21.59, currency: 'GBP' }],
			totals: { net: 17.99, tax: 3.6, gross: 21.59, mapped: 21.59, currency: 'GBP' },
			source: { type: 'creditNote', id: 'crn_0001', number: 'CRN-2001' },
		});
	});

	it('maps a Sage 200 sales credit note with its allocation', () => {
		expect(
			mapRecord('creditNoteToSage200', { ...CREDIT_NOTE, subCompanyId: 'sub_0002' }),
		).toMatchObject({
			company: '1:2',
			customerId: '27006',
			reference: 'CRN-2001',
			transactionDate: '2025-05-03',
			linesJson: [
				{
					nominalCode: '40000',
					taxCodeId: 1,
					net: 17.99,
					tax: 3.6,
					narrative: 'Widget (1 × 17.99)',
					currency: 'GBP',
				},
			],
			secondReference: 'INV-1001',
			creditReference: 'CRN-2001',
			allocateToJson: [{ reference: 'INV-1001', amount: 21.59, currency: 'GBP' }],
			totals: { gross: 21.59, mapped: 21.59 },
		});
	});
});

const REFUND = {
	id: 'ref_0001',
	number: 'RFD-9',
	customerId: 'cus_0001',
	paymentMethodId: 'pm_0002',
	amount: 12,
	currency: 'GBP',
	date: '2025-05-12',
	reference: 'CRN-2001',
	creditNoteId: 'crn_0001',
};

describe('Map › Refund → Intacct debit memo / Sage 200 sales payment', () => {
	it('maps an Intacct debit memo against the bank GL account of the payment method', () => {
		expect(mapRecord('refundToIntacct', REFUND)).toEqual({
			customerId: '27006',
			adjustmentNo: 'RFD-9',
			date: '2025-05-12',
			adjustmentType: 'debit',
			linesInput: 'json',
			linesJson: [
				{ glAccountNo: '1020', amount: 12, memo: 'Refund RFD-9 CRN-2001', currency: 'GBP' },
			],
			additionalFields: { currency: 'GBP', description: 'Refund RFD-9 CRN-2001' },
			totals: { amount: 12, currency: 'GBP' },
			source: { type: 'refund', id: 'ref_0001', number: 'RFD-9' },
		});
		expect(() =>
			mapRecord('refundToIntacct', REFUND, { tables: { paymentMethod: { pm_0002: '2' } } }),
		).toThrow('refund RFD-9 (ref_0001): the Payment Method row for "pm_0002" has no GL Account');
	});

	it('maps a Sage 200 sales payment from the bank of the payment method', () => {
		expect(mapRecord('refundToSage200', REFUND)).toEqual({
			company: '1:1',
			customerId: '27006',
			bankId: '2',
			amount: 12,
			transactionDate: '2025-05-12',
			reference: 'RFD-9',
			secondReference: 'CRN-2001',
			currency: 'GBP',
			source: { type: 'refund', id: 'ref_0001', number: 'RFD-9' },
		});
		expect(() => mapRecord('refundToSage200', { ...REFUND, paymentMethodId: 'pm_x' })).toThrow(
			'refund RFD-9 (ref_0001): payment method "pm_x" is not in the Payment Method mapping table',
		);
	});
});
