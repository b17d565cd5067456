import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { controlIdFor } from '../../transport/controlId';
import { legacy } from '../../transport/functions';
import type { WriteOperation } from '../common/operation';
import { controlIdVersion, stringParam } from '../common/params';
import { customerLocator } from '../common/rlc';

const show = { resource: ['customer'], operation: ['delete'] };

const properties: INodeProperties[] = [customerLocator(show)];

export const deleteCustomer: WriteOperation = {
	kind: 'write',
	description: properties,
	async prepare(this: IExecuteFunctions, i: number) {
		const customerId = stringParam(this, 'customerId', i, { required: true, label: 'customer' });
		return {
			label: `customer ${customerId}`,
			// The SDKs delete customers with the legacy function (shared/specs/intacct-xml.md §6.2).
			call: {
				controlId: controlIdFor('delete', 'CUSTOMER', customerId, controlIdVersion(this, i)),
				name: 'delete_customer',
				xml: legacy('delete_customer', { $attrs: { customerid: customerId } }),
			},
			output: () => ({ CUSTOMERID: customerId, deleted: true }),
		};
	},
};
