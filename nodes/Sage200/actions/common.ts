import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../shared/fieldError';
import {
	odataDateTime,
	parseSiteCompany,
	type ODataQuery,
	type Sage200Client,
	type SiteCompany,
} from '../transport/client';
import type { Sage200Operation, Show } from './operation';
import { returnAllOrLimit } from '../../shared/descriptions';
import { textParam } from '../../shared/params';

export function companyProperty(): INodeProperties {
	return {
		displayName: 'Site and Company Name or ID',
		name: 'company',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCompanies' },
		required: true,
		default: '',
		displayOptions: { hide: { resource: ['site'] } },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Sent as X-Site and X-Company. An ID is "siteId:companyId" (see Site › Get Many), e.g. mapped from a Layer sub-company.',
	};
}

export function readCompany(ctx: IExecuteFunctions, i: number): SiteCompany {
	return parseSiteCompany(text(ctx, 'company', i, true), 'company');
}

export const text = textParam;

export function numericId(value: string, field: string): number {
	if (!/^\d+$/.test(value.trim()))
		throw new FieldError(field, `"${value}" is not a Sage 200 id`, 'Use the numeric id');
	return Number(value.trim());
}

export function collection(ctx: IExecuteFunctions, name: string, i: number): IDataObject {
	const value = ctx.getNodeParameter(name, i, {}) as unknown;
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

export function customerLocator(show: Show, name = 'customerId'): INodeProperties {
	return {
		displayName: 'Customer',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCustomers', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '27006' },
		],
	};
}

/** Get Many over an OData list: Return All / Limit ($top/$skip), Modified Since, filters, raw $filter. */
export function makeGetMany(
	show: Show,
	path: string | ((ctx: IExecuteFunctions, i: number) => string),
	filters: INodeProperties[] = [],
	buildFilter: (filters: IDataObject) => string[] = () => [],
	modifiedField = 'date_time_updated',
): Sage200Operation {
	return {
		description: [
			...returnAllOrLimit(show),
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: { show },
				options: [
					{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '' },
					{
						displayName: 'OData Filter',
						name: 'odataFilter',
						type: 'string',
						default: '',
						placeholder: "reference eq 'ACME01'",
						description: 'ANDed with the other filters',
					},
					...filters,
				],
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5000 },
				default: 500,
				displayOptions: { show },
				description:
					'Rows per request ($top). Sage 200 allows up to 5000; large pages can time out on Professional.',
			},
		],
		async prepare(this: IExecuteFunctions, i: number) {
			const company = readCompany(this, i);
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
			const f = collection(this, 'filters', i);
			const parts = buildFilter(f);
			if (f.modifiedSince)
				parts.push(`${modifiedField} gt ${odataDateTime(String(f.modifiedSince))}`);
			if (typeof f.odataFilter === 'string' && f.odataFilter.trim())
				parts.push(`(${f.odataFilter.trim()})`);
			const query: ODataQuery = parts.length ? { filter: parts.join(' and ') } : {};
			const target = typeof path === 'string' ? path : path(this, i);
			const pageSize = this.getNodeParameter('pageSize', i, 500) as number;
			return async (client: Sage200Client) =>
				await client.list(target, company, query, { limit, pageSize });
		},
	};
}

export function makeGet(
	show: Show,
	path: string,
	what: string,
	id?: INodeProperties,
): Sage200Operation {
	const idProperty = id ?? {
		displayName: `${what} ID`,
		name: 'id',
		type: 'string' as const,
		required: true,
		default: '',
		displayOptions: { show },
	};
	return {
		description: [idProperty],
		async prepare(this: IExecuteFunctions, i: number) {
			const company = readCompany(this, i);
			const recordId = numericId(
				text(this, idProperty.name, i, true, idProperty.name),
				idProperty.name,
			);
			return async (client: Sage200Client) => [
				await client.request('GET', `${path}/${recordId}`, { company }),
			];
		},
	};
}
