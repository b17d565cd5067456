import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseCalendarDate, toIsoDate } from '../../shared/dates';
import { FieldError } from '../../shared/fieldError';
import { formatMoney, parseMoney, sumMoney, type MinorUnits } from '../../shared/money';
import type { Sage200Client } from '../transport/client';
import { postOnce, type TransactionKind } from '../transport/posting';
import { customerLocator, numericId, readCompany, text } from './common';
import type { Sage200Operation, Show } from './operation';
import { readJsonArray } from '../../shared/jsonInput';

/** Sage 200 wants full datetimes; some endpoints reject a bare date (spec §5). */
function sageDate(value: unknown, field: string): string {
	return `${toIsoDate(parseCalendarDate(value, field))}T00:00:00`;
}

const money = (minor: MinorUnits) => Number(formatMoney(minor));

interface DocumentLine {
	nominalCode: string;
	taxCodeId: number;
	net: MinorUnits;
	tax: MinorUnits;
	narrative?: string;
}

function linesProperty(show: Show): INodeProperties {
	return {
		displayName: 'Lines (JSON)',
		name: 'linesJson',
		type: 'json',
		required: true,
		default: '[{"nominalCode":"4000","taxCodeId":1,"net":100,"tax":20,"narrative":""}]',
		displayOptions: { show },
		description:
			'Nominal analysis with tax: one entry per line, e.g. mapped by the Sage Sync node. Tax code IDs come from Tax Code › Get Many.',
	};
}

function readLines(ctx: IExecuteFunctions, i: number): DocumentLine[] {
	const raw = readJsonArray(
		ctx,
		'linesJson',
		i,
		'[{"nominalCode":"4000","taxCodeId":1,"net":100,"tax":20}]',
		{ nonEmpty: true },
	);
	return raw.map((entry, n) => {
		const line = (entry ?? {}) as IDataObject;
		const at = (k: string) => `lines[${n}].${k}`;
		const nominalCode = String(line.nominalCode ?? '').trim();
		if (!nominalCode)
			throw new FieldError(
				at('nominalCode'),
				'is required',
				'Use a Sage 200 nominal reference, e.g. 4000',
			);
		if (nominalCode.length > 8)
			throw new FieldError(
				at('nominalCode'),
				`"${nominalCode}" is longer than 8 characters`,
				'Sage 200 nominal references are up to 8 characters',
			);
		return {
			nominalCode,
			taxCodeId: numericId(String(line.taxCodeId ?? ''), at('taxCodeId')),
			net: parseMoney(line.net, at('net'), { allowNegative: false }),
			tax: parseMoney(line.tax ?? 0, at('tax'), { allowNegative: false }),
			narrative: line.narrative === undefined ? undefined : String(line.narrative),
		};
	});
}

/** Header totals and the tax/nominal analysis, which must add up to them (spec §9.1). */
function documentBody(lines: DocumentLine[]): IDataObject {
	const byTax = new Map<number, { goods: MinorUnits; tax: MinorUnits }>();
	for (const line of lines) {
		const entry = byTax.get(line.taxCodeId) ?? { goods: 0, tax: 0 };
		entry.goods += line.net;
		entry.tax += line.tax;
		byTax.set(line.taxCodeId, entry);
	}
	return {
		document_goods_value: money(sumMoney(lines.map((l) => l.net))),
		document_tax_value: money(sumMoney(lines.map((l) => l.tax))),
		tax_analysis_items: [...byTax].map(([id, t]) => ({
			id,
			goods_amount: money(t.goods),
			tax_amount: money(t.tax),
		})),
		nominal_analysis_items: lines.map((l) => ({
			code: l.nominalCode,
			cost_centre: '',
			department: '',
			narrative: l.narrative ?? '',
			value: money(l.net),
		})),
	};
}

function referenceProperty(show: Show, what: string): INodeProperties {
	return {
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description: `The ${what} number (up to 20 characters). Also the idempotency key: Sage 200 has none, so the posted transaction is looked up by customer, reference and type before posting.`,
	};
}

function reference(ctx: IExecuteFunctions, i: number): string {
	const value = text(ctx, 'reference', i, true);
	if (value.length > 20)
		throw new FieldError(
			'reference',
			`is ${value.length} characters; Sage 200 allows 20`,
			'Shorten it',
		);
	return value;
}

