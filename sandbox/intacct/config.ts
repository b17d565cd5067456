/** Company settings that change protocol behaviour; adjustable at runtime (PUT /__sandbox/config). */
export interface IntacctConfig {
	/** Multi-entity company: transaction lines must carry a locationid. */
	multiEntity: boolean;
	/**
	 * AR "Summary frequency -> Payments": with 'user' a payment needs a bank account, undeposited
	 * funds account or batch, else "Please provide a payment batch key."; 'daily' auto-creates one.
	 */
	paymentSummary: 'user' | 'daily';
	/** Session duration; every authenticated call slides the expiry to now + this. */
	sessionTtlSeconds: number;
}

export function defaultConfig(sessionTtlSeconds = 3600): IntacctConfig {
	return { multiEntity: false, paymentSummary: 'daily', sessionTtlSeconds };
}

/** Validates a partial config from the control API; throws Error with a readable message. */
export function parseConfigPatch(input: unknown): Partial<IntacctConfig> {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new Error('Config must be a JSON object');
	}
	const patch: Partial<IntacctConfig> = {};
	const { multiEntity, paymentSummary, sessionTtlSeconds, ...rest } = input as Record<
		string,
		unknown
	>;
	const unknown = Object.keys(rest);
	if (unknown.length > 0) throw new Error(`Unknown config keys: ${unknown.join(', ')}`);
	if (multiEntity !== undefined) {
		if (typeof multiEntity !== 'boolean') throw new Error('multiEntity must be a boolean');
		patch.multiEntity = multiEntity;
	}
	if (paymentSummary !== undefined) {
		if (paymentSummary !== 'user' && paymentSummary !== 'daily') {
			throw new Error("paymentSummary must be 'user' or 'daily'");
		}
		patch.paymentSummary = paymentSummary;
	}
	if (sessionTtlSeconds !== undefined) {
		if (typeof sessionTtlSeconds !== 'number' || !(sessionTtlSeconds > 0)) {
			throw new Error('sessionTtlSeconds must be a number > 0');
		}
		patch.sessionTtlSeconds = sessionTtlSeconds;
	}
	return patch;
}
