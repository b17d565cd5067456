import { backoffDelay, networkErrorCode, parseRetryAfter, withRetry } from '../../nodes/shared/retry';

describe('retry', () => {
	const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 };

	it('backs off exponentially with jitter, capped, and honours Retry-After', () => {
		expect(backoffDelay(0, policy, undefined, () => 0)).toBe(50);
		expect(backoffDelay(0, policy, undefined, () => 1)).toBe(100);
		expect(backoffDelay(3, policy, undefined, () => 1)).toBe(800);
		expect(backoffDelay(10, policy, undefined, () => 1)).toBe(1000);
		expect(backoffDelay(0, policy, 5000, () => 0)).toBe(5000);
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter(new Date(Date.now() + 3000).toUTCString())).toBeGreaterThan(1000);
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});

	it('retries what the classifier allows, up to the limit', async () => {
		let calls = 0;
		const result = await withRetry(
			async () => {
				calls++;
				if (calls < 3) throw new Error('flaky');
				return 'ok';
			},
			() => ({ retry: true, reason: 'flaky' }),
			{ ...policy, baseDelayMs: 1 },
		);
		expect(result).toBe('ok');
		expect(calls).toBe(3);
		calls = 0;
		await expect(
			withRetry(
				async () => {
					calls++;
					throw new Error('business');
				},
				() => ({ retry: false }),
				policy,
			),
		).rejects.toThrow('business');
		expect(calls).toBe(1);
	});

	it('finds network failures in cause chains', () => {
		expect(networkErrorCode({ cause: { code: 'ECONNRESET' } })).toBe('ECONNRESET');
		expect(networkErrorCode(new Error('socket hang up'))).toBe('ECONNRESET');
		expect(networkErrorCode(new Error('Bad request'))).toBeUndefined();
	});
});
