import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';

import { chunk } from '../../shared/batch';
import { describeNetworkCode } from '../../shared/jsonTransport';
import { redactSecrets } from '../../shared/redact';
import { settle } from '../../shared/settle';
import {
	DEFAULT_RETRY_POLICY,
	networkErrorCode,
	parseRetryAfter,
	withRetry,
	type RetryPolicy,
	type RetryVerdict,
} from '../../shared/retry';
import { functionElement, type IntacctEnvelopeRequest } from './envelope';
import { IntacctFunctionError, IntacctRequestError } from './errors';
import {
	READ_BY_QUERY_MAX_PAGE,
	read,
	readByName,
	readByQuery,
	readMore,
	type IntacctCall,
} from './functions';
import { describeErrors, parseResponse, type IntacctResult } from './response';

export type IntacctContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface IntacctClientOptions {
	/** Functions per request for writes and keyed reads. */
	batchSize: number;
	/** Batch requests in flight at once (sendAll); 1 sends them one after another. */
	concurrency: number;
	retry: RetryPolicy;
	timeoutMs: number;
}

/** 100 functions per request: measured in bench/ as the knee of round trips vs. request size. */
export const DEFAULT_BATCH_SIZE = 100;

export const DEFAULT_CLIENT_OPTIONS: IntacctClientOptions = {
	batchSize: DEFAULT_BATCH_SIZE,
	concurrency: 1,
	retry: DEFAULT_RETRY_POLICY,
	timeoutMs: 30000,
};

export interface SendMode {
	/** Writes send uniqueid=true, so a retried function is never applied twice. */
	write: boolean;
	transaction?: boolean;
	/** False for calls that move a server-side cursor (readMore): never resent after a lost reply. */
	idempotent?: boolean;
}

export interface ClientStats {
	roundTrips: number;
	retries: number;
	relogins: number;
}

/**
 * One client per node execution: it holds the session it re-opened after an expiry for the rest of
 * that execution only. Nothing outlives the execution (queue-mode workers share no memory).
 */
export class IntacctClient {
	private session?: { id: string; endpoint: string };

	private requestSeq = 0;

	readonly stats: ClientStats = { roundTrips: 0, retries: 0, relogins: 0 };

	constructor(
		private readonly ctx: IntacctContext,
		readonly options: IntacctClientOptions = DEFAULT_CLIENT_OPTIONS,
	) {}

	/** Sends the calls in one request (one round trip, plus retries) and returns results in call order. */
	async send(calls: IntacctCall[], mode: SendMode): Promise<IntacctResult[]> {
		const functions = calls.map((c) => functionElement(c.controlId, c.xml)).join('');
		let reloggedIn = false;
		const results = await withRetry(
			async () => {
				const first = await settle(this.post(functions, mode));
				if (first.ok) return first.value;
				if (
					first.error instanceof IntacctRequestError &&
					first.error.kind === 'authentication' &&
					!reloggedIn
				) {
					// The stored session expired (or was revoked) mid-run: open a new one, send again.
					reloggedIn = true;
					await this.sharedRelogin();
					return await this.post(functions, mode);
				}
				return Promise.reject(first.error);
			},
			(error) => this.classify(error, mode),
			this.options.retry,
			() => {
				this.stats.retries++;
			},
		);
		return alignResults(calls, results);
	}

	/**
	 * Sends many calls, `batchSize` per request, up to `concurrency` requests at a time. The first
	 * request goes alone, so a run that has to open a session opens exactly one. Results come back
	 * in call order. After a request fails no new one starts; those in flight finish (their writes
	 * carry control IDs, so a re-run finds them applied), then the first error is thrown.
	 */
	async sendAll(calls: IntacctCall[], mode: SendMode): Promise<IntacctResult[]> {
		const batches = chunk(calls, this.options.batchSize);
		const results: IntacctResult[][] = new Array(batches.length);
		const lanes = Math.max(1, Math.floor(this.options.concurrency ?? 1));
		if (batches.length > 0) results[0] = await this.send(batches[0], mode);
		let next = 1;
		let failure: { error: unknown } | undefined;
		const lane = async () => {
			while (failure === undefined && next < batches.length) {
				const index = next++;
				try {
					results[index] = await this.send(batches[index], mode);
				} catch (error) {
					failure ??= { error };
				}
			}
		};
		await Promise.all(Array.from({ length: Math.min(lanes, batches.length) }, lane));
		if (failure) throw failure.error;
		const out: IntacctResult[] = [];
		for (const batch of results) for (const result of batch) out.push(result);
		return out;
	}

