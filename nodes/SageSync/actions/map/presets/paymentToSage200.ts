import type { IDataObject } from 'n8n-workflow';

import { decimal } from '../../../core/amounts';
import { text } from '../../../core/records';
import type { Preset } from '../preset';
import {
	currencyField,
	dateField,
	field,
	layerLabel,
	sage200CompanyField,
	sageCustomerField,
} from './common';
import { sage200Reference } from './invoiceToSage200';
import {
	allocationsOf,
	amountField,
	amountOfRecord,
	bankRow,
	checkNotOverAllocated,
	listTotal,
	refuseFromSage,
} from './payments';

/**
 * Layer payment → Sage 200 sales receipt (Sage 200 › Sales Receipt › Create), plus what Sage 200 ›
 * Allocation › Create needs to allocate it to its invoices (`creditReference`, `allocateToJson`).
 */
export const paymentToSage200: Preset = {
	value: 'paymentToSage200',
	name: 'Payment → Sage 200 Sales Receipt',
	description: 'Bank from the payment method; allocations to its invoices by reference',
	options: [],
	label: (record) => layerLabel('payment', record, 'reference'),
	fields: [
		sage200CompanyField(),
		sageCustomerField(),
		field(
			'bankId',
			'Bank ID',
			"the Payment Method table's bank account",
			(scope) => bankRow(scope).to,
		),
		amountField(),
		dateField('transactionDate', 'Transaction Date', 'date'),
		field('reference', 'Reference', "the payment's reference (at most 20 characters)", (scope) =>
			sage200Reference(scope, text(scope.record.reference), 'reference'),
		),
		field(
			'secondReference',
			'Second Reference',
			'the number of the first invoice it pays',
			(scope) => allocationsOf(scope)[0]?.invoiceNumber.slice(0, 20) ?? '',
		),
		currencyField(),
		field(
			'allocateToJson',
			'Allocate To (JSON)',
			'the allocations: [{reference: invoice number, amount}]',
			(scope) =>
				allocationsOf(scope).map((a) => ({
					reference: a.invoiceNumber,
					amount: decimal(a.minor),
					currency: scope.text('currency'),
				})),
			'json',
		),
	],
	output(scope): IDataObject {
		refuseFromSage(scope);
		const amount = amountOfRecord(scope);
		const allocateToJson = scope.get('allocateToJson');
		const allocated = listTotal(allocateToJson, `${scope.label} allocation`);
		checkNotOverAllocated(scope, allocated, amount);
		const currency = scope.text('currency');
		return {
			company: scope.text('company'),
			customerId: scope.text('customerId'),
			bankId: scope.text('bankId'),
			amount: scope.get('amount'),
			transactionDate: scope.text('transactionDate'),
			reference: scope.text('reference'),
			secondReference: scope.text('secondReference'),
			currency,
			creditReference: scope.text('reference'),
			allocateToJson,
			totals: {
				amount: decimal(amount),
				allocated: decimal(allocated),
				unallocated: decimal(amount - allocated),
				currency,
			},
			source: {
				type: 'payment',
				id: text(scope.record.id),
				reference: text(scope.record.reference),
			},
		};
	},
};
