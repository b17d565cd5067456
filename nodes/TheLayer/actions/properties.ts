import type { INodeProperties } from 'n8n-workflow';

import { operations } from './operations';
import { operationSelector, retryOptionsProperty } from '../../shared/descriptions';

const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Credit Note', value: 'creditNote' },
		{ name: 'Customer', value: 'customer' },
		{ name: 'Invoice', value: 'invoice' },
		{ name: 'Nominal Code', value: 'nominalCode' },
		{ name: 'Payment', value: 'payment' },
		{ name: 'Payment Method', value: 'paymentMethod' },
		{ name: 'Refund', value: 'refund' },
		{ name: 'Sage Transaction', value: 'sageTransaction' },
		{ name: 'Sub-Company', value: 'subCompany' },
	],
	default: 'customer',
};

const selectors: INodeProperties[] = [
	operationSelector(
		'customer',
		[
			{ name: 'Add Contact', value: 'addContact', action: 'Add a contact to a customer' },
			{ name: 'Create', value: 'create', action: 'Create a customer' },
			{ name: 'Get', value: 'get', action: 'Get a customer' },
			{ name: 'Get Contacts', value: 'getContacts', action: 'Get the contacts of a customer' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many customers' },
			{ name: 'Get Sage Link', value: 'getSageLink', action: 'Get the sage link of a customer' },
			{ name: 'Update', value: 'update', action: 'Update a customer' },
			{
				name: 'Update Balances',
				value: 'setBalances',
				action: 'Update the sage balances of a customer',
			},
			{ name: 'Update Contact', value: 'updateContact', action: 'Update a contact of a customer' },
			{
				name: 'Update Sage Link',
				value: 'setSageLink',
				action: 'Update the sage link of a customer',
			},
		],
		'getAll',
	),
	operationSelector(
		'invoice',
		[
			{ name: 'Create', value: 'create', action: 'Create an invoice' },
			{ name: 'Finalise', value: 'finalise', action: 'Finalise an invoice' },
			{ name: 'Get', value: 'get', action: 'Get an invoice' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many invoices' },
			{
				name: 'Update Sage Sync',
				value: 'setSageSync',
				action: 'Record the sage sync result of an invoice',
			},
		],
		'getAll',
	),
	operationSelector(
		'payment',
		[
			{ name: 'Create', value: 'create', action: 'Create a payment' },
			{ name: 'Get', value: 'get', action: 'Get a payment' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many payments' },
			{
				name: 'Update Sage Sync',
				value: 'setSageSync',
				action: 'Record the sage sync result of a payment',
			},
		],
		'getAll',
	),
	operationSelector(
		'creditNote',
		[
			{ name: 'Create', value: 'create', action: 'Create a credit note' },
			{ name: 'Get', value: 'get', action: 'Get a credit note' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many credit notes' },
			{
				name: 'Update Sage Sync',
				value: 'setSageSync',
				action: 'Record the sage sync result of a credit note',
			},
		],
		'getAll',
	),
	operationSelector(
		'refund',
		[
			{ name: 'Create', value: 'create', action: 'Create a refund' },
			{ name: 'Get', value: 'get', action: 'Get a refund' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many refunds' },
			{
				name: 'Update Sage Sync',
				value: 'setSageSync',
				action: 'Record the sage sync result of a refund',
			},
		],
		'getAll',
	),
	operationSelector(
		'subCompany',
		[
			{ name: 'Get', value: 'get', action: 'Get a sub company' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many sub companies' },
		],
		'getAll',
	),
	operationSelector(
		'paymentMethod',
		[
			{ name: 'Get', value: 'get', action: 'Get a payment method' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many payment methods' },
		],
		'getAll',
	),
	operationSelector(
		'nominalCode',
		[
			{ name: 'Create', value: 'create', action: 'Create a nominal code' },
			{ name: 'Get', value: 'get', action: 'Get a nominal code' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many nominal codes' },
			{ name: 'Update', value: 'update', action: 'Update a nominal code' },
		],
		'getAll',
	),
	operationSelector(
		'sageTransaction',
		[
			{ name: 'Create', value: 'create', action: 'Record a receipt that came back from sage' },
			{ name: 'Get', value: 'get', action: 'Get a sage transaction' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many sage transactions',
				description: 'Filter Reconciled = false for the ones still to reconcile',
			},
			{
				name: 'Reconcile',
				value: 'reconcile',
				action: 'Reconcile a sage transaction against invoices',
			},
		],
		'getAll',
	),
];

export const nodeProperties: INodeProperties[] = [
	resourceSelector,
	...selectors,
	...Object.values(operations).flatMap((byOperation) =>
		Object.values(byOperation).flatMap((op) => op.description),
	),
	retryOptionsProperty,
];
