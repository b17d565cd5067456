import type { INodeProperties } from 'n8n-workflow';

import { companyProperty } from './common';
import { operations } from './operations';

function selector(
	resource: string,
	options: INodeProperties['options'],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Allocation', value: 'allocation' },
		{ name: 'Bank', value: 'bank' },
		{ name: 'Customer', value: 'customer' },
		{ name: 'Customer Contact', value: 'customerContact' },
		{ name: 'Nominal Code', value: 'nominalCode' },
		{ name: 'Posted Transaction', value: 'postedTransaction' },
		{ name: 'Sales Credit Note', value: 'salesCreditNote' },
		{ name: 'Sales Invoice', value: 'salesInvoice' },
		{ name: 'Sales Receipt', value: 'salesReceipt' },
		{ name: 'Sales Refund', value: 'salesRefund' },
		{ name: 'Site', value: 'site' },
		{ name: 'Tax Code', value: 'taxCode' },
	],
	default: 'customer',
};

const crud = (what: string) => [
	{ name: 'Create', value: 'create', action: `Create a ${what}` },
	{ name: 'Delete', value: 'delete', action: `Delete a ${what}` },
	{ name: 'Get', value: 'get', action: `Get a ${what}` },
	{ name: 'Get Many', value: 'getAll', action: `Get many ${what}s` },
	{ name: 'Update', value: 'update', action: `Update a ${what}` },
];

const readOnly = (what: string) => [
	{ name: 'Get', value: 'get', action: `Get a ${what}` },
	{ name: 'Get Many', value: 'getAll', action: `Get many ${what}s` },
];

const selectors: INodeProperties[] = [
	selector('customer', crud('customer'), 'getAll'),
	selector('customerContact', crud('customer contact'), 'getAll'),
	selector(
		'salesInvoice',
		[{ name: 'Create', value: 'create', action: 'Post a sales invoice' }],
		'create',
	),
	selector(
		'salesCreditNote',
		[{ name: 'Create', value: 'create', action: 'Post a sales credit note' }],
		'create',
	),
	selector(
		'salesReceipt',
		[{ name: 'Create', value: 'create', action: 'Post a sales receipt' }],
		'create',
	),
	selector(
		'salesRefund',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Post a sales refund',
				description: 'Posted as a sales payment: money paid back to the customer',
			},
		],
		'create',
	),
	selector(
		'allocation',
		[{ name: 'Create', value: 'create', action: 'Allocate a receipt or credit note to invoices' }],
		'create',
	),
	selector('postedTransaction', readOnly('posted transaction'), 'getAll'),
	selector('bank', readOnly('bank'), 'getAll'),
	selector('nominalCode', readOnly('nominal code'), 'getAll'),
	selector('taxCode', readOnly('tax code'), 'getAll'),
	selector(
		'site',
		[{ name: 'Get Many', value: 'getAll', action: 'Get many sites and companies' }],
		'getAll',
	),
];

export const nodeProperties: INodeProperties[] = [
	resourceSelector,
	...selectors,
	companyProperty(),
	...Object.values(operations).flatMap((byOperation) =>
		Object.values(byOperation).flatMap((op) => op.description),
	),
];
