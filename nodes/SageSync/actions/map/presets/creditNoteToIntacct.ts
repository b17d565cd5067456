import type { IDataObject } from 'n8n-workflow';

import { decimal } from '../../../core/amounts';
import { text } from '../../../core/records';
import { intacctLines } from '../lines';
import { compact, type Preset } from '../preset';
import {
	currencyField,
	dateField,
	documentTotals,
	field,
	intacctLocationField,
	layerLabel,
	linesOf,
	sageCustomerField,
} from './common';
import { creditedInvoiceField } from './creditNotes';
import { allocationsOf } from './payments';

/**
 * Layer credit note → Intacct AR adjustment, type credit (Sage Intacct › AR Adjustment › Create).
 * Lines are positive (the Intacct node negates credit memos). Its allocations come out as
 * `applyToJson` for AR Payment › Apply once the adjustment exists.
 */
export const creditNoteToIntacct: Preset = {
	value: 'creditNoteToIntacct',
	name: 'Credit Note → Intacct AR Adjustment',
	description: 'A credit memo with the credit note’s lines; the credited invoice as reference',
	options: ['groupLines', 'nominalCodes', 'taxHandling'],
	label: (record) => layerLabel('credit note', record),
	fields: [
		sageCustomerField(),
		field('adjustmentNo', 'Adjustment Number', "the credit note's number", (scope) =>
			text(scope.record.number),
		),
		dateField('date', 'Date', 'issueDate'),
		currencyField(),
		creditedInvoiceField('invoiceNo', 'Invoice Number'),
		field('description', 'Description', "the credit note's reason", (scope) =>
			text(scope.record.reason),
		),
		intacctLocationField(),
		field('departmentId', 'Department ID', 'none', () => ''),
		field(
			'linesJson',
			'Lines (JSON)',
			'one positive line per Layer line (net, GL account from its nominal code) plus VAT lines',
			(scope) =>
				intacctLines(scope, linesOf(scope), {
					currency: scope.text('currency'),
					locationId: scope.text('locationId'),
					departmentId: scope.text('departmentId'),
					positiveOnly: true,
				}),
			'json',
		),
		field(
			'applyToJson',
			'Apply To (JSON)',
			'its allocations: [{invoice: invoice number, amount}]',
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
		const linesJson = scope.get('linesJson');
		return {
			customerId: scope.text('customerId'),
			adjustmentNo: scope.text('adjustmentNo'),
			date: scope.text('date'),
			adjustmentType: 'credit',
			linesInput: 'json',
			linesJson,
			additionalFields: compact({
				currency: scope.text('currency'),
				invoiceNo: scope.text('invoiceNo'),
				description: scope.text('description'),
				locationId: scope.text('locationId'),
				departmentId: scope.text('departmentId'),
			}),
			applyInput: 'json',
			invoiceKey: 'number',
			applyToJson: scope.get('applyToJson'),
			totals: documentTotals(scope, linesOf(scope), linesJson, ['amount'], scope.text('currency')),
			source: { type: 'creditNote', id: text(scope.record.id), number: text(scope.record.number) },
		};
	},
};
