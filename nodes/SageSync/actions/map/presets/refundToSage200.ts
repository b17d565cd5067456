import type { IDataObject } from 'n8n-workflow';

import { firstText, text } from '../../../core/records';
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
import { amountField, bankRow } from './payments';

/** Layer refund → Sage 200 sales payment (Sage 200 › Sales Refund › Create): money paid out. */
export const refundToSage200: Preset = {
	value: 'refundToSage200',
	name: 'Refund → Sage 200 Sales Payment',
	description: 'A sales payment (refund) from the bank of the payment method',
	options: [],
	label: (record) => layerLabel('refund', record),
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
		field('reference', 'Reference', "the refund's number (at most 20 characters)", (scope) =>
			sage200Reference(scope, text(scope.record.number), 'refund number'),
		),
		field('secondReference', 'Second Reference', "the refund's reference", (scope) =>
			firstText(scope.record.reference).slice(0, 20),
		),
		currencyField(),
	],
	output(scope): IDataObject {
		return {
			company: scope.text('company'),
			customerId: scope.text('customerId'),
			bankId: scope.text('bankId'),
			amount: scope.get('amount'),
			transactionDate: scope.text('transactionDate'),
			reference: scope.text('reference'),
			secondReference: scope.text('secondReference'),
			currency: scope.text('currency'),
			source: { type: 'refund', id: text(scope.record.id), number: text(scope.record.number) },
		};
	},
};
