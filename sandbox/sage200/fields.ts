import { badRequest } from './errors';
import { requestDay, sageDate, scaled, toAmount } from './values';

/**
 * Field tables: one entry per API field of a resource, with the type and length the OpenAPI
 * files give it. Request bodies are read and responses written from the same table, so a field
 * is added in one place. Stored values: strings as text (empty when unset), `money` as integer
 * pence, `date` as `YYYY-MM-DD`, ids and other integers as numbers or null.
 */
export type FieldKind = 'string' | 'int' | 'money' | 'decimal' | 'bool' | 'date';

export interface FieldSpec {
	kind: FieldKind;
	/** string: maximum length. */
	max?: number;
	/** decimal: maximum decimal places. */
	dp?: number;
	/** string: the accepted values (Sage enum names). */
	values?: readonly string[];
	/** int: smallest value accepted (default: any). */
	min?: number;
	/** Set by Sage; ignored in request bodies. */
	readOnly?: boolean;
	/** Sage 200 Professional only: not shown on Standard (spec §12). */
	pro?: boolean;
	required?: boolean;
	/** Stored form of the value when the request does not give one. */
	default?: StoredValue;
}

export type StoredValue = string | number | boolean | null;
export type Row = Record<string, StoredValue>;
export type Specs = Readonly<Record<string, FieldSpec>>;

export const text = (max: number, extra: Partial<FieldSpec> = {}): FieldSpec => ({
	kind: 'string',
	max,
	...extra,
});
export const int = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ kind: 'int', ...extra });
export const money = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ kind: 'money', ...extra });
export const bool = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ kind: 'bool', ...extra });
export const date = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ kind: 'date', ...extra });
export const decimal = (dp: number, extra: Partial<FieldSpec> = {}): FieldSpec => ({
	kind: 'decimal',
	dp,
	...extra,
});

const ENTRIES = new WeakMap<Specs, Array<[string, FieldSpec]>>();

/** `Object.entries(specs)`, computed once per table (the customer table has 130 fields). */
function entriesOf(specs: Specs): Array<[string, FieldSpec]> {
	let entries = ENTRIES.get(specs);
	if (!entries) {
		entries = Object.entries(specs);
		ENTRIES.set(specs, entries);
	}
	return entries;
}

/** `name`, `lines[0].code`: how a field is named in messages. */
export function fieldPath(prefix: string, key: string): string {
	return prefix === '' ? key : `${prefix}.${key}`;
}

function problem(path: string, message: string): never {
	throw badRequest(`The field '${path}' ${message}.`);
}

export function asObject(value: unknown, path: string): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		if (path === '') throw badRequest('The request body must be a JSON object.');
		problem(path, 'must be a JSON object');
	}
	return value as Record<string, unknown>;
}

export function asArray(value: unknown, path: string): unknown[] {
	if (!Array.isArray(value)) problem(path, 'must be a JSON array');
	return value;
}

/** One request value in its stored form; throws a 400 naming the field when it is not valid. */
export function readValue(spec: FieldSpec, value: unknown, path: string): StoredValue {
	switch (spec.kind) {
		case 'string': {
			if (typeof value !== 'string') return problem(path, 'must be a string');
			if (spec.max !== undefined && [...value].length > spec.max) {
				return problem(path, `must be at most ${spec.max} characters long`);
			}
			if (spec.values && !spec.values.includes(value)) {
				return problem(path, `must be one of: ${spec.values.join(', ')}`);
			}
			return value;
		}
		case 'int':
			if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
				return problem(path, 'must be an integer');
			}
			if (spec.min !== undefined && value < spec.min) {
				return problem(path, `must be at least ${spec.min}`);
			}
			return value;
		case 'money': {
			const pence = typeof value === 'number' ? scaled(value, 2) : undefined;
			if (pence === undefined) return problem(path, 'must be a number with at most 2 decimals');
			return pence;
		}
		case 'decimal': {
			const dp = spec.dp ?? 2;
			if (typeof value !== 'number' || scaled(value, dp) === undefined) {
				return problem(path, `must be a number with at most ${dp} decimals`);
			}
			return value;
		}
		case 'bool':
			if (typeof value !== 'boolean') return problem(path, 'must be true or false');
			return value;
		case 'date': {
			const day = typeof value === 'string' ? requestDay(value) : undefined;
			if (day === undefined) {
				return problem(path, 'must be a date-time such as 2024-05-01T00:00:00');
			}
			return day;
		}
	}
}

/** The default stored value of a field the request leaves out. */
export function defaultOf(spec: FieldSpec): StoredValue {
	if (spec.default !== undefined) return spec.default;
	if (spec.kind === 'string') return '';
	if (spec.kind === 'bool') return false;
	if (spec.kind === 'money') return 0;
	if (spec.kind === 'decimal') return 0;
	return null;
}

export interface ReadOptions {
	/** Full read (create): defaults for what is missing, required fields enforced. */
	create: boolean;
	/** Path prefix for messages, e.g. `main_address`. */
	path?: string;
}

/**
 * Reads the writable fields of `specs` from a request object. Unknown and read-only keys are
 * ignored (as Sage's JSON binding does); `null` counts as absent. On update only the keys
 * present come back, so the caller merges them.
 */
export function readRow(specs: Specs, value: unknown, options: ReadOptions): Row {
	const prefix = options.path ?? '';
	const source = asObject(value, prefix);
	const row: Row = {};
	for (const [key, spec] of entriesOf(specs)) {
		if (spec.readOnly) continue;
		const raw = source[key];
		const path = fieldPath(prefix, key);
		if (raw === undefined || raw === null) {
			if (options.create && spec.required) problem(path, 'is required');
			if (options.create) row[key] = defaultOf(spec);
			continue;
		}
		row[key] = readValue(spec, raw, path);
		if (spec.required && row[key] === '') problem(path, 'is required');
	}
	return row;
}

/** A stored value as the API prints it. */
export function presentValue(spec: FieldSpec, value: StoredValue | undefined): StoredValue {
	if (value === undefined || value === null) {
		return spec.kind === 'money' ? 0 : (defaultOf(spec) ?? null);
	}
	if (spec.kind === 'money') return toAmount(value as number);
	if (spec.kind === 'date') return sageDate(value as string);
	return value;
}

/**
 * Every field of `specs` in table order, added to `out`; Professional-only ones left out on
 * Standard.
 */
export function presentRow(
	specs: Specs,
	row: Row,
	edition: 'standard' | 'professional',
	out: Record<string, unknown> = {},
): Record<string, unknown> {
	for (const [key, spec] of entriesOf(specs)) {
		if (spec.pro && edition === 'standard') continue;
		out[key] = presentValue(spec, row[key]);
	}
	return out;
}
