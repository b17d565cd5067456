import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { assertSafeEndpoint } from '../../shared/endpoint';
import { FieldError } from '../../shared/fieldError';
import {
	joinUrl,
	sendJson,
	type RequestContext,
	type TransportStats,
} from '../../shared/jsonTransport';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/retry';

export const CREDENTIAL = 'sage200OAuth2Api';

/** Where the company data lives: X-Site and X-Company, from GET /sites. */
export interface SiteCompany {
	siteId: string;
	companyId: string;
}

/** The company dropdown's value is "siteId:companyId". */
export function parseSiteCompany(value: string, field = 'company'): SiteCompany {
	const match = /^([^:\s]+):(\d+)$/.exec(value.trim());
	if (!match)
		throw new FieldError(
			field,
			`"${value}" is not a Sage 200 site and company`,
			'Pick one from the list, or use "<site id>:<company id>" from GET /sites',
		);
	return { siteId: match[1], companyId: match[2] };
}

/** Sage 200 publishes no error schema; read `message`/`Message` or the text (spec §13). */
export function describeSage200Error(status: number, body: unknown): string {
	let text = '';
	if (typeof body === 'string') text = body.slice(0, 300);
	else if (Array.isArray(body))
		text = String(
			(body[0] as IDataObject | undefined)?.Message ??
				(body[0] as IDataObject | undefined)?.message ??
				'',
		);
	else if (body && typeof body === 'object') {
		const b = body as IDataObject;
		text = String(b.message ?? b.Message ?? b.error_description ?? b.error ?? '');
	}
	const hint = status === 401 ? ' (sign in again, or check the site and company)' : '';
	return `Sage 200 answered ${status}${text ? `: ${text}` : ''}${hint}`;
}

/** An OData string literal: single quotes, embedded quotes doubled. */
export function odataString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** Datetimes in $filter must carry Z (spec §6). */
export function odataDateTime(value: string | Date): string {
	const iso = (value instanceof Date ? value : new Date(value)).toISOString();
	return iso;
}

export interface ODataQuery {
	filter?: string;
	orderby?: string;
	select?: string;
	expand?: string;
}

/** Default page: 500 rows, the API's own default (max 5000). */
export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 5000;

export class Sage200Client {
	readonly stats: TransportStats = { roundTrips: 0, retries: 0 };

	constructor(
		private readonly ctx: RequestContext,
		private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	) {}

	private async baseUrl(): Promise<string> {
		const credentials = await this.ctx.getCredentials(CREDENTIAL);
		const api = (credentials.apiBaseUrl as string) || 'https://api.columbus.sage.com';
		assertSafeEndpoint(api, 'Sage 200 API base URL');
		const product = credentials.edition === 'standard' ? 'sage200' : 'sage200extra';
		return joinUrl(api, `/uk/${product}/accounts/v1`);
	}

	async request<T = IDataObject>(
		method: IHttpRequestMethods,
		path: string,
		options: {
			qs?: IDataObject;
			body?: IDataObject;
			company?: SiteCompany;
			idempotent?: boolean;
		} = {},
	): Promise<T> {
		const headers: Record<string, string> = {};
		if (options.company) {
			headers['X-Site'] = options.company.siteId;
			headers['X-Company'] = options.company.companyId;
		}
		const credentials = await this.ctx.getCredentials(CREDENTIAL);
		const tokens = (credentials.oauthTokenData ?? {}) as IDataObject;
		return (await sendJson(
			this.ctx,
			CREDENTIAL,
			{
				method,
				url: joinUrl(await this.baseUrl(), path),
				secrets: [
					tokens.access_token as string | undefined,
					tokens.refresh_token as string | undefined,
					credentials.clientSecret as string | undefined,
				],
				qs: options.qs,
				body: options.body,
				headers,
				idempotent: options.idempotent ?? method === 'GET',
				throwHttpErrors: true,
			},
			this.policy,
			this.stats,
			describeSage200Error,
		)) as T;
	}

	/** $top/$skip paging ($skip needs $orderby), until a short page or `limit`. */
	async list(
		path: string,
		company: SiteCompany | undefined,
		query: ODataQuery = {},
		options: { limit?: number; pageSize?: number } = {},
	): Promise<IDataObject[]> {
		const pageSize = Math.min(
			options.pageSize ?? DEFAULT_PAGE_SIZE,
			MAX_PAGE_SIZE,
			options.limit ?? MAX_PAGE_SIZE,
		);
		const out: IDataObject[] = [];
		for (let skip = 0; ; skip += pageSize) {
			const qs: IDataObject = { $top: pageSize, $skip: skip, $orderby: query.orderby ?? 'id asc' };
			if (query.filter) qs.$filter = query.filter;
			if (query.select) qs.$select = query.select;
			if (query.expand) qs.$expand = query.expand;
			const response = await this.request<IDataObject[] | { value: IDataObject[] }>('GET', path, {
				qs,
				company,
			});
			// Lists are bare arrays; tolerate an OData envelope too (spec §5).
			const page = Array.isArray(response) ? response : (response.value ?? []);
			out.push(...page);
			if (page.length < pageSize || (options.limit !== undefined && out.length >= options.limit))
				break;
		}
		return options.limit === undefined ? out : out.slice(0, options.limit);
	}
}
