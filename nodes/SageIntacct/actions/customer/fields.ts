import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../../shared/fieldError';
import { formatMoney, parseMoney } from '../../../shared/money';
import type { XmlObject } from '../../transport/xml';
import { checkString } from '../common/params';

/** The customer fields a user can set, shared by create, update and upsert. */
export const customerFieldOptions: INodeProperties[] = [
	{ displayName: 'Comments', name: 'comments', type: 'string', default: '' },
	{ displayName: 'Contact First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Contact Last Name', name: 'lastName', type: 'string', default: '' },
	{
		displayName: 'Credit Limit',
		name: 'creditLimit',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
	},
	{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'GBP' },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'Fax', name: 'fax', type: 'string', default: '' },
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		default: '',
		description: 'Stored as the display contact’s cell phone',
	},
	{ displayName: 'On Hold', name: 'onHold', type: 'boolean', default: false },
	{
		displayName: 'Print As',
		name: 'printAs',
		type: 'string',
		default: '',
		description: 'Name printed on documents. Defaults to the customer name.',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active' },
			{ name: 'Inactive', value: 'inactive' },
		],
		default: 'active',
	},
	{ displayName: 'Telephone', name: 'phone', type: 'string', default: '' },
	{
		displayName: 'Term Name',
		name: 'termName',
		type: 'string',
		default: '',
		placeholder: 'Net 30',
	},
	{
		displayName: 'VAT Number',
		name: 'taxId',
		type: 'string',
		default: '',
		description: 'Stored in TAXID',
	},
	{
		displayName: 'Website',
		name: 'website',
		type: 'string',
		default: '',
		placeholder: 'https://example.co.uk',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'fixedCollection',
		default: {},
		options: [
			{
				displayName: 'Address',
				name: 'value',
				values: [
					{ displayName: 'Line 1', name: 'address1', type: 'string', default: '' },
					{ displayName: 'Line 2', name: 'address2', type: 'string', default: '' },
					{ displayName: 'City', name: 'city', type: 'string', default: '' },
					{ displayName: 'County / State', name: 'state', type: 'string', default: '' },
					{ displayName: 'Postcode', name: 'zip', type: 'string', default: '' },
					{ displayName: 'Country', name: 'country', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field ID',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'CUSTOMFIELD1',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Builds the CUSTOMER element. For create, NAME and DISPLAYCONTACT/PRINTAS are required by
 * Intacct; for update only the fields given change.
 */
export function customerXml(
	base: { customerId: string; name?: string },
	fields: IDataObject,
	mode: 'create' | 'update',
): XmlObject {
	const str = (key: string, label: string) => checkString(fields[key], label) || undefined;
	const email = str('email', 'email');
	if (email && !EMAIL.test(email))
		throw new FieldError('email', `"${email}" is not an e-mail address`, 'Use name@domain');
	const name = base.name || undefined;
	const contact: XmlObject = {
		PRINTAS: str('printAs', 'printAs') ?? name,
		COMPANYNAME: name,
		FIRSTNAME: str('firstName', 'firstName'),
		LASTNAME: str('lastName', 'lastName'),
		PHONE1: str('phone', 'phone'),
		CELLPHONE: str('mobile', 'mobile'),
		FAX: str('fax', 'fax'),
		EMAIL1: email,
		URL1: str('website', 'website'),
		MAILADDRESS: addressXml(fields.address),
	};
	const hasContact = Object.values(contact).some((v) => v !== undefined);
	const xml: XmlObject = {
		CUSTOMERID: base.customerId,
		NAME: name,
		STATUS: str('status', 'status'),
		DISPLAYCONTACT: mode === 'create' || hasContact ? contact : undefined,
		TAXID: str('taxId', 'taxId'),
		CURRENCY: str('currency', 'currency'),
		CREDITLIMIT:
			fields.creditLimit !== undefined && fields.creditLimit !== ''
				? formatMoney(parseMoney(fields.creditLimit, 'creditLimit'))
				: undefined,
		ONHOLD: typeof fields.onHold === 'boolean' ? String(fields.onHold) : undefined,
		TERMNAME: str('termName', 'termName'),
		COMMENTS: str('comments', 'comments'),
	};
	for (const { name: fieldId, value } of customFieldList(fields.customFields)) xml[fieldId] = value;
	return xml;
}

function addressXml(address: unknown): XmlObject | undefined {
	const value = (address as { value?: IDataObject } | undefined)?.value;
	if (!value) return undefined;
	const out: XmlObject = {};
	for (const [key, tag] of [
		['address1', 'ADDRESS1'],
		['address2', 'ADDRESS2'],
		['city', 'CITY'],
		['state', 'STATE'],
		['zip', 'ZIP'],
		['country', 'COUNTRY'],
	]) {
		const text = checkString(value[key], `address.${key}`);
		if (text) out[tag] = text;
	}
	return Object.keys(out).length ? out : undefined;
}

export function customFieldList(customFields: unknown): Array<{ name: string; value: string }> {
	const list = (customFields as { field?: IDataObject[] } | undefined)?.field ?? [];
	return list.map((f, n) => {
		const name = checkString(f.name, `customFields[${n}].name`, { required: true });
		if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
			throw new FieldError(
				`customFields[${n}].name`,
				`"${name}" is not a valid Intacct field ID`,
				'Use the field ID, e.g. CUSTOMFIELD1',
			);
		}
		return { name, value: checkString(f.value, `customFields[${n}].value`) };
	});
}

export const CUSTOMER_OUTPUT_FIELDS = 'RECORDNO,CUSTOMERID,NAME,STATUS,WHENMODIFIED';
