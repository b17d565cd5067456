import type { IDataObject } from 'n8n-workflow';

import { text } from '../../../core/records';
import { SyncError } from '../../../core/syncError';
import { sage200Lines } from '../lines';
import type { Preset, Scope } from '../preset';
import {
	currencyField,
	dateField,
	documentTotals,
	field,
	layerLabel,
	linesOf,
	sage200CompanyField,
	sageCustomerField,
} from './common';
import { refuseDraft } from './invoiceToIntacct';

/** Sage 200 transaction references are at most 20 characters; never truncated. */
export function sage200Reference(scope: Scope, value: string, what: string): string {
	if (!value) throw new SyncError(`${scope.label} has no ${what}`, `Set the ${what} in The Layer`);
	if (value.length > 20)
		throw new SyncError(
			`${scope.label}: ${what} "${value}" is ${value.length} characters; Sage 200 allows 20`,
			'Override Reference with a shorter value',
		);
	return value;
}

/**
 * Layer invoice → Sage 200 sales invoice (Sage 200 › Sales Invoice › Create): the invoice number
 * as reference, nominal analysis with tax codes (Tax Rate table), quantity/price/discount in the
 * narrative.
 */
export const invoiceToSage200: Preset = {
	value: 'invoiceToSage200',
	name: 'Invoice → Sage 200 Sales Invoice',
	description: 'Nominal analysis with tax codes; invoice number as reference, dates, currency',
	options: ['groupLines', 'nominalCodes'],
	label: (record) => layerLabel('invoice', record),
	fields: [
		sage200CompanyField(),
		sageCustomerField(),
		field('reference', 'Reference', "the invoice's number (at most 20 characters)", (scope) => {
			refuseDraft(scope);
			return sage200Reference(scope, text(scope.record.number), 'invoice number');
		}),
		field('secondReference', 'Second Reference', "the invoice's reference", (scope) =>
			text(scope.record.reference).slice(0, 20),
		),
		dateField('transactionDate', 'Transaction Date', 'issueDate'),
		dateField('dueDate', 'Due Date', 'dueDate'),
		currencyField(),
		field(
			'linesJson',
			'Lines (JSON)',
			'one line per Layer line: nominal code, tax code for its rate, net, tax, narrative',
			(scope) => sage200Lines(scope, linesOf(scope), scope.text('currency')),
			'json',
		),
	],
	output(scope): IDataObject {
		const linesJson = scope.get('linesJson');
		return {
			company: scope.text('company'),
			customerId: scope.text('customerId'),
			reference: scope.text('reference'),
			transactionDate: scope.text('transactionDate'),
			dueDate: scope.text('dueDate'),
			linesJson,
			secondReference: scope.text('secondReference'),
			currency: scope.text('currency'),
			totals: documentTotals(
				scope,
				linesOf(scope),
				linesJson,
				['net', 'tax'],
				scope.text('currency'),
			),
			source: { type: 'invoice', id: text(scope.record.id), number: text(scope.record.number) },
		};
	},
};
