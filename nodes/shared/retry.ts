import { sleep } from 'n8n-workflow';

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** First backoff; doubles each attempt, with full jitter. */
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 5,
	baseDelayMs: 1000,
	maxDelayMs: 30000,
};

/** What a failed attempt means for the caller. */
export type RetryVerdict =
	| { retry: false }
	| { retry: true; retryAfterMs?: number; reason: string };

/**
 * Exponential backoff with full jitter; a server's Retry-After wins when it is longer.
 * `random` is injectable so tests are deterministic.
 */
export function backoffDelay(
	attempt: number,
	policy: RetryPolicy,
	retryAfterMs?: number,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
	return Math.max(jittered, retryAfterMs ?? 0);
}

export async function withRetry<T>(
	attemptFn: (attempt: number) => Promise<T>,
	classify: (error: unknown) => RetryVerdict,
	policy: RetryPolicy,
	onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void,
): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		const outcome = await attemptFn(attempt).then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error }),
		);
		if (outcome.ok) return outcome.value;
		const verdict = classify(outcome.error);
		if (!verdict.retry || attempt >= policy.maxRetries) return Promise.reject(outcome.error);
		const delayMs = backoffDelay(attempt, policy, verdict.retryAfterMs);
		onRetry?.({ attempt: attempt + 1, delayMs, reason: verdict.reason });
		await sleep(delayMs);
	}
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
	if (typeof header !== 'string' && typeof header !== 'number') return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const at = Date.parse(String(header));
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** Finds a transport-level failure (reset, refused, timeout) anywhere in an error's cause chain. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; current && depth < 6; depth++) {
		const candidate = current as { code?: unknown; cause?: unknown; message?: unknown };
		if (typeof candidate.code === 'string' && NETWORK_CODES.has(candidate.code))
			return candidate.code;
		if (
			typeof candidate.message === 'string' &&
			/socket hang up|timeout of \d+ms exceeded|aborted/i.test(candidate.message)
		) {
			return 'ECONNRESET';
		}
		current = candidate.cause;
	}
	return undefined;
}

/** The retry policy chosen in a node's Options (Max Retries, Retry Base Delay). */
export function retryPolicyFrom(options: {
	maxRetries?: unknown;
	retryBaseDelayMs?: unknown;
}): RetryPolicy {
	const num = (v: unknown, fallback: number) =>
		typeof v === 'number' && Number.isFinite(v) ? v : fallback;
	return {
		maxRetries: num(options.maxRetries, DEFAULT_RETRY_POLICY.maxRetries),
		baseDelayMs: num(options.retryBaseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs),
		maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs,
	};
}
