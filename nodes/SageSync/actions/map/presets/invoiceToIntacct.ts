import type { IDataObject } from 'n8n-workflow';

import { firstText, text } from '../../../core/records';
import { SyncError } from '../../../core/syncError';
import { intacctLines } from '../lines';
import { compact, type Preset, type Scope } from '../preset';
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

export function refuseDraft(scope: Scope): void {
	if (text(scope.record.status) === 'draft')
		throw new SyncError(
			`${scope.label} is a draft; only finalised invoices go to Sage`,
			'Finalise it in The Layer, or filter drafts out before this node',
		);
}

/**
 * Layer invoice → Intacct AR invoice (Sage Intacct › AR Invoice › Create, Lines Input "From JSON").
 * Intacct lines carry an amount only, so quantity, price and discount travel in the memo; VAT goes
 * on its own lines (Tax Rate table → VAT GL account) or inside gross lines (Options › Tax Handling).
 */
export const invoiceToIntacct: Preset = {
	value: 'invoiceToIntacct',
	name: 'Invoice → Intacct AR Invoice',
	description:
		'Lines by GL account with quantity, price, discount and VAT; number, dates, currency',
	options: ['groupLines', 'nominalCodes', 'taxHandling'],
	label: (record) => layerLabel('invoice', record),
	fields: [
		sageCustomerField(),
		field('invoiceNo', 'Invoice Number', "the invoice's number", (scope) => {
			refuseDraft(scope);
			return text(scope.record.number);
		}),
		dateField('invoiceDate', 'Invoice Date', 'issueDate'),
		dateField('dueDate', 'Due Date', 'dueDate'),
		field('reference', 'Reference', "the invoice's reference, else its number", (scope) =>
			firstText(scope.record.reference, scope.record.number),
		),
		currencyField(),
		intacctLocationField(),
		field('departmentId', 'Department ID', 'none', () => ''),
		field(
			'linesJson',
			'Lines (JSON)',
			'one line per Layer line (net, GL account from its nominal code) plus VAT lines',
			(scope) =>
				intacctLines(scope, linesOf(scope), {
					currency: scope.text('currency'),
					locationId: scope.text('locationId'),
					departmentId: scope.text('departmentId'),
					positiveOnly: false,
				}),
			'json',
		),
	],
	output(scope): IDataObject {
		const invoiceNo = scope.text('invoiceNo');
		const linesJson = scope.get('linesJson');
		return {
			customerId: scope.text('customerId'),
			invoiceNo,
			invoiceDate: scope.text('invoiceDate'),
			dueDate: scope.text('dueDate'),
			linesInput: 'json',
			linesJson,
			additionalFields: compact({
				currency: scope.text('currency'),
				locationId: scope.text('locationId'),
				departmentId: scope.text('departmentId'),
				reference: scope.text('reference'),
			}),
			totals: documentTotals(scope, linesOf(scope), linesJson, ['amount'], scope.text('currency')),
			source: { type: 'invoice', id: text(scope.record.id), number: text(scope.record.number) },
		};
	},
};
