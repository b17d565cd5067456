import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { controlIdFor } from '../../transport/controlId';
import { create } from '../../transport/functions';
import type { WriteOperation } from '../common/operation';
import { collectionParam, controlIdVersion, stringParam } from '../common/params';
import { CUSTOMER_OUTPUT_FIELDS, customerFieldOptions, customerXml } from './fields';

const show = { resource: ['customer'], operation: ['create'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description:
			'CUSTOMERID. It is also the idempotency key: creating the same ID twice returns the existing customer.',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'The company name',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: customerFieldOptions,
	},
];

export const create_: WriteOperation = {
	kind: 'write',
	description: properties,
	async prepare(this: IExecuteFunctions, i: number) {
		const customerId = stringParam(this, 'customerId', i, { required: true, maxLength: 20 });
		const name = stringParam(this, 'name', i, { required: true, maxLength: 100 });
		const xml = customerXml(
			{ customerId, name },
			collectionParam(this, 'additionalFields', i),
			'create',
		);
		return {
			label: `customer ${customerId}`,
			call: {
				controlId: controlIdFor('create', 'CUSTOMER', customerId, controlIdVersion(this, i)),
				name: 'create',
				xml: create('CUSTOMER', xml),
			},
			lookup: {
				object: 'CUSTOMER',
				field: 'CUSTOMERID',
				value: customerId,
				fields: CUSTOMER_OUTPUT_FIELDS,
			},
			output: (result) => ({ ...result.records[0], CUSTOMERID: customerId, NAME: name }),
		};
	},
};
