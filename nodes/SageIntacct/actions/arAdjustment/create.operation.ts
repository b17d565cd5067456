import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseCalendarDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { contentControlId, controlIdFor } from '../../transport/controlId';
import { legacy, splitDate } from '../../transport/functions';
import { lineItemsXml, lineProperties, linesTotal, readLines } from '../common/lines';
import type { WriteOperation } from '../common/operation';
import { collectionParam, controlIdVersion, stringParam } from '../common/params';
import { customerLocator } from '../common/rlc';

const show = { resource: ['arAdjustment'], operation: ['create'] };

const properties: INodeProperties[] = [
	customerLocator(show),
	{
		displayName: 'Type',
		name: 'adjustmentType',
		type: 'options',
		options: [
			{ name: 'Credit Memo (Credit Note)', value: 'credit' },
			{ name: 'Debit Memo', value: 'debit' },
		],
		default: 'credit',
		displayOptions: { show },
		description:
			'Enter line amounts as positive numbers; credit memos are sent negative, as Intacct expects',
	},
	{
		displayName: 'Adjustment Number',
		name: 'adjustmentNo',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'E.g. the credit note number. Also the idempotency key.',
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show },
	},
	...lineProperties(show),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Currency', name: 'currency', type: 'string', default: '' },
			{ displayName: 'Default Department ID', name: 'departmentId', type: 'string', default: '' },
			{ displayName: 'Default Location ID', name: 'locationId', type: 'string', default: '' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'Invoice Number',
				name: 'invoiceNo',
				type: 'string',
				default: '',
				description:
					'The invoice this credit relates to (reference only; apply it with AR Payment > Apply)',
			},
		],
	},
];

export const createAdjustment: WriteOperation = {
	kind: 'write',
	description: properties,
	async prepare(this: IExecuteFunctions, i: number) {
		const customerId = stringParam(this, 'customerId', i, { required: true, label: 'customer' });
		const adjustmentNo = stringParam(this, 'adjustmentNo', i, { maxLength: 45 });
		const type = this.getNodeParameter('adjustmentType', i, 'credit') as string;
		const extra = collectionParam(this, 'additionalFields', i);
		const str = (key: string) =>
			typeof extra[key] === 'string' && extra[key] !== '' ? (extra[key] as string) : undefined;
		const date = parseCalendarDate(this.getNodeParameter('date', i, ''), 'date');
		const lines = readLines(this, i, {
			allowNegative: false,
			defaults: { locationId: str('locationId'), departmentId: str('departmentId') },
		});
		const sign = type === 'credit' ? -1 : 1;
		const body = legacy('create_aradjustment', {
			customerid: customerId,
			datecreated: splitDate(date),
			adjustmentno: adjustmentNo || undefined,
			invoiceno: str('invoiceNo'),
			description: str('description'),
			currency: str('currency'),
			exchratetype: str('currency') ? 'Intacct Daily Rate' : undefined,
			aradjustmentitems: { lineitem: lineItemsXml(lines, sign) },
		});
		const version = controlIdVersion(this, i);
		return {
			label: adjustmentNo ? `adjustment ${adjustmentNo}` : `adjustment for customer ${customerId}`,
			call: {
				controlId: adjustmentNo
					? controlIdFor('create_aradjustment', 'ARADJUSTMENT', adjustmentNo, version)
					: contentControlId('create_aradjustment', 'ARADJUSTMENT', body, version),
				name: 'create_aradjustment',
				xml: body,
			},
			lookup: adjustmentNo
				? { object: 'ARADJUSTMENT', field: 'RECORDID', value: adjustmentNo }
				: undefined,
			output: (result) => ({
				RECORDNO: result.key ?? '',
				RECORDID: adjustmentNo,
				CUSTOMERID: customerId,
				TOTALENTERED: formatMoney(linesTotal(lines) * sign),
			}),
		};
	},
};
