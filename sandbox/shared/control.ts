import type { IncomingMessage, ServerResponse } from 'node:http';

import { FaultConfigError, validateFaultConfig } from './faults';
import type { FaultInjector } from './faults';
import { readBody, sendJson } from './http';
import type { Meter } from './meter';

export const CONTROL_PREFIX = '/__sandbox';

export type ControlMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface ControlRequest {
	params: Record<string, string>;
	body: unknown;
	query: URLSearchParams;
}

export interface ControlRoute {
	method: ControlMethod;
	/** Path under /__sandbox, with `:name` segments, e.g. `/records/:object`. */
	path: string;
	handle(request: ControlRequest): unknown;
}

/** Thrown by route handlers to answer with a JSON error and the given HTTP status. */
export class ControlError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export interface ControlTarget {
	service: string;
	faults: FaultInjector;
	meter: Meter;
	/** Puts the service's data back to its seed. */
	reset(): void;
	/** Service-specific routes, checked after the common ones. */
	routes?: ControlRoute[];
}

function commonRoutes(target: ControlTarget): ControlRoute[] {
	return [
		{ method: 'GET', path: '/health', handle: () => ({ ok: true, service: target.service }) },
		{ method: 'GET', path: '/meter', handle: () => target.meter.snapshot() },
		{
			method: 'POST',
			path: '/meter/reset',
			handle: () => {
				target.meter.reset();
				return target.meter.snapshot();
			},
		},
		{ method: 'GET', path: '/faults', handle: () => target.faults.describe() },
		{
			method: 'PUT',
			path: '/faults',
			handle: ({ body }) => {
				target.faults.configure(validateFaultConfig(body));
				return target.faults.describe();
			},
		},
		{
			method: 'DELETE',
			path: '/faults',
			handle: () => {
				target.faults.clear();
				return target.faults.describe();
			},
		},
		{
			method: 'POST',
			path: '/reset',
			handle: () => {
				target.reset();
				return { ok: true };
			},
		},
	];
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
	const want = pattern.split('/').filter(Boolean);
	const got = path.split('/').filter(Boolean);
	if (want.length !== got.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < want.length; i++) {
		if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
		else if (want[i] !== got[i]) return undefined;
	}
	return params;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
	const text = await readBody(req);
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new ControlError(400, 'Request body is not valid JSON');
	}
}

/**
 * Serves the JSON control API under /__sandbox/. Returns false when the request is not for it,
 * so the caller can carry on with the service's own routes.
 */
export async function handleControlRequest(
	target: ControlTarget,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<boolean> {
	const url = new URL(req.url ?? '/', 'http://sandbox.local');
	if (url.pathname !== CONTROL_PREFIX && !url.pathname.startsWith(`${CONTROL_PREFIX}/`))
		return false;
	const path = url.pathname.slice(CONTROL_PREFIX.length) || '/';
	const routes = [...commonRoutes(target), ...(target.routes ?? [])];
	const candidates = routes
		.map((route) => ({ route, params: matchPath(route.path, path) }))
		.filter((c) => c.params !== undefined);
	const found = candidates.find((c) => c.route.method === req.method);
	try {
		if (!found) {
			if (candidates.length > 0) throw new ControlError(405, `Method ${req.method} not allowed`);
			throw new ControlError(404, `No sandbox control route ${req.method} ${url.pathname}`);
		}
		const body = await readJson(req);
		const result = await found.route.handle({
			params: found.params ?? {},
			body,
			query: url.searchParams,
		});
		sendJson(res, 200, result ?? { ok: true });
	} catch (error) {
		if (error instanceof ControlError) sendJson(res, error.status, { error: error.message });
		else if (error instanceof FaultConfigError) sendJson(res, 400, { error: error.message });
		else throw error;
	}
	return true;
}
