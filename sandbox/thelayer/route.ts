import { notFound } from './errors';
import { listRecords, PAGING_PARAMS } from './listing';
import type { Filters } from './listing';
import type { LayerStore } from './store';
import type { CollectionName, Collections } from './types';
import type { BodyReader } from './validate';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface RouteContext {
	store: LayerStore;
	/** Path parameters by name (`id`, `contactId`). */
	params: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON body (undefined for GET or an empty body). */
	body: unknown;
}

export interface Reply {
	status: number;
	body: unknown;
}

/** One API operation; `path` is written as in the OpenAPI document, e.g. `/api/v1/invoices/{id}`. */
export interface Route {
	method: HttpMethod;
	path: string;
	operationId: string;
	/** List endpoints: every query parameter accepted (paging first, then filters). */
	queryParams?: readonly string[];
	handle(context: RouteContext): Reply;
}

export const API_PREFIX = '/api/v1';

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });

/** What each collection is called in messages. */
const LABEL: Record<CollectionName, string> = {
	'sub-companies': 'sub-company',
	'payment-methods': 'payment method',
	'nominal-codes': 'nominal code',
	customers: 'customer',
	contacts: 'contact',
	invoices: 'invoice',
	payments: 'payment',
	'credit-notes': 'credit note',
	refunds: 'refund',
	'sage-transactions': 'Sage transaction',
};

/** The record a path id names, or 404. */
export function mustGet<C extends CollectionName>(
	store: LayerStore,
	name: C,
	id: string,
): Collections[C] {
	const record = store.get(name, id);
	if (!record) throw notFound(LABEL[name], id);
	return record;
}

/**
 * Checks that a body field naming another record (`customerId`, `paymentMethodId`, …) points at
 * one; records a 400 problem on the field when it does not.
 */
export function checkReference<C extends CollectionName>(
	store: LayerStore,
	reader: BodyReader,
	key: string,
	name: C,
	id: string | null | undefined,
): Collections[C] | undefined {
	if (typeof id !== 'string') return undefined;
	const record = store.get(name, id);
	if (!record) reader.problem(key, `does not match any ${LABEL[name]}`);
	return record;
}

/** `GET <path>`: a page of a collection. */
export function listRoute<C extends CollectionName>(
	operationId: string,
	path: string,
	collection: C,
	filters: Filters<Collections[C]>,
	present: (store: LayerStore, record: Collections[C]) => unknown,
	scope: (context: RouteContext) => Array<Collections[C]> = ({ store }) => store.all(collection),
): Route {
	return {
		method: 'GET',
		path,
		operationId,
		queryParams: [...PAGING_PARAMS, ...Object.keys(filters)],
		handle: (context) =>
			ok(listRecords(scope(context), context.query, filters, (r) => present(context.store, r))),
	};
}

/** `GET <path>/{id}`: one record. */
export function getRoute<C extends CollectionName>(
	operationId: string,
	path: string,
	collection: C,
	present: (store: LayerStore, record: Collections[C]) => unknown,
): Route {
	return {
		method: 'GET',
		path,
		operationId,
		handle: ({ store, params }) => ok(present(store, mustGet(store, collection, params.id))),
	};
}
