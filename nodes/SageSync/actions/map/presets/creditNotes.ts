import { text } from '../../../core/records';
import type { PresetField } from '../preset';
import { field } from './common';

/** The number of the invoice a credit note credits ('' when it credits none). */
export function creditedInvoiceField(name: string, displayName: string, max?: number): PresetField {
	return field(
		name,
		displayName,
		'the number of the invoice it credits (from Lookups › Invoices); empty when none',
		(scope) => {
			const invoiceId = text(scope.record.invoiceId);
			if (!invoiceId) return '';
			const number = scope.ctx.lookups.invoiceNumber(invoiceId, scope.label);
			return max ? number.slice(0, max) : number;
		},
	);
}
