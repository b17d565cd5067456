import type { IDataObject } from 'n8n-workflow';

import { sumMoney } from '../../../shared/money';
import { decimal } from '../../core/amounts';
import type { Invoice } from './ledger';
import type { Matched, Result } from './reconciler';

export interface AllocationLine {
	kind: 'receipt' | 'creditNote' | 'invoice' | 'onAccount';
	id: string;
	number: string;
	/** Minor units: credits (receipt, credit notes) negative, debits (invoices, on account) positive. */
	minor: number;
}

/**
 * The allocation as ledger lines, Sage's convention: money from the receipt and the credit notes
 * negative, money to the invoices and on account positive. They always net to exactly zero.
 */
export function allocationLines(m: Matched, receiptId: string): AllocationLine[] {
	const toInvoice = new Map<Invoice, number>();
	for (const a of m.allocations)
		toInvoice.set(a.invoice, (toInvoice.get(a.invoice) ?? 0) + a.minor);
	for (const c of m.credits) toInvoice.set(c.invoice, (toInvoice.get(c.invoice) ?? 0) + c.minor);
	const lines: AllocationLine[] = [
		{ kind: 'receipt', id: receiptId, number: '', minor: -m.amount },
		...m.credits.map((c) => ({
			kind: 'creditNote' as const,
			id: c.credit.id,
			number: c.credit.number,
			minor: -c.minor,
		})),
		...[...toInvoice].map(([invoice, minor]) => ({
			kind: 'invoice' as const,
			id: invoice.id,
			number: invoice.number,
			minor,
		})),
	];
	if (m.onAccount > 0) lines.push({ kind: 'onAccount', id: '', number: '', minor: m.onAccount });
	if (sumMoney(lines.map((l) => l.minor)) !== 0)
		throw new Error('Allocation lines do not net to zero');
	return lines;
}

const invoiceSummary = (invoice: Invoice): IDataObject => ({
	invoiceId: invoice.id,
	invoiceNumber: invoice.number,
	customerId: invoice.customerId,
	outstanding: decimal(invoice.outstanding),
	currency: invoice.currency,
});

/** The `reconciliation` object added to each receipt. */
export function describe(result: Result, receiptId: string): IDataObject {
	if (result.outcome === 'unallocated') return { outcome: 'unallocated', reason: result.reason };
	if (result.outcome === 'needsReview')
		return {
			outcome: 'needsReview',
			method: result.method ?? null,
			reason: result.reason,
			candidates: result.candidates.map(invoiceSummary),
		};
	const currency = result.currency;
	const allocated = sumMoney(result.allocations.map((a) => a.minor));
	return {
		outcome: 'matched',
		method: result.method,
		customerId: result.customerId,
		currency,
		amount: decimal(result.amount),
		allocated: decimal(allocated),
		creditApplied: decimal(sumMoney(result.credits.map((c) => c.minor))),
		onAccount: decimal(result.onAccount),
		// The Layer › Sage Transaction › Reconcile takes this list as its Allocations (JSON).
		allocations: result.allocations.map((a) => ({
			invoiceId: a.invoice.id,
			invoiceNumber: a.invoice.number,
			amount: decimal(a.minor),
			currency,
			outstandingBefore: decimal(a.before),
			outstandingAfter: decimal(a.after),
			partial: a.after > 0,
		})),
		creditNotes: result.credits.map((c) => ({
			creditNoteId: c.credit.id,
			creditNoteNumber: c.credit.number,
			invoiceId: c.invoice.id,
			invoiceNumber: c.invoice.number,
			amount: decimal(c.minor),
			currency,
		})),
		lines: allocationLines(result, receiptId).map((l) => ({
			kind: l.kind,
			id: l.id,
			number: l.number,
			amount: decimal(l.minor),
			currency,
		})),
	};
}
