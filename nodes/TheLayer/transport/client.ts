import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { assertSafeEndpoint } from '../../shared/endpoint';
import {
	ApiHttpError,
	joinUrl,
	sendJson,
	type RequestContext,
	type TransportStats,
} from '../../shared/jsonTransport';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/retry';
import {
	MAX_PAGE_SIZE,
	THE_LAYER_DEFAULT_BASE_URL,
	type LayerErrorBody,
	type ListPage,
} from './contract';

/** What The Layer said when it refused a request, in one readable line. */
export function describeLayerError(status: number, body: unknown): string {
	const error = (body as LayerErrorBody | undefined)?.error;
	const fields = error?.fields?.map((f) => `${f.field} ${f.message}`).join('; ');
	const what =
		error?.message ??
		(status === 401 ? 'Token1 or Token2 is missing or not valid' : `HTTP ${status}`);
	const detail = fields && fields !== what ? ` (${fields})` : '';
	return `The Layer answered ${status}${error?.code ? ` ${error.code}` : ''}: ${what}${detail}`;
}

export function layerError(error: unknown): LayerErrorBody['error'] | undefined {
	return error instanceof ApiHttpError
		? (error.body as LayerErrorBody | undefined)?.error
		: undefined;
}

/** One client per execution; holds only counters. */
export class TheLayerClient {
	readonly stats: TransportStats = { roundTrips: 0, retries: 0 };

	constructor(
		private readonly ctx: RequestContext,
		private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	) {}

	async request<T = IDataObject>(
		method: IHttpRequestMethods,
		path: string,
		options: { qs?: IDataObject; body?: IDataObject; idempotent?: boolean } = {},
	): Promise<T> {
		const credentials = await this.ctx.getCredentials('theLayerApi');
		const baseUrl = (credentials.baseUrl as string) || THE_LAYER_DEFAULT_BASE_URL;
		assertSafeEndpoint(baseUrl, 'The Layer base URL');
		return (await sendJson(
			this.ctx,
			'theLayerApi',
			{
				method,
				url: joinUrl(baseUrl, path),
				qs: options.qs,
				body: options.body,
				idempotent: options.idempotent ?? method !== 'POST',
				secrets: [credentials.token1 as string, credentials.token2 as string],
			},
			this.policy,
			this.stats,
			describeLayerError,
		)) as T;
	}

	/** Pages through a list endpoint until done or `limit` records. */
	async list(path: string, qs: IDataObject = {}, limit?: number): Promise<IDataObject[]> {
		const out: IDataObject[] = [];
		// One page size for the whole walk: pages are offsets of it.
		const pageSize = Math.min(MAX_PAGE_SIZE, limit ?? MAX_PAGE_SIZE);
		for (let page = 1; ; page++) {
			const response = await this.request<ListPage<IDataObject>>('GET', path, {
				qs: { ...qs, page, pageSize },
			});
			out.push(...response.data);
			if (
				!response.hasMore ||
				response.data.length === 0 ||
				(limit !== undefined && out.length >= limit)
			)
				break;
		}
		return limit === undefined ? out : out.slice(0, limit);
	}

	/** The first record a filtered list returns, if any: "check for an existing record by reference first". */
	async findOne(path: string, qs: IDataObject): Promise<IDataObject | undefined> {
		const response = await this.request<ListPage<IDataObject>>('GET', path, {
			qs: { ...qs, page: 1, pageSize: 1 },
		});
		return response.data[0];
	}
}
