import type { IDataObject } from 'n8n-workflow';

import { decimal } from '../../../core/amounts';
import { text } from '../../../core/records';
import { sage200Lines } from '../lines';
import type { Preset } from '../preset';
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
import { creditedInvoiceField } from './creditNotes';
import { sage200Reference } from './invoiceToSage200';
import { allocationsOf } from './payments';

/**
 * Layer credit note → Sage 200 sales credit note (Sage 200 › Sales Credit Note › Create), plus its
 * allocations for Sage 200 › Allocation › Create.
 */
export const creditNoteToSage200: Preset = {
	value: 'creditNoteToSage200',
	name: 'Credit Note → Sage 200 Sales Credit Note',
	description: 'Nominal analysis with tax codes; credited invoice as second reference',
	options: ['groupLines', 'nominalCodes'],
	label: (record) => layerLabel('credit note', record),
	fields: [
		sage200CompanyField(),
		sageCustomerField(),
		field('reference', 'Reference', "the credit note's number (at most 20 characters)", (scope) =>
			sage200Reference(scope, text(scope.record.number), 'credit note number'),
		),
		creditedInvoiceField('secondReference', 'Second Reference', 20),
		dateField('transactionDate', 'Transaction Date', 'issueDate'),
		currencyField(),
		field(
			'linesJson',
			'Lines (JSON)',
			'one line per Layer line: nominal code, tax code for its rate, net, tax, narrative',
			(scope) => sage200Lines(scope, linesOf(scope), scope.text('currency')),
			'json',
		),
		field(
			'allocateToJson',
			'Allocate To (JSON)',
			'its allocations: [{reference: invoice number, amount}]',
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
		const linesJson = scope.get('linesJson');
		return {
			company: scope.text('company'),
			customerId: scope.text('customerId'),
			reference: scope.text('reference'),
			transactionDate: scope.text('transactionDate'),
			linesJson,
			secondReference: scope.text('secondReference'),
			currency: scope.text('currency'),
			creditReference: scope.text('reference'),
			allocateToJson: scope.get('allocateToJson'),
			totals: documentTotals(
				scope,
				linesOf(scope),
				linesJson,
				['net', 'tax'],
				scope.text('currency'),
			),
			source: { type: 'creditNote', id: text(scope.record.id), number: text(scope.record.number) },
		};
	},
};
