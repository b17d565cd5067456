import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../shared/fieldError';
import type { TheLayerClient } from '../transport/client';
import { paths } from '../transport/contract';
import {
	collection,
	compact,
	createOnce,
	currency,
	isoDate,
	makeGet,
	makeGetMany,
	makeSageSync,
	money,
	str,
} from './common';
import { customerLocator } from './customer';
import { lineProperties, readLayerLines } from './lines';
import type { LayerOperation, Show } from './operation';
import { readJsonArray } from '../../shared/jsonInput';

const on = (resource: string, operation: string): Show => ({
	resource: [resource],
	operation: [operation],
});

const paymentMethod = (show: Show): INodeProperties => ({
	displayName: 'Payment Method Name or ID',
	name: 'paymentMethodId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPaymentMethods' },
	required: true,
	default: '',
	displayOptions: { show },
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
});

const allocationsProperty = (show: Show): INodeProperties => ({
	displayName: 'Allocations (JSON)',
	name: 'allocationsJson',
	type: 'json',
	default: '[]',
	displayOptions: { show },
	description: 'Invoices this money is allocated to: [{"invoiceId":"inv_0001","amount":120}]',
});

function readAllocations(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const raw = readJsonArray(ctx, 'allocationsJson', i, '[{"invoiceId":"inv_0001","amount":120}]');
	return raw.map((a, n) => {
		const entry = (a ?? {}) as IDataObject;
		if (!entry.invoiceId)
			throw new FieldError(
				`allocations[${n}].invoiceId`,
				'is required',
				'Name the invoice the money goes to',
			);
		return {
			invoiceId: String(entry.invoiceId),
			amount: money(entry.amount, `allocations[${n}].amount`),
		};
	});
}

// ---- invoice -------------------------------------------------------------------------------

const invoiceCreate: LayerOperation = {
	description: [
		customerLocator(on('invoice', 'create')),
		{
			displayName: 'Invoice Number',
			name: 'number',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('invoice', 'create') },
			description: 'Unique; a re-run returns the existing invoice instead of creating another',
		},
		{
			displayName: 'Issue Date',
			name: 'issueDate',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show: on('invoice', 'create') },
		},
		{
			displayName: 'Due Date',
			name: 'dueDate',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show: on('invoice', 'create') },
		},
		...lineProperties(on('invoice', 'create')),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: on('invoice', 'create') },
			options: [
				{ displayName: 'Currency', name: 'currency', type: 'string', default: 'GBP' },
				{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: [
						{ name: 'Draft', value: 'draft' },
						{ name: 'Finalised', value: 'finalised' },
					],
					default: 'draft',
				},
				{ displayName: 'Sub-Company ID', name: 'subCompanyId', type: 'string', default: '' },
			],
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const extra = collection(this, 'additionalFields', i);
		const number = str(this, 'number', i, true);
		const body = compact({
			number,
			customerId: str(this, 'customerId', i, true, 'customer'),
			issueDate: isoDate(this.getNodeParameter('issueDate', i, ''), 'issueDate'),
			dueDate: isoDate(this.getNodeParameter('dueDate', i, ''), 'dueDate'),
			lines: readLayerLines(this, i),
			currency: currency(extra.currency),
			reference: extra.reference,
			status: extra.status,
			subCompanyId: extra.subCompanyId,
		});
		return async (client: TheLayerClient) => {
			return [await createOnce(client, paths.invoices, body, { number })];
		};
	},
};

const invoiceFinalise: LayerOperation = {
	description: [
		{
			displayName: 'Invoice ID',
			name: 'id',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('invoice', 'finalise') },
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		return async (client: TheLayerClient) => {
			return [
				await client.request('POST', paths.invoiceFinalise(str(this, 'id', i, true)), {
					idempotent: true,
				}),
			];
		};
	},
};

// ---- payment, credit note, refund -----------------------------------------------------------

const paymentCreate: LayerOperation = {
	description: [
		customerLocator(on('payment', 'create')),
		paymentMethod(on('payment', 'create')),
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			required: true,
			default: 0,
			displayOptions: { show: on('payment', 'create') },
		},
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show: on('payment', 'create') },
		},
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('payment', 'create') },
			description: 'Unique per customer; a re-run returns the existing payment',
		},
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: 'GBP',
			displayOptions: { show: on('payment', 'create') },
		},
		allocationsProperty(on('payment', 'create')),
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const customerId = str(this, 'customerId', i, true, 'customer');
		const reference = str(this, 'reference', i, true);
		const body = {
			customerId,
			paymentMethodId: str(this, 'paymentMethodId', i, true),
			amount: money(this.getNodeParameter('amount', i, 0), 'amount'),
			date: isoDate(this.getNodeParameter('date', i, ''), 'date'),
			reference,
			currency: currency(this.getNodeParameter('currency', i, 'GBP')) ?? 'GBP',
			allocations: readAllocations(this, i),
		};
		return async (client: TheLayerClient) => {
			return [await createOnce(client, paths.payments, body, { customerId, reference })];
		};
	},
};

