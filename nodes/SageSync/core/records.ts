import type { IDataObject } from 'n8n-workflow';

import { FieldError } from '../../shared/fieldError';

const ITEM_KEYS = new Set(['json', 'binary', 'pairedItem', 'error', 'index']);

/**
 * A list handed to the node by a parameter: a JSON string, an array of records, or an array of n8n
 * items (`$('Node').all()`), whose `json` is taken. A single object counts as a list of one.
 */
export function recordList(raw: unknown, field: string): IDataObject[] {
	let value = raw;
	if (typeof value === 'string') {
		if (value.trim() === '') return [];
		value = parseJson(value);
		if (value === INVALID)
			throw new FieldError(field, 'is not valid JSON', 'Check brackets, commas and quotes');
	}
	if (value === undefined || value === null) return [];
	const list = Array.isArray(value) ? value : [value];
	return list.map((entry, n) => {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry))
			throw new FieldError(`${field}[${n}]`, 'must be an object', 'Pass records or n8n items');
		const record = entry as IDataObject;
		const json = asObject(record.json);
		return json && Object.keys(record).every((key) => ITEM_KEYS.has(key)) ? json : record;
	});
}

/** A value by dotted path (`DISPLAYCONTACT.EMAIL1`); a flat key with dots is tried first. */
export function pathValue(record: IDataObject, path: string): unknown {
	if (path in record) return record[path];
	let current: unknown = record;
	for (const part of path.split('.')) {
		if (!current || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[part];
	}
	return current;
}

/** Text of a scalar; '' for null, undefined and objects. */
export function text(value: unknown): string {
	if (value === undefined || value === null || typeof value === 'object') return '';
	return String(value).trim();
}

/** The first non-empty text among the values. */
export function firstText(...values: unknown[]): string {
	for (const value of values) {
		const t = text(value);
		if (t) return t;
	}
	return '';
}

export function asObject(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

export function asList(value: unknown): IDataObject[] {
	if (Array.isArray(value)) return value.filter((v) => asObject(v)) as IDataObject[];
	const single = asObject(value);
	return single ? [single] : [];
}

const INVALID = Symbol('invalid JSON');

export function parseJson(textValue: string): unknown {
	try {
		return JSON.parse(textValue) as unknown;
	} catch {
		return INVALID;
	}
}

/** A JSON parameter that may arrive as text or already parsed; '' is undefined. */
export function jsonValue(raw: unknown, field: string): unknown {
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	const value = parseJson(raw);
	if (value === INVALID)
		throw new FieldError(field, 'is not valid JSON', 'Check brackets, commas and quotes');
	return value;
}
