import { formatMoney, parseMoney, sumMoney, type MinorUnits } from '../../../../shared/money';
import { amountOf, decimal } from '../../../core/amounts';
import { asList, firstText, text } from '../../../core/records';
import { SyncError } from '../../../core/syncError';
import type { PresetField, Scope } from '../preset';
import type { MappingRow } from '../tables';
import { field } from './common';

export interface InvoiceAllocation {
	invoiceNumber: string;
	minor: MinorUnits;
}

/** A payment's or credit note's allocations, with each invoice's number (as Sage knows it). */
export function allocationsOf(scope: Scope): InvoiceAllocation[] {
	return asList(scope.record.allocations).map((a, n) => {
		const needer = `${scope.label} allocation ${n + 1}`;
		return {
			invoiceNumber:
				firstText(a.invoiceNumber) || scope.ctx.lookups.invoiceNumber(text(a.invoiceId), needer),
			minor: parseMoney(a.amount, `${needer} amount`, { allowZero: false }),
		};
	});
}

export function amountOfRecord(scope: Scope): MinorUnits {
	return parseMoney(scope.record.amount, `${scope.label} amount`, { allowZero: false });
}

export function bankRow(scope: Scope): MappingRow {
	return scope.ctx.tables.lookup('paymentMethod', text(scope.record.paymentMethodId), scope.label);
}

/** Payments created by reconciling a Sage receipt are already in Sage; sending one back would double it. */
export function refuseFromSage(scope: Scope): void {
	if (text(scope.record.source) === 'sage')
		throw new SyncError(
			`${scope.label} came from Sage (source "sage"); it is already there`,
			'Filter payments with source "layer" before this node',
		);
}

export function amountField(): PresetField {
	return field(
		'amount',
		'Amount',
		"the record's amount",
		(scope) => decimal(amountOfRecord(scope)),
		'number',
	);
}

/** Sum of a JSON list's `amount`s (possibly overridden), exact. */
export function listTotal(list: unknown, label: string): MinorUnits {
	return sumMoney(asList(list).map((a, n) => amountOf(a.amount, `${label} ${n + 1} amount`)));
}

export function checkNotOverAllocated(
	scope: Scope,
	allocated: MinorUnits,
	amount: MinorUnits,
): void {
	if (allocated > amount)
		throw new SyncError(
			`${scope.label}: allocations total ${formatMoney(allocated)}, more than its ${formatMoney(amount)}`,
			'Fix the allocations in The Layer',
		);
}
