import type { IDataObject } from 'n8n-workflow';

import { decimal } from '../../../core/amounts';
import { text } from '../../../core/records';
import { SyncError } from '../../../core/syncError';
import { compact, type Preset } from '../preset';
import { currencyField, dateField, field, layerLabel, sageCustomerField } from './common';
import { amountOfRecord, bankRow } from './payments';

/**
 * Layer refund → Intacct: a debit memo (AR Adjustment, type debit) whose one line credits the
 * bank's GL account (the Payment Method table's GL Account column): Intacct's "negative receipt".
 */
export const refundToIntacct: Preset = {
	value: 'refundToIntacct',
	name: 'Refund → Intacct AR Adjustment (Debit Memo)',
	description: 'A debit memo against the bank GL account of the payment method',
	options: [],
	label: (record) => layerLabel('refund', record),
	fields: [
		sageCustomerField(),
		field('adjustmentNo', 'Adjustment Number', "the refund's number", (scope) =>
			text(scope.record.number),
		),
		dateField('date', 'Date', 'date'),
		currencyField(),
		field(
			'glAccountNo',
			'Bank GL Account',
			"the Payment Method table's GL Account for the refund's payment method",
			(scope) => {
				const row = bankRow(scope);
				if (!row.glAccount)
					throw new SyncError(
						`${scope.label}: the Payment Method row for "${row.from}" has no GL Account`,
						'Fill in the GL Account column of that row (the bank’s GL account in Intacct)',
					);
				return row.glAccount;
			},
		),
		field('description', 'Description', '"Refund" with its number and reference', (scope) =>
			['Refund', text(scope.record.number), text(scope.record.reference)].filter(Boolean).join(' '),
		),
		field(
			'linesJson',
			'Lines (JSON)',
			'one line: the bank GL account and the refund amount',
			(scope) => [
				{
					glAccountNo: scope.text('glAccountNo'),
					amount: decimal(amountOfRecord(scope)),
					memo: scope.text('description'),
					currency: scope.text('currency'),
				},
			],
			'json',
		),
	],
	output(scope): IDataObject {
		return {
			customerId: scope.text('customerId'),
			adjustmentNo: scope.text('adjustmentNo'),
			date: scope.text('date'),
			adjustmentType: 'debit',
			linesInput: 'json',
			linesJson: scope.get('linesJson'),
			additionalFields: compact({
				currency: scope.text('currency'),
				description: scope.text('description'),
			}),
			totals: { amount: decimal(amountOfRecord(scope)), currency: scope.text('currency') },
			source: { type: 'refund', id: text(scope.record.id), number: text(scope.record.number) },
		};
	},
};
