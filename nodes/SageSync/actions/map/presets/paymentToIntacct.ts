import type { IDataObject } from 'n8n-workflow';

import { formatMoney } from '../../../../shared/money';
import { decimal } from '../../../core/amounts';
import { text } from '../../../core/records';
import { SyncError } from '../../../core/syncError';
import type { Preset } from '../preset';
import { currencyField, dateField, field, layerLabel, sageCustomerField } from './common';
import { allocationsOf, amountOfRecord, bankRow, listTotal, refuseFromSage } from './payments';

/**
 * Layer payment → Intacct AR payment (Sage Intacct › AR Payment › Create, Apply To "From JSON",
 * invoices by number). The bank account comes from the Payment Method table. The node records only
 * applied amounts, so a payment that is not fully allocated is an error rather than money lost.
 */
export const paymentToIntacct: Preset = {
	value: 'paymentToIntacct',
	name: 'Payment → Intacct AR Payment',
	description: 'Bank account from the payment method; applied to its invoices by number',
	options: [],
	label: (record) => layerLabel('payment', record, 'reference'),
	fields: [
		sageCustomerField(),
		field(
			'bankAccountId',
			'Bank Account ID',
			"the Payment Method table's bank account",
			(scope) => bankRow(scope).to,
		),
		field('paymentMethod', 'Payment Method (Intacct)', 'EFT', () => 'EFT'),
		dateField('receiptDate', 'Receipt Date', 'date'),
		field('reference', 'Reference', "the payment's reference", (scope) =>
			text(scope.record.reference),
		),
		currencyField(),
		field(
			'applyToJson',
			'Apply To (JSON)',
			'the allocations: [{invoice: invoice number, amount}]',
			(scope) =>
				allocationsOf(scope).map((a) => ({
					invoice: a.invoiceNumber,
					amount: decimal(a.minor),
					currency: scope.text('currency'),
				})),
			'json',
		),
	],
	output(scope): IDataObject {
		refuseFromSage(scope);
		const amount = amountOfRecord(scope);
		const applyToJson = scope.get('applyToJson');
		const allocated = listTotal(applyToJson, `${scope.label} apply-to`);
		if (allocated !== amount)
			throw new SyncError(
				`${scope.label}: ${formatMoney(amount)} received but ${formatMoney(allocated)} allocated; an Intacct AR payment records applied amounts only`,
				'Allocate the whole payment in The Layer (or override Apply To) before sending it to Intacct',
			);
		return {
			customerId: scope.text('customerId'),
			bankAccountId: scope.text('bankAccountId'),
			paymentMethod: scope.text('paymentMethod'),
			receiptDate: scope.text('receiptDate'),
			reference: scope.text('reference'),
			invoiceKey: 'number',
			applyInput: 'json',
			applyToJson,
			additionalFields: { currency: scope.text('currency') },
			totals: {
				amount: decimal(amount),
				allocated: decimal(allocated),
				currency: scope.text('currency'),
			},
			source: {
				type: 'payment',
				id: text(scope.record.id),
				reference: text(scope.record.reference),
			},
		};
	},
};
