import type { INodeProperties } from 'n8n-workflow';

type Show = { resource: string[]; operation: string[] };

/** Return All / Limit, the n8n convention for Get Many operations. */
export function returnAllOrLimit(show: Show): INodeProperties[] {
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

/** The Operation dropdown of one resource. */
export function operationSelector(
	resource: string,
	options: INodeProperties['options'],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** Retry options for the JSON APIs (The Layer, Sage 200). */
export const retryOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 5,
			description:
				'Retries on rate limits (429), unavailable (503), and on other 5xx or dropped connections when the request is safe to repeat',
		},
		{
			displayName: 'Retry Base Delay (Ms)',
			name: 'retryBaseDelayMs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description: 'First backoff delay; it doubles on each retry, with jitter',
		},
	],
};
