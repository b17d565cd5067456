import type { IDataObject } from 'n8n-workflow';

import { formatMoney, sumMoney, type MinorUnits } from '../../../../shared/money';
import { amountOf, currencyCode, decimal } from '../../../core/amounts';
import { asObject, firstText, text } from '../../../core/records';
import { SyncError } from '../../../core/syncError';
import type { PresetField, Scope } from '../preset';
import { field } from './common';

export interface ReceiptAllocation {
	invoiceNumber: string;
	minor: MinorUnits;
}

export function sageCompanyOf(scope: Scope): string {
	const company = scope.ctx.options.sageCompany.trim();
	if (!company)
		throw new SyncError(
			`${scope.label}: Sage Company is empty`,
			'Set Sage Company to the company name The Layer knows the Sage company by',
		);
	return company;
}

export function receiptCurrencyField(sourceKeys: string[]): PresetField {
	return field(
		'currency',
		'Currency',
		`the receipt's ${sourceKeys.join(' / ')}, else Options › Base Currency`,
		(scope) =>
			currencyCode(
				firstText(...sourceKeys.map((k) => scope.record[k]), scope.ctx.options.baseCurrency),
				`${scope.label} currency`,
			),
	);
}

/**
 * The Layer customer whose Sage link names this Sage customer (in this Sage company, when the link
 * names one); '' unless exactly one does, so The Layer can still match it from the Sage IDs.
 */
export function layerCustomerField(): PresetField {
	return field(
		'customerId',
		'Customer ID (in The Layer)',
		'the one customer in Lookups › Customers whose Sage link names this Sage customer; else empty (The Layer matches it)',
		(scope) => {
			const company = scope.ctx.options.sageCompany.trim().toLowerCase();
			const ids = [scope.text('sageCustomerId'), scope.text('sageAccountNumber')].filter(Boolean);
			const linked = scope.ctx.lookups.customerList.filter((c) => {
				const link = asObject(c.sage) ?? {};
				const linkCompany = text(link.sageCompany).toLowerCase();
				if (linkCompany && company && linkCompany !== company) return false;
				return ids.some(
					(id) => id === text(link.sageCustomerId) || id === text(link.sageAccountNumber),
				);
			});
			return linked.length === 1 ? text(linked[0].id) : '';
		},
	);
}

export function allocationsJsonField(read: (scope: Scope) => ReceiptAllocation[]): PresetField {
	return field(
		'allocationsJson',
		'Allocations (JSON)',
		'what Sage allocated it to: [{invoiceNumber, amount}]; empty when unallocated',
		(scope) =>
			read(scope).map((a) => ({
				invoiceNumber: a.invoiceNumber,
				amount: decimal(a.minor),
				currency: scope.text('currency'),
			})),
		'json',
	);
}

/** The Layer › Sage Transaction › Create parameters, shared by both Sage systems. */
export function sageTransactionOutput(
	scope: Scope,
	sageSystem: 'intacct' | 'sage200',
): IDataObject {
	const amount = amountOf(scope.get('amount'), `${scope.label} amount`);
	if (amount <= 0)
		throw new SyncError(
			`${scope.label}: amount ${formatMoney(amount)} is not positive`,
			'Check the receipt in Sage',
		);
	const allocationsJson = scope.get('allocationsJson');
	const list = Array.isArray(allocationsJson) ? (allocationsJson as IDataObject[]) : [];
	const allocated = sumMoney(
		list.map((a, n) => amountOf(a.amount, `${scope.label} allocation ${n + 1} amount`)),
	);
	if (allocated > amount)
		throw new SyncError(
			`${scope.label}: allocations total ${formatMoney(allocated)}, more than the ${formatMoney(amount)} received`,
			'Check the allocations in Sage',
		);
	const currency = scope.text('currency');
	const additionalFields: IDataObject = { currency };
	for (const key of ['customerId', 'reference', 'sageAccountNumber', 'sageCustomerId']) {
		const value = scope.text(key);
		if (value) additionalFields[key] = value;
	}
	return {
		sageSystem,
		sageCompany: sageCompanyOf(scope),
		sageTransactionId: scope.text('sageTransactionId'),
		type: scope.text('type'),
		amount: decimal(amount),
		date: scope.text('date'),
		additionalFields,
		allocationsJson,
		totals: {
			amount: decimal(amount),
			allocated: decimal(allocated),
			unallocated: decimal(amount - allocated),
			currency,
		},
		source: { type: `${sageSystem}Receipt`, id: scope.text('sageTransactionId') },
	};
}
