import type { IDataObject } from 'n8n-workflow';

import {
	Ledger,
	creditNoteFrom,
	invoiceFrom,
} from '../../../nodes/SageSync/actions/reconcile/ledger';
import { describe as describeResult } from '../../../nodes/SageSync/actions/reconcile/lines';
import {
	reconcile,
	type Method,
	type Receipt,
} from '../../../nodes/SageSync/actions/reconcile/reconciler';

export const inv = (number: string, amountDue: number, extra: IDataObject = {}): IDataObject => ({
	id: `inv_${number}`,
	number,
	status: 'finalised',
	customerId: 'cus_1',
	currency: 'GBP',
	reference: null,
	amountDue,
	...extra,
});

export const receipt = (amount: number, extra: Partial<Receipt> = {}): Receipt => ({
	label: 'receipt',
	customerId: 'cus_1',
	currency: 'GBP',
	amount: Math.round(amount * 100),
	reference: '',
	allocations: [],
	type: 'receipt',
	reconciled: false,
	...extra,
});

export const alloc = (invoiceNumber: string, amount: number) => ({
	invoiceNumber,
	minor: Math.round(amount * 100),
});

/** Reconciles and describes each result as the node outputs it. */
export function run(
	receipts: Receipt[],
	invoices: IDataObject[],
	creditNotes: IDataObject[] = [],
	methods: Method[] = ['allocation', 'reference', 'amount'],
): IDataObject[] {
	const ledger = new Ledger(invoices.map(invoiceFrom), creditNotes.map(creditNoteFrom));
	return reconcile(receipts, ledger, methods).map((r, n) => describeResult(r, `stx_${n}`));
}
