import type { INodeProperties } from 'n8n-workflow';

import { companyProperty } from './common';
import { operations } from './operations';
import { operationSelector, retryOptionsProperty } from '../../shared/descriptions';

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
	operationSelector('customer', crud('customer'), 'getAll'),
	operationSelector('customerContact', crud('customer contact'), 'getAll'),
	operationSelector(
		'salesInvoice',
		[{ name: 'Create', value: 'create', action: 'Post a sales invoice' }],
		'create',
	),
	operationSelector(
		'salesCreditNote',
		[{ name: 'Create', value: 'create', action: 'Post a sales credit note' }],
		'create',
	),
	operationSelector(
		'salesReceipt',
		[{ name: 'Create', value: 'create', action: 'Post a sales receipt' }],
		'create',
	),
	operationSelector(
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
	operationSelector(
		'allocation',
		[{ name: 'Create', value: 'create', action: 'Allocate a receipt or credit note to invoices' }],
		'create',
	),
	operationSelector('postedTransaction', readOnly('posted transaction'), 'getAll'),
	operationSelector('bank', readOnly('bank'), 'getAll'),
	operationSelector('nominalCode', readOnly('nominal code'), 'getAll'),
	operationSelector('taxCode', readOnly('tax code'), 'getAll'),
	operationSelector(
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
	retryOptionsProperty,
];
