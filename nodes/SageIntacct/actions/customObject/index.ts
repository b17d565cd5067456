import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../../shared/fieldError';
import type { IntacctClient } from '../../transport/client';
import { contentControlId } from '../../transport/controlId';
import { create, deleteRecords, update } from '../../transport/functions';
import type { XmlObject } from '../../transport/xml';
import { fieldsOption, returnAllOrLimit } from '../common/descriptions';
import type { IntacctOperation, ReadOperation, WriteOperation } from '../common/operation';
import { controlIdVersion, jsonParam, stringParam } from '../common/params';

/** Any Intacct object by name, with raw fields: for objects this node has no resource for. */
const show = (operation: string) => ({ resource: ['customObject'], operation: [operation] });
const all = { resource: ['customObject'] };

const objectName: INodeProperties = {
	displayName: 'Object',
	name: 'object',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'VENDOR',
	displayOptions: { show: all },
	description: 'The Intacct object name, e.g. VENDOR, CLASS, PROJECT, or a custom object',
};

function objectParam(ctx: IExecuteFunctions, i: number): string {
	const object = stringParam(ctx, 'object', i, { required: true });
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(object))
		throw new FieldError(
			'object',
			`"${object}" is not an object name`,
			'Use letters, digits and _',
		);
	return object.toUpperCase();
}

function fieldsParam(ctx: IExecuteFunctions, i: number): XmlObject {
	const value = jsonParam(ctx, 'fieldsJson', i, 'fieldsJson');
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw new FieldError(
			'fieldsJson',
			'must be a JSON object of field names and values',
			'E.g. {"VENDORID":"V1","NAME":"Acme"}',
		);
	}
	return value as XmlObject;
}

const query: ReadOperation = {
	kind: 'read',
	description: [
		...returnAllOrLimit(show('query')),
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '',
			displayOptions: { show: show('query') },
			placeholder: "STATUS = 'T'",
		},
		fieldsOption(show('query')),
	],
	async execute(this: IExecuteFunctions, i: number, client: IntacctClient) {
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
		return client.readByQueryAll(
			objectParam(this, i),
			stringParam(this, 'fields', i) || '*',
			stringParam(this, 'query', i),
			{ limit },
		);
	},
};

const read: ReadOperation = {
	kind: 'read',
	description: [
		{
			displayName: 'Record Numbers',
			name: 'recordNos',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: show('read') },
			description: 'Comma-separated RECORDNOs',
		},
		fieldsOption(show('read')),
	],
	async execute(this: IExecuteFunctions, i: number, client: IntacctClient) {
		const keys = stringParam(this, 'recordNos', i, { required: true })
			.split(',')
			.map((k) => k.trim())
			.filter(Boolean);
		return client.read(objectParam(this, i), keys, stringParam(this, 'fields', i) || '*');
	},
};

function rawWrite(kind: 'create' | 'update'): WriteOperation {
	return {
		kind: 'write',
		description: [
			{
				displayName: 'Fields (JSON)',
				name: 'fieldsJson',
				type: 'json',
				required: true,
				default: '{}',
				displayOptions: { show: show(kind) },
				description:
					kind === 'update'
						? 'Include RECORDNO or the ID field to say which record'
						: 'Field names as Intacct spells them',
			},
		],
		async prepare(this: IExecuteFunctions, i: number) {
			const object = objectParam(this, i);
			const body = (kind === 'create' ? create : update)(object, fieldsParam(this, i));
			return {
				label: `${object} record`,
				call: {
					controlId: contentControlId(kind, object, body, controlIdVersion(this, i)),
					name: kind,
					xml: body,
				},
				output: (result) => (result.records[0] ?? {}) as IDataObject,
			};
		},
	};
}

const deleteRecord: WriteOperation = {
	kind: 'write',
	description: [
		{
			displayName: 'Record Number',
			name: 'recordNo',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: show('delete') },
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const object = objectParam(this, i);
		const recordNo = stringParam(this, 'recordNo', i, { required: true });
		const body = deleteRecords(object, [recordNo]);
		return {
			label: `${object} ${recordNo}`,
			call: {
				controlId: contentControlId('delete', object, body, controlIdVersion(this, i)),
				name: 'delete',
				xml: body,
			},
			output: () => ({ RECORDNO: recordNo, deleted: true }),
		};
	},
};

export const customObjectOperations: Record<string, IntacctOperation> = {
	query,
	read,
	create: rawWrite('create'),
	update: rawWrite('update'),
	delete: deleteRecord,
};

export const customObjectSelector: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: all },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a record of any object' },
			{ name: 'Delete', value: 'delete', action: 'Delete a record of any object' },
			{ name: 'Query', value: 'query', action: 'Query records of any object' },
			{ name: 'Read', value: 'read', action: 'Read records of any object by record number' },
			{ name: 'Update', value: 'update', action: 'Update a record of any object' },
		],
		default: 'query',
	},
	objectName,
];
