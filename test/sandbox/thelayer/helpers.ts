import { startTheLayerSandbox } from '../../../sandbox/thelayer/server';
import type { TheLayerSandbox, TheLayerSandboxOptions } from '../../../sandbox/thelayer/server';

export type { TheLayerSandbox };

/** Response bodies are read loosely here; contract.test.ts checks their shape against the document. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply {
	status: number;
	headers: Headers;
	body: Json;
}

export async function startSandbox(options: TheLayerSandboxOptions = {}): Promise<TheLayerSandbox> {
	return startTheLayerSandbox(options);
}

export interface RequestOptions {
	/** Replaces the Token1/Token2 headers; `{}` sends none. */
	headers?: Record<string, string>;
	/** Sent as JSON unless a string (sent as is). */
	body?: unknown;
	query?: Record<string, string | number | boolean>;
}

/** Calls the API with the demo tokens; `path` is relative to `/api/v1`. */
export async function api(
	sandbox: TheLayerSandbox,
	method: string,
	path: string,
	options: RequestOptions = {},
): Promise<Reply> {
	const url = new URL(`${sandbox.url}/api/v1${path}`);
	for (const [key, value] of Object.entries(options.query ?? {})) {
		url.searchParams.set(key, String(value));
	}
	const headers = options.headers ?? {
		Token1: sandbox.credentials.token1,
		Token2: sandbox.credentials.token2,
	};
	const init: RequestInit = { method, headers: { ...headers } };
	if (options.body !== undefined) {
		init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		(init.headers as Record<string, string>)['Content-Type'] = 'application/json';
	}
	const response = await fetch(url, init);
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? JSON.parse(text) : undefined,
	};
}

export const get = (s: TheLayerSandbox, path: string, query?: RequestOptions['query']) =>
	api(s, 'GET', path, { query });
export const post = (s: TheLayerSandbox, path: string, body?: unknown) =>
	api(s, 'POST', path, { body });
export const put = (s: TheLayerSandbox, path: string, body: unknown) =>
	api(s, 'PUT', path, { body });
export const patch = (s: TheLayerSandbox, path: string, body: unknown) =>
	api(s, 'PATCH', path, { body });

/** The `fields` of a 400 as `{ field: message }`. */
export function fieldsOf(reply: Reply): Record<string, string> {
	if (reply.status !== 400)
		throw new Error(`Expected 400, got ${reply.status}: ${JSON.stringify(reply.body)}`);
	return Object.fromEntries(
		(reply.body.error.fields as Array<{ field: string; message: string }>).map((f) => [
			f.field,
			f.message,
		]),
	);
}

/** Asserts a 2xx and returns the body. */
export function okBody(reply: Reply): Json {
	if (reply.status < 200 || reply.status > 299) {
		throw new Error(`Expected 2xx, got ${reply.status}: ${JSON.stringify(reply.body)}`);
	}
	return reply.body;
}

export function line(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { description: 'Consultancy', quantity: 1, unitPrice: 100, taxRate: 20, ...overrides };
}

/** A finalised GBP invoice for cus_0001 (seeded) unless overridden. */
export async function createInvoice(
	sandbox: TheLayerSandbox,
	overrides: Record<string, unknown> = {},
): Promise<Json> {
	return okBody(
		await post(sandbox, '/invoices', {
			number: `T-${Math.random().toString(36).slice(2, 10)}`,
			customerId: 'cus_0001',
			issueDate: '2025-05-01',
			status: 'finalised',
			lines: [line()],
			...overrides,
		}),
	);
}
