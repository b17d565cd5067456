import type { CalendarDate } from '../../shared/dates';
import { toXml, type XmlObject, type XmlValue } from './xml';

/** One function call inside a request, with the control id that makes it idempotent. */
export interface IntacctCall {
	controlId: string;
	name: string;
	/** The operation element (e.g. `<create>…</create>`), without the `<function>` wrapper. */
	xml: string;
}

export const READ_BY_QUERY_MAX_PAGE = 1000;
export const QUERY_MAX_PAGE = 2000;

export function readByQuery(
	object: string,
	fields: string,
	query: string,
	pageSize: number,
): string {
	return toXml('readByQuery', {
		object,
		fields: fields || '*',
		query,
		pagesize: String(pageSize),
		returnFormat: 'xml',
	});
}

export function readMore(resultId: string): string {
	return toXml('readMore', { resultId });
}

export function read(object: string, keys: string[], fields = '*'): string {
	return toXml('read', { object, keys: keys.join(','), fields, returnFormat: 'xml' });
}

export function readByName(object: string, names: string[], fields = '*'): string {
	return toXml('readByName', { object, keys: names.join(','), fields, returnFormat: 'xml' });
}

export function create(object: string, fields: XmlObject): string {
	return toXml('create', { [object]: fields });
}

export function update(object: string, fields: XmlObject): string {
	return toXml('update', { [object]: fields });
}

export function deleteRecords(object: string, recordNos: string[]): string {
	return toXml('delete', { object, keys: recordNos.join(',') });
}

export function legacy(name: string, body: XmlObject): string {
	return toXml(name, body);
}

/** Legacy functions split dates into year/month/day elements. */
export function splitDate(date: CalendarDate): XmlObject {
	return {
		year: String(date.year),
		month: String(date.month).padStart(2, '0'),
		day: String(date.day).padStart(2, '0'),
	};
}

/** Generic functions and readByQuery filters use mm/dd/yyyy. */
export function usDate(date: CalendarDate): string {
	return `${String(date.month).padStart(2, '0')}/${String(date.day).padStart(2, '0')}/${date.year}`;
}

/** A readByQuery string literal: single quotes, embedded quotes and backslashes escaped. */
export function queryString(value: string): string {
	return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function queryIn(field: string, values: string[]): string {
	return `${field} IN (${values.map(queryString).join(',')})`;
}

export type { XmlObject, XmlValue };
