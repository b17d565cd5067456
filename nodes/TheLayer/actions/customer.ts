import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../shared/fieldError';
import type { TheLayerClient } from '../transport/client';
import { paths } from '../transport/contract';
import { collection, compact, currency, makeGet, makeGetMany, money, str } from './common';
import type { LayerOperation, Show } from './operation';

const show = (operation: string): Show => ({ resource: ['customer'], operation: [operation] });

export function customerLocator(s: Show, name = 'customerId'): INodeProperties {
	return {
		displayName: 'Customer',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: s },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCustomers', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'cus_0001' },
		],
	};
}

const subCompany: INodeProperties = {
	displayName: 'Sub-Company Name or ID',
	name: 'subCompanyId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSubCompanies' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

const customerFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'Fax', name: 'fax', type: 'string', default: '' },
	{ displayName: 'Mobile', name: 'mobile', type: 'string', default: '' },
	subCompany,
	{ displayName: 'Telephone', name: 'telephone', type: 'string', default: '' },
	{ displayName: 'VAT Number', name: 'vatNumber', type: 'string', default: '' },
	{ displayName: 'Website', name: 'website', type: 'string', default: '' },
];

function customerBody(fields: IDataObject): IDataObject {
	const body = compact({ ...fields });
	if (typeof body.email === 'string' && !/^[^\s@]+@[^\s@]+$/.test(body.email)) {
		throw new FieldError('email', `"${body.email}" is not an e-mail address`, 'Use name@domain');
	}
	return body;
}

