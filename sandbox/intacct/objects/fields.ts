import { formatMoney, parseMoney } from '../../shared/money';
import type { XmlElement } from '../../shared/xml';
import { formatUsDate, formatUsDateTime, parseUsDate, parseUsDateTime } from '../dates';
import { errors, FunctionFailure } from '../errors';
import type { FieldDef, FieldType, FieldValue, ObjectDef } from './types';

type Extra = Omit<FieldDef, 'name' | 'type'>;
const field =
	(type: FieldType) =>
	(name: string, extra: Extra = {}): FieldDef => ({ name, type, ...extra });

export const text = field('text');
export const integer = field('integer');
export const money = field('money');
export const date = field('date');
export const datetime = field('datetime');
export const boolean = field('boolean');
export const status = (name = 'STATUS'): FieldDef => ({
	name,
	type: 'status',
	defaultValue: 'active',
	// readByQuery filters status flags as 'T'/'F' (spec §5.1).
	queryAliases: { T: 'active', F: 'inactive' },
});
export const enumeration = (
	name: string,
	values: readonly string[],
	extra: Extra = {},
): FieldDef => ({
	name,
	type: 'enum',
	values,
	...extra,
});

export const RECORDNO = integer('RECORDNO', { readOnly: true });
export const WHENCREATED = datetime('WHENCREATED', { readOnly: true });
export const WHENMODIFIED = datetime('WHENMODIFIED', { readOnly: true });

const fieldIndex = new WeakMap<readonly FieldDef[], Map<string, FieldDef>>();

export function findField(fields: readonly FieldDef[], name: string): FieldDef | undefined {
	let index = fieldIndex.get(fields);
	if (!index) {
		index = new Map(fields.map((f) => [f.name, f]));
		fieldIndex.set(fields, index);
	}
	return index.get(name.toUpperCase());
}

/** Fields whose dotted name starts with `GROUP.`, so `DISPLAYCONTACT` selects the whole contact. */
export function fieldsInGroup(fields: readonly FieldDef[], group: string): FieldDef[] {
	const prefix = `${group.toUpperCase()}.`;
	return fields.filter((f) => f.name.startsWith(prefix));
}

/**
 * Parses a value sent in create/update. Text is kept exactly as sent; an empty non-text value
 * means "not set" (undefined). Throws a FunctionFailure for values of the wrong shape.
 */
export function parseFieldInput(
	fieldDef: FieldDef,
	raw: string,
	object: string,
): FieldValue | undefined {
	if (fieldDef.type === 'text') return raw;
	const value = raw.trim();
	if (value === '') return undefined;
	const invalid = (expected: string) =>
		new FunctionFailure([errors.invalidValue(fieldDef.name, raw, object, expected)]);
	switch (fieldDef.type) {
		case 'integer':
			if (!/^-?\d+$/.test(value)) throw invalid('an integer');
			return Number(value);
		case 'money': {
			const minor = parseMoney(value);
			if (minor === undefined) throw invalid('a decimal number');
			return minor;
		}
		case 'date': {
			const iso = parseUsDate(value);
			if (!iso) throw invalid('a date mm/dd/yyyy');
			return iso;
		}
		case 'datetime': {
			const iso = parseUsDateTime(value);
			if (!iso) throw invalid('a date-time mm/dd/yyyy HH:MM:SS');
			return iso;
		}
		case 'boolean':
			if (!/^(true|false)$/i.test(value)) throw invalid('true or false');
			return value.toLowerCase();
		case 'status':
			if (!/^(active|inactive)$/i.test(value)) throw invalid('active or inactive');
			return value.toLowerCase();
		case 'enum': {
			const match = fieldDef.values?.find((v) => v.toLowerCase() === value.toLowerCase());
			if (match === undefined) throw invalid((fieldDef.values ?? []).join(', '));
			return match;
		}
	}
}

/** Wire form of a stored value (money with 2 decimals, dates as mm/dd/yyyy). */
export function formatFieldValue(fieldDef: FieldDef, value: FieldValue | undefined): string {
	if (value === undefined) return '';
	switch (fieldDef.type) {
		case 'money':
			return formatMoney(value as number);
		case 'date':
			return formatUsDate(String(value));
		case 'datetime':
			return formatUsDateTime(String(value));
		default:
			return String(value);
	}
}

/**
 * Flattens a generic create/update object element into dotted UPPERCASE field names
 * (`<DISPLAYCONTACT><EMAIL1>` -> `DISPLAYCONTACT.EMAIL1`), skipping the line collection.
 */
export function flattenInput(element: XmlElement, skip?: string): Map<string, string> {
	const values = new Map<string, string>();
	const walk = (el: XmlElement, prefix: string) => {
		for (const c of el.children) {
			const name = c.name.toUpperCase();
			if (prefix === '' && name === skip) continue;
			if (c.children.length > 0) walk(c, `${prefix}${name}.`);
			else values.set(`${prefix}${name}`, c.text);
		}
	};
	walk(element, '');
	return values;
}

/**
 * Turns flattened input into stored values: unknown fields fail, read-only fields are ignored,
 * and on create the defaults are applied and required fields checked.
 */
export function buildValues(
	def: ObjectDef,
	input: Map<string, string>,
	mode: 'create' | 'update',
): Record<string, FieldValue> {
	const values: Record<string, FieldValue> = {};
	const cleared: string[] = [];
	for (const [name, raw] of input) {
		const fieldDef = findField(def.fields, name);
		if (!fieldDef) {
			throw new FunctionFailure([
				errors.businessRule(`Unknown field '${name}' for object ${def.name}.`, 'Invalid field'),
			]);
		}
		if (fieldDef.readOnly) continue;
		const value = parseFieldInput(fieldDef, raw, def.name);
		if (value === undefined) cleared.push(name);
		else values[name] = value;
	}
	if (mode === 'create') {
		for (const fieldDef of def.fields) {
			if (values[fieldDef.name] === undefined && fieldDef.defaultValue !== undefined) {
				values[fieldDef.name] = fieldDef.defaultValue;
			}
			if (fieldDef.required && (values[fieldDef.name] ?? '') === '') {
				throw new FunctionFailure([errors.requiredField(fieldDef.name, def.name)]);
			}
		}
	} else {
		// An empty element in an update clears the field (stored as '').
		for (const name of cleared) values[name] = '';
	}
	return values;
}
