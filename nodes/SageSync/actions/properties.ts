import type { INodeProperties } from 'n8n-workflow';

import { operations } from './operations';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Map',
			value: 'map',
			action: 'Map a record to the fields of another node',
			description:
				'Turn a Layer record into the parameters of a Sage node (or a Sage receipt into a Layer Sage transaction)',
		},
		{
			name: 'Match Customers',
			value: 'matchCustomers',
			action: 'Match customers against a customer list',
			description: 'Find each Layer customer’s Sage customer: matched, not found, or ambiguous',
		},
		{
			name: 'Reconcile',
			value: 'reconcile',
			action: 'Reconcile receipts to invoices',
			description:
				'Allocate Sage receipts to Layer invoices: matched, needs review, or unallocated',
		},
		{
			name: 'Skip If Already Running',
			value: 'skipIfRunning',
			action: 'Skip if this workflow is already running',
			description:
				'Let the items through only when no other run of this workflow is in progress (needs an n8n API credential)',
		},
		{
			name: 'Validate Link File',
			value: 'validateLinkFile',
			action: 'Validate a customer link file',
			description: 'Check the customer upload rows before any link is written',
		},
	],
	default: 'map',
};

export const nodeProperties: INodeProperties[] = [
	operationSelector,
	...Object.values(operations).flatMap((op) => op.description),
];
