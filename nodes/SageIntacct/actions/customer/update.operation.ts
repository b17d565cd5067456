import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../../shared/fieldError';
import { contentControlId } from '../../transport/controlId';
import { update } from '../../transport/functions';
import type { WriteOperation } from '../common/operation';
import { collectionParam, controlIdVersion, stringParam } from '../common/params';
import { customerLocator } from '../common/rlc';
import { customerFieldOptions, customerXml } from './fields';

const show = { resource: ['customer'], operation: ['update'] };

const properties: INodeProperties[] = [
	customerLocator(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			...customerFieldOptions,
		],
	},
];

export const update_: WriteOperation = {
	kind: 'write',
	description: properties,
	async prepare(this: IExecuteFunctions, i: number) {
		const customerId = stringParam(this, 'customerId', i, { required: true, label: 'customer' });
		const fields = collectionParam(this, 'updateFields', i);
		const name = typeof fields.name === 'string' ? fields.name : undefined;
		const xml = customerXml({ customerId, name }, fields, 'update');
		if (Object.values(xml).filter((v) => v !== undefined).length <= 1) {
			throw new FieldError('updateFields', 'is empty', 'Add at least one field to change');
		}
		const body = update('CUSTOMER', xml);
		return {
			label: `customer ${customerId}`,
			// Same change to the same customer = same id, so a retry is not applied twice; a different
			// change gets a new id.
			call: {
				controlId: contentControlId('update', 'CUSTOMER', body, controlIdVersion(this, i)),
				name: 'update',
				xml: body,
			},
			output: (result) => ({ ...result.records[0], CUSTOMERID: customerId }),
		};
	},
};
