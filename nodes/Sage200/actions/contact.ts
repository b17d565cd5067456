import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../shared/fieldError';
import type { Sage200Client } from '../transport/client';
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

const show = (operation: string): Show => ({
	resource: ['customerContact'],
	operation: [operation],
});

const FIELDS: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
	{ displayName: 'Mobile', name: 'mobile', type: 'string', default: '' },
	{ displayName: 'Telephone', name: 'telephone', type: 'string', default: '' },
	{ displayName: 'Website', name: 'website', type: 'string', default: '' },
];

/** Emails, telephones, mobiles and websites are nested collections on a contact (spec §8). */
function contactBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.first_name) body.first_name = String(fields.first_name).slice(0, 60);
	if (fields.last_name) body.last_name = String(fields.last_name).slice(0, 60);
	if (fields.email) {
		const email = String(fields.email);
		if (!/^[^\s@]+@[^\s@]+$/.test(email))
			throw new FieldError('email', `"${email}" is not an e-mail address`, 'Use name@domain');
		body.emails = [{ email, is_default: true }];
	}
	if (fields.telephone)
		body.telephones = [{ subscriber_number: String(fields.telephone), is_default: true }];
	if (fields.mobile)
		body.mobiles = [{ subscriber_number: String(fields.mobile), is_default: true }];
	if (fields.website) body.websites = [{ website: String(fields.website), is_default: true }];
	return body;
}

const create: Sage200Operation = {
	description: [
		customerLocator(show('create')),
		{
			displayName: 'Contact Fields',
			name: 'contactFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show('create') },
			options: FIELDS,
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const company = readCompany(this, i);
		const customerId = numericId(text(this, 'customerId', i, true, 'customer'), 'customer');
		const body = contactBody(collection(this, 'contactFields', i));
		if (!body.first_name && !body.last_name)
			throw new FieldError(
				'contactFields.first_name',
				'or last_name is required',
				'Give the contact a name',
			);
		return async (client: Sage200Client) => {
			// Contacts have no reference: the same name on the same customer counts as already there.
			const existing = await client.request<IDataObject[]>(
				'GET',
				`customers/${customerId}/customer_contacts`,
				{ company },
			);
			const same = (Array.isArray(existing) ? existing : []).find(
				(c) =>
					(c.first_name ?? '') === (body.first_name ?? '') &&
					(c.last_name ?? '') === (body.last_name ?? ''),
			);
			if (same) return [{ ...same, outcome: 'alreadyExists' }];
			return [
				{
					...(await client.request('POST', `customers/${customerId}/customer_contacts`, {
						body,
						company,
					})),
					outcome: 'created',
				},
			];
		};
	},
};

const update: Sage200Operation = {
	description: [
		{
			displayName: 'Contact ID',
			name: 'id',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: show('update') },
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show('update') },
			options: FIELDS.filter((f) => f.name === 'first_name' || f.name === 'last_name'),
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const company = readCompany(this, i);
		const id = numericId(text(this, 'id', i, true), 'id');
		const body = contactBody(collection(this, 'updateFields', i));
		if (Object.keys(body).length === 0)
			throw new FieldError('updateFields', 'is empty', 'Add at least one field to change');
		return async (client: Sage200Client) => [
			await client.request('PUT', `customer_contacts/${id}`, { body, company, idempotent: true }),
		];
	},
};

const remove: Sage200Operation = {
	description: [
		{
			displayName: 'Contact ID',
			name: 'id',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: show('delete') },
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const company = readCompany(this, i);
		const id = numericId(text(this, 'id', i, true), 'id');
		return async (client: Sage200Client) => {
			await client.request('DELETE', `customer_contacts/${id}`, { company, idempotent: true });
			return [{ id, deleted: true }];
		};
	},
};

export const customerContact: Record<string, Sage200Operation> = {
	create,
	get: makeGet(show('get'), 'customer_contacts', 'Contact'),
	getAll: makeGetMany(
		{ resource: ['customerContact'], operation: ['getAll'] },
		(ctx, i) =>
			`customers/${numericId(text(ctx, 'customerId', i, true, 'customer'), 'customer')}/customer_contacts`,
	),
	update,
	delete: remove,
};

/** Get Many for contacts is per customer. */
customerContact.getAll.description.unshift(customerLocator(show('getAll')));
