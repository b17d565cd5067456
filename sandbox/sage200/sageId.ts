import type { IncomingMessage, ServerResponse } from 'node:http';

import { readBody, send, sendJson } from '../shared/http';
import type { Grant, TokenBook } from './tokens';
import { DEFAULT_SCOPE } from './tokens';

/**
 * Sage ID (Auth0-based) at the sandbox's own URL, on the real paths (spec §2):
 * `GET /authorize` approves at once and redirects back with `code` and `state`;
 * `POST /oauth/token` takes `authorization_code` and `refresh_token` grants, form-encoded (JSON
 * works too), with the client credentials in the body or in HTTP Basic.
 */
export const AUTHORIZE_PATH = '/authorize';
export const TOKEN_PATH = '/oauth/token';

function errorPage(res: ServerResponse, status: number, message: string): void {
	const html = `<!doctype html><html><head><title>Sage ID - error</title></head><body><h1>Something went wrong</h1><p>${message}</p></body></html>`;
	send(res, status, html, 'text/html; charset=utf-8');
}

function allowedRedirect(book: TokenBook, uri: string): boolean {
	if (book.client.redirectUris) return book.client.redirectUris.includes(uri);
	try {
		return ['http:', 'https:'].includes(new URL(uri).protocol);
	} catch {
		return false;
	}
}

export function handleAuthorize(book: TokenBook, url: URL, res: ServerResponse): void {
	const q = url.searchParams;
	const clientId = q.get('client_id');
	const redirectUri = q.get('redirect_uri');
	if (!clientId) return errorPage(res, 400, 'Missing required parameter: client_id');
	if (clientId !== book.client.clientId) return errorPage(res, 400, 'Unknown client: ' + clientId);
	if (!redirectUri) return errorPage(res, 400, 'Missing required parameter: redirect_uri');
	if (!allowedRedirect(book, redirectUri)) {
		return errorPage(res, 400, 'Callback URL mismatch. The redirect_uri is not registered.');
	}
	const back = new URL(redirectUri);
	const state = q.get('state');
	if (q.get('response_type') !== 'code') {
		back.searchParams.set('error', 'unsupported_response_type');
		back.searchParams.set(
			'error_description',
			'Unsupported response type: ' + (q.get('response_type') ?? ''),
		);
	} else {
		const grant: Grant = {
			clientId,
			scope: q.get('scope') ?? 'openid',
			audience: q.get('audience') ?? undefined,
		};
		back.searchParams.set('code', book.newCode(grant, redirectUri));
	}
	if (state !== null) back.searchParams.set('state', state);
	send(res, 302, '', 'text/plain; charset=utf-8', { Location: back.toString() });
}

class TokenError extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		description: string,
	) {
		super(description);
	}
}

async function readParams(req: IncomingMessage): Promise<URLSearchParams> {
	const text = await readBody(req, 1024 * 1024);
	const type = String(req.headers['content-type'] ?? '');
	if (!type.includes('application/json')) return new URLSearchParams(text);
	try {
		const json = JSON.parse(text) as Record<string, unknown>;
		return new URLSearchParams(
			Object.entries(json).map(([k, v]): [string, string] => [
				k,
				typeof v === 'string' ? v : JSON.stringify(v),
			]),
		);
	} catch {
		throw new TokenError(400, 'invalid_request', 'The request body is not valid JSON.');
	}
}

/** Basic credentials are form-encoded per RFC 6749 §2.3.1; clients that skip that still work. */
function formDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** client_id/secret from HTTP Basic or from the body; both must agree when both are sent. */
function authenticateClient(
	book: TokenBook,
	req: IncomingMessage,
	params: URLSearchParams,
): string {
	let id = params.get('client_id') ?? undefined;
	let secret = params.get('client_secret') ?? undefined;
	const auth = req.headers.authorization;
	if (auth?.toLowerCase().startsWith('basic ')) {
		const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		const basicId = formDecode(decoded.slice(0, colon));
		const basicSecret = formDecode(decoded.slice(colon + 1));
		if ((id !== undefined && id !== basicId) || colon < 0) {
			throw new TokenError(401, 'invalid_client', 'Client authentication failed.');
		}
		id = basicId;
		secret = basicSecret;
	}
	if (id === undefined)
		throw new TokenError(401, 'invalid_client', 'Missing required parameter: client_id');
	if (id !== book.client.clientId || secret !== book.client.clientSecret) {
		throw new TokenError(401, 'invalid_client', 'Client authentication failed.');
	}
	return id;
}

function required(params: URLSearchParams, name: string): string {
	const value = params.get(name);
	if (!value) throw new TokenError(400, 'invalid_request', `Missing required parameter: ${name}`);
	return value;
}

function grantFor(book: TokenBook, req: IncomingMessage, params: URLSearchParams): Grant {
	const grantType = required(params, 'grant_type');
	if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
		throw new TokenError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
	}
	const clientId = authenticateClient(book, req, params);
	if (grantType === 'refresh_token') {
		const grant = book.redeemRefreshToken(required(params, 'refresh_token'), clientId);
		if (!grant) throw new TokenError(400, 'invalid_grant', 'Unknown or invalid refresh token.');
		return grant;
	}
	const code = book.redeemCode(required(params, 'code'), clientId);
	if (!code) throw new TokenError(400, 'invalid_grant', 'Invalid authorization code');
	const redirectUri = params.get('redirect_uri');
	if (redirectUri !== null && redirectUri !== code.redirectUri) {
		throw new TokenError(
			400,
			'invalid_grant',
			'Invalid redirect_uri: it must match the authorize request.',
		);
	}
	return { clientId: code.clientId, scope: code.scope, audience: code.audience };
}

export async function handleToken(
	book: TokenBook,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	try {
		if (req.method !== 'POST') throw new TokenError(405, 'invalid_request', 'Use POST.');
		const params = await readParams(req);
		sendJson(res, 200, book.issue(grantFor(book, req, params)));
	} catch (error) {
		if (!(error instanceof TokenError)) throw error;
		sendJson(res, error.status, { error: error.error, error_description: error.message });
	}
}

/** The token pair a finished sign-in would give (tests skip the browser with this). */
export function issueDemoToken(book: TokenBook, audience: string | undefined) {
	return book.issue({ clientId: book.client.clientId, scope: DEFAULT_SCOPE, audience });
}
