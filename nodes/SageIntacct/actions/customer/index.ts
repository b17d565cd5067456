import type { INodeProperties } from 'n8n-workflow';

import { customerLocator } from '../common/rlc';
import { equalsFilter, makeGetByName, makeGetMany } from '../common/readOperations';
import { create_ } from './create.operation';
import { deleteCustomer } from './deleteCustomer.operation';
import { update_ } from './update.operation';
import { upsert } from './upsert.operation';

const show = (operation: string) => ({ resource: ['customer'], operation: [operation] });

export const customer = {
	create: create_,
	get: makeGetByName({
		show: show('get'),
		object: 'CUSTOMER',
		idProperty: customerLocator(show('get')),
		what: 'customer',
	}),
	getAll: makeGetMany({
		show: show('getAll'),
		object: 'CUSTOMER',
		extraFilters: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Exact company name',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'T' },
					{ name: 'Inactive', value: 'F' },
				],
				default: 'T',
			},
		],
		buildFilters: (f) => [...equalsFilter('NAME', f.name), ...equalsFilter('STATUS', f.status)],
	}),
	update: update_,
	upsert,
	delete: deleteCustomer,
};

export const customerOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customer'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a customer' },
		{
			name: 'Create or Update',
			value: 'upsert',
			action: 'Create or update a customer',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
		},
		{ name: 'Delete', value: 'delete', action: 'Delete a customer' },
		{ name: 'Get', value: 'get', action: 'Get a customer' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many customers' },
		{ name: 'Update', value: 'update', action: 'Update a customer' },
	],
	default: 'create',
};
