import type { INodeProperties } from 'n8n-workflow';

import { customerOperations } from './customer';
import { customObjectSelector } from './customObject';
import { AUTO_MAP_RESOURCES, dataModeProperty, defineBelowOnly } from './common/dataMode';
import { clientOptionsProperty } from './common/params';
import { operations } from './operations';
import { operationSelectors } from './operationSelectors';

const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'AR Adjustment (Credit Note)', value: 'arAdjustment' },
		{ name: 'AR Invoice', value: 'arInvoice' },
		{ name: 'AR Payment (Receipt)', value: 'arPayment' },
		{ name: 'Bank Account', value: 'bankAccount' },
		{ name: 'Custom Object', value: 'customObject' },
		{ name: 'Customer', value: 'customer' },
		{ name: 'Department', value: 'department' },
		{ name: 'Entity', value: 'entity' },
		{ name: 'GL Account (Nominal Code)', value: 'glAccount' },
		{ name: 'Location', value: 'location' },
	],
	default: 'customer',
};

const operationProperties: INodeProperties[] = Object.entries(operations).flatMap(
	([resource, byOperation]) => {
		if (!AUTO_MAP_RESOURCES.has(resource))
			return Object.values(byOperation).flatMap((operation) => operation.description);
		const writes = Object.entries(byOperation)
			.filter(([, operation]) => operation.kind === 'write')
			.map(([name]) => name);
		return [
			...(writes.length ? [dataModeProperty(resource, writes)] : []),
			...Object.values(byOperation).flatMap((operation) =>
				operation.kind === 'write' ? defineBelowOnly(operation.description) : operation.description,
			),
		];
	},
);

/** Every parameter of the Sage Intacct node: resource, operation, then each operation's fields. */
export const nodeProperties: INodeProperties[] = [
	resourceSelector,
	customerOperations,
	...operationSelectors,
	...customObjectSelector,
	...operationProperties,
	clientOptionsProperty,
];
