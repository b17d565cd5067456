import type { IExecuteFunctions } from 'n8n-workflow';

import { FieldError } from '../../shared/fieldError';
import type { TheLayerClient } from '../transport/client';
import { paths } from '../transport/contract';
import { collection, compact, createOnce, makeGet, makeGetMany, str } from './common';
import type { LayerOperation, Show } from './operation';

const on = (resource: string, operation: string): Show => ({
	resource: [resource],
	operation: [operation],
});

export const subCompany: Record<string, LayerOperation> = {
	get: makeGet(on('subCompany', 'get'), paths.subCompanies, 'Sub-Company'),
	getAll: makeGetMany(on('subCompany', 'getAll'), paths.subCompanies),
};

export const paymentMethod: Record<string, LayerOperation> = {
	get: makeGet(on('paymentMethod', 'get'), paths.paymentMethods, 'Payment Method'),
	getAll: makeGetMany(on('paymentMethod', 'getAll'), paths.paymentMethods),
};

const nominalCreate: LayerOperation = {
	description: [
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('nominalCode', 'create') },
			description: 'Unique; a re-run returns the existing code',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('nominalCode', 'create') },
		},
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			displayOptions: { show: on('nominalCode', 'create') },
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const code = str(this, 'code', i, true);
		const body = {
			code,
			name: str(this, 'name', i, true),
			active: this.getNodeParameter('active', i, true) as boolean,
		};
		return async (client: TheLayerClient) => {
			return [await createOnce(client, paths.nominalCodes, body, { code })];
		};
	},
};

const nominalUpdate: LayerOperation = {
	description: [
		{
			displayName: 'Nominal Code ID',
			name: 'id',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: on('nominalCode', 'update') },
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: on('nominalCode', 'update') },
			options: [
				{ displayName: 'Active', name: 'active', type: 'boolean', default: true },
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			],
		},
	],
	async prepare(this: IExecuteFunctions, i: number) {
		const body = compact(collection(this, 'updateFields', i));
		if (Object.keys(body).length === 0)
			throw new FieldError('updateFields', 'is empty', 'Add at least one field to change');
		return async (client: TheLayerClient) => {
			return [
				await client.request('PATCH', paths.record(paths.nominalCodes, str(this, 'id', i, true)), {
					body,
				}),
			];
		};
	},
};

export const nominalCode: Record<string, LayerOperation> = {
	create: nominalCreate,
	get: makeGet(on('nominalCode', 'get'), paths.nominalCodes, 'Nominal Code'),
	getAll: makeGetMany(on('nominalCode', 'getAll'), paths.nominalCodes, [
		{ displayName: 'Code', name: 'code', type: 'string', default: '' },
	]),
	update: nominalUpdate,
};
