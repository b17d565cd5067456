import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseCalendarDate, toIsoDate } from '../../shared/dates';
import { FieldError } from '../../shared/fieldError';
import { ApiHttpError } from '../../shared/jsonTransport';
import { formatMoney, parseMoney } from '../../shared/money';
import { settle } from '../../shared/settle';
import type { TheLayerClient } from '../transport/client';
import { layerError } from '../transport/client';
import { paths } from '../transport/contract';
import type { LayerOperation, Show } from './operation';
import { returnAllOrLimit } from '../../shared/descriptions';
import { textParam } from '../../shared/params';

export const str = textParam;

export function collection(ctx: IExecuteFunctions, name: string, i: number): IDataObject {
	const value = ctx.getNodeParameter(name, i, {}) as unknown;
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** Money as a JSON number with two decimals at most, parsed exactly first. */
export function money(
	value: unknown,
	field: string,
	allowNegative = false,
	allowZero = false,
): number {
	return Number(formatMoney(parseMoney(value, field, { allowNegative, allowZero })));
}

export function isoDate(value: unknown, field: string): string {
	return toIsoDate(parseCalendarDate(value, field));
}

export function currency(value: unknown, field = 'currency'): string | undefined {
	if (value === undefined || value === '') return undefined;
	const text = String(value).toUpperCase();
	if (!/^[A-Z]{3}$/.test(text))
		throw new FieldError(
			field,
			`"${String(value)}" is not an ISO currency code`,
			'Use e.g. GBP, EUR',
		);
	return text;
}

/** Keeps only the defined, non-empty values. */
export function compact(record: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== ''));
}

/** Get Many over a list endpoint: Return All / Limit, Modified Since and the resource's filters. */
export function makeGetMany(
	show: Show,
	path: string,
	filters: INodeProperties[] = [],
): LayerOperation {
	return {
		description: [
			...returnAllOrLimit(show),
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: { show },
				options: [
					{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '' },
					...filters,
				],
			},
		],
		async prepare(this: IExecuteFunctions, i: number) {
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
			const qs = compact(collection(this, 'filters', i));
			if (qs.modifiedSince) qs.modifiedSince = new Date(String(qs.modifiedSince)).toISOString();
			return async (client: TheLayerClient) => {
				return client.list(path, qs, limit);
			};
		},
	};
}

export function idProperty(show: Show, displayName: string, name = 'id'): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
	};
}

export function makeGet(
	show: Show,
	path: string,
	what: string,
	id: INodeProperties = idProperty(show, `${what} ID`),
): LayerOperation {
	return {
		description: [id],
		async prepare(this: IExecuteFunctions, i: number) {
			return async (client: TheLayerClient) => {
				return [
					await client.request('GET', paths.record(path, str(this, id.name, i, true, id.name))),
				];
			};
		},
	};
}

/**
 * Creates a record exactly once. When it has a business key (invoice number, payment reference,
 * Sage transaction ID) an existing record is looked up first and returned instead of creating a
 * second; if The Layer still answers 409 (a concurrent or interrupted earlier attempt), the record
 * it names is returned.
 */
export async function createOnce(
	client: TheLayerClient,
	path: string,
	body: IDataObject,
	key?: IDataObject,
): Promise<IDataObject> {
	if (key) {
		const existing = await client.findOne(path, key);
		if (existing) return { ...existing, outcome: 'alreadyExists' };
	}
	const posted = await settle(
		client.request('POST', path, { body, idempotent: key !== undefined }),
	);
	if (posted.ok) return { ...posted.value, outcome: 'created' };
	const existingId = layerError(posted.error)?.existingId;
	if (posted.error instanceof ApiHttpError && posted.error.status === 409 && existingId) {
		return {
			...(await client.request('GET', paths.record(path, existingId))),
			outcome: 'alreadyExists',
		};
	}
	return await Promise.reject(posted.error);
}

const SAGE_SYNC_FIELDS: INodeProperties[] = [
	{ displayName: 'Synced', name: 'synced', type: 'boolean', default: true },
	{
		displayName: 'Sage Transaction ID',
		name: 'sageTransactionId',
		type: 'string',
		default: '',
		description: 'The record in Sage: Intacct RECORDNO or Sage 200 URN/ID',
	},
	{
		displayName: 'Last Sync Error',
		name: 'lastSyncError',
		type: 'string',
		default: '',
		description: 'Shown in The Layer so the user can fix and retry. Leave empty to clear it.',
	},
];

/** Records the outcome of a sync on a Layer record (invoice, payment, credit note, refund). */
export function makeSageSync(show: Show, path: string, what: string): LayerOperation {
	return {
		description: [
			idProperty(show, `${what} ID`),
			...SAGE_SYNC_FIELDS.map((p) => ({ ...p, displayOptions: { show } })),
		],
		async prepare(this: IExecuteFunctions, i: number) {
			const synced = this.getNodeParameter('synced', i, true) as boolean;
			const body: IDataObject = {
				synced,
				sageTransactionId: str(this, 'sageTransactionId', i) || null,
				lastSyncError: str(this, 'lastSyncError', i) || null,
				lastSyncedAt: synced ? new Date().toISOString() : null,
			};
			return async (client: TheLayerClient) => {
				return [
					await client.request('PUT', paths.sageSync(path, str(this, 'id', i, true)), { body }),
				];
			};
		},
	};
}
