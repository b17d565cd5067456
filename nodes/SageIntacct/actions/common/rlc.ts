import type { INodeProperties } from 'n8n-workflow';

/** Customer picker: searchable list, or the CUSTOMERID typed or mapped. */
export function customerLocator(
	show: { resource: string[]; operation: string[] },
	options: { name?: string; displayName?: string; required?: boolean } = {},
): INodeProperties {
	return {
		displayName: options.displayName ?? 'Customer',
		name: options.name ?? 'customerId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCustomers', searchable: true },
			},
			{
				displayName: 'By Customer ID',
				name: 'id',
				type: 'string',
				placeholder: 'C0001',
			},
		],
		description: 'The Intacct customer (CUSTOMERID)',
	};
}

export function recordNoProperty(
	show: { resource: string[]; operation: string[] },
	what: string,
	name = 'recordNo',
): INodeProperties {
	return {
		displayName: `${what} Record Number`,
		name,
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description: `The RECORDNO of the ${what.toLowerCase()} in Intacct`,
	};
}