const creditNoteCreate: LayerOperation = {
	description: [
		customerLocator(on('creditNote', 'create')),
		{
			displayName: 'Credit Note Number',
			name: 'number',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('creditNote', 'create') },
		},
		{
			displayName: 'Issue Date',
			name: 'issueDate',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show: on('creditNote', 'create') },
		},
		...lineProperties(on('creditNote', 'create')),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: on('creditNote', 'create') },
			options: [
				{ displayName: 'Currency', name: 'currency', type: 'string', default: 'GBP' },
				{ displayName: 'Invoice ID', name: 'invoiceId', type: 'string', default: '' },
				{ displayName: 'Reason', name: 'reason', type: 'string', default: '' },
			],
		},
		allocationsProperty(on('creditNote', 'create')),
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const extra = collection(this, 'additionalFields', i);
		const number = str(this, 'number', i, true);
		const body = compact({
			number,
			customerId: str(this, 'customerId', i, true, 'customer'),
			issueDate: isoDate(this.getNodeParameter('issueDate', i, ''), 'issueDate'),
			lines: readLayerLines(this, i),
			currency: currency(extra.currency),
			invoiceId: extra.invoiceId,
			reason: extra.reason,
			allocations: readAllocations(this, i),
		});
		return async (client: TheLayerClient) => {
			return [await createOnce(client, paths.creditNotes, body, { number })];
		};
	},
};

const refundCreate: LayerOperation = {
	description: [
		customerLocator(on('refund', 'create')),
		{
			displayName: 'Refund Number',
			name: 'number',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('refund', 'create') },
		},
		paymentMethod(on('refund', 'create')),
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			required: true,
			default: 0,
			displayOptions: { show: on('refund', 'create') },
		},
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show: on('refund', 'create') },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: on('refund', 'create') },
			options: [
				{ displayName: 'Credit Note ID', name: 'creditNoteId', type: 'string', default: '' },
				{ displayName: 'Currency', name: 'currency', type: 'string', default: 'GBP' },
				{ displayName: 'Payment ID', name: 'paymentId', type: 'string', default: '' },
				{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
			],
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const extra = collection(this, 'additionalFields', i);
		const number = str(this, 'number', i, true);
		const body = compact({
			number,
			customerId: str(this, 'customerId', i, true, 'customer'),
			paymentMethodId: str(this, 'paymentMethodId', i, true),
			amount: money(this.getNodeParameter('amount', i, 0), 'amount'),
			date: isoDate(this.getNodeParameter('date', i, ''), 'date'),
			currency: currency(extra.currency),
			reference: extra.reference,
			creditNoteId: extra.creditNoteId,
			paymentId: extra.paymentId,
		});
		return async (client: TheLayerClient) => {
			return [await createOnce(client, paths.refunds, body, { number })];
		};
	},
};

const synced: INodeProperties = {
	displayName: 'Synced',
	name: 'synced',
	type: 'boolean',
	default: false,
	description: 'Whether the record has been synced to Sage',
};
const customerIdFilter: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	default: '',
};

export const invoice: Record<string, LayerOperation> = {
	create: invoiceCreate,
	finalise: invoiceFinalise,
	get: makeGet(on('invoice', 'get'), paths.invoices, 'Invoice'),
	getAll: makeGetMany(on('invoice', 'getAll'), paths.invoices, [
		customerIdFilter,
		{ displayName: 'Number', name: 'number', type: 'string', default: '' },
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Draft', value: 'draft' },
				{ name: 'Finalised', value: 'finalised' },
			],
			default: 'finalised',
		},
		{ displayName: 'Sub-Company ID', name: 'subCompanyId', type: 'string', default: '' },
		synced,
	]),
	setSageSync: makeSageSync(on('invoice', 'setSageSync'), paths.invoices, 'Invoice'),
};

export const payment: Record<string, LayerOperation> = {
	create: paymentCreate,
	get: makeGet(on('payment', 'get'), paths.payments, 'Payment'),
	getAll: makeGetMany(on('payment', 'getAll'), paths.payments, [
		customerIdFilter,
		{ displayName: 'Invoice ID', name: 'invoiceId', type: 'string', default: '' },
		{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
		synced,
	]),
	setSageSync: makeSageSync(on('payment', 'setSageSync'), paths.payments, 'Payment'),
};

export const creditNote: Record<string, LayerOperation> = {
	create: creditNoteCreate,
	get: makeGet(on('creditNote', 'get'), paths.creditNotes, 'Credit Note'),
	getAll: makeGetMany(on('creditNote', 'getAll'), paths.creditNotes, [
		customerIdFilter,
		{ displayName: 'Number', name: 'number', type: 'string', default: '' },
		synced,
	]),
	setSageSync: makeSageSync(on('creditNote', 'setSageSync'), paths.creditNotes, 'Credit Note'),
};

export const refund: Record<string, LayerOperation> = {
	create: refundCreate,
	get: makeGet(on('refund', 'get'), paths.refunds, 'Refund'),
	getAll: makeGetMany(on('refund', 'getAll'), paths.refunds, [customerIdFilter, synced]),
	setSageSync: makeSageSync(on('refund', 'setSageSync'), paths.refunds, 'Refund'),
};
