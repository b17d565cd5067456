import type { INodeProperties } from 'n8n-workflow';

export function returnAllOrLimit(show: {
	resource: string[];
	operation: string[];
}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

export function queryFilters(
	show: { resource: string[]; operation: string[] },
	extra: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only records changed at or after this time (WHENMODIFIED)',
			},
			{
				displayName: 'Query',
				name: 'query',
				type: 'string',
				default: '',
				placeholder: "STATUS = 'T' AND NAME LIKE 'A%'",
				description:
					"A readByQuery condition, ANDed with the other filters. Strings in single quotes; booleans as 'T'/'F'; dates as mm/dd/yyyy.",
			},
			...extra,
		],
	};
}

export function fieldsOption(
	show: { resource: string[]; operation: string[] },
	defaultFields = '*',
): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: defaultFields,
		displayOptions: { show },
		description: 'Comma-separated field names to return, or * for all',
	};
}
