import type { IDataObject } from 'n8n-workflow';

import { parseMoney } from '../../../../shared/money';
import { amountOf, decimal } from '../../../core/amounts';
import { asList, asObject, firstText, text } from '../../../core/records';
import { SyncError } from '../../../core/syncError';
import type { Preset, Scope } from '../preset';
import { field, isoDate } from './common';
import {
	allocationsJsonField,
	layerCustomerField,
	receiptCurrencyField,
	sageTransactionOutput,
	type ReceiptAllocation,
} from './receipts';

function details(record: IDataObject): IDataObject[] {
	const holder = record.ARPYMTDETAILS;
	return asList(asObject(holder)?.ARPYMTDETAIL ?? holder);
}

/** ARPYMTDETAILs with money applied; RECORDKEY → invoice number through Lookups › Invoices. */
function intacctAllocations(scope: Scope): ReceiptAllocation[] {
	return details(scope.record)
		.map((d, n) => ({ d, n }))
		.filter(({ d }) => amountOf(d.TRX_PAYMENTAMOUNT ?? 0, 'TRX_PAYMENTAMOUNT') !== 0)
		.map(({ d, n }) => {
			const needer = `${scope.label} detail ${n + 1}`;
			return {
				invoiceNumber:
					firstText(d.RECORDID, d.INVOICENO) ||
					scope.ctx.lookups.invoiceNumber(text(d.RECORDKEY), needer),
				minor: parseMoney(d.TRX_PAYMENTAMOUNT, `${needer} TRX_PAYMENTAMOUNT`),
			};
		});
}

/** Intacct AR payment (ARPYMT, as read back) → The Layer › Sage Transaction › Create. */
export const intacctReceiptToLayer: Preset = {
	value: 'intacctReceiptToLayer',
	name: 'Intacct AR Payment → Layer Sage Transaction',
	description:
		'A receipt read from Intacct, with what it was applied to, for The Layer to reconcile',
	options: ['sageCompany', 'baseCurrency'],
	label: (record) =>
		`Intacct payment ${firstText(record.RECORDNO, record.DOCNUMBER) || '(no RECORDNO)'}`,
	fields: [
		field('sageTransactionId', 'Sage Transaction ID', 'RECORDNO', (scope) => {
			const id = text(scope.record.RECORDNO);
			if (!id) throw new SyncError(`${scope.label} has no RECORDNO`, 'Read payments with RECORDNO');
			return id;
		}),
		field('type', 'Type', 'receipt', () => 'receipt'),
		field(
			'amount',
			'Amount',
			'TOTALENTERED, else the sum of its details',
			(scope) => {
				const total = scope.record.TOTALENTERED;
				if (total !== undefined && total !== null && total !== '')
					return decimal(Math.abs(amountOf(total, `${scope.label} TOTALENTERED`)));
				return decimal(intacctAllocations(scope).reduce((sum, a) => sum + a.minor, 0));
			},
			'number',
		),
		field('date', 'Date', 'RECEIPTDATE, else PAYMENTDATE', (scope) =>
			isoDate(scope.record.RECEIPTDATE ?? scope.record.PAYMENTDATE, `${scope.label} RECEIPTDATE`),
		),
		receiptCurrencyField(['CURRENCY']),
		field('reference', 'Reference', 'DOCNUMBER', (scope) => text(scope.record.DOCNUMBER)),
		field('sageCustomerId', 'Sage Customer ID', 'CUSTOMERID', (scope) =>
			text(scope.record.CUSTOMERID),
		),
		field('sageAccountNumber', 'Sage Account Number', 'CUSTOMERID', (scope) =>
			text(scope.record.CUSTOMERID),
		),
		layerCustomerField(),
		allocationsJsonField(intacctAllocations),
	],
	output: (scope) => sageTransactionOutput(scope, 'intacct'),
};
