import type { INodeProperties } from 'n8n-workflow';

import { createAdjustment } from './arAdjustment/create.operation';
import { createInvoice } from './arInvoice/create.operation';
import { applyPayment } from './arPayment/apply.operation';
import { createPayment } from './arPayment/create.operation';
import type { IntacctOperation } from './common/operation';
import { equalsFilter, makeGetByRecordNo, makeGetMany } from './common/readOperations';
import { recordNoProperty } from './common/rlc';
import { makeDeleteByRecordNo } from './common/writeOperations';

/** AR invoices, payments and adjustments: created by their own operations, read and deleted alike. */
const transactionDefinitions = [
	{
		resource: 'arInvoice',
		object: 'ARINVOICE',
		what: 'invoice',
		plural: 'invoices',
		Label: 'Invoice',
		create: createInvoice,
	},
	{
		resource: 'arPayment',
		object: 'ARPYMT',
		what: 'payment',
		plural: 'payments',
		Label: 'Payment',
		create: createPayment,
	},
	{
		resource: 'arAdjustment',
		object: 'ARADJUSTMENT',
		what: 'adjustment',
		plural: 'adjustments',
		Label: 'Adjustment',
		create: createAdjustment,
	},
];

const customerFilter: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	default: '',
};

export const transactionOperations: Record<
	string,
	Record<string, IntacctOperation>
> = Object.fromEntries(
	transactionDefinitions.map((def) => {
		const show = (operation: string) => ({ resource: [def.resource], operation: [operation] });
		const ops: Record<string, IntacctOperation> = {
			create: def.create,
			get: makeGetByRecordNo({
				show: show('get'),
				object: def.object,
				idProperty: recordNoProperty(show('get'), def.Label),
				what: def.what,
			}),
			getAll: makeGetMany({
				show: show('getAll'),
				object: def.object,
				extraFilters: [customerFilter],
				buildFilters: (f) => equalsFilter('CUSTOMERID', f.customerId),
			}),
			delete: makeDeleteByRecordNo({
				object: def.object,
				idProperty: recordNoProperty(show('delete'), def.Label),
				what: def.what,
			}),
		};
		if (def.resource === 'arPayment') ops.apply = applyPayment;
		return [def.resource, ops];
	}),
);
