import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../shared/fieldError';
import { formatMoney, parseMoney } from '../../shared/money';
import { odataString, type Sage200Client } from '../transport/client';
import {
	collection,
	customerLocator,
	makeGet,
	makeGetMany,
	numericId,
	readCompany,
	text,
} from './common';
import type { Sage200Operation, Show } from './operation';

const show = (operation: string): Show => ({ resource: ['customer'], operation: [operation] });

const FIELDS: INodeProperties[] = [
	{
		displayName: 'Credit Limit',
		name: 'credit_limit',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
	},
	{ displayName: 'Fax', name: 'fax_subscriber_number', type: 'string', default: '' },
	{ displayName: 'On Hold', name: 'on_hold', type: 'boolean', default: false },
	{ displayName: 'Short Name', name: 'short_name', type: 'string', default: '' },
	{ displayName: 'Telephone', name: 'telephone_subscriber_number', type: 'string', default: '' },
	{ displayName: 'VAT Number', name: 'vat_number', type: 'string', default: '' },
	{ displayName: 'Website', name: 'website', type: 'string', default: '' },
];

const LIMITS: Record<string, number> = {
	name: 60,
	short_name: 8,
	vat_number: 30,
	website: 200,
	telephone_subscriber_number: 200,
	fax_subscriber_number: 200,
};

function customerBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined) continue;
		if (key === 'credit_limit') body[key] = Number(formatMoney(parseMoney(value, 'credit_limit')));
		else if (key === 'on_hold') body[key] = Boolean(value);
		else {
			const s = String(value);
			if (LIMITS[key] && s.length > LIMITS[key])
				throw new FieldError(
					key,
					`is ${s.length} characters; Sage 200 allows ${LIMITS[key]}`,
					'Shorten it',
				);
			body[key] = s;
		}
	}
	return body;
}

/** Sage 200 references: up to 8 characters, upper case (spec §7). */
export function customerReference(value: string): string {
	const reference = value.trim().toUpperCase();
	if (!reference)
		throw new FieldError(
			'reference',
			'is required',
			'Give the customer an account reference of up to 8 characters',
		);
	if (reference.length > 8)
		throw new FieldError(
			'reference',
			`"${reference}" is ${reference.length} characters; Sage 200 allows 8`,
			'Use a shorter account reference',
		);
	return reference;
}

const create: Sage200Operation = {
	description: [
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: show('create') },
			description:
				'Account reference, up to 8 characters. Also the idempotency key: an existing customer with it is returned, not duplicated.',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: show('create') },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show('create') },
			options: FIELDS,
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const company = readCompany(this, i);
		const reference = customerReference(text(this, 'reference', i, true));
		const body = customerBody({
			name: text(this, 'name', i, true),
			...collection(this, 'additionalFields', i),
		});
		body.reference = reference;
		return async (client: Sage200Client) => {
			// No upsert endpoint: look up by reference first (spec §7, §15).
			const [existing] = await client.list(
				'customers',
				company,
				{ filter: `reference eq ${odataString(reference)}` },
				{ limit: 1 },
			);
			if (existing) return [{ ...existing, outcome: 'alreadyExists' }];
			return [
				{ ...(await client.request('POST', 'customers', { body, company })), outcome: 'created' },
			];
		};
	},
};

const update: Sage200Operation = {
	description: [
		customerLocator(show('update')),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show('update') },
			options: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }, ...FIELDS],
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const company = readCompany(this, i);
		const id = numericId(text(this, 'customerId', i, true, 'customer'), 'customer');
		const body = customerBody(collection(this, 'updateFields', i));
		if (Object.keys(body).length === 0)
			throw new FieldError('updateFields', 'is empty', 'Add at least one field to change');
		return async (client: Sage200Client) => [
			await client.request('PUT', `customers/${id}`, { body, company, idempotent: true }),
		];
	},
};

const remove: Sage200Operation = {
	description: [customerLocator(show('delete'))],
	async prepare(this: IExecuteFunctions, i: number) {
		const company = readCompany(this, i);
		const id = numericId(text(this, 'customerId', i, true, 'customer'), 'customer');
		return async (client: Sage200Client) => {
			await client.request('DELETE', `customers/${id}`, { company, idempotent: true });
			return [{ id, deleted: true }];
		};
	},
};

export const customer: Record<string, Sage200Operation> = {
	create,
	get: makeGet(show('get'), 'customers', 'Customer', customerLocator(show('get'))),
	getAll: makeGetMany(
		show('getAll'),
		'customers',
		[
			{ displayName: 'Name Contains', name: 'nameContains', type: 'string', default: '' },
			{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
		],
		(f) => [
			...(f.reference ? [`reference eq ${odataString(String(f.reference).toUpperCase())}`] : []),
			...(f.nameContains ? [`contains(name,${odataString(String(f.nameContains))})`] : []),
		],
	),
	update,
	delete: remove,
};
