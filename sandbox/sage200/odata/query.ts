import { invalidQuery } from '../errors';
import { compileFilter } from './filter';
import type { Json } from './filter';

/**
 * The query options of a Sage 200 list (spec §6): `$filter`, `$orderby`, `$top` (default 500,
 * at most 5000), `$skip` (only with `$orderby`), `$select` (dotted paths reach into expanded
 * children), `$expand`, `$count=true` (answers the bare number). Lists are bare arrays.
 */
export const DEFAULT_TOP = 500;
export const MAX_TOP = 5000;

const LIST_OPTIONS = ['$filter', '$orderby', '$top', '$skip', '$select', '$expand', '$count'];
const SINGLE_OPTIONS = ['$select', '$expand'];

export interface Resource<T> {
	/** The OpenAPI schema name, used in messages (`customer`). */
	typeName: string;
	/** The record as the API shows it without expansions. */
	present(record: T): Json;
	/** Child objects `$expand` can add, by name. */
	expand?: Readonly<Record<string, (record: T) => unknown>>;
	/**
	 * The field the records already come sorted by, ascending (default `id`): ordering by it alone
	 * and no `$filter` lets a page be cut before anything is presented.
	 */
	orderedBy?: string;
}

interface Entry<T> {
	record: T;
	row: Json;
}

function checkOptions(query: URLSearchParams, allowed: string[], single: boolean): void {
	for (const key of new Set(query.keys())) {
		if (!key.startsWith('$')) continue;
		if (!allowed.includes(key)) {
			throw invalidQuery(
				single
					? `The query option '${key}' cannot be used when reading a single record.`
					: `The query parameter '${key}' is not supported.`,
			);
		}
	}
}

function nonNegativeInteger(query: URLSearchParams, name: '$top' | '$skip'): number | undefined {
	const raw = query.get(name);
	if (raw === null) return undefined;
	if (!/^\d+$/.test(raw)) {
		throw invalidQuery(
			`Invalid value '${raw}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`,
		);
	}
	return Number(raw);
}

function fieldChecker(rows: Json[]): (name: string) => boolean {
	const first = rows[0];
	return (name) => first === undefined || Object.prototype.hasOwnProperty.call(first, name);
}

function rank(value: unknown): [number, string | number | boolean] {
	if (value === null || value === undefined) return [0, 0];
	if (typeof value === 'string') return [1, value.toLowerCase()];
	if (typeof value === 'number' || typeof value === 'boolean') return [1, value];
	return [1, JSON.stringify(value)];
}

function orderBy<T>(entries: Array<Entry<T>>, source: string, typeName: string): void {
	const has = fieldChecker(entries.map((e) => e.row));
	const keys = source.split(',').map((part) => {
		const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
		if (!m) throw invalidQuery(`Syntax error in $orderby '${source}'.`);
		if (!has(m[1])) {
			throw invalidQuery(`Could not find a property named '${m[1]}' on type '${typeName}'.`);
		}
		return { field: m[1], sign: m[2]?.toLowerCase() === 'desc' ? -1 : 1 };
	});
	entries.sort((a, b) => {
		for (const { field, sign } of keys) {
			const [ra, va] = rank(a.row[field]);
			const [rb, vb] = rank(b.row[field]);
			if (ra !== rb) return (ra - rb) * sign;
			if (va !== vb) return (va < vb ? -1 : 1) * sign;
		}
		return 0;
	});
}

/** `asc`/`desc` when `$orderby` is absent or names only the field the records are sorted by. */
function presortedDirection(order: string | null, field: string): 'asc' | 'desc' | undefined {
	if (order === null) return 'asc';
	const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/i.exec(order);
	if (!m || m[1] !== field) return undefined;
	return m[2]?.toLowerCase() === 'desc' ? 'desc' : 'asc';
}

