import { child, el } from '../../shared/xml';
import type { Xml, XmlElement } from '../../shared/xml';
import type { IntacctContext } from '../context';
import { errors, fail, FunctionFailure } from '../errors';
import { buildValues, flattenInput } from '../objects/fields';
import { findObject } from '../objects/registry';
import type { ObjectDef, StoredRecord } from '../objects/types';
import { splitKeys, withTrailingError } from './common';
import type { FunctionHandler, FunctionOutput } from './types';

/** `<data listtype="objects" count="0"/>`, which precedes the errors of a failed create/update. */
const EMPTY_OBJECTS = el('data', { listtype: 'objects', count: 0 });

function objectDefOf(element: XmlElement): ObjectDef {
	return findObject(element.name) ?? fail(errors.objectNotFound(element.name));
}

function notSupported(def: ObjectDef, verb: string): never {
	// UNCONFIRMED text: e.g. ARINVOICE must be created with create_invoice (spec §6.3).
	fail(
		errors.businessRule(
			`The generic ${verb} function is not supported for ${def.name}${
				def.name === 'ARINVOICE' && verb === 'create' ? '; use create_invoice' : ''
			}.`,
			'Operation not supported',
		),
	);
}

/** `<customer><RECORDNO>8346</RECORDNO><CUSTOMERID>C1</CUSTOMERID></customer>` */
function createdElement(def: ObjectDef, record: StoredRecord): Xml {
	return el(
		def.name.toLowerCase(),
		null,
		el('RECORDNO', null, record.recordNo),
		def.idField ? el(def.idField, null, String(record.values[def.idField] ?? '')) : undefined,
	);
}

function checkRequired(def: ObjectDef, values: Record<string, unknown>): void {
	for (const f of def.fields) {
		if (f.required && (values[f.name] ?? '') === '') fail(errors.requiredField(f.name, def.name));
	}
}

function checkUniqueId(
	ctx: IntacctContext,
	def: ObjectDef,
	values: Record<string, unknown>,
	self?: number,
): void {
	if (!def.idField) return;
	const id = values[def.idField] as string;
	const clash = ctx.store.findOne(def.name, def.idField, id);
	if (clash && clash.recordNo !== self) {
		fail(def.duplicateError?.(id) ?? errors.duplicateId(def.label, id));
	}
}

function createOne(ctx: IntacctContext, element: XmlElement): StoredRecord {
	const def = objectDefOf(element);
	return withTrailingError(errors.couldNotCreate(def.label), () => {
		if (!def.generic.create) notSupported(def, 'create');
		if (def.createRecord) return def.createRecord(ctx, { values: flattenInput(element), element });
		const values = buildValues(def, flattenInput(element), 'create');
		checkUniqueId(ctx, def, values);
		def.validate?.(ctx, values, undefined);
		return ctx.store.insert(def.name, values);
	});
}

function updateOne(ctx: IntacctContext, element: XmlElement): StoredRecord {
	const def = objectDefOf(element);
	return withTrailingError(errors.couldNotUpdate(def.label), () => {
		if (!def.generic.update) notSupported(def, 'update');
		const input = flattenInput(element);
		const recordNo = input.get('RECORDNO')?.trim();
		const id = def.idField ? input.get(def.idField) : undefined;
		input.delete('RECORDNO');
		let existing: StoredRecord | undefined;
		if (recordNo) existing = ctx.store.get(def.name, Number(recordNo));
		else if (def.idField && id !== undefined)
			existing = ctx.store.findOne(def.name, def.idField, id);
		else
			fail(errors.requiredField(def.idField ? `RECORDNO or ${def.idField}` : 'RECORDNO', def.name));
		if (!existing) {
			const [field, value] = recordNo ? ['RECORDNO', recordNo] : [def.idField!, id!];
			fail(errors.updateMissing(def.name, field, value));
		}
		const patch = buildValues(def, input, 'update');
		const merged = { ...existing.values, ...patch };
		checkRequired(def, merged);
		checkUniqueId(ctx, def, merged, existing.recordNo);
		def.validate?.(ctx, merged, existing);
		return ctx.store.update(def.name, existing.recordNo, merged);
	});
}

function writeEach(
	ctx: IntacctContext,
	element: XmlElement,
	write: (ctx: IntacctContext, object: XmlElement) => StoredRecord,
): FunctionOutput {
	if (element.children.length === 0)
		fail(errors.xmlParse(`<${element.name}> needs at least one object.`));
	const billed: Record<string, number> = {};
	const out: Xml[] = [];
	try {
		for (const object of element.children) {
			const record = write(ctx, object);
			const def = findObject(object.name)!;
			billed[def.name] = (billed[def.name] ?? 0) + 1;
			out.push(createdElement(def, record));
		}
	} catch (error) {
		// A failed create/update still carries an empty objects list ahead of its errors [DOC-req].
		if (error instanceof FunctionFailure) throw new FunctionFailure(error.errors, EMPTY_OBJECTS);
		throw error;
	}
	return { data: el('data', { listtype: 'objects', count: out.length }, out), billed };
}

export const create: FunctionHandler = (ctx, element) => writeEach(ctx, element, createOne);
export const update: FunctionHandler = (ctx, element) => writeEach(ctx, element, updateOne);

/** Deletes records (after the object's delete rules); shared by generic and legacy deletes. */
export function deleteRecord(
	ctx: IntacctContext,
	def: ObjectDef,
	field: string,
	key: string,
): void {
	withTrailingError(errors.couldNotDelete(def.label), () => {
		if (!def.generic.delete) notSupported(def, 'delete');
		const record =
			field === 'RECORDNO'
				? /^\d+$/.test(key)
					? ctx.store.get(def.name, Number(key))
					: undefined
				: ctx.store.findOne(def.name, field, key);
		if (!record) fail(errors.deleteMissing(def.name, field, key));
		def.beforeDelete?.(ctx, record);
		ctx.store.remove(def.name, record.recordNo);
	});
}

/** `<delete><object>X</object><keys>1,2</keys></delete>`: status-only result. */
export const deleteFunction: FunctionHandler = (ctx, element) => {
	const def = findObject(child(element, 'object')?.text ?? '');
	if (!def) fail(errors.objectNotFound((child(element, 'object')?.text ?? '').trim()));
	const keys = splitKeys(child(element, 'keys')?.text);
	if (keys.length === 0) fail(errors.requiredField('keys', 'delete'));
	for (const key of keys) deleteRecord(ctx, def, 'RECORDNO', key);
	return { billed: { [def.name]: keys.length } };
};
