import { validationFailed } from './errors';
import type { FieldProblem } from './errors';
import { byModifiedThenId } from './store';
import type { Stamped } from './types';
import { parseTimestamp } from './validate';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;
/** Query parameters every list endpoint takes, before its own filters. */
export const PAGING_PARAMS = ['page', 'pageSize', 'modifiedSince'] as const;

/** How a filter's query value is read: free text, `true`/`false`, or one of a list. */
export type FilterKind = 'string' | 'boolean' | readonly string[];

export interface Filter<T> {
	kind: FilterKind;
	test(record: T, value: string | boolean): boolean;
}

export type Filters<T> = Record<string, Filter<T>>;

export interface ListPage {
	data: unknown[];
	page: number;
	pageSize: number;
	total: number;
	hasMore: boolean;
}

/** Exact match on a string (or null) field. */
export function equals<T>(get: (record: T) => string | null): Filter<T> {
	return { kind: 'string', test: (record, value) => get(record) === value };
}

/** `synced=true|false` on records with a `sage.synced` flag. */
export function syncedFilter<T extends { sage: { synced: boolean } }>(): Filter<T> {
	return { kind: 'boolean', test: (record, value) => record.sage.synced === value };
}

function positiveInteger(text: string, max: number): number | undefined {
	if (!/^\d+$/.test(text)) return undefined;
	const n = Number(text);
	return n >= 1 && n <= max ? n : undefined;
}

/**
 * Filters, orders (modifiedAt, then id) and pages a collection. Unknown or repeated query
 * parameters and bad values are a 400 naming the parameter.
 */
export function listRecords<T extends Stamped>(
	records: readonly T[],
	query: URLSearchParams,
	filters: Filters<T>,
	present: (record: T) => unknown,
): ListPage {
	const problems: FieldProblem[] = [];
	const active: Array<{ filter: Filter<T>; value: string | boolean }> = [];
	let page = 1;
	let pageSize = DEFAULT_PAGE_SIZE;
	let since: string | undefined;
	for (const name of new Set(query.keys())) {
		const values = query.getAll(name);
		const value = values[0];
		if (values.length > 1) {
			problems.push({ field: name, message: 'must be given at most once' });
		} else if (name === 'page') {
			const n = positiveInteger(value, Number.MAX_SAFE_INTEGER);
			if (n === undefined) problems.push({ field: name, message: 'must be an integer >= 1' });
			else page = n;
		} else if (name === 'pageSize') {
			const n = positiveInteger(value, MAX_PAGE_SIZE);
			if (n === undefined) {
				problems.push({ field: name, message: `must be an integer from 1 to ${MAX_PAGE_SIZE}` });
			} else pageSize = n;
		} else if (name === 'modifiedSince') {
			since = parseTimestamp(value);
			if (since === undefined) {
				problems.push({ field: name, message: 'must be an ISO-8601 timestamp with a time zone' });
			}
		} else if (Object.prototype.hasOwnProperty.call(filters, name)) {
			const filter = filters[name];
			if (filter.kind === 'boolean') {
				if (value === 'true' || value === 'false') active.push({ filter, value: value === 'true' });
				else problems.push({ field: name, message: 'must be true or false' });
			} else if (filter.kind !== 'string' && !filter.kind.includes(value)) {
				problems.push({ field: name, message: `must be one of: ${filter.kind.join(', ')}` });
			} else active.push({ filter, value });
		} else {
			problems.push({ field: name, message: 'is not a supported query parameter' });
		}
	}
	if (problems.length > 0) throw validationFailed(problems);
	const matching = records
		.filter((r) => since === undefined || r.modifiedAt >= since)
		.filter((r) => active.every(({ filter, value }) => filter.test(r, value)))
		.sort(byModifiedThenId);
	const start = (page - 1) * pageSize;
	return {
		data: matching.slice(start, start + pageSize).map(present),
		page,
		pageSize,
		total: matching.length,
		hasMore: start + pageSize < matching.length,
	};
}