function expandNames<T>(resource: Resource<T>, query: URLSearchParams): string[] {
	const raw = query.get('$expand');
	if (raw === null) return [];
	return raw.split(',').map((part) => {
		const name = part.trim();
		if (!resource.expand?.[name]) {
			throw invalidQuery(
				`Could not find a property named '${name}' on type '${resource.typeName}' to expand.`,
			);
		}
		return name;
	});
}

function pick(value: unknown, path: string[]): unknown {
	if (path.length === 0 || value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((item) => pick(item, path));
	const [head, ...rest] = path;
	const source = value as Json;
	return { [head]: pick(source[head], rest) };
}

function merge(into: Json, part: Json): void {
	for (const [key, value] of Object.entries(part)) {
		const existing = into[key];
		if (Array.isArray(existing) && Array.isArray(value)) {
			existing.forEach((item, i) => merge(item as Json, value[i] as Json));
		} else if (existing && typeof existing === 'object' && value && typeof value === 'object') {
			merge(existing as Json, value as Json);
		} else into[key] = value;
	}
}

function selectFields(rows: Json[], source: string | null, typeName: string): Json[] {
	if (source === null) return rows;
	const paths = source.split(',').map((p) => p.trim().split('.'));
	const has = fieldChecker(rows);
	for (const path of paths) {
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(path[0]) || !has(path[0])) {
			throw invalidQuery(`Could not find a property named '${path[0]}' on type '${typeName}'.`);
		}
	}
	return rows.map((row) => {
		const out: Json = {};
		for (const path of paths) merge(out, pick(row, path) as Json);
		return out;
	});
}

function withExpansions<T>(resource: Resource<T>, entry: Entry<T>, names: string[]): Json {
	if (names.length === 0) return entry.row;
	const row = { ...entry.row };
	for (const name of names) row[name] = resource.expand![name](entry.record);
	return row;
}

/** A list endpoint's answer: the bare array (or the count for `$count=true`). */
export function queryList<T>(
	records: readonly T[],
	query: URLSearchParams,
	resource: Resource<T>,
): unknown {
	checkOptions(query, LIST_OPTIONS, false);
	const top = nonNegativeInteger(query, '$top') ?? DEFAULT_TOP;
	if (top > MAX_TOP) {
		throw invalidQuery(
			`The limit of '${MAX_TOP}' for Top query has been exceeded. The value from the incoming request is '${top}'.`,
		);
	}
	const skip = nonNegativeInteger(query, '$skip');
	const order = query.get('$orderby');
	if (skip !== undefined && order === null) {
		throw invalidQuery('The $skip query option can only be used together with $orderby.');
	}
	const names = expandNames(resource, query);
	const filter = query.get('$filter');
	const count = query.get('$count')?.toLowerCase() === 'true';
	const from = skip ?? 0;
	const presorted = presortedDirection(order, resource.orderedBy ?? 'id');
	let entries: Array<Entry<T>>;
	if (filter === null && !count && presorted !== undefined) {
		const ordered = presorted === 'asc' ? records : [...records].reverse();
		entries = ordered
			.slice(from, from + top)
			.map((record) => ({ record, row: resource.present(record) }));
	} else {
		entries = records.map((record) => ({ record, row: resource.present(record) }));
		if (filter !== null) {
			const has = fieldChecker(entries.map((e) => e.row));
			const predicate = compileFilter(filter, has, resource.typeName);
			entries = entries.filter((e) => predicate(e.row));
		}
		if (order !== null) orderBy(entries, order, resource.typeName);
		if (count) return entries.length;
		entries = entries.slice(from, from + top);
	}
	const rows = entries.map((entry) => withExpansions(resource, entry, names));
	return selectFields(rows, query.get('$select'), resource.typeName);
}

/** A single-record endpoint's answer (`$select` and `$expand` only). */
export function queryOne<T>(record: T, query: URLSearchParams, resource: Resource<T>): unknown {
	checkOptions(query, SINGLE_OPTIONS, true);
	const names = expandNames(resource, query);
	const row = withExpansions(resource, { record, row: resource.present(record) }, names);
	return selectFields([row], query.get('$select'), resource.typeName)[0];
}