function makeDocument(
	resource: string,
	kind: TransactionKind,
	endpoint: string,
	what: string,
	hasDueDate: boolean,
): Sage200Operation {
	const show: Show = { resource: [resource], operation: ['create'] };
	return {
		description: [
			customerLocator(show),
			referenceProperty(show, what),
			{
				displayName: 'Transaction Date',
				name: 'transactionDate',
				type: 'dateTime',
				required: true,
				default: '',
				displayOptions: { show },
			},
			...(hasDueDate
				? [
						{
							displayName: 'Due Date',
							name: 'dueDate',
							type: 'dateTime' as const,
							default: '',
							displayOptions: { show },
						},
					]
				: []),
			linesProperty(show),
			{
				displayName: 'Second Reference',
				name: 'secondReference',
				type: 'string',
				default: '',
				displayOptions: { show },
			},
		],
		async prepare(this: IExecuteFunctions, i: number) {
			const company = readCompany(this, i);
			const body: IDataObject & { customer_id: number; reference: string } = {
				customer_id: numericId(text(this, 'customerId', i, true, 'customer'), 'customer'),
				reference: reference(this, i),
				transaction_date: sageDate(
					this.getNodeParameter('transactionDate', i, ''),
					'transactionDate',
				),
				...documentBody(readLines(this, i)),
			};
			const due = hasDueDate ? this.getNodeParameter('dueDate', i, '') : '';
			if (due) body.due_date = sageDate(due, 'dueDate');
			const second = text(this, 'secondReference', i);
			if (second) body.second_reference = second.slice(0, 20);
			return async (client: Sage200Client) => [
				await postOnce({ client, company }, kind, endpoint, body),
			];
		},
	};
}

function makeMoneyPosting(
	resource: string,
	kind: TransactionKind,
	endpoint: string,
	what: string,
): Sage200Operation {
	const show: Show = { resource: [resource], operation: ['create'] };
	return {
		description: [
			customerLocator(show),
			{
				displayName: 'Bank Name or ID',
				name: 'bankId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getBanks', loadOptionsDependsOn: ['company'] },
				required: true,
				default: '',
				displayOptions: { show },
				description:
					'The bank account, e.g. mapped from the Layer payment method. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				typeOptions: { numberPrecision: 2 },
				required: true,
				default: 0,
				displayOptions: { show },
			},
			{
				displayName: 'Transaction Date',
				name: 'transactionDate',
				type: 'dateTime',
				required: true,
				default: '',
				displayOptions: { show },
			},
			referenceProperty(show, what),
			{
				displayName: 'Second Reference',
				name: 'secondReference',
				type: 'string',
				default: '',
				displayOptions: { show },
			},
		],
		async prepare(this: IExecuteFunctions, i: number) {
			const company = readCompany(this, i);
			const body: IDataObject & { customer_id: number; reference: string } = {
				customer_id: numericId(text(this, 'customerId', i, true, 'customer'), 'customer'),
				bank_id: numericId(text(this, 'bankId', i, true), 'bankId'),
				cheque_value: money(
					parseMoney(this.getNodeParameter('amount', i, 0), 'amount', { allowZero: false }),
				),
				transaction_date: sageDate(
					this.getNodeParameter('transactionDate', i, ''),
					'transactionDate',
				),
				reference: reference(this, i),
			};
			const second = text(this, 'secondReference', i);
			if (second) body.second_reference = second.slice(0, 20);
			return async (client: Sage200Client) => [
				await postOnce({ client, company }, kind, endpoint, body),
			];
		},
	};
}

export const salesInvoice = {
	create: makeDocument('salesInvoice', 'invoice', 'sales_invoices', 'invoice', true),
};
export const salesCreditNote = {
	create: makeDocument('salesCreditNote', 'creditNote', 'sales_credit_notes', 'credit note', false),
};
export const salesReceipt = {
	create: makeMoneyPosting('salesReceipt', 'receipt', 'sales_receipts', 'receipt'),
};
export const salesRefund = {
	create: makeMoneyPosting('salesRefund', 'refund', 'sales_payments', 'refund'),
};
