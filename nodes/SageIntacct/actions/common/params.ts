import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../../shared/fieldError';
import { DEFAULT_RETRY_POLICY } from '../../../shared/retry';
import {
	DEFAULT_BATCH_SIZE,
	DEFAULT_CLIENT_OPTIONS,
	type IntacctClientOptions,
} from '../../transport/client';

/** A string parameter (or resource locator value), trimmed; required ones must be non-empty. */
export function stringParam(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	options: { required?: boolean; label?: string; maxLength?: number } = {},
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	return checkString(raw, options.label ?? name, options);
}

export function checkString(
	raw: unknown,
	field: string,
	options: { required?: boolean; maxLength?: number } = {},
): string {
	if (raw === undefined || raw === null || raw === '') {
		if (options.required)
			throw new FieldError(
				field,
				'is required',
				`Set "${field}" on the node or map it from the input`,
			);
		return '';
	}
	if (typeof raw === 'object') {
		throw new FieldError(
			field,
			`must be text, got ${Array.isArray(raw) ? 'a list' : 'an object'}`,
			'Map a single value',
		);
	}
	const value = String(raw);
	if (options.required && value.trim() === '') {
		throw new FieldError(
			field,
			'is required',
			`Set "${field}" on the node or map it from the input`,
		);
	}
	if (options.maxLength && value.length > options.maxLength) {
		throw new FieldError(
			field,
			`is ${value.length} characters long; the limit is ${options.maxLength}`,
			'Shorten it',
		);
	}
	return value;
}

export function collectionParam(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): IDataObject {
	const value = ctx.getNodeParameter(name, itemIndex, {}) as unknown;
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** Reads a JSON parameter that may arrive as text or as an already-parsed value. */
export function jsonParam(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): unknown {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	const parsed = safeJsonParse(raw);
	if (!parsed.ok)
		throw new FieldError(
			label,
			'is not valid JSON',
			'Check brackets, commas and quotes, or map an array from the input',
		);
	return parsed.value;
}

function safeJsonParse(text: string): { ok: true; value: unknown } | { ok: false } {
	let result: { ok: true; value: unknown } | { ok: false };
	try {
		result = { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		result = { ok: false };
	}
	return result;
}

export const clientOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 500 },
			default: 100,
			description:
				'How many functions to send in one request. Fewer round trips with larger batches.',
		},
		{
			displayName: 'Concurrent Requests',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 4 },
			default: 1,
			description:
				'How many batch requests to keep in flight at once. Sage Intacct allows about 2 concurrent connections per company; more are queued or refused.',
		},
		{
			displayName: 'Control ID Version',
			name: 'controlIdVersion',
			type: 'string',
			default: '',
			description:
				'Writes carry control IDs derived from the record (e.g. the invoice number), so Intacct never applies the same write twice. Set a new version only to deliberately repeat a write that Intacct already processed.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 5,
			description:
				'Retries on rate limits (429), server errors (5xx, not 524) and dropped connections',
		},
		{
			displayName: 'Retry Base Delay (Ms)',
			name: 'retryBaseDelayMs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description: 'First backoff delay; it doubles on each retry, with jitter',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			typeOptions: { minValue: 1000 },
			default: 30000,
			description: 'How long to wait for Intacct to answer one request',
		},
	],
};

export function clientOptions(ctx: IExecuteFunctions): IntacctClientOptions {
	const o = collectionParam(ctx, 'requestOptions', 0);
	const num = (v: unknown, fallback: number) =>
		typeof v === 'number' && Number.isFinite(v) ? v : fallback;
	return {
		batchSize: Math.max(1, Math.floor(num(o.batchSize, DEFAULT_BATCH_SIZE))),
		concurrency: Math.min(4, Math.max(1, Math.floor(num(o.concurrency, 1)))),
		timeoutMs: num(o.timeoutMs, DEFAULT_CLIENT_OPTIONS.timeoutMs),
		retry: {
			maxRetries: num(o.maxRetries, DEFAULT_RETRY_POLICY.maxRetries),
			baseDelayMs: num(o.retryBaseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs),
			maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs,
		},
	};
}

export function controlIdVersion(ctx: IExecuteFunctions, itemIndex: number): string {
	const o = collectionParam(ctx, 'requestOptions', itemIndex);
	return typeof o.controlIdVersion === 'string' ? o.controlIdVersion : '';
}