	/** readByQuery + readMore until done or `limit` records. */
	async readByQueryAll(
		object: string,
		fields: string,
		query: string,
		options: { limit?: number; pageSize?: number } = {},
	): Promise<IDataObject[]> {
		const records: IDataObject[] = [];
		for await (const page of this.readByQueryPages(object, fields, query, options)) {
			records.push(...page);
		}
		return records;
	}

	async *readByQueryPages(
		object: string,
		fields: string,
		query: string,
		options: { limit?: number; pageSize?: number } = {},
	): AsyncGenerator<IDataObject[]> {
		const limit = options.limit ?? Infinity;
		const pageSize = Math.min(
			options.pageSize ?? READ_BY_QUERY_MAX_PAGE,
			READ_BY_QUERY_MAX_PAGE,
			limit,
		);
		let seen = 0;
		let result = await this.sendOne(
			{
				controlId: 'readByQuery',
				name: 'readByQuery',
				xml: readByQuery(object, fields, query, pageSize),
			},
			{ write: false },
			`Reading ${object}`,
		);
		for (;;) {
			const page = result.records.slice(0, Math.max(0, limit - seen)) as IDataObject[];
			seen += page.length;
			if (page.length) yield page;
			const remaining = Number(result.dataAttributes.numremaining ?? '0');
			const resultId = result.dataAttributes.resultId;
			if (seen >= limit || !remaining || !resultId) return;
			result = await this.sendOne(
				{ controlId: 'readMore', name: 'readMore', xml: readMore(resultId) },
				{ write: false, idempotent: false },
				`Reading more ${object}`,
			);
		}
	}

	/** read by RECORDNO (owned lines included), 100 keys per function. */
	async read(object: string, recordNos: string[], fields = '*'): Promise<IDataObject[]> {
		const calls = chunk(recordNos, 100).map((keys, n) => ({
			controlId: `read-${n}`,
			name: 'read',
			xml: read(object, keys, fields),
		}));
		return this.collectRecords(calls, `Reading ${object}`);
	}

	/** readByName by the object's ID field, 100 keys per function. */
	async readByName(object: string, names: string[], fields = '*'): Promise<IDataObject[]> {
		const calls = chunk(names, 100).map((keys, n) => ({
			controlId: `readByName-${n}`,
			name: 'readByName',
			xml: readByName(object, keys, fields),
		}));
		return this.collectRecords(calls, `Reading ${object}`);
	}

	private async collectRecords(calls: IntacctCall[], context: string): Promise<IDataObject[]> {
		if (calls.length === 0) return [];
		const results = await this.sendAll(calls, { write: false });
		const records: IDataObject[] = [];
		for (const result of results) {
			assertSuccess(result, context);
			records.push(...(result.records as IDataObject[]));
		}
		return records;
	}

	async sendOne(call: IntacctCall, mode: SendMode, context: string): Promise<IntacctResult> {
		const [result] = await this.send([call], mode);
		assertSuccess(result, context);
		return result;
	}

	private pendingRelogin?: Promise<void>;

	/** Concurrent requests that find the session expired open one new session between them. */
	private async sharedRelogin(): Promise<void> {
		this.pendingRelogin ??= this.relogin().finally(() => {
			this.pendingRelogin = undefined;
		});
		await this.pendingRelogin;
	}

	private async relogin(): Promise<void> {
		this.stats.relogins++;
		const [result] = await this.post(functionElement('getAPISession', '<getAPISession/>'), {
			write: false,
			forceLogin: true,
		});
		const api = result?.records[0] as { sessionid?: string; endpoint?: string } | undefined;
		if (!result || result.status !== 'success' || !api?.sessionid) {
			throw new IntacctRequestError(
				`Sage Intacct did not open a new session: ${describeErrors(result?.errors ?? [])}`,
				'authentication',
			);
		}
		this.session = { id: api.sessionid, endpoint: api.endpoint ?? '' };
	}

