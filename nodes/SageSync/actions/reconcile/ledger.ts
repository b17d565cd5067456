import type { IDataObject } from 'n8n-workflow';

import { sumMoney, type MinorUnits } from '../../../shared/money';
import { amountOf, currencyCode } from '../../core/amounts';
import { asList, firstText, text } from '../../core/records';

export interface Invoice {
	id: string;
	number: string;
	reference: string;
	customerId: string;
	currency: string;
	/** What was outstanding when the run started, and what is left now. */
	initial: MinorUnits;
	outstanding: MinorUnits;
}

export interface CreditNote {
	id: string;
	number: string;
	customerId: string;
	invoiceId: string;
	currency: string;
	initial: MinorUnits;
	available: MinorUnits;
}

/** Invoice numbers and references compare without case or surrounding punctuation. */
export function numberKey(value: string): string {
	return value.trim().toUpperCase();
}

export function invoiceFrom(record: IDataObject, n: number): Invoice {
	const label = `invoices[${n}]`;
	const due =
		record.amountDue !== undefined && record.amountDue !== null
			? amountOf(record.amountDue, `${label}.amountDue`)
			: amountOf(record.grossTotal, `${label}.grossTotal`) -
				amountOf(record.amountPaid ?? 0, `${label}.amountPaid`);
	const open = text(record.status) !== 'draft' && due > 0;
	return {
		id: firstText(record.id, record.number),
		number: text(record.number),
		reference: text(record.reference),
		customerId: text(record.customerId),
		currency: currencyCode(record.currency, `${label}.currency`),
		initial: open ? due : 0,
		outstanding: open ? due : 0,
	};
}

export function creditNoteFrom(record: IDataObject, n: number): CreditNote {
	const label = `creditNotes[${n}]`;
	const allocated = sumMoney(
		asList(record.allocations).map((a, i) =>
			amountOf(a.amount, `${label}.allocations[${i}].amount`),
		),
	);
	const available = Math.max(0, amountOf(record.grossTotal, `${label}.grossTotal`) - allocated);
	return {
		id: text(record.id),
		number: text(record.number),
		customerId: text(record.customerId),
		invoiceId: text(record.invoiceId),
		currency: currencyCode(record.currency, `${label}.currency`),
		initial: available,
		available,
	};
}

/**
 * The open invoices and unapplied credit notes, updated as receipts are matched so that two
 * receipts in one run can never take the same outstanding money twice.
 */
export class Ledger {
	readonly invoices: Invoice[];
	private readonly byKey = new Map<string, Invoice[]>();
	private readonly byCustomer = new Map<string, Invoice[]>();
	private readonly creditsByInvoice = new Map<string, CreditNote[]>();

	constructor(invoices: Invoice[], credits: CreditNote[]) {
		this.invoices = invoices;
		for (const invoice of invoices) {
			const own = this.byCustomer.get(invoice.customerId) ?? [];
			own.push(invoice);
			this.byCustomer.set(invoice.customerId, own);
			for (const key of new Set([numberKey(invoice.number), numberKey(invoice.reference)])) {
				if (key) this.byKey.set(key, [...(this.byKey.get(key) ?? []), invoice]);
			}
		}
		for (const credit of credits) {
			if (!credit.invoiceId || credit.available <= 0) continue;
			const list = this.creditsByInvoice.get(credit.invoiceId) ?? [];
			list.push(credit);
			this.creditsByInvoice.set(credit.invoiceId, list);
		}
	}

	/** Invoices whose number (or reference) is `value`. */
	byNumber(value: string): Invoice[] {
		return this.byKey.get(numberKey(value)) ?? [];
	}

	openFor(customerId: string, currency: string): Invoice[] {
		return (this.byCustomer.get(customerId) ?? []).filter(
			(i) => i.currency === currency && i.outstanding > 0,
		);
	}

	/** Unapplied credit notes raised against the invoice, in its currency. */
	creditsFor(invoice: Invoice): CreditNote[] {
		return (this.creditsByInvoice.get(invoice.id) ?? []).filter(
			(c) => c.available > 0 && c.currency === invoice.currency,
		);
	}

	creditAvailable(invoice: Invoice): MinorUnits {
		return sumMoney(this.creditsFor(invoice).map((c) => c.available));
	}
}
