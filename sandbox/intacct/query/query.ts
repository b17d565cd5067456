import { childrenNamed, child } from '../../shared/xml';
import type { XmlElement } from '../../shared/xml';
import { errors, fail } from '../errors';
import type { FieldDef, ObjectDef, Row } from '../objects/types';
import * as p from './predicates';
import type { CompareOptions, CompareOp, Predicate } from './predicates';

/**
 * The structured `query` function's `<filter>` and `<orderby>` (spec §5.4). Field references are
 * this object's fields (dotted names for nested ones); relationship paths to other objects are
 * not modelled.
 */
const COMPARISONS: Record<string, CompareOp> = {
	equalto: '=',
	notequalto: '!=',
	lessthan: '<',
	lessthanorequalto: '<=',
	greaterthan: '>',
	greaterthanorequalto: '>=',
};

const MAX_IN_VALUES = 1000;

function bad(detail: string): never {
	fail(errors.queryError(detail));
}

function fieldOf(def: ObjectDef, op: XmlElement): FieldDef {
	const fields = childrenNamed(op, 'field');
	if (fields.length !== 1) bad(`<${op.name}> needs exactly one <field>.`);
	return p.resolveQueryField(def, fields[0].text.trim());
}

function valuesOf(op: XmlElement, min: number, max: number): string[] {
	const values = childrenNamed(op, 'value').map((v) => v.text);
	if (values.length < min || values.length > max) {
		bad(`<${op.name}> needs ${min === max ? min : `${min} to ${max}`} <value> element(s).`);
	}
	return values;
}

function compileOperator(def: ObjectDef, op: XmlElement, opts: CompareOptions): Predicate {
	const name = op.name;
	if (name in COMPARISONS)
		return p.comparison(fieldOf(def, op), COMPARISONS[name], valuesOf(op, 1, 1)[0], opts);
	switch (name) {
		case 'between': {
			const [low, high] = valuesOf(op, 2, 2);
			return p.between(fieldOf(def, op), low, high, opts);
		}
		case 'in':
		case 'notin':
			return p.inList(fieldOf(def, op), valuesOf(op, 1, MAX_IN_VALUES), name === 'notin', opts);
		case 'like':
		case 'notlike':
			return p.like(fieldOf(def, op), valuesOf(op, 1, 1)[0], name === 'notlike', opts);
		case 'isnull':
		case 'isnotnull':
			return p.isNull(fieldOf(def, op), name === 'isnotnull');
		case 'and':
		case 'or': {
			if (op.children.length < 2) bad(`<${name}> needs at least two conditions.`);
			const parts = op.children.map((c) => compileOperator(def, c, opts));
			return name === 'and' ? p.and(parts) : p.or(parts);
		}
		default:
			return bad(`Unknown filter operator <${name}>.`);
	}
}

export function compileQueryFilter(
	def: ObjectDef,
	filter: XmlElement | undefined,
	opts: CompareOptions,
): Predicate {
	if (!filter) return p.matchAll;
	if (filter.children.length !== 1) bad('<filter> needs exactly one top-level operator.');
	return compileOperator(def, filter.children[0], opts);
}

/** `<select><field>…</field></select>`; `*` and aggregates are not supported. */
export function parseSelect(def: ObjectDef, select: XmlElement | undefined): FieldDef[] {
	if (!select || select.children.length === 0) bad('<select> needs at least one <field>.');
	return select.children.map((c) => {
		if (c.name !== 'field') fail(errors.unsupported(`The query aggregate <${c.name}>`));
		if (c.text.trim() === '*') bad('Selecting all fields with * is not supported by query.');
		return p.resolveQueryField(def, c.text.trim());
	});
}

export type RowComparator = (a: Row, b: Row) => number;

/**
 * `<orderby><order><field/><ascending/>|<descending/></order>…`. Empty values sort last when
 * ascending and first when descending (Oracle's default). Ties, and a query without orderby,
 * fall back to RECORDNO ascending (the sandbox's documented default order).
 */
export function parseOrderBy(
	def: ObjectDef,
	orderby: XmlElement | undefined,
	opts: CompareOptions,
): RowComparator {
	const orders = childrenNamed(orderby, 'order').map((order) => ({
		field: fieldOf(def, order),
		descending: child(order, 'descending') !== undefined,
	}));
	return (a, b) => {
		for (const { field, descending } of orders) {
			const x = p.storedKey(field, a[field.name], opts);
			const y = p.storedKey(field, b[field.name], opts);
			let c: number;
			if (x === null || y === null) c = x === y ? 0 : x === null ? 1 : -1;
			else c = p.compareKeys(x, y);
			if (c !== 0) return descending ? -c : c;
		}
		return (a.RECORDNO as number) - (b.RECORDNO as number);
	};
}
