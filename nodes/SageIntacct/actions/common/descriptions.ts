import type { INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit } from '../../../shared/descriptions';

export { returnAllOrLimit };

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
