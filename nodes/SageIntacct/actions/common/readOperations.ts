import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../../shared/fieldError';
import { parseCalendarDate } from '../../../shared/dates';
import { IntacctFunctionError } from '../../transport/errors';
import { queryString, usDate } from '../../transport/functions';
import type { IntacctClient } from '../../transport/client';
import { fieldsOption, queryFilters, returnAllOrLimit } from './descriptions';
import type { ReadOperation } from './operation';
import { collectionParam, stringParam } from './params';

type Show = { resource: string[]; operation: string[] };

/** Get one record by its ID field (readByName): CUSTOMERID, ACCOUNTNO, LOCATIONID, … */
export function makeGetByName(options: {
	show: Show;
	object: string;
	idProperty: INodeProperties;
	what: string;
}): ReadOperation {
	return {
		kind: 'read',
		description: [options.idProperty, fieldsOption(options.show)],
		async execute(this: IExecuteFunctions, i: number, client: IntacctClient) {
			const id = stringParam(this, options.idProperty.name, i, {
				required: true,
				label: options.idProperty.name,
			});
			const fields = stringParam(this, 'fields', i) || '*';
			const records = await client.readByName(options.object, [id], fields);
			if (records.length === 0) throw notFound(options.what, id);
			return records;
		},
	};
}

/** Get one record by RECORDNO (read), owned lines included. */
export function makeGetByRecordNo(options: {
	show: Show;
	object: string;
	idProperty: INodeProperties;
	what: string;
}): ReadOperation {
	return {
		kind: 'read',
		description: [options.idProperty, fieldsOption(options.show)],
		async execute(this: IExecuteFunctions, i: number, client: IntacctClient) {
			const recordNo = recordNoValue(
				stringParam(this, options.idProperty.name, i, { required: true }),
				options.idProperty.name,
			);
			const fields = stringParam(this, 'fields', i) || '*';
			const records = await client.read(options.object, [recordNo], fields);
			if (records.length === 0) throw notFound(options.what, recordNo);
			return records;
		},
	};
}

export function recordNoValue(value: string, field: string): string {
	if (!/^\d+$/.test(value.trim()))
		throw new FieldError(field, `"${value}" is not a record number`, 'Use the numeric RECORDNO');
	return value.trim();
}

function notFound(what: string, id: string): Error {
	return new IntacctFunctionError({
		status: 'failure',
		function: 'read',
		controlId: '',
		dataAttributes: {},
		records: [],
		errors: [
			{
				errorno: 'NOT_FOUND',
				description: '',
				description2: `No ${what} ${id} was found`,
				correction: 'Check the ID, and that the user may see it',
			},
		],
	});
}

/** Builds the readByQuery condition for the standard filters plus resource-specific ones. */
export type FilterBuilder = (filters: IDataObject) => string[];

/** Get many records with Return All / Limit, filters and field selection (readByQuery + readMore). */
export function makeGetMany(options: {
	show: Show;
	object: string;
	defaultFields?: string;
	extraFilters?: INodeProperties[];
	buildFilters?: FilterBuilder;
}): ReadOperation {
	return {
		kind: 'read',
		description: [
			...returnAllOrLimit(options.show),
			queryFilters(options.show, options.extraFilters),
			fieldsOption(options.show, options.defaultFields ?? '*'),
		],
		async execute(this: IExecuteFunctions, i: number, client: IntacctClient) {
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
			const fields = stringParam(this, 'fields', i) || '*';
			const filters = collectionParam(this, 'filters', i);
			const query = buildQuery(filters, options.buildFilters);
			return client.readByQueryAll(options.object, fields, query, { limit });
		},
	};
}

export function buildQuery(filters: IDataObject, extra?: FilterBuilder): string {
	const parts: string[] = [];
	if (filters.modifiedSince) {
		parts.push(
			`WHENMODIFIED >= ${queryString(intacctDateTime(filters.modifiedSince, 'filters.modifiedSince'))}`,
		);
	}
	if (extra) parts.push(...extra(filters));
	if (typeof filters.query === 'string' && filters.query.trim())
		parts.push(`(${filters.query.trim()})`);
	return parts.join(' AND ');
}

/** mm/dd/yyyy HH:MM:SS, the readByQuery datetime format (ISO is refused with DL02000001). */
export function intacctDateTime(value: unknown, field: string): string {
	const text =
		typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : String(value);
	const date = parseCalendarDate(text, field);
	const time = /T(\d{2}):(\d{2}):(\d{2})/.exec(text);
	return `${usDate(date)} ${time ? `${time[1]}:${time[2]}:${time[3]}` : '00:00:00'}`;
}

export function equalsFilter(field: string, value: unknown): string[] {
	return typeof value === 'string' && value !== '' ? [`${field} = ${queryString(value)}`] : [];
}
