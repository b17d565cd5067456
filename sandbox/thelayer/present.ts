import { toAmount, totalsOf } from './decimal';
import { amountDue } from './ledger';
import type { LayerStore } from './store';
import { byModifiedThenId } from './store';
import type {
	Allocation,
	CollectionName,
	Collections,
	Contact,
	CreditNote,
	Customer,
	Invoice,
	Line,
	Payment,
	Refund,
	SageTransaction,
	Stamped,
} from './types';

/** The API projection of each stored record: money as JSON numbers, derived totals added. */

function stampsLast<T extends Stamped>(record: T): Record<string, unknown> {
	const { id, createdAt, modifiedAt, ...rest } = record;
	return { id, ...rest, createdAt, modifiedAt };
}

function allocations(list: readonly Allocation[]): Array<{ invoiceId: string; amount: number }> {
	return list.map((a) => ({ invoiceId: a.invoiceId, amount: toAmount(a.amount) }));
}

function lines(list: readonly Line[]): unknown[] {
	return list.map((l) => ({
		...l,
		unitPrice: toAmount(l.unitPrice),
		netAmount: toAmount(l.netAmount),
		taxAmount: toAmount(l.taxAmount),
		grossAmount: toAmount(l.grossAmount),
	}));
}

function totals(list: readonly Line[]): Record<string, number> {
	const t = totalsOf(list);
	return {
		netTotal: toAmount(t.netTotal),
		taxTotal: toAmount(t.taxTotal),
		grossTotal: toAmount(t.grossTotal),
	};
}

export function presentContact(contact: Contact): unknown {
	return stampsLast(contact);
}

export function contactsOf(store: LayerStore, customerId: string): Contact[] {
	return store
		.all('contacts')
		.filter((c) => c.customerId === customerId)
		.sort(byModifiedThenId);
}

export function presentCustomer(store: LayerStore, customer: Customer): unknown {
	const { sage, createdAt, modifiedAt, ...rest } = stampsLast(customer) as unknown as Customer;
	return {
		...rest,
		creditLimit: toAmount(customer.creditLimit),
		balance: toAmount(customer.balance),
		contacts: contactsOf(store, customer.id).map(presentContact),
		sage,
		createdAt,
		modifiedAt,
	};
}

export function presentInvoice(invoice: Invoice): unknown {
	const { amountPaid, sage, createdAt, modifiedAt, ...rest } = stampsLast(
		invoice,
	) as unknown as Invoice;
	return {
		...rest,
		lines: lines(invoice.lines),
		...totals(invoice.lines),
		amountPaid: toAmount(amountPaid),
		amountDue: toAmount(amountDue(invoice)),
		sage,
		createdAt,
		modifiedAt,
	};
}

export function presentPayment(payment: Payment): unknown {
	return {
		...stampsLast(payment),
		amount: toAmount(payment.amount),
		allocations: allocations(payment.allocations),
	};
}

export function presentCreditNote(note: CreditNote): unknown {
	const { sage, createdAt, modifiedAt, ...rest } = stampsLast(note) as unknown as CreditNote;
	return {
		...rest,
		lines: lines(note.lines),
		...totals(note.lines),
		allocations: allocations(note.allocations),
		sage,
		createdAt,
		modifiedAt,
	};
}

export function presentRefund(refund: Refund): unknown {
	return { ...stampsLast(refund), amount: toAmount(refund.amount) };
}

export function presentSageTransaction(tx: SageTransaction): unknown {
	return {
		...stampsLast(tx),
		amount: toAmount(tx.amount),
		allocations: tx.allocations.map((a) => ({
			invoiceNumber: a.invoiceNumber,
			amount: toAmount(a.amount),
		})),
		reconciliations: allocations(tx.reconciliations),
	};
}

type Presenters = {
	[C in CollectionName]: (store: LayerStore, record: Collections[C]) => unknown;
};

/** One presenter per collection (GET /__sandbox/records/:collection uses these too). */
export const PRESENTERS: Presenters = {
	'sub-companies': (_store, r) => stampsLast(r),
	'payment-methods': (_store, r) => stampsLast(r),
	'nominal-codes': (_store, r) => stampsLast(r),
	customers: presentCustomer,
	contacts: (_store, r) => presentContact(r),
	invoices: (_store, r) => presentInvoice(r),
	payments: (_store, r) => presentPayment(r),
	'credit-notes': (_store, r) => presentCreditNote(r),
	refunds: (_store, r) => presentRefund(r),
	'sage-transactions': (_store, r) => presentSageTransaction(r),
};
