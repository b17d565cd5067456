import { parseMoney } from '../../shared/money';
import { parseUsDateTime } from '../dates';
import { errors, fail } from '../errors';
import { findField, formatFieldValue } from '../objects/fields';
import type { FieldDef, FieldValue, ObjectDef, Row } from '../objects/types';

/**
 * Typed, SQL-like comparisons shared by readByQuery (string grammar) and query (structured
 * filter). Predicates are three-valued like the Oracle database behind Intacct: a comparison
 * with an empty field is unknown (null), and only rows that evaluate to true are returned.
 * Empty strings count as NULL, as they do in Oracle.
 */
export type Predicate = (row: Row) => boolean | null;
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export interface CompareOptions {
	/** query `<options><caseinsensitive>`; readByQuery comparisons are case-sensitive. */
	caseInsensitive?: boolean;
}

type Key = string | number;

export function resolveQueryField(def: ObjectDef, name: string): FieldDef {
	return findField(def.fields, name) ?? fail(errors.unknownField(name, def.name));
}

export function storedKey(
	field: FieldDef,
	value: FieldValue | undefined,
	opts: CompareOptions,
): Key | null {
	if (value === undefined || value === '') return null;
	switch (field.type) {
		case 'integer':
		case 'money':
			return value as number;
		case 'date':
			return `${String(value)}T00:00:00`;
		case 'text':
			return opts.caseInsensitive ? String(value).toLowerCase() : String(value);
		default:
			return String(value);
	}
}

function invalidLiteral(field: FieldDef, literal: string): never {
	fail(errors.queryError(`Invalid value '${literal}' for field ${field.name}.`));
}

/** Converts a query literal into the same key space as the stored value. */
function literalKey(field: FieldDef, literal: string, opts: CompareOptions): Key {
	switch (field.type) {
		case 'integer':
			if (!/^-?\d+(\.\d+)?$/.test(literal.trim())) invalidLiteral(field, literal);
			return Number(literal);
		case 'money':
			return parseMoney(literal) ?? invalidLiteral(field, literal);
		case 'date':
		case 'datetime':
			// Dates are mm/dd/yyyy[ HH:MM:SS]; ISO literals are rejected (spec §5.1).
			return parseUsDateTime(literal) ?? invalidLiteral(field, literal);
		case 'boolean': {
			const upper = literal.toUpperCase();
			if (upper === 'T' || upper === 'TRUE') return 'true';
			if (upper === 'F' || upper === 'FALSE') return 'false';
			return invalidLiteral(field, literal);
		}
		case 'status':
		case 'enum': {
			const alias = field.queryAliases?.[literal];
			if (alias !== undefined) return alias;
			const known = field.values?.find((v) => v.toLowerCase() === literal.toLowerCase());
			return known ?? (field.type === 'status' ? literal.toLowerCase() : literal);
		}
		case 'text':
			return opts.caseInsensitive ? literal.toLowerCase() : literal;
	}
}

export function compareKeys(a: Key, b: Key): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const [x, y] = [String(a), String(b)];
	return x < y ? -1 : x > y ? 1 : 0;
}

const OPS: Record<CompareOp, (c: number) => boolean> = {
	'=': (c) => c === 0,
	'!=': (c) => c !== 0,
	'<': (c) => c < 0,
	'<=': (c) => c <= 0,
	'>': (c) => c > 0,
	'>=': (c) => c >= 0,
};

export function comparison(
	field: FieldDef,
	op: CompareOp,
	literal: string,
	opts: CompareOptions = {},
): Predicate {
	const want = literalKey(field, literal, opts);
	const test = OPS[op];
	return (row) => {
		const have = storedKey(field, row[field.name], opts);
		return have === null ? null : test(compareKeys(have, want));
	};
}

export function between(
	field: FieldDef,
	low: string,
	high: string,
	opts: CompareOptions = {},
): Predicate {
	return and([comparison(field, '>=', low, opts), comparison(field, '<=', high, opts)]);
}

export function inList(
	field: FieldDef,
	literals: string[],
	negated: boolean,
	opts: CompareOptions = {},
): Predicate {
	const wanted = literals.map((l) => literalKey(field, l, opts));
	return (row) => {
		const have = storedKey(field, row[field.name], opts);
		if (have === null) return null;
		const found = wanted.some((w) => compareKeys(have, w) === 0);
		return negated ? !found : found;
	};
}

/** SQL LIKE: `%` any run, `_` one character; matched against the wire form of the value. */
export function like(
	field: FieldDef,
	pattern: string,
	negated: boolean,
	opts: CompareOptions = {},
): Predicate {
	const source = pattern
		.split('')
		.map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	const regex = new RegExp(`^${source}$`, opts.caseInsensitive ? 'si' : 's');
	return (row) => {
		const value = row[field.name];
		if (value === undefined || value === '') return null;
		const found = regex.test(formatFieldValue(field, value));
		return negated ? !found : found;
	};
}

export function isNull(field: FieldDef, negated: boolean): Predicate {
	return (row) => {
		const value = row[field.name];
		const empty = value === undefined || value === '';
		return negated ? !empty : empty;
	};
}

export function and(parts: Predicate[]): Predicate {
	return (row) => {
		let unknown = false;
		for (const p of parts) {
			const r = p(row);
			if (r === false) return false;
			if (r === null) unknown = true;
		}
		return unknown ? null : true;
	};
}

export function or(parts: Predicate[]): Predicate {
	return (row) => {
		let unknown = false;
		for (const p of parts) {
			const r = p(row);
			if (r === true) return true;
			if (r === null) unknown = true;
		}
		return unknown ? null : false;
	};
}

export function not(part: Predicate): Predicate {
	return (row) => {
		const r = part(row);
		return r === null ? null : !r;
	};
}

export const matchAll: Predicate = () => true;
