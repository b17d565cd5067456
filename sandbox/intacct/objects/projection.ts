import { el } from '../../shared/xml';
import type { Xml } from '../../shared/xml';
import { errors, FunctionFailure } from '../errors';
import { fieldsInGroup, findField, formatFieldValue } from './fields';
import type { FieldDef, ObjectDef, Row, StoredRecord } from './types';

export interface Selection {
	fields: FieldDef[];
	/** Whether owned lines (e.g. ARINVOICEITEMS) are returned; `read` only. */
	includeLines: boolean;
}

/**
 * Resolves a `fields` list (`*`, empty, or comma-separated names). A group name such as
 * DISPLAYCONTACT selects all its nested fields. Unknown names fail with DL02000001.
 */
export function resolveSelection(def: ObjectDef, fieldsParam: string | undefined): Selection {
	const names = (fieldsParam ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter((n) => n !== '');
	if (names.length === 0 || names.includes('*')) {
		return { fields: def.fields, includeLines: def.lines !== undefined };
	}
	const fields: FieldDef[] = [];
	let includeLines = false;
	for (const name of names) {
		const upper = name.toUpperCase();
		const exact = findField(def.fields, upper);
		const group = exact ? [exact] : fieldsInGroup(def.fields, upper);
		if (def.lines && upper === def.lines.collection) includeLines = true;
		else if (group.length === 0) throw new FunctionFailure([errors.unknownField(name, def.name)]);
		for (const f of group) if (!fields.includes(f)) fields.push(f);
	}
	return { fields, includeLines };
}

/** The record's stored values plus computed ones (e.g. CUSTOMER TOTALDUE). */
export type RowBuilder = (record: StoredRecord) => Row;

type Tree = Map<string, Tree | string>;

function toXml(tree: Tree): Xml[] {
	return [...tree].map(([name, node]) =>
		typeof node === 'string' ? el(name, null, node) : el(name, null, toXml(node)),
	);
}

/**
 * Field elements for one row. `nested` groups dotted names into nested elements
 * (`<DISPLAYCONTACT><EMAIL1>`), as read/readByQuery return them; otherwise dotted names are
 * element names as they are (query).
 */
export function renderFields(fields: readonly FieldDef[], row: Row, nested: boolean): Xml[] {
	if (!nested) return fields.map((f) => el(f.name, null, formatFieldValue(f, row[f.name])));
	const tree: Tree = new Map();
	for (const f of fields) {
		const parts = f.name.split('.');
		let node = tree;
		for (const part of parts.slice(0, -1)) {
			let next = node.get(part);
			if (typeof next !== 'object') {
				next = new Map();
				node.set(part, next);
			}
			node = next;
		}
		node.set(parts[parts.length - 1], formatFieldValue(f, row[f.name]));
	}
	return toXml(tree);
}

/** One record element for read/readByQuery: `<customer><RECORDNO>…</RECORDNO>…</customer>`. */
export function renderRecord(
	def: ObjectDef,
	selection: Selection,
	record: StoredRecord,
	row: Row,
	elementName = def.name.toLowerCase(),
): Xml {
	const lines =
		selection.includeLines && def.lines
			? el(
					def.lines.collection,
					null,
					(record.lines ?? []).map((line) =>
						el(def.lines!.item, null, renderFields(def.lines!.fields, line, true)),
					),
				)
			: undefined;
	return el(elementName, null, renderFields(selection.fields, row, true), lines);
}

/** JSON view of a record for the control API (wire-formatted values, lines included). */
export function recordToJson(
	def: ObjectDef,
	row: Row,
	record: StoredRecord,
): Record<string, unknown> {
	const json: Record<string, unknown> = {};
	for (const f of def.fields) json[f.name] = formatFieldValue(f, row[f.name]);
	if (def.lines) {
		json[def.lines.collection] = (record.lines ?? []).map((line) => {
			const out: Record<string, string> = {};
			for (const f of def.lines!.fields) out[f.name] = formatFieldValue(f, line[f.name]);
			return out;
		});
	}
	return json;
}
