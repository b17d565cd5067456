import type { IExecuteFunctions } from 'n8n-workflow';

import { odataString, type Sage200Client } from '../transport/client';
import { TRANSACTION_TYPES } from '../transport/posting';
import { makeGet, makeGetMany } from './common';
import type { Sage200Operation, Show } from './operation';

const on = (resource: string, operation: string): Show => ({
	resource: [resource],
	operation: [operation],
});

export const site: Record<string, Sage200Operation> = {
	getAll: {
		description: [],
		async prepare(this: IExecuteFunctions) {
			return async (client: Sage200Client) => {
				const sites = await client.request<Array<Record<string, unknown>>>('GET', 'sites');
				return (Array.isArray(sites) ? sites : []).map((s) => ({
					...s,
					company: `${String(s.site_id)}:${String(s.company_id)}`,
				}));
			};
		},
	},
};

export const bank: Record<string, Sage200Operation> = {
	get: makeGet(on('bank', 'get'), 'banks', 'Bank'),
	getAll: makeGetMany(on('bank', 'getAll'), 'banks'),
};

export const nominalCode: Record<string, Sage200Operation> = {
	get: makeGet(on('nominalCode', 'get'), 'nominal_codes', 'Nominal Code'),
	getAll: makeGetMany(
		on('nominalCode', 'getAll'),
		'nominal_codes',
		[{ displayName: 'Reference', name: 'reference', type: 'string', default: '' }],
		(f) => (f.reference ? [`reference eq ${odataString(String(f.reference))}`] : []),
	),
};

export const taxCode: Record<string, Sage200Operation> = {
	get: makeGet(on('taxCode', 'get'), 'tax_codes', 'Tax Code'),
	getAll: makeGetMany(on('taxCode', 'getAll'), 'tax_codes'),
};

export const postedTransaction: Record<string, Sage200Operation> = {
	get: makeGet(on('postedTransaction', 'get'), 'sales_posted_transactions', 'Posted Transaction'),
	getAll: makeGetMany(
		on('postedTransaction', 'getAll'),
		'sales_posted_transactions',
		[
			{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '' },
			{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Credit Note', value: 'creditNote' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Receipt', value: 'receipt' },
					{ name: 'Refund (Sales Payment)', value: 'refund' },
				],
				default: 'receipt',
			},
		],
		(f) => [
			...(f.customerId ? [`customer_id eq ${Number(f.customerId)}`] : []),
			...(f.reference ? [`reference eq ${odataString(String(f.reference))}`] : []),
			...(f.type
				? [
						`trader_transaction_type eq ${odataString(TRANSACTION_TYPES[f.type as keyof typeof TRANSACTION_TYPES])}`,
					]
				: []),
		],
	),
};
