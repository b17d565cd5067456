import type { IDataObject } from 'n8n-workflow';

import { parseCalendarDate, toIsoDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { currencyCode, decimal } from '../../../core/amounts';
import { asList, asObject, firstText, text } from '../../../core/records';
import { SyncError } from '../../../core/syncError';
import { layerLines, mappedTotal, totalsOf, type LayerLine } from '../lines';
import type { PresetField, Scope } from '../preset';

/** `invoice INV-1001`, `payment PAY-9 (pay_0001)`: how errors name a Layer record. */
export function layerLabel(kind: string, record: IDataObject, numberKey = 'number'): string {
	const number = text(record[numberKey]);
	const id = text(record.id);
	if (number && id && number !== id) return `${kind} ${number} (${id})`;
	return `${kind} ${number || id || '(no ID)'}`;
}

export function field(
	name: string,
	displayName: string,
	rule: string,
	value: PresetField['value'],
	type?: PresetField['type'],
): PresetField {
	return { name, displayName, rule, value, type };
}

/** The customer of a transaction: embedded as `customer`, or found in Lookups › Customers. */
export function customerOf(scope: Scope): IDataObject | undefined {
	return (
		asObject(scope.record.customer) ?? scope.ctx.lookups.customer(text(scope.record.customerId))
	);
}

export function primaryContact(customer: IDataObject): IDataObject {
	const contacts = asList(customer.contacts);
	return contacts.find((c) => c.isPrimary === true) ?? contacts[0] ?? {};
}

/** The Sage customer a transaction posts to: the record's own, else its customer's Sage link. */
export function sageCustomerField(): PresetField {
	return field(
		'customerId',
		'Customer ID (in Sage)',
		"the customer's Sage link (Sage Customer ID), from the record's `customer` or Lookups › Customers",
		(scope) => {
			const customer = customerOf(scope);
			const id = firstText(scope.record.sageCustomerId, asObject(customer?.sage)?.sageCustomerId);
			if (id) return id;
			const customerId = text(scope.record.customerId);
			throw new SyncError(
				customer
					? `${scope.label}: customer ${customerId} has no Sage Customer ID (it is not linked to Sage yet)`
					: `${scope.label}: customer ${customerId} is not in Lookups › Customers, so its Sage Customer ID is unknown`,
				customer
					? 'Sync or link the customer first (Match Customers, or the customer upload)'
					: 'Pass the customers under Lookups › Customers, e.g. {{ $("Get customers").all() }}',
			);
		},
	);
}

/** The record's sub-company: its own, its customer's, or its first allocated invoice's. */
export function subCompanyOf(scope: Scope): string {
	const firstInvoice = asList(scope.record.allocations)[0];
	return firstText(
		scope.record.subCompanyId,
		customerOf(scope)?.subCompanyId,
		scope.ctx.lookups.invoice(text(scope.record.invoiceId))?.subCompanyId,
		firstInvoice ? scope.ctx.lookups.invoice(text(firstInvoice.invoiceId))?.subCompanyId : '',
	);
}

/** Sage 200 company ("siteId:companyId"), always through the Sub-Company table. */
export function sage200CompanyField(): PresetField {
	return field(
		'company',
		'Company (Sage 200)',
		"the Sub-Company table's value for the record's sub-company",
		(scope) => scope.ctx.tables.lookup('subCompany', subCompanyOf(scope), scope.label).to,
	);
}

/** Intacct location/entity: through the Sub-Company table when it has rows, else none. */
export function intacctLocationField(name = 'locationId'): PresetField {
	return field(
		name,
		'Location ID (Intacct)',
		"the Sub-Company table's value for the record's sub-company; empty when that table has no rows",
		(scope) =>
			scope.ctx.tables.hasRows('subCompany')
				? scope.ctx.tables.lookup('subCompany', subCompanyOf(scope), scope.label).to
				: '',
	);
}

export function currencyField(): PresetField {
	return field('currency', 'Currency', "the record's currency", (scope) =>
		currencyCode(scope.record.currency ?? customerOf(scope)?.currency, `${scope.label} currency`),
	);
}

export function dateField(name: string, displayName: string, source: string): PresetField {
	return field(name, displayName, `the record's ${source}`, (scope) =>
		isoDate(scope.record[source], `${scope.label} ${source}`),
	);
}

export function isoDate(value: unknown, label: string): string {
	return toIsoDate(parseCalendarDate(value, label));
}

/** The record's lines, checked against the rounding rule (computed once per record). */
export function linesOf(scope: Scope): LayerLine[] {
	return layerLines(scope.record, scope.label);
}

/**
 * Source and mapped totals side by side. Unless the lines were overridden, a mapped total that
 * differs from the source's gross total is a bug, and stops the item.
 */
export function documentTotals(
	scope: Scope,
	lines: LayerLine[],
	mapped: unknown,
	keys: string[],
	currency: string,
): IDataObject {
	const source = totalsOf(lines);
	const total = mappedTotal(mapped, keys, scope.label);
	if (total !== source.gross && !scope.isOverridden('linesJson'))
		throw new SyncError(
			`${scope.label}: mapped lines total ${formatMoney(total)}, the document ${formatMoney(source.gross)}`,
			'Report this: the mapping must never change a total',
		);
	return {
		net: decimal(source.net),
		tax: decimal(source.tax),
		gross: decimal(source.gross),
		mapped: decimal(total),
		currency,
	};
}
