import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chunk } from '../../../shared/batch';
import { FieldError } from '../../../shared/fieldError';
import type { IntacctClient } from '../../transport/client';
import { contentControlId, controlIdFor } from '../../transport/controlId';
import { create, queryIn, update } from '../../transport/functions';
import type { BatchOperation, ItemOutcome, PreparedWrite } from '../common/operation';
import { collectionParam, controlIdVersion, stringParam } from '../common/params';
import { attempt, runPlannedWrites } from '../common/runWritesPrepared';
import { CUSTOMER_OUTPUT_FIELDS, customerFieldOptions, customerXml } from './fields';

const show = { resource: ['customer'], operation: ['upsert'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		options: [
			{
				name: 'Customer ID',
				value: 'customerId',
				description: 'Find the customer whose CUSTOMERID equals the Customer ID',
			},
			{
				name: 'Name',
				value: 'name',
				description: 'Find the customer whose NAME equals the Name exactly',
			},
		],
		default: 'customerId',
		displayOptions: { show },
	},
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		default: '',
		displayOptions: { show },
		description:
			'CUSTOMERID; required when matching by ID, and used when a new customer has to be created',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: customerFieldOptions,
	},
];

interface Input {
	itemIndex: number;
	customerId: string;
	name: string;
	fields: IDataObject;
	version: string;
}

export const upsert: BatchOperation = {
	kind: 'batch',
	description: properties,
	async run(
		this: IExecuteFunctions,
		indexes: number[],
		client: IntacctClient,
	): Promise<ItemOutcome[]> {
		const matchBy = this.getNodeParameter('matchBy', 0) as 'customerId' | 'name';
		const matchField = matchBy === 'name' ? 'NAME' : 'CUSTOMERID';
		return runPlannedWrites<Input>(
			this,
			indexes,
			client,
			(itemIndex) => ({
				itemIndex,
				customerId: stringParam(this, 'customerId', itemIndex, {
					required: matchBy === 'customerId',
					maxLength: 20,
				}),
				name: stringParam(this, 'name', itemIndex, { required: true, maxLength: 100 }),
				fields: collectionParam(this, 'additionalFields', itemIndex),
				version: controlIdVersion(this, itemIndex),
			}),
			async (items) => {
				const keyOf = (x: Input) => (matchBy === 'name' ? x.name : x.customerId);
				const keys = [...new Set(items.map((x) => keyOf(x.input)))];
				const existing = new Map<string, IDataObject[]>();
				for (const part of chunk(keys, 100)) {
					for (const record of await client.readByQueryAll(
						'CUSTOMER',
						CUSTOMER_OUTPUT_FIELDS,
						queryIn(matchField, part),
					)) {
						const key = String(record[matchField]);
						existing.set(key, [...(existing.get(key) ?? []), record]);
					}
				}
				return items.map((x) =>
					attempt(() => prepareOne(x.input, existing.get(keyOf(x.input)) ?? [])),
				);
			},
		);
	},
};

function prepareOne(input: Input, matches: IDataObject[]): PreparedWrite {
	if (matches.length > 1) {
		throw new FieldError(
			'name',
			`matches ${matches.length} Intacct customers (${matches.map((m) => m.CUSTOMERID).join(', ')})`,
			'Match by Customer ID instead, or make the names unique in Intacct',
		);
	}
	if (matches.length === 1) {
		const customerId = String(matches[0].CUSTOMERID);
		const body = update(
			'CUSTOMER',
			customerXml({ customerId, name: input.name }, input.fields, 'update'),
		);
		return {
			label: `customer ${customerId}`,
			call: {
				controlId: contentControlId('update', 'CUSTOMER', body, input.version),
				name: 'update',
				xml: body,
			},
			output: (result) => ({
				...matches[0],
				...result.records[0],
				NAME: input.name,
				action: 'updated',
			}),
			existing: (record) => ({ ...record, action: 'updated' }),
			lookup: {
				object: 'CUSTOMER',
				field: 'CUSTOMERID',
				value: customerId,
				fields: CUSTOMER_OUTPUT_FIELDS,
			},
		};
	}
	if (!input.customerId) {
		throw new FieldError(
			'customerId',
			`is needed to create "${input.name}", which matches no Intacct customer`,
			'Map a Customer ID',
		);
	}
	const body = create(
		'CUSTOMER',
		customerXml({ customerId: input.customerId, name: input.name }, input.fields, 'create'),
	);
	return {
		label: `customer ${input.customerId}`,
		call: {
			controlId: controlIdFor('create', 'CUSTOMER', input.customerId, input.version),
			name: 'create',
			xml: body,
		},
		output: (result) => ({
			...result.records[0],
			CUSTOMERID: input.customerId,
			NAME: input.name,
			action: 'created',
		}),
		existing: (record) => ({ ...record, action: 'created' }),
		lookup: {
			object: 'CUSTOMER',
			field: 'CUSTOMERID',
			value: input.customerId,
			fields: CUSTOMER_OUTPUT_FIELDS,
		},
	};
}
