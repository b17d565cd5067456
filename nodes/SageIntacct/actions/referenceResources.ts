import type { INodeProperties } from 'n8n-workflow';

import { equalsFilter, makeGetByName, makeGetMany } from './common/readOperations';
import type { IntacctOperation } from './common/operation';
import {
	makeDeleteByRecordNo,
	makeSimpleCreate,
	makeSimpleUpdate,
	type SimpleField,
} from './common/writeOperations';
import { recordNoProperty } from './common/rlc';

/**
 * Reference data the sync maps to: GL accounts (nominal codes), bank accounts, locations,
 * departments and entities. They share one shape, so they are built from one definition each.
 */
interface ReferenceDefinition {
	resource: string;
	object: string;
	what: string;
	idField: SimpleField;
	required?: SimpleField[];
	optional?: SimpleField[];
	writable: boolean;
	defaultFields: string;
}

const STATUS: SimpleField = {
	field: 'STATUS',
	displayName: 'Status',
	options: [
		{ name: 'Active', value: 'active' },
		{ name: 'Inactive', value: 'inactive' },
	],
};

export const referenceDefinitions: ReferenceDefinition[] = [
	{
		resource: 'glAccount',
		object: 'GLACCOUNT',
		what: 'GL account',
		idField: { field: 'ACCOUNTNO', displayName: 'Account Number' },
		required: [{ field: 'TITLE', displayName: 'Title' }],
		optional: [
			{
				field: 'ACCOUNTTYPE',
				displayName: 'Account Type',
				options: [
					{ name: 'Income Statement', value: 'incomestatement' },
					{ name: 'Balance Sheet', value: 'balancesheet' },
				],
			},
			{
				field: 'NORMALBALANCE',
				displayName: 'Normal Balance',
				options: [
					{ name: 'Credit', value: 'credit' },
					{ name: 'Debit', value: 'debit' },
				],
			},
			STATUS,
		],
		writable: true,
		defaultFields: 'RECORDNO,ACCOUNTNO,TITLE,ACCOUNTTYPE,NORMALBALANCE,STATUS,WHENMODIFIED',
	},
	{
		resource: 'bankAccount',
		object: 'CHECKINGACCOUNT',
		what: 'bank account',
		idField: { field: 'BANKACCOUNTID', displayName: 'Bank Account ID' },
		writable: false,
		defaultFields: '*',
	},
	{
		resource: 'location',
		object: 'LOCATION',
		what: 'location',
		idField: { field: 'LOCATIONID', displayName: 'Location ID' },
		required: [{ field: 'NAME', displayName: 'Name' }],
		optional: [{ field: 'PARENTID', displayName: 'Parent Location ID' }, STATUS],
		writable: true,
		defaultFields: '*',
	},
	{
		resource: 'department',
		object: 'DEPARTMENT',
		what: 'department',
		idField: { field: 'DEPARTMENTID', displayName: 'Department ID' },
		required: [{ field: 'TITLE', displayName: 'Title' }],
		optional: [{ field: 'PARENTID', displayName: 'Parent Department ID' }, STATUS],
		writable: true,
		defaultFields: '*',
	},
	{
		resource: 'entity',
		object: 'LOCATIONENTITY',
		what: 'entity',
		idField: { field: 'LOCATIONID', displayName: 'Entity ID' },
		writable: false,
		defaultFields: '*',
	},
];

function buildOperations(def: ReferenceDefinition): Record<string, IntacctOperation> {
	const show = (operation: string) => ({ resource: [def.resource], operation: [operation] });
	const idProperty = (operation: string): INodeProperties => ({
		displayName: def.idField.displayName,
		name: 'id',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: show(operation) },
	});
	const ops: Record<string, IntacctOperation> = {
		get: makeGetByName({
			show: show('get'),
			object: def.object,
			idProperty: idProperty('get'),
			what: def.what,
		}),
		getAll: makeGetMany({
			show: show('getAll'),
			object: def.object,
			defaultFields: def.defaultFields,
			extraFilters: [
				{
					displayName: 'Active Only',
					name: 'activeOnly',
					type: 'boolean',
					default: true,
				},
			],
			buildFilters: (f) => equalsFilter('STATUS', f.activeOnly === false ? undefined : 'T'),
		}),
	};
	if (def.writable) {
		ops.create = makeSimpleCreate({
			show: show('create'),
			object: def.object,
			idField: def.idField,
			required: def.required ?? [],
			optional: def.optional ?? [],
			what: def.what,
		});
		ops.update = makeSimpleUpdate({
			show: show('update'),
			object: def.object,
			idField: def.idField,
			fields: [...(def.required ?? []), ...(def.optional ?? [])],
			what: def.what,
		});
		ops.delete = makeDeleteByRecordNo({
			object: def.object,
			idProperty: recordNoProperty(show('delete'), capitalise(def.what)),
			what: def.what,
		});
	}
	return ops;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export const referenceOperations: Record<
	string,
	Record<string, IntacctOperation>
> = Object.fromEntries(referenceDefinitions.map((def) => [def.resource, buildOperations(def)]));
