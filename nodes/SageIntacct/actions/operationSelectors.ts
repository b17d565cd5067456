import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/descriptions';

export const operationSelectors: INodeProperties[] = [
	operationSelector(
		'arInvoice',
		[
			{ name: 'Create', value: 'create', action: 'Create an AR invoice' },
			{ name: 'Delete', value: 'delete', action: 'Delete an AR invoice' },
			{ name: 'Get', value: 'get', action: 'Get an AR invoice' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many AR invoices' },
		],
		'create',
	),
	operationSelector(
		'arPayment',
		[
			{
				name: 'Apply',
				value: 'apply',
				action: 'Apply a payment or credit to invoices',
				description: 'Apply an existing payment, advance or credit memo to invoices',
			},
			{ name: 'Create', value: 'create', action: 'Create an AR payment' },
			{ name: 'Delete', value: 'delete', action: 'Delete an AR payment' },
			{ name: 'Get', value: 'get', action: 'Get an AR payment' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many AR payments' },
		],
		'create',
	),
	operationSelector(
		'arAdjustment',
		[
			{ name: 'Create', value: 'create', action: 'Create an AR adjustment' },
			{ name: 'Delete', value: 'delete', action: 'Delete an AR adjustment' },
			{ name: 'Get', value: 'get', action: 'Get an AR adjustment' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many AR adjustments' },
		],
		'create',
	),
	operationSelector(
		'glAccount',
		[
			{ name: 'Create', value: 'create', action: 'Create a GL account' },
			{ name: 'Delete', value: 'delete', action: 'Delete a GL account' },
			{ name: 'Get', value: 'get', action: 'Get a GL account' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many GL accounts' },
			{ name: 'Update', value: 'update', action: 'Update a GL account' },
		],
		'getAll',
	),
	operationSelector(
		'bankAccount',
		[
			{ name: 'Get', value: 'get', action: 'Get a bank account' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many bank accounts' },
		],
		'getAll',
	),
	operationSelector(
		'location',
		[
			{ name: 'Create', value: 'create', action: 'Create a location' },
			{ name: 'Delete', value: 'delete', action: 'Delete a location' },
			{ name: 'Get', value: 'get', action: 'Get a location' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many locations' },
			{ name: 'Update', value: 'update', action: 'Update a location' },
		],
		'getAll',
	),
	operationSelector(
		'department',
		[
			{ name: 'Create', value: 'create', action: 'Create a department' },
			{ name: 'Delete', value: 'delete', action: 'Delete a department' },
			{ name: 'Get', value: 'get', action: 'Get a department' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many departments' },
			{ name: 'Update', value: 'update', action: 'Update a department' },
		],
		'getAll',
	),
	operationSelector(
		'entity',
		[
			{ name: 'Get', value: 'get', action: 'Get an entity' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many entities' },
		],
		'getAll',
	),
];
