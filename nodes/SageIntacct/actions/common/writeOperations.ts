import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../../shared/fieldError';
import { contentControlId, controlIdFor } from '../../transport/controlId';
import { create, deleteRecords, update } from '../../transport/functions';
import type { XmlObject } from '../../transport/xml';
import type { WriteOperation } from './operation';
import { checkString, collectionParam, controlIdVersion, stringParam } from './params';
import { recordNoValue } from './readOperations';

type Show = { resource: string[]; operation: string[] };

/** Delete by RECORDNO with the generic function (status-only result). */
export function makeDeleteByRecordNo(options: {
	object: string;
	idProperty: INodeProperties;
	what: string;
}): WriteOperation {
	return {
		kind: 'write',
		description: [options.idProperty],
		async prepare(this: IExecuteFunctions, i: number) {
			const recordNo = recordNoValue(
				stringParam(this, options.idProperty.name, i, { required: true }),
				options.idProperty.name,
			);
			return {
				label: `${options.what} ${recordNo}`,
				call: {
					controlId: controlIdFor('delete', options.object, recordNo, controlIdVersion(this, i)),
					name: 'delete',
					xml: deleteRecords(options.object, [recordNo]),
				},
				output: () => ({ RECORDNO: recordNo, deleted: true }),
			};
		},
	};
}

export interface SimpleField {
	field: string;
	displayName: string;
	description?: string;
	options?: Array<{ name: string; value: string }>;
}

/** Create for flat objects (GL accounts, locations, departments): ID field + required + optional fields. */
export function makeSimpleCreate(options: {
	show: Show;
	object: string;
	idField: SimpleField;
	required: SimpleField[];
	optional: SimpleField[];
	what: string;
}): WriteOperation {
	const param = (f: SimpleField, required: boolean): INodeProperties => ({
		displayName: f.displayName,
		name: f.field,
		type: f.options ? 'options' : 'string',
		options: f.options,
		required,
		default: f.options ? f.options[0].value : '',
		description: f.description,
	});
	return {
		kind: 'write',
		description: [
			...[options.idField, ...options.required].map((f) => ({
				...param(f, true),
				displayOptions: { show: options.show },
			})),
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				displayOptions: { show: options.show },
				options: options.optional.map((f) => param(f, false)),
			},
		],
		async prepare(this: IExecuteFunctions, i: number) {
			const id = stringParam(this, options.idField.field, i, {
				required: true,
				label: options.idField.field,
			});
			const xml: XmlObject = { [options.idField.field]: id };
			for (const f of options.required)
				xml[f.field] = stringParam(this, f.field, i, { required: true, label: f.field });
			Object.assign(
				xml,
				optionalFields(collectionParam(this, 'additionalFields', i), options.optional),
			);
			return {
				label: `${options.what} ${id}`,
				call: {
					controlId: controlIdFor('create', options.object, id, controlIdVersion(this, i)),
					name: 'create',
					xml: create(options.object, xml),
				},
				lookup: { object: options.object, field: options.idField.field, value: id },
				output: (result) => ({ ...result.records[0], ...(xml as IDataObject) }),
			};
		},
	};
}

/** Update for flat objects, keyed by the ID field; only the fields given change. */
export function makeSimpleUpdate(options: {
	show: Show;
	object: string;
	idField: SimpleField;
	fields: SimpleField[];
	what: string;
}): WriteOperation {
	return {
		kind: 'write',
		description: [
			{
				displayName: options.idField.displayName,
				name: options.idField.field,
				type: 'string',
				required: true,
				default: '',
				displayOptions: { show: options.show },
			},
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				displayOptions: { show: options.show },
				options: options.fields.map((f) => ({
					displayName: f.displayName,
					name: f.field,
					type: f.options ? 'options' : 'string',
					options: f.options,
					default: f.options ? f.options[0].value : '',
					description: f.description,
				})) as INodeProperties[],
			},
		],
		async prepare(this: IExecuteFunctions, i: number) {
			const id = stringParam(this, options.idField.field, i, {
				required: true,
				label: options.idField.field,
			});
			const changes = optionalFields(collectionParam(this, 'updateFields', i), options.fields);
			if (Object.keys(changes).length === 0)
				throw new FieldError('updateFields', 'is empty', 'Add at least one field to change');
			const xml: XmlObject = { [options.idField.field]: id, ...changes };
			const body = update(options.object, xml);
			return {
				label: `${options.what} ${id}`,
				call: {
					controlId: contentControlId('update', options.object, body, controlIdVersion(this, i)),
					name: 'update',
					xml: body,
				},
				output: (result) => ({ ...result.records[0], ...(xml as IDataObject) }),
			};
		},
	};
}

function optionalFields(values: IDataObject, fields: SimpleField[]): XmlObject {
	const out: XmlObject = {};
	for (const f of fields) {
		const value = checkString(values[f.field], f.field);
		if (value !== '') out[f.field] = value;
	}
	return out;
}
