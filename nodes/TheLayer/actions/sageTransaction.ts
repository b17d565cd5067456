import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../shared/fieldError';
import { ApiHttpError } from '../../shared/jsonTransport';
import { settle } from '../../shared/settle';
import type { TheLayerClient } from '../transport/client';
import { paths } from '../transport/contract';
import { compact, createOnce, currency, isoDate, makeGet, makeGetMany, money, str } from './common';
import type { LayerOperation, Show } from './operation';
import { readJsonArray } from '../../shared/jsonInput';

const on = (operation: string): Show => ({ resource: ['sageTransaction'], operation: [operation] });

const create: LayerOperation = {
	description: [
		{
			displayName: 'Sage System',
			name: 'sageSystem',
			type: 'options',
			options: [
				{ name: 'Sage 200', value: 'sage200' },
				{ name: 'Sage Intacct', value: 'intacct' },
			],
			default: 'sage200',
			displayOptions: { show: on('create') },
		},
		{
			displayName: 'Sage Company',
			name: 'sageCompany',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('create') },
		},
		{
			displayName: 'Sage Transaction ID',
			name: 'sageTransactionId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('create') },
			description:
				'The receipt’s ID in Sage. Unique: a re-run returns the transaction already recorded.',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Receipt', value: 'receipt' },
				{ name: 'Refund', value: 'refund' },
			],
			default: 'receipt',
			displayOptions: { show: on('create') },
		},
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			required: true,
			default: 0,
			displayOptions: { show: on('create') },
		},
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show: on('create') },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: on('create') },
			options: [
				{ displayName: 'Currency', name: 'currency', type: 'string', default: 'GBP' },
				{
					displayName: 'Customer ID',
					name: 'customerId',
					type: 'string',
					default: '',
					description: 'The Layer customer, when known',
				},
				{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
				{
					displayName: 'Sage Account Number',
					name: 'sageAccountNumber',
					type: 'string',
					default: '',
				},
				{ displayName: 'Sage Customer ID', name: 'sageCustomerId', type: 'string', default: '' },
			],
		},
		{
			displayName: 'Allocations (JSON)',
			name: 'allocationsJson',
			type: 'json',
			default: '[]',
			displayOptions: { show: on('create') },
			description:
				'What Sage allocated it to: [{"invoiceNumber":"INV-1001","amount":120}]. Empty = unallocated.',
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const sageSystem = str(this, 'sageSystem', i, true);
		const sageCompany = str(this, 'sageCompany', i, true);
		const sageTransactionId = str(this, 'sageTransactionId', i, true);
		const allocations = readJsonArray(this, 'allocationsJson', i, '[]').map((a, n) => {
			const entry = (a ?? {}) as IDataObject;
			if (!entry.invoiceNumber)
				throw new FieldError(`allocations[${n}].invoiceNumber`, 'is required', 'Name the invoice');
			return {
				invoiceNumber: String(entry.invoiceNumber),
				amount: money(entry.amount, `allocations[${n}].amount`),
			};
		});
		const body = compact({
			sageSystem,
			sageCompany,
			sageTransactionId,
			type: str(this, 'type', i, true),
			amount: money(this.getNodeParameter('amount', i, 0), 'amount'),
			date: isoDate(this.getNodeParameter('date', i, ''), 'date'),
			currency: currency(extra.currency) ?? 'GBP',
			customerId: extra.customerId,
			sageCustomerId: extra.sageCustomerId,
			sageAccountNumber: extra.sageAccountNumber,
			reference: extra.reference,
		});
		body.allocations = allocations;
		return async (client: TheLayerClient) => {
			return [
				await createOnce(client, paths.sageTransactions, body, { sageTransactionId, sageSystem }),
			];
		};
	},
};

const reconcile: LayerOperation = {
	description: [
		{
			displayName: 'Sage Transaction ID (in The Layer)',
			name: 'id',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('reconcile') },
			placeholder: 'stx_0001',
		},
		{
			displayName: 'Allocations (JSON)',
			name: 'reconcileJson',
			type: 'json',
			required: true,
			default: '[]',
			displayOptions: { show: on('reconcile') },
			description:
				'Layer invoices and amounts: [{"invoiceId":"inv_0001","amount":120}], e.g. the matched output of the Sage Sync node',
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const id = str(this, 'id', i, true);
		const allocations = readJsonArray(this, 'reconcileJson', i, '[]').map((a, n) => {
			const entry = (a ?? {}) as IDataObject;
			if (!entry.invoiceId)
				throw new FieldError(
					`allocations[${n}].invoiceId`,
					'is required',
					'Name the Layer invoice',
				);
			return {
				invoiceId: String(entry.invoiceId),
				amount: money(entry.amount, `allocations[${n}].amount`),
			};
		});
		if (allocations.length === 0)
			throw new FieldError(
				'reconcileJson',
				'is empty',
				'Give at least one invoice to reconcile against',
			);
		return async (client: TheLayerClient) => {
			const current = await client.request('GET', paths.record(paths.sageTransactions, id));
			if (current.reconciled === true) return [{ ...current, outcome: 'alreadyReconciled' }];
			const done = await settle(
				client.request('POST', paths.sageTransactionReconcile(id), {
					body: { allocations },
					idempotent: true,
				}),
			);
			if (done.ok) return [{ ...done.value, outcome: 'reconciled' }];
			// A retried reconcile whose first answer was lost: the first one did it.
			const conflict = done.error instanceof ApiHttpError && done.error.status === 409;
			const after = conflict
				? await client.request('GET', paths.record(paths.sageTransactions, id))
				: undefined;
			if (after?.reconciled === true) return [{ ...after, outcome: 'alreadyReconciled' }];
			return await Promise.reject(done.error);
		};
	},
};

const reconciledFilter: INodeProperties = {
	displayName: 'Reconciled',
	name: 'reconciled',
	type: 'boolean',
	default: false,
	description: 'Whether to list reconciled (true) or unreconciled (false) transactions',
};

export const sageTransaction: Record<string, LayerOperation> = {
	create,
	get: makeGet(on('get'), paths.sageTransactions, 'Sage Transaction'),
	getAll: makeGetMany(on('getAll'), paths.sageTransactions, [
		{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '' },
		reconciledFilter,
		{ displayName: 'Sage Transaction ID', name: 'sageTransactionId', type: 'string', default: '' },
	]),
	reconcile,
};
