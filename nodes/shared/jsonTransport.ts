import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';

import { redactSecrets } from './redact';
import {
	networkErrorCode,
	parseRetryAfter,
	withRetry,
	type RetryPolicy,
	type RetryVerdict,
} from './retry';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface JsonRequest {
	method: IHttpRequestMethods;
	/** Absolute URL. */
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/**
	 * Whether sending it twice is harmless. GETs, PUTs and POSTs the server refuses to repeat (a
	 * unique key answers 409) are; a POST that would create a second record is not, so it is
	 * retried only when the server said it did nothing (429, 503).
	 */
	idempotent: boolean;
	/**
	 * Let n8n see HTTP errors as thrown errors. Needed for OAuth2 credentials: n8n refreshes the
	 * access token only when the request throws a 401, not when the status is returned.
	 */
	throwHttpErrors?: boolean;
	/**
	 * The credential's secret values. A server may echo the request (headers included) in its
	 * error; these are masked in every error message and error body before anything sees them.
	 */
	secrets?: Array<string | undefined>;
}

/** `value` with every secret masked, for error bodies that are kept and may be shown. */
function redactBody(value: unknown, secrets: Array<string | undefined>): unknown {
	if (value === undefined || !secrets.some((s) => s && s.length >= 4)) return value;
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	const clean = redactSecrets(text, secrets);
	if (clean === text) return value;
	return typeof value === 'string' ? clean : (JSON.parse(clean) as unknown);
}

/** An HTTP answer outside 2xx, with whatever the service said about it. */
export class ApiHttpError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: unknown,
		readonly retryAfterMs?: number,
	) {
		super(message);
		this.name = 'ApiHttpError';
	}
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ECONNABORTED: 'the connection was aborted',
	ETIMEDOUT: 'the request timed out',
	ESOCKETTIMEDOUT: 'the request timed out',
	EPIPE: 'the connection broke',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be looked up',
};

/**
 * A network error code in words. Never the code itself: n8n swaps any error message containing a
 * known code for a generic text, which would lose the item number and the rest of the message.
 */
export function describeNetworkCode(code: string): string {
	return NETWORK_WORDS[code.toUpperCase()] ?? 'a network error';
}

/** No HTTP answer at all: refused, reset, timed out. The request may or may not have been applied. */
export class ApiNetworkError extends Error {
	constructor(readonly code: string) {
		super(`Could not reach the service: ${describeNetworkCode(code)}`);
		this.name = 'ApiNetworkError';
	}
}

export interface TransportStats {
	roundTrips: number;
	retries: number;
}

/**
 * One JSON request through n8n's authenticated HTTP helper, with retries on 429 (Retry-After
 * honoured), 5xx and dropped connections when the request is safe to repeat. Errors are rebuilt
 * without their cause, because n8n's request errors carry the request options (and so the
 * credentials' headers).
 */
export async function sendJson(
	ctx: RequestContext,
	credentialType: string,
	request: JsonRequest,
	policy: RetryPolicy,
	stats: TransportStats,
	describeError: (status: number, body: unknown) => string,
): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		body: request.body,
		headers: { Accept: 'application/json', ...request.headers },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: request.throwHttpErrors !== true,
		timeout: 30000,
	};
	const secrets = request.secrets ?? [];
	const describe = (status: number, body: unknown) =>
		redactSecrets(describeError(status, redactBody(body, secrets)), secrets);
	return await withRetry(
		async () => {
			const response = (await ctx.helpers.httpRequestWithAuthentication
				.call(ctx, credentialType, options)
				.then(
					(value) => value,
					(error: unknown) => Promise.reject(toNetworkOrHttpError(error, describe, secrets)),
				)
				.finally(() => {
					stats.roundTrips++;
				})) as IN8nHttpFullResponse;
			const status = response.statusCode;
			if (status >= 200 && status < 300) return response.body;
			const retryAfter = parseRetryAfter(response.headers?.['retry-after']);
			return await Promise.reject(
				new ApiHttpError(
					describe(status, response.body),
					status,
					redactBody(response.body, secrets),
					retryAfter,
				),
			);
		},
		(error) => classify(error, request.idempotent),
		policy,
		() => {
			stats.retries++;
		},
	);
}

interface HttpishError {
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
	cause?: HttpishError;
	httpCode?: string;
}

/** The HTTP status and body inside an error thrown by n8n's request helpers (axios-shaped). */
function httpFailure(
	error: unknown,
): { status: number; body: unknown; retryAfter?: unknown } | undefined {
	let current = error as HttpishError | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		if (typeof current.response?.status === 'number') {
			return {
				status: current.response.status,
				body: current.response.data,
				retryAfter: current.response.headers?.['retry-after'],
			};
		}
		current = current.cause;
	}
	return undefined;
}

function toNetworkOrHttpError(
	error: unknown,
	describeError: (status: number, body: unknown) => string,
	secrets: Array<string | undefined>,
): Error {
	const failure = httpFailure(error);
	if (failure)
		return new ApiHttpError(
			describeError(failure.status, failure.body),
			failure.status,
			redactBody(failure.body, secrets),
			parseRetryAfter(failure.retryAfter),
		);
	const code = networkErrorCode(error);
	if (code) return new ApiNetworkError(code);
	const message = error instanceof Error ? error.message : String(error);
	return new ApiHttpError(redactSecrets(message, secrets), 0, undefined);
}

function classify(error: unknown, idempotent: boolean): RetryVerdict {
	if (error instanceof ApiNetworkError)
		return idempotent ? { retry: true, reason: error.message } : { retry: false };
	if (!(error instanceof ApiHttpError)) return { retry: false };
	if (error.status === 429)
		return { retry: true, retryAfterMs: error.retryAfterMs, reason: error.message };
	if (error.status === 503)
		return { retry: true, retryAfterMs: error.retryAfterMs, reason: error.message };
	if (error.status >= 500 && idempotent) return { retry: true, reason: error.message };
	return { retry: false };
}

/** Joins a base URL and a path without doubling or dropping slashes. */
export function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