const create: LayerOperation = {
	description: [
		{
			displayName: 'Company Name',
			name: 'companyName',
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
			options: customerFields,
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const body = customerBody({
			companyName: str(this, 'companyName', i, true),
			...collection(this, 'additionalFields', i),
		});
		return async (client: TheLayerClient) => {
			return [{ ...(await client.request('POST', paths.customers, { body })), outcome: 'created' }];
		};
	},
};

const update: LayerOperation = {
	description: [
		customerLocator(show('update')),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show('update') },
			options: [
				{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
				...customerFields,
			],
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const body = customerBody(collection(this, 'updateFields', i));
		if (Object.keys(body).length === 0)
			throw new FieldError('updateFields', 'is empty', 'Add at least one field to change');
		return async (client: TheLayerClient) => {
			return [
				await client.request(
					'PATCH',
					paths.record(paths.customers, str(this, 'customerId', i, true, 'customer')),
					{ body },
				),
			];
		};
	},
};

const LINK_FIELDS: INodeProperties[] = [
	{
		displayName: 'Last Sync Error',
		name: 'lastSyncError',
		type: 'string',
		default: '',
		description: 'Shown on the customer in The Layer; empty clears it',
	},
	{
		displayName: 'Sage Account Number',
		name: 'sageAccountNumber',
		type: 'string',
		default: '',
		description: 'Empty clears it',
	},
	{
		displayName: 'Sage Company',
		name: 'sageCompany',
		type: 'string',
		default: '',
		description: 'The Sage company name (Sage 200) or Intacct company/entity',
	},
	{
		displayName: 'Sage Customer ID',
		name: 'sageCustomerId',
		type: 'string',
		default: '',
		description: 'Empty clears it',
	},
	{
		displayName: 'Sage Site ID',
		name: 'sageSiteId',
		type: 'string',
		default: '',
		description: 'Empty clears it',
	},
	{ displayName: 'Synced', name: 'synced', type: 'boolean', default: true },
];

const getSageLink: LayerOperation = {
	description: [customerLocator(show('getSageLink'))],
	async prepare(this: IExecuteFunctions, i: number) {
		const id = str(this, 'customerId', i, true, 'customer');
		return async (client: TheLayerClient) => {
			return [{ customerId: id, ...(await client.request('GET', paths.customerSageLink(id))) }];
		};
	},
};

const setSageLink: LayerOperation = {
	description: [
		customerLocator(show('setSageLink')),
		{
			displayName: 'Link Fields',
			name: 'linkFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show('setSageLink') },
			options: LINK_FIELDS,
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const id = str(this, 'customerId', i, true, 'customer');
		const fields = collection(this, 'linkFields', i);
		if (Object.keys(fields).length === 0)
			throw new FieldError('linkFields', 'is empty', 'Add at least one link field');
		const body: IDataObject = { ...fields };
		// An empty text clears the field (a link-file row with only an account number, say).
		for (const key of ['lastSyncError', 'sageSiteId', 'sageCustomerId', 'sageAccountNumber'])
			if (key in body && body[key] === '') body[key] = null;
		if (body.synced === true) body.lastSyncedAt = new Date().toISOString();
		// A PUT of the same link twice is harmless, so it is safe to retry.
		return async (client: TheLayerClient) => {
			return [
				{ customerId: id, ...(await client.request('PUT', paths.customerSageLink(id), { body })) },
			];
		};
	},
};

const setBalances: LayerOperation = {
	description: [
		customerLocator(show('setBalances')),
		{
			displayName: 'Balance',
			name: 'balance',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
			displayOptions: { show: show('setBalances') },
		},
		{
			displayName: 'Credit Limit',
			name: 'creditLimit',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
			displayOptions: { show: show('setBalances') },
		},
		{
			displayName: 'On Hold',
			name: 'onHold',
			type: 'boolean',
			default: false,
			displayOptions: { show: show('setBalances') },
		},
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: 'GBP',
			displayOptions: { show: show('setBalances') },
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const id = str(this, 'customerId', i, true, 'customer');
		const body = {
			balance: money(this.getNodeParameter('balance', i, 0), 'balance', true, true),
			creditLimit: money(this.getNodeParameter('creditLimit', i, 0), 'creditLimit', false, true),
			onHold: this.getNodeParameter('onHold', i, false) as boolean,
			currency: currency(this.getNodeParameter('currency', i, 'GBP')) ?? 'GBP',
		};
		return async (client: TheLayerClient) => {
			return [
				{ customerId: id, ...(await client.request('PUT', paths.customerBalances(id), { body })) },
			];
		};
	},
};

const CONTACT_FIELDS: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Is Primary', name: 'isPrimary', type: 'boolean', default: false },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{ displayName: 'Mobile', name: 'mobile', type: 'string', default: '' },
	{ displayName: 'Telephone', name: 'telephone', type: 'string', default: '' },
];

const addContact: LayerOperation = {
	description: [
		customerLocator(show('addContact')),
		{
			displayName: 'Contact Fields',
			name: 'contactFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show('addContact') },
			options: CONTACT_FIELDS,
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const id = str(this, 'customerId', i, true, 'customer');
		const body = compact(collection(this, 'contactFields', i));
		if (!body.firstName && !body.lastName)
			throw new FieldError(
				'contactFields.firstName',
				'or lastName is required',
				'Give the contact a name',
			);
		return async (client: TheLayerClient) => {
			return [await client.request('POST', paths.customerContacts(id), { body })];
		};
	},
};

const updateContact: LayerOperation = {
	description: [
		customerLocator(show('updateContact')),
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: show('updateContact') },
		},
		{
			displayName: 'Contact Fields',
			name: 'contactFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show('updateContact') },
			options: CONTACT_FIELDS,
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const body = compact(collection(this, 'contactFields', i));
		if (Object.keys(body).length === 0)
			throw new FieldError('contactFields', 'is empty', 'Add at least one field to change');
		const path = paths.customerContact(
			str(this, 'customerId', i, true, 'customer'),
			str(this, 'contactId', i, true),
		);
		return async (client: TheLayerClient) => {
			return [await client.request('PATCH', path, { body })];
		};
	},
};

const getContacts: LayerOperation = {
	description: [customerLocator(show('getContacts'))],
	async prepare(this: IExecuteFunctions, i: number) {
		return async (client: TheLayerClient) => {
			const response = await client.request<{ data: IDataObject[] } | IDataObject[]>(
				'GET',
				paths.customerContacts(str(this, 'customerId', i, true, 'customer')),
			);
			return Array.isArray(response) ? response : response.data;
		};
	},
};

export const customer: Record<string, LayerOperation> = {
	create,
	get: makeGet(show('get'), paths.customers, 'Customer', customerLocator(show('get'))),
	getAll: makeGetMany(show('getAll'), paths.customers, [
		{
			displayName: 'Sage Account Number',
			name: 'sageAccountNumber',
			type: 'string',
			default: '',
			description: 'Empty clears it',
		},
		{ displayName: 'Sage Customer ID', name: 'sageCustomerId', type: 'string', default: '' },
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Company name contains',
		},
		{ ...subCompany },
		{
			displayName: 'Synced',
			name: 'synced',
			type: 'boolean',
			default: false,
			description: 'Whether the customer has been synced with Sage',
		},
	]),
	update,
	getSageLink,
	setSageLink,
	setBalances,
	addContact,
	getContacts,
	updateContact,
};
