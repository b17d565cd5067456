import { notFound } from './errors';
import { queryList, queryOne } from './odata/query';
import type { Resource } from './odata/query';
import type { CompanyData, Sage200Store, Table } from './store';
import type { Edition, Stamped } from './types';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The two API prefixes (spec §1); both serve the same sites. */
export const API_PREFIXES: Readonly<Record<Edition, string>> = {
	standard: '/uk/sage200/accounts/v1',
	professional: '/uk/sage200extra/accounts/v1',
};

export interface Reply {
	status: number;
	/** undefined: an empty 200 (DELETE). */
	body: unknown;
}

interface Context {
	store: Sage200Store;
	edition: Edition;
	/** Path parameters by name as in the OpenAPI path (`Id`, `customerId`). */
	params: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON body (undefined for GET or an empty body). */
	body: unknown;
}

/** A company resource: X-Site and X-Company picked `company`. */
export interface CompanyContext extends Context {
	company: CompanyData;
}

interface RouteBase {
	method: HttpMethod;
	/** Path under the API prefix, written as in Sage's OpenAPI files, e.g. `/customers/{Id}`. */
	path: string;
	/** Sage's operationId for it (meter and fault matching use it). */
	operationId: string;
}

/** Needs X-Site and X-Company. */
export interface CompanyRoute extends RouteBase {
	scope: 'company';
	handle(context: CompanyContext): Reply;
}

/** Only needs the user's token (`/sites`, `/current_user`). */
export interface UserRoute extends RouteBase {
	scope: 'user';
	handle(context: Context): Reply;
}

export type Route = CompanyRoute | UserRoute;

export const ok = (body: unknown): Reply => ({ status: 200, body });

/** A numeric path id, or 404 (the API's ids are int64). */
export function pathId(context: Context, name = 'Id'): number {
	const raw = context.params[name];
	if (!/^\d{1,15}$/.test(raw)) throw notFound(`No ${name} '${raw}' was found.`);
	return Number(raw);
}

/** The record a path id names, or 404. */
export function mustGet<T extends Stamped>(table: Table<T>, id: number, label: string): T {
	const record = table.get(id);
	if (!record) throw notFound(`No ${label} with id ${id} was found.`);
	return record;
}

type ResourceOf<T> = (context: CompanyContext) => Resource<T>;

/** `GET <path>`: the OData list over `records`. */
export function listRoute<T>(
	operationId: string,
	path: string,
	resource: ResourceOf<T>,
	records: (context: CompanyContext) => readonly T[],
): CompanyRoute {
	return {
		method: 'GET',
		path,
		operationId,
		scope: 'company',
		handle: (context) => ok(queryList(records(context), context.query, resource(context))),
	};
}

/** `GET <path>/{Id}`: one record ($select/$expand only). */
export function getRoute<T extends Stamped>(
	operationId: string,
	path: string,
	resource: ResourceOf<T>,
	table: (context: CompanyContext) => Table<T>,
	label: string,
): CompanyRoute {
	return {
		method: 'GET',
		path,
		operationId,
		scope: 'company',
		handle: (context) => {
			const record = mustGet(table(context), pathId(context), label);
			return ok(queryOne(record, context.query, resource(context)));
		},
	};
}
