import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FaultInjector } from '../shared/faults';
import { respondWithTransportFault } from '../shared/faults';
import {
	BodyTooLargeError,
	destroyConnection,
	readBody,
	send,
	sendJson,
	sleep,
} from '../shared/http';
import type { Meter } from '../shared/meter';
import { authenticate } from './auth';
import type { LayerTokens } from './auth';
import { ApiError, RATE_LIMITED_BODY } from './errors';
import type { Reply } from './route';
import { findRoute } from './routes';
import type { LayerStore } from './store';

export interface ApiDeps {
	store: LayerStore;
	tokens: LayerTokens;
	faults: FaultInjector;
	meter: Meter;
}

const JSON_TYPE = 'application/json; charset=utf-8';

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
	let text: string;
	try {
		text = await readBody(req, 8 * 1024 * 1024);
	} catch (error) {
		if (error instanceof BodyTooLargeError) {
			throw new ApiError(400, 'validation_failed', error.message, {
				fields: [{ field: 'body', message: 'is too large' }],
			});
		}
		throw error;
	}
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new ApiError(400, 'validation_failed', 'Request body is not valid JSON', {
			fields: [{ field: 'body', message: 'is not valid JSON' }],
		});
	}
}

/**
 * One API request end to end: meter, faults, latency, Token1/Token2, route, JSON body, handler,
 * JSON reply. Each route counts under its operationId in the meter's `functions`.
 */
export async function handleApiRequest(
	deps: ApiDeps,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const method = req.method ?? 'GET';
	const url = new URL(req.url ?? '/', 'http://sandbox.local');
	const path = url.pathname;
	deps.meter.roundTrip();
	const { match, allowed } = findRoute(method, path);
	if (match) deps.meter.functionCall(match.route.operationId);
	// Token auth has no session to expire, so sessionExpiry never fires here.
	const rule = deps.faults.pick(
		[match?.route.operationId ?? '', `${method} ${path}`],
		(r) => r.type !== 'sessionExpiry',
	);
	await sleep(deps.faults.latencyMs);
	if (rule) {
		deps.meter.fault(rule.type);
		const rateLimited = () => ({ body: JSON.stringify(RATE_LIMITED_BODY), contentType: JSON_TYPE });
		if (await respondWithTransportFault(rule, req, res, rateLimited)) return;
	}
	let reply: Reply;
	try {
		authenticate(req.headers, deps.tokens);
		if (!match) {
			if (allowed.length > 0) {
				const message = `${method} is not allowed on ${path}; use ${allowed.join(', ')}`;
				throw new ApiError(405, 'method_not_allowed', message);
			}
			throw new ApiError(404, 'not_found', `No API route ${method} ${path}`);
		}
		const body = method === 'GET' ? undefined : await readJsonBody(req);
		reply = match.route.handle({
			store: deps.store,
			params: match.params,
			query: url.searchParams,
			body,
		});
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		reply = { status: error.status, body: error.body() };
		if (error.status === 405) {
			send(res, 405, JSON.stringify(reply.body), JSON_TYPE, { Allow: allowed.join(', ') });
			return;
		}
	}
	if (rule?.type === 'lostAfterCommit') {
		// Fully processed and committed, but the client never hears back.
		destroyConnection(req);
		return;
	}
	sendJson(res, reply.status, reply.body);
}
