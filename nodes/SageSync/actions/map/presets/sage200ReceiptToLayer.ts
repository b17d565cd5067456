import type { IDataObject } from 'n8n-workflow';

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

const RECEIPT = 'TradingAccountEntryTypePurchasePaymentSalesReceipt';

/**
 * Sage 200 record ids are per company, so two companies can both have posted transaction 27100.
 * Where the company is known as "siteId:companyId", the id The Layer stores is "companyId/id".
 */
export function qualifiedSage200Id(company: string, id: string): string {
	const match = /^[^:]+:(\d+)$/.exec(company.trim());
	return match ? `${match[1]}/${id}` : id;
}
const REFUND = 'TradingAccountEntryTypePurchaseReceiptSalesPayment';

/**
 * The invoices a posted receipt was allocated to: the record's own `allocations`
 * ({invoiceNumber | reference, amount}) when a workflow prepared them, else the invoice entries of
 * its allocation session. Sage stores receipts negative, so amounts are taken as magnitudes.
 */
function sage200Allocations(scope: Scope): ReceiptAllocation[] {
	const prepared = asList(scope.record.allocations);
	const entries = prepared.length
		? prepared.map((a) => ({ reference: firstText(a.invoiceNumber, a.reference), value: a.amount }))
		: asList(scope.record.allocation_session_items)
				.filter((a) => text(a.trader_transaction_type).includes('Invoice'))
				.map((a) => ({ reference: text(a.reference), value: a.allocation_value ?? a.value }));
	return entries
		.map((e, n) => ({
			invoiceNumber: e.reference,
			minor: Math.abs(amountOf(e.value, `${scope.label} allocation ${n + 1} amount`)),
		}))
		.filter((a) => a.minor !== 0);
}

/** Sage 200 sales posted transaction (receipt or sales payment) → The Layer › Sage Transaction › Create. */
export const sage200ReceiptToLayer: Preset = {
	value: 'sage200ReceiptToLayer',
	name: 'Sage 200 Receipt → Layer Sage Transaction',
	description:
		'A receipt (or refund) read from Sage 200 posted transactions, for The Layer to reconcile',
	options: ['sageCompany', 'baseCurrency'],
	label: (record) => `Sage 200 transaction ${firstText(record.urn, record.id) || '(no ID)'}`,
	fields: [
		field(
			'sageTransactionId',
			'Sage Transaction ID',
			'the posted transaction id (else its URN), prefixed "companyId/" when Sage Company is a "siteId:companyId": ids repeat across Sage 200 companies',
			(scope) => {
				const id = firstText(scope.record.id, scope.record.urn);
				if (!id)
					throw new SyncError(`${scope.label} has no id`, 'Read posted transactions with id');
				return qualifiedSage200Id(scope.ctx.options.sageCompany, id);
			},
		),
		field('type', 'Type', 'receipt, or refund for a sales payment', (scope) => {
			const type = text(scope.record.trader_transaction_type);
			if (!type || type === RECEIPT) return 'receipt';
			if (type === REFUND) return 'refund';
			throw new SyncError(
				`${scope.label} is a ${type}, not a receipt or refund`,
				`Filter posted transactions on trader_transaction_type ${RECEIPT}`,
			);
		}),
		field(
			'amount',
			'Amount',
			'the magnitude of document_gross_value, else the cheque value',
			(scope) =>
				decimal(
					Math.abs(
						amountOf(
							scope.record.document_gross_value ??
								scope.record.cheque_value ??
								asList(scope.record.bank_items)[0]?.cheque_value,
							`${scope.label} document_gross_value`,
						),
					),
				),
			'number',
		),
		field('date', 'Date', 'transaction_date', (scope) =>
			isoDate(scope.record.transaction_date, `${scope.label} transaction_date`),
		),
		receiptCurrencyField(['currency', 'currency_code']),
		field(
			'reference',
			'Reference',
			'reference and second_reference (which often names the invoice)',
			(scope) =>
				[text(scope.record.reference), text(scope.record.second_reference)]
					.filter(Boolean)
					.join(' '),
		),
		field('sageCustomerId', 'Sage Customer ID', 'customer_id', (scope) =>
			text(scope.record.customer_id),
		),
		field(
			'sageAccountNumber',
			'Sage Account Number',
			"the customer's reference (expanded customer, or customer_reference)",
			(scope) =>
				firstText(asObject(scope.record.customer)?.reference, scope.record.customer_reference),
		),
		layerCustomerField(),
		allocationsJsonField(sage200Allocations),
	],
	output: (scope): IDataObject => sageTransactionOutput(scope, 'sage200'),
};