	private async post(
		functions: string,
		mode: SendMode & { forceLogin?: boolean },
	): Promise<IntacctResult[]> {
		const body: IntacctEnvelopeRequest = {
			controlId: `n8n-${Date.now()}-${++this.requestSeq}`,
			uniqueId: mode.write,
			transaction: mode.transaction ?? false,
			functions,
			session: mode.forceLogin ? undefined : this.session,
			forceLogin: mode.forceLogin,
		};
		const request: IHttpRequestOptions = {
			method: 'POST',
			url: '',
			body: body as unknown as IDataObject,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			json: false,
			timeout: this.options.timeoutMs,
		};
		// The error is rebuilt without its cause: n8n's request errors carry the request options, and
		// this request's body holds the sender and user passwords.
		const response = (await this.ctx.helpers.httpRequestWithAuthentication
			.call(this.ctx, 'sageIntacctApi', request)
			.then(
				(value) => value,
				(error: unknown) => Promise.reject(toRequestError(error)),
			)
			.finally(() => {
				this.stats.roundTrips++;
			})) as IN8nHttpFullResponse;
		return readHttpResponse(response);
	}

	private classify(error: unknown, mode: SendMode): RetryVerdict {
		if (!(error instanceof IntacctRequestError)) return { retry: false };
		if (error.kind === 'network') {
			// A lost reply may mean the request was applied. Writes are safe to resend (uniqueid=true and
			// deterministic control ids); a cursor-moving read is not.
			return mode.idempotent === false ? { retry: false } : { retry: true, reason: error.message };
		}
		if (error.kind === 'http' && error.httpStatus === 429) {
			return { retry: true, retryAfterMs: error.retryAfterMs, reason: error.message };
		}
		// 524 is Intacct's proxy timeout: the SDK never retries it, and neither do we.
		if (error.kind === 'http' && (error.httpStatus ?? 0) >= 500 && error.httpStatus !== 524) {
			return { retry: true, reason: error.message };
		}
		return { retry: false };
	}
}

function toRequestError(error: unknown): IntacctRequestError {
	const code = networkErrorCode(error);
	if (code)
		return new IntacctRequestError(
			`Could not reach Sage Intacct: ${describeNetworkCode(code)}`,
			'network',
		);
	const message = error instanceof Error ? error.message : String(error);
	return new IntacctRequestError(redactSecrets(message, []), 'http');
}

function readHttpResponse(response: IN8nHttpFullResponse): IntacctResult[] {
	const status = response.statusCode;
	const text =
		typeof response.body === 'string'
			? response.body
			: Buffer.isBuffer(response.body)
				? response.body.toString('utf8')
				: String(response.body ?? '');
	if (status === 429) {
		const retryAfter = parseRetryAfter(response.headers?.['retry-after']);
		throw new IntacctRequestError(
			'Sage Intacct is rate limiting requests (HTTP 429, GW-0010)',
			'http',
			429,
			retryAfter,
		);
	}
	if (status >= 500) {
		throw new IntacctRequestError(
			status === 524
				? 'Sage Intacct timed out (HTTP 524). The request may still complete; run again to pick up where it stopped.'
				: `Sage Intacct answered HTTP ${status}`,
			'http',
			status,
		);
	}
	if (status >= 400 && !/<response[\s>]/.test(text)) {
		throw new IntacctRequestError(`Sage Intacct answered HTTP ${status}`, 'http', status);
	}
	const parsed = parseResponseSafely(text, status);
	if (parsed.level === 'control') {
		throw new IntacctRequestError(
			`Sage Intacct refused the request: ${describeErrors(parsed.errors)}`,
			'control',
		);
	}
	if (parsed.level === 'authentication') {
		throw new IntacctRequestError(
			`Sage Intacct refused the login or session: ${describeErrors(parsed.errors)}`,
			'authentication',
		);
	}
	return parsed.results;
}

function parseResponseSafely(text: string, status: number) {
	if (!looksLikeGatewayXml(text)) {
		throw new IntacctRequestError(
			'Sage Intacct returned a response that is not gateway XML',
			'malformed',
			status,
		);
	}
	return parseResponse(text);
}

function looksLikeGatewayXml(text: string): boolean {
	return /<response[\s>]/.test(text) && /<\/response>\s*$/.test(text);
}

/** Results come back one per function; match them to calls by control id, not by position. */
function alignResults(calls: IntacctCall[], results: IntacctResult[]): IntacctResult[] {
	const byId = new Map<string, IntacctResult>();
	for (const r of results) byId.set(r.controlId, r);
	return calls.map((call, i) => {
		const result = byId.get(call.controlId) ?? results[i];
		if (!result) {
			throw new IntacctRequestError(
				`Sage Intacct returned no result for function ${call.controlId}`,
				'malformed',
			);
		}
		return result;
	});
}

export function assertSuccess(result: IntacctResult, context: string): void {
	if (result.status !== 'success') throw new IntacctFunctionError(result, context);
}
