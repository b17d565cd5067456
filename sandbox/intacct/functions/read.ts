import { child, el } from '../../shared/xml';
import type { FieldType, StoredRecord } from '../objects/types';
import { renderRecord, resolveSelection } from '../objects/projection';
import { requireObject, requireXmlFormat, rowBuilder, splitKeys } from './common';
import type { FunctionHandler } from './types';

/**
 * When `read` gets no keys the sandbox returns the first 100 records (UNCONFIRMED; some doc
 * versions describe an empty key list that way).
 */
const READ_ALL_LIMIT = 100;

function readOutput(
	ctx: Parameters<FunctionHandler>[0],
	element: Parameters<FunctionHandler>[1],
	find: (keys: string[]) => StoredRecord[],
) {
	const { def } = requireObject(element);
	const selection = resolveSelection(def, child(element, 'fields')?.text);
	requireXmlFormat(element, 'returnFormat');
	const records = find(splitKeys(child(element, 'keys')?.text));
	const row = rowBuilder(ctx, def);
	return {
		data: el(
			'data',
			{ listtype: def.name.toLowerCase(), count: records.length },
			records.map((record) => renderRecord(def, selection, record, row(record))),
		),
	};
}

/** `<read>`: keys are RECORDNOs; missing records are simply absent; owned lines included. */
export const read: FunctionHandler = (ctx, element) =>
	readOutput(ctx, element, (keys) => {
		const { def } = requireObject(element);
		if (keys.length === 0) return ctx.store.list(def.name).slice(0, READ_ALL_LIMIT);
		return keys
			.filter((k) => /^\d+$/.test(k))
			.map((k) => ctx.store.get(def.name, Number(k)))
			.filter((r): r is StoredRecord => r !== undefined);
	});

/** `<readByName>`: keys are the object's ID field values (RECORDNO for objects without one). */
export const readByName: FunctionHandler = (ctx, element) =>
	readOutput(ctx, element, (keys) => {
		const { def } = requireObject(element);
		return keys
			.map((k) =>
				def.idField
					? ctx.store.findOne(def.name, def.idField, k)
					: /^\d+$/.test(k)
						? ctx.store.get(def.name, Number(k))
						: undefined,
			)
			.filter((r): r is StoredRecord => r !== undefined);
	});

const DATATYPES: Record<FieldType, string> = {
	text: 'TEXT',
	integer: 'INTEGER',
	money: 'CURRENCY',
	date: 'DATE',
	datetime: 'TIMESTAMP',
	boolean: 'BOOLEAN',
	status: 'ENUM',
	enum: 'ENUM',
};

/**
 * `<lookup>` (lite): the object's fields as `<Type><Fields><Field>` (spec §5.5). The wrapping
 * `<data listtype="All" count="1">` is UNCONFIRMED; relationships are not modelled.
 */
export const lookup: FunctionHandler = (_ctx, element) => {
	const { def } = requireObject(element);
	const fields = def.fields.map((f) =>
		el(
			'Field',
			null,
			el('ID', null, f.name),
			el('LABEL', null, f.name),
			el('DESCRIPTION', null),
			el('REQUIRED', null, String(!!f.required)),
			el('READONLY', null, String(!!f.readOnly)),
			el('DATATYPE', null, DATATYPES[f.type]),
			f.values || f.type === 'status'
				? el(
						'VALIDVALUES',
						null,
						(f.values ?? ['active', 'inactive']).map((v) => el('VALIDVALUE', null, v)),
					)
				: undefined,
			el('ISCUSTOM', null, 'false'),
		),
	);
	return {
		data: el(
			'data',
			{ listtype: 'All', count: 1 },
			el(
				'Type',
				{ Name: def.name, DocumentType: '' },
				el('Fields', null, fields),
				el('Relationships', null),
			),
		),
	};
};
