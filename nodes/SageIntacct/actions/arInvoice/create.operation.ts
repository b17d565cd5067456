import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseCalendarDate } from '../../../shared/dates';
import { FieldError } from '../../../shared/fieldError';
import { formatMoney } from '../../../shared/money';
import { contentControlId, controlIdFor } from '../../transport/controlId';
import { legacy, splitDate } from '../../transport/functions';
import { lineItemsXml, lineProperties, linesTotal, readLines } from '../common/lines';
import type { WriteOperation } from '../common/operation';
import { collectionParam, controlIdVersion, stringParam } from '../common/params';
import { customerLocator } from '../common/rlc';

const show = { resource: ['arInvoice'], operation: ['create'] };

const properties: INodeProperties[] = [
	customerLocator(show),
	{
		displayName: 'Invoice Number',
		name: 'invoiceNo',
		type: 'string',
		default: '',
		displayOptions: { show },
		description:
			'The invoice number (RECORDID). Also the idempotency key: a re-run returns the invoice already created instead of creating it again.',
	},
	{
		displayName: 'Invoice Date',
		name: 'invoiceDate',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		default: '',
		displayOptions: { show },
		description: 'Required unless a Term Name is given',
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
			{
				displayName: 'Action',
				name: 'action',
				type: 'options',
				options: [
					{ name: 'Submit (Post)', value: 'Submit' },
					{ name: 'Draft', value: 'Draft' },
				],
				default: 'Submit',
			},
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'GBP',
			},
			{
				displayName: 'Default Department ID',
				name: 'departmentId',
				type: 'string',
				default: '',
				description: 'Applied to lines without a department',
			},
			{
				displayName: 'Default Location ID',
				name: 'locationId',
				type: 'string',
				default: '',
				description: 'Applied to lines without a location (required in multi-entity companies)',
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'External ID', name: 'externalId', type: 'string', default: '' },
			{ displayName: 'Posting Date', name: 'postingDate', type: 'dateTime', default: '' },
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'PO or reference number (DOCNUMBER)',
			},
			{
				displayName: 'Term Name',
				name: 'termName',
				type: 'string',
				default: '',
				placeholder: 'Net 30',
			},
		],
	},
];

export const createInvoice: WriteOperation = {
	kind: 'write',
	description: properties,
	async prepare(this: IExecuteFunctions, i: number) {
		const customerId = stringParam(this, 'customerId', i, { required: true, label: 'customer' });
		const invoiceNo = stringParam(this, 'invoiceNo', i, { maxLength: 45 });
		const extra = collectionParam(this, 'additionalFields', i);
		const invoiceDate = parseCalendarDate(
			this.getNodeParameter('invoiceDate', i, ''),
			'invoiceDate',
		);
		const dueRaw = this.getNodeParameter('dueDate', i, '');
		const termName = typeof extra.termName === 'string' ? extra.termName : '';
		if (!dueRaw && !termName)
			throw new FieldError(
				'dueDate',
				'is required when no Term Name is given',
				'Set a due date or a payment term',
			);
		const dueDate = dueRaw ? parseCalendarDate(dueRaw, 'dueDate') : undefined;
		const str = (key: string) =>
			typeof extra[key] === 'string' && extra[key] !== '' ? (extra[key] as string) : undefined;
		const lines = readLines(this, i, {
			allowNegative: true,
			defaults: { locationId: str('locationId'), departmentId: str('departmentId') },
		});
		const currency = str('currency');
		if (currency && !/^[A-Z]{3}$/.test(currency))
			throw new FieldError(
				'currency',
				`"${currency}" is not an ISO currency code`,
				'Use e.g. GBP, EUR, USD',
			);
		const body = legacy('create_invoice', {
			customerid: customerId,
			datecreated: splitDate(invoiceDate),
			dateposted: str('postingDate')
				? splitDate(parseCalendarDate(extra.postingDate, 'postingDate'))
				: undefined,
			datedue: dueDate ? splitDate(dueDate) : undefined,
			termname: termName || undefined,
			action: str('action'),
			invoiceno: invoiceNo || undefined,
			ponumber: str('reference'),
			description: str('description'),
			externalid: str('externalId'),
			currency,
			exchratetype: currency ? 'Intacct Daily Rate' : undefined,
			invoiceitems: { lineitem: lineItemsXml(lines) },
		});
		const version = controlIdVersion(this, i);
		const total = formatMoney(linesTotal(lines));
		return {
			label: invoiceNo ? `invoice ${invoiceNo}` : `invoice for customer ${customerId}`,
			call: {
				controlId: invoiceNo
					? controlIdFor('create_invoice', 'ARINVOICE', invoiceNo, version)
					: contentControlId('create_invoice', 'ARINVOICE', body, version),
				name: 'create_invoice',
				xml: body,
			},
			lookup: invoiceNo
				? {
						object: 'ARINVOICE',
						field: 'RECORDID',
						value: invoiceNo,
						fields: 'RECORDNO,RECORDID,CUSTOMERID,TOTALENTERED,TOTALDUE,STATE,CURRENCY',
					}
				: undefined,
			output: (result) => ({
				RECORDNO: result.key ?? '',
				RECORDID: invoiceNo,
				CUSTOMERID: customerId,
				TOTALENTERED: total,
				CURRENCY: currency ?? '',
			}),
		};
	},
};
