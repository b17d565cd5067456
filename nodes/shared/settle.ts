export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Awaits a promise without throwing, so callers can decide what a failure means. */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return promise.then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);
}
