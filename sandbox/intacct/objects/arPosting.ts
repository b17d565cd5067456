import type { IntacctContext } from '../context';
import { errors, fail } from '../errors';
import {
	applyToReceivable,
	consumeCredit,
	customerOrFail,
	findCreditMemo,
	findReceivable,
} from './arLedger';
import type { Row, StoredRecord } from './types';

/**
 * Posting an AR receipt (ARPYMT), shared by the generic `<create><ARPYMT>` and the legacy
 * create_arpayment: funding rules, detail lines, application to invoices, debit and credit memos.
 */

/** [DOC-pay] lists these; its own examples also use `Check`. */
export const PAYMENT_METHODS = [
	'Printed Check',
	'Check',
	'Cash',
	'EFT',
	'Credit Card',
	'Online Charge Card',
	'Online ACH Debit',
] as const;

export interface PaymentDetail {
	recordKey?: string;
	posAdjKey?: string;
	paymentAmount?: number;
	adjustmentKey?: string;
	adjustmentAmount?: number;
}

export interface PaymentSpec {
	customerId?: string;
	paymentMethod?: string;
	receiptDate: string;
	paymentDate?: string;
	financialEntity?: string;
	prBatch?: string;
	undepositedAccountNo?: string;
	docNumber?: string;
	description?: string;
	currency?: string;
	draft: boolean;
	/** Legacy `paymentamount`; generic payments total their detail lines. */
	amount?: number;
	details: PaymentDetail[];
}

const present = (v: string | undefined): v is string => v !== undefined && v !== '';

function checkFunding(ctx: IntacctContext, spec: PaymentSpec): void {
	if (present(spec.financialEntity)) {
		if (!ctx.store.findOne('CHECKINGACCOUNT', 'BANKACCOUNTID', spec.financialEntity)) {
			fail(errors.invalidReference('Bank Account', spec.financialEntity));
		}
	}
	if (present(spec.undepositedAccountNo)) {
		if (!ctx.store.findOne('GLACCOUNT', 'ACCOUNTNO', spec.undepositedAccountNo)) {
			fail(errors.invalidReference('Undeposited Funds Account', spec.undepositedAccountNo));
		}
	}
	const funded = [spec.financialEntity, spec.prBatch, spec.undepositedAccountNo].some(present);
	if (!funded && ctx.config.paymentSummary === 'user') fail(errors.paymentBatchKey());
}

/** Validates and applies one detail line; returns the stored line row. */
function applyDetail(
	ctx: IntacctContext,
	spec: PaymentSpec,
	customerId: string,
	d: PaymentDetail,
): Row {
	if (present(d.recordKey) && present(d.posAdjKey)) {
		fail(errors.businessRule('Use either RECORDKEY or POSADJKEY on a payment detail, not both.'));
	}
	const key = d.recordKey ?? d.posAdjKey;
	if (!present(key)) fail(errors.requiredField('RECORDKEY', 'ARPYMTDETAIL'));
	const target = findReceivable(
		ctx,
		key,
		customerId,
		present(d.recordKey) ? 'invoice' : 'debitMemo',
	);
	const pay = d.paymentAmount ?? 0;
	const credit = d.adjustmentAmount ?? 0;
	if (pay < 0 || credit < 0 || pay + credit <= 0) {
		fail(
			errors.businessRule(
				'A payment detail needs a TRX_PAYMENTAMOUNT or TRX_ADJUSTMENTAMOUNT greater than zero.',
			),
		);
	}
	if (credit > 0 && !present(d.adjustmentKey))
		fail(errors.requiredField('ADJUSTMENTKEY', 'ARPYMTDETAIL'));
	const memo = present(d.adjustmentKey)
		? findCreditMemo(ctx, d.adjustmentKey, customerId)
		: undefined;
	applyToReceivable(ctx, target, pay + credit, spec.paymentDate ?? spec.receiptDate);
	if (memo && credit > 0) consumeCredit(ctx, memo.recordNo, credit);
	return {
		RECORDNO: ctx.store.nextNumber('PRENTRY'),
		RECORDKEY: present(d.recordKey) ? Number(d.recordKey) : undefined,
		POSADJKEY: present(d.posAdjKey) ? Number(d.posAdjKey) : undefined,
		TRX_PAYMENTAMOUNT: pay,
		ADJUSTMENTKEY: memo?.recordNo,
		TRX_ADJUSTMENTAMOUNT: memo ? credit : undefined,
	};
}

/**
 * Posts a receipt (generic ARPYMT create and legacy create_arpayment). Draft payments are
 * validated as if applied, then the applications are rolled back: they apply nothing.
 */
export function postPayment(ctx: IntacctContext, spec: PaymentSpec): StoredRecord {
	const customer = customerOrFail(ctx, spec.customerId);
	const customerId = customer.values.CUSTOMERID as string;
	if (!present(spec.paymentMethod)) fail(errors.requiredField('PAYMENTMETHOD', 'ARPYMT'));
	if (!PAYMENT_METHODS.includes(spec.paymentMethod as (typeof PAYMENT_METHODS)[number])) {
		fail(
			errors.invalidValue(
				'PAYMENTMETHOD',
				spec.paymentMethod,
				'ARPYMT',
				PAYMENT_METHODS.join(', '),
			),
		);
	}
	checkFunding(ctx, spec);
	const mark = ctx.store.mark();
	const lines = spec.details.map((d) => applyDetail(ctx, spec, customerId, d));
	if (spec.draft) ctx.store.rollbackTo(mark);
	const applied = lines.reduce((sum, l) => sum + (l.TRX_PAYMENTAMOUNT as number), 0);
	const amount = spec.amount ?? applied;
	if (amount <= 0) fail(errors.businessRule('The payment amount must be greater than zero.'));
	if (applied > amount) {
		fail(errors.businessRule('The amounts applied to invoices exceed the payment amount.'));
	}
	return ctx.store.insert(
		'ARPYMT',
		{
			CUSTOMERID: customerId,
			CUSTOMERNAME: customer.values.NAME,
			PAYMENTMETHOD: spec.paymentMethod,
			RECEIPTDATE: spec.receiptDate,
			PAYMENTDATE: spec.paymentDate ?? spec.receiptDate,
			FINANCIALENTITY: spec.financialEntity,
			PRBATCH: spec.prBatch,
			UNDEPOSITEDACCOUNTNO: spec.undepositedAccountNo,
			DOCNUMBER: spec.docNumber,
			DESCRIPTION: spec.description,
			CURRENCY: spec.currency || (customer.values.CURRENCY as string) || 'GBP',
			TOTALENTERED: amount,
			TOTALPAID: spec.draft ? 0 : applied,
			TOTALDUE: spec.draft ? amount : amount - applied,
			STATE: spec.draft ? 'Draft' : 'Posted',
		},
		lines.map((l, i) => ({ ...l, LINE_NO: i + 1 })),
	);
}
