import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

import type { FaultInjector } from '../shared/faults';
import { respondWithTransportFault } from '../shared/faults';
import { BodyTooLargeError, destroyConnection, readBody, send, sleep } from '../shared/http';
import type { Meter } from '../shared/meter';
import { ApiError, badRequest, notFound, rateLimitedBody, unauthorized } from './errors';
import { API_PREFIXES } from './route';
import type { Reply } from './route';
import { findRoute } from './routes';
import type { CompanyData, Sage200Store } from './store';
import type { TokenBook } from './tokens';
import { SAGE200_AUDIENCE } from './tokens';
import type { Edition } from './types';

export interface ApiDeps {
	store: Sage200Store;
	tokens: TokenBook;
	faults: FaultInjector;
	meter: Meter;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Which edition a path is under, and the path below the prefix; undefined when neither. */
export function splitApiPath(path: string): { edition: Edition; rest: string } | undefined {
	for (const [edition, prefix] of Object.entries(API_PREFIXES) as Array<[Edition, string]>) {
		if (path === prefix || path.startsWith(`${prefix}/`)) {
			return { edition, rest: path.slice(prefix.length).replace(/\/+$/, '') || '/' };
		}
	}
	return undefined;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	const text = (Array.isArray(value) ? value[0] : value)?.trim();
	return text === undefined || text === '' ? undefined : text;
}

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
	const match = /^Bearer\s+(\S+)$/i.exec(header(headers, 'authorization') ?? '');
	return match?.[1];
}

/**
 * X-Site and X-Company must name a site and one of its companies from GET /sites. Sage answers a
 * missing or wrong pair with 401 (spec §3, §13 [HG]), so the sandbox does too.
 */
export function companyFor(store: Sage200Store, headers: IncomingHttpHeaders): CompanyData {
	const siteId = header(headers, 'x-site');
	const companyId = header(headers, 'x-company');
	if (siteId === undefined || companyId === undefined) {
		const missing = siteId === undefined ? 'X-Site' : 'X-Company';
		throw unauthorized(
			`The ${missing} header is missing. Send X-Site and X-Company from GET /sites with every company resource.`,
		);
	}
	const site = store.sites.find((s) => s.site_id.toLowerCase() === siteId.toLowerCase());
	if (!site) throw unauthorized(`X-Site '${siteId}' is not a site this user can access.`);
	const entry = site.companies.find((c) => String(c.company_id) === companyId);
	if (!entry) {
		throw unauthorized(`X-Company '${companyId}' is not a company of site '${site.site_id}'.`);
	}
	return store.company(entry.company_id)!;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
	let text: string;
	try {
		text = await readBody(req, 16 * 1024 * 1024);
	} catch (error) {
		if (error instanceof BodyTooLargeError) throw badRequest('The request body is too large.');
		throw error;
	}
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw badRequest('The request body is not valid JSON.');
	}
}

function authenticate(deps: ApiDeps, req: IncomingMessage, expireNow: boolean): void {
	const token = bearerToken(req.headers);
	if (token === undefined) throw unauthorized();
	if (expireNow) deps.tokens.expire(token);
	const grant = deps.tokens.verify(token);
	// A token asked for without `audience=s200ukipd/sage200` is only good for Sage ID itself.
	if (!grant || grant.audience !== SAGE200_AUDIENCE) throw unauthorized();
}

async function processRequest(
	deps: ApiDeps,
	req: IncomingMessage,
	url: URL,
	api: { edition: Edition; rest: string },
	found: ReturnType<typeof findRoute>,
	expireToken: boolean,
): Promise<Reply> {
	authenticate(deps, req, expireToken);
	const method = req.method ?? 'GET';
	const { match, allowed } = found;
	if (!match) {
		if (allowed.length > 0) {
			throw new ApiError(405, `The requested resource does not support http method '${method}'.`);
		}
		throw notFound(`No HTTP resource was found that matches the request URI '${url.pathname}'.`);
	}
	const { route, params } = match;
	const base = { store: deps.store, edition: api.edition, params, query: url.searchParams };
	if (route.scope === 'user') return route.handle({ ...base, body: undefined });
	const company = companyFor(deps.store, req.headers);
	const body = method === 'GET' || method === 'DELETE' ? undefined : await readJson(req);
	return route.handle({ ...base, company, body });
}

/**
 * One API request end to end: meter, faults, latency, bearer token, route, X-Site/X-Company,
 * JSON body, handler, JSON reply. Each route counts under Sage's operationId in the meter.
 */
export async function handleApiRequest(
	deps: ApiDeps,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
	api: { edition: Edition; rest: string },
): Promise<void> {
	const method = req.method ?? 'GET';
	deps.meter.roundTrip();
	const found = findRoute(method, api.rest);
	const { match } = found;
	if (match) deps.meter.functionCall(match.route.operationId);
	const rule = deps.faults.pick([match?.route.operationId ?? '', `${method} ${url.pathname}`]);
	await sleep(deps.faults.latencyMs);
	if (rule) {
		deps.meter.fault(rule.type);
		const rateLimited = () => ({
			body: JSON.stringify(rateLimitedBody(rule.retryAfterSeconds ?? 1)),
			contentType: JSON_TYPE,
		});
		if (await respondWithTransportFault(rule, req, res, rateLimited)) return;
	}
	let reply: Reply;
	try {
		reply = await processRequest(deps, req, url, api, found, rule?.type === 'sessionExpiry');
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		reply = { status: error.status, body: error.body() };
	}
	if (rule?.type === 'lostAfterCommit') {
		// Fully processed and committed, but the client never hears back.
		destroyConnection(req);
		return;
	}
	if (reply.body !== undefined) {
		// A 405 names the methods the path does take, as ASP.NET does.
		const allow = reply.status === 405 ? { Allow: found.allowed.join(', ') } : {};
		return send(res, reply.status, JSON.stringify(reply.body), JSON_TYPE, allow);
	}
	// DELETE: 200 and no body, as ASP.NET's Ok() sends it.
	res.writeHead(reply.status, { 'Content-Length': 0 });
	res.end();
}
