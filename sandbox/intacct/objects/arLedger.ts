import { formatMoney } from '../../shared/money';
import type { IntacctContext } from '../context';
import { errors, fail } from '../errors';
import type { IntacctStore } from '../store';
import type { StoredRecord } from './types';

/**
 * AR application rules shared by invoices, payments and adjustments. Invoices, adjustments and
 * payments share one RECORDNO sequence (Intacct's prrecord), so an `arpaymentkey` or `invoicekey`
 * identifies exactly one record. Amounts are integer minor units throughout.
 */
export type ArObject = 'ARINVOICE' | 'ARADJUSTMENT' | 'ARPYMT';

export const CREDIT_MEMO = 'Credit Memo';
export const DEBIT_MEMO = 'Debit Memo';

/** STATE for an AR record from what was entered and what is still due (sign-agnostic). */
export function arState(entered: number, due: number, draft: boolean): string {
	if (draft) return 'Draft';
	if (due === 0 && entered !== 0) return 'Paid';
	if (due !== entered) return 'Partially Paid';
	return 'Posted';
}

const isDraft = (record: StoredRecord) => record.values.STATE === 'Draft';

/**
 * Customer TOTALDUE: what is still due on posted invoices and debit memos. Credit memos and
 * unapplied payments only reduce it once applied (a sandbox choice; they then reduce the
 * invoices' TOTALDUE).
 */
export function customerBalances(store: IntacctStore): Map<string, number> {
	const balances = new Map<string, number>();
	const add = (record: StoredRecord) => {
		if (isDraft(record)) return;
		const id = record.values.CUSTOMERID as string;
		balances.set(id, (balances.get(id) ?? 0) + ((record.values.TOTALDUE as number) ?? 0));
	};
	for (const invoice of store.list('ARINVOICE')) add(invoice);
	for (const adjustment of store.list('ARADJUSTMENT')) {
		if (adjustment.values.ADJUSTMENTTYPE === DEBIT_MEMO) add(adjustment);
	}
	return balances;
}

export interface Receivable {
	object: 'ARINVOICE' | 'ARADJUSTMENT';
	record: StoredRecord;
}

/**
 * Finds what a payment line may pay: a posted invoice, or a posted debit memo, of the customer.
 * `kind` narrows it to one object (RECORDKEY = invoice, POSADJKEY = debit memo).
 */
export function findReceivable(
	ctx: IntacctContext,
	key: string,
	customerId: string,
	kind: 'invoice' | 'debitMemo' | 'any',
): Receivable {
	const recordNo = Number(key);
	const invoice = Number.isInteger(recordNo) ? ctx.store.get('ARINVOICE', recordNo) : undefined;
	const memo = Number.isInteger(recordNo) ? ctx.store.get('ARADJUSTMENT', recordNo) : undefined;
	let found: Receivable | undefined;
	if (invoice && kind !== 'debitMemo') found = { object: 'ARINVOICE', record: invoice };
	else if (memo && kind !== 'invoice' && memo.values.ADJUSTMENTTYPE === DEBIT_MEMO) {
		found = { object: 'ARADJUSTMENT', record: memo };
	}
	const what = kind === 'debitMemo' ? 'Debit Memo' : 'Invoice';
	if (!found) fail(errors.invalidReference(what, key));
	if (found.record.values.CUSTOMERID !== customerId) {
		fail(errors.businessRule(`${what} ${key} does not belong to customer '${customerId}'.`));
	}
	if (isDraft(found.record))
		fail(errors.businessRule(`${what} ${key} is a draft and cannot be paid.`));
	return found;
}

/** Pays `amount` off a receivable: TOTALPAID up, TOTALDUE down, STATE and WHENPAID updated. */
export function applyToReceivable(
	ctx: IntacctContext,
	target: Receivable,
	amount: number,
	paidOn: string,
): void {
	const current = ctx.store.get(target.object, target.record.recordNo)!;
	const due = current.values.TOTALDUE as number;
	if (amount <= 0) fail(errors.businessRule('The amount to apply must be greater than zero.'));
	if (amount > due) {
		fail(
			errors.businessRule(
				`The amount ${formatMoney(amount)} exceeds the amount due ${formatMoney(due)} on record ${current.recordNo}.`,
				'Amount exceeds amount due',
			),
		);
	}
	const newDue = due - amount;
	const entered = current.values.TOTALENTERED as number;
	ctx.store.update(target.object, current.recordNo, {
		TOTALPAID: ((current.values.TOTALPAID as number) ?? 0) + amount,
		TOTALDUE: newDue,
		STATE: arState(entered, newDue, false),
		...(newDue === 0 ? { WHENPAID: paidOn } : {}),
	});
}

/** Finds a posted credit memo of the customer with something left to apply. */
export function findCreditMemo(
	ctx: IntacctContext,
	key: string,
	customerId?: string,
): StoredRecord {
	const recordNo = Number(key);
	const memo = Number.isInteger(recordNo) ? ctx.store.get('ARADJUSTMENT', recordNo) : undefined;
	if (!memo || memo.values.ADJUSTMENTTYPE !== CREDIT_MEMO)
		fail(errors.invalidReference('Credit Memo', key));
	if (customerId !== undefined && memo.values.CUSTOMERID !== customerId) {
		fail(errors.businessRule(`Credit Memo ${key} does not belong to customer '${customerId}'.`));
	}
	if (isDraft(memo))
		fail(errors.businessRule(`Credit Memo ${key} is a draft and cannot be applied.`));
	return memo;
}

/** Uses up `amount` of a credit memo (its TOTALDUE is negative and moves toward zero). */
export function consumeCredit(ctx: IntacctContext, memoRecordNo: number, amount: number): void {
	const memo = ctx.store.get('ARADJUSTMENT', memoRecordNo)!;
	const available = -(memo.values.TOTALDUE as number);
	if (amount > available) {
		fail(
			errors.businessRule(
				`The amount ${formatMoney(amount)} exceeds the available credit ${formatMoney(available)} on credit memo ${memoRecordNo}.`,
				'Amount exceeds available credit',
			),
		);
	}
	const newDue = -(available - amount);
	ctx.store.update('ARADJUSTMENT', memoRecordNo, {
		TOTALPAID: ((memo.values.TOTALPAID as number) ?? 0) - amount,
		TOTALDUE: newDue || 0,
		STATE: arState(memo.values.TOTALENTERED as number, newDue, false),
	});
}

/** Whether any payment or credit has been applied to the record (then it cannot be deleted). */
export function hasApplications(record: StoredRecord): boolean {
	return ((record.values.TOTALPAID as number) ?? 0) !== 0;
}

export function customerOrFail(ctx: IntacctContext, customerId: string | undefined): StoredRecord {
	if (customerId === undefined || customerId === '')
		fail(errors.requiredField('CUSTOMERID', 'transaction'));
	const customer = ctx.store.findOne('CUSTOMER', 'CUSTOMERID', customerId);
	if (!customer) fail(errors.invalidReference('Customer', customerId));
	return customer;
}
