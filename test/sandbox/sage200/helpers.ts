import { COMPANY_IDS, DEMO_SITE_ID, startSage200Sandbox } from '../../../sandbox/sage200/server';
import type { Sage200Sandbox, Sage200SandboxOptions } from '../../../sandbox/sage200/server';

export { COMPANY_IDS, DEMO_SITE_ID };
export type { Sage200Sandbox };

/** Response bodies are read loosely here; shape.test.ts checks them against Sage's OpenAPI files. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply {
	status: number;
	headers: Headers;
	body: Json;
}

export async function startSandbox(options: Sage200SandboxOptions = {}): Promise<Sage200Sandbox> {
	return startSage200Sandbox(options);
}

const tokens = new WeakMap<Sage200Sandbox, string>();

/** A live access token for the sandbox (one per sandbox, minted without the browser step). */
export async function tokenFor(sandbox: Sage200Sandbox): Promise<string> {
	let token = tokens.get(sandbox);
	if (token === undefined || !sandbox.tokens.verify(token)) {
		token = (await sandbox.issueToken()).access_token;
		tokens.set(sandbox, token);
	}
	return token;
}

export interface RequestOptions {
	/** Default: a live token; `null` sends no Authorization header. */
	token?: string | null;
	/** Default: the demo site; `null` leaves X-Site out. */
	site?: string | null;
	/** Default: Demo UK Ltd; `null` leaves X-Company out. */
	company?: number | string | null;
	edition?: 'standard' | 'professional';
	body?: unknown;
	query?: Record<string, string | number>;
}

/** Calls the API; `path` is relative to the edition's base, e.g. `/customers`. */
export async function api(
	sandbox: Sage200Sandbox,
	method: string,
	path: string,
	options: RequestOptions = {},
): Promise<Reply> {
	const url = new URL(`${sandbox.apiBase[options.edition ?? 'professional']}${path}`);
	for (const [key, value] of Object.entries(options.query ?? {})) {
		url.searchParams.set(key, String(value));
	}
	const headers: Record<string, string> = { Accept: 'application/json' };
	const token = options.token === undefined ? await tokenFor(sandbox) : options.token;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	const site = options.site === undefined ? DEMO_SITE_ID : options.site;
	if (site !== null) headers['X-Site'] = site;
	const company = options.company === undefined ? COMPANY_IDS.uk : options.company;
	if (company !== null) headers['X-Company'] = String(company);
	const init: RequestInit = { method, headers };
	if (options.body !== undefined) {
		init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['Content-Type'] = 'application/json';
	}
	const response = await fetch(url, init);
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		// JSON when the sandbox says so; injected 5xx faults answer plain text.
		body:
			text && response.headers.get('content-type')?.includes('json')
				? JSON.parse(text)
				: text || undefined,
	};
}

export const get = (s: Sage200Sandbox, path: string, query?: RequestOptions['query']) =>
	api(s, 'GET', path, { query });
export const post = (s: Sage200Sandbox, path: string, body: unknown) =>
	api(s, 'POST', path, { body });
export const put = (s: Sage200Sandbox, path: string, body: unknown) =>
	api(s, 'PUT', path, { body });

/** Asserts a 200 and returns the body. */
export function okBody(reply: Reply): Json {
	if (reply.status !== 200) {
		throw new Error(`Expected 200, got ${reply.status}: ${JSON.stringify(reply.body)}`);
	}
	return reply.body;
}

/** Asserts a 400 and returns its message. */
export function badRequestMessage(reply: Reply): string {
	if (reply.status !== 400) {
		throw new Error(`Expected 400, got ${reply.status}: ${JSON.stringify(reply.body)}`);
	}
	return reply.body.message as string;
}

/** The id of a seeded customer of Demo UK Ltd by reference. */
export function customerId(
	sandbox: Sage200Sandbox,
	reference: string,
	company = COMPANY_IDS.uk,
): number {
	const found = sandbox.store
		.company(company)!
		.customers.find((c) => c.row.reference === reference);
	if (!found) throw new Error(`No customer ${reference}`);
	return found.id;
}

/** Posts an invoice (default: 100 + 20 VAT on 4000 for ABB001) and returns its posted transaction. */
export async function postInvoice(
	sandbox: Sage200Sandbox,
	overrides: Record<string, unknown> = {},
): Promise<Json> {
	const body = {
		customer_id: customerId(sandbox, 'ABB001'),
		transaction_date: '2025-05-01T00:00:00',
		reference: `INV-${Math.random().toString(36).slice(2, 8)}`,
		document_goods_value: 100,
		document_tax_value: 20,
		tax_analysis_items: [{ id: 2, goods_amount: 100, tax_amount: 20 }],
		nominal_analysis_items: [{ code: '4000', value: 100 }],
		...overrides,
	};
	return postingOf(sandbox, okBody(await post(sandbox, '/sales_invoices', body)).urn as string);
}

/** The posted transaction a URN names. */
export async function postingOf(sandbox: Sage200Sandbox, urn: string | number): Promise<Json> {
	const list = okBody(
		await get(sandbox, '/sales_posted_transactions', { $filter: `urn eq ${urn}` }),
	);
	if (list.length !== 1) throw new Error(`Expected one transaction for URN ${urn}`);
	return list[0];
}
