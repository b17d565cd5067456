import type { IncomingMessage, ServerResponse } from 'node:http';

import { destroyConnection, send } from './http';
import { seededRandom } from './random';

export const FAULT_TYPES = [
	'http500',
	'http502',
	'http503',
	'http524',
	'rateLimit',
	'reset',
	'lostAfterCommit',
	'sessionExpiry',
	'timeout',
] as const;

export type FaultType = (typeof FAULT_TYPES)[number];

export interface FaultRule {
	type: FaultType;
	/** Chance (0..1) that a matching request gets this fault; default 1. */
	probability?: number;
	/** Fire on at most the next N matching requests, then the rule goes quiet. */
	times?: number;
	/** Case-insensitive substring of the request's targets (function names, object names, path). */
	match?: string;
	/** rateLimit: value of the Retry-After header (default 1). */
	retryAfterSeconds?: number;
	/** timeout: how long to hold the request before dropping it (default 30000). */
	timeoutMs?: number;
}

export interface FaultConfig {
	/** Added to every request before it is answered. */
	latencyMs?: number;
	/** PRNG seed for probabilistic rules (default 1); the same seed gives the same fault sequence. */
	seed?: number;
	faults?: FaultRule[];
}

export class FaultConfigError extends Error {}

function isNonNegativeNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function validateFaultConfig(input: unknown): FaultConfig {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new FaultConfigError('Fault config must be a JSON object');
	}
	const { latencyMs, seed, faults } = input as Record<string, unknown>;
	if (latencyMs !== undefined && !isNonNegativeNumber(latencyMs)) {
		throw new FaultConfigError('latencyMs must be a number >= 0');
	}
	if (seed !== undefined && !Number.isInteger(seed))
		throw new FaultConfigError('seed must be an integer');
	if (faults !== undefined && !Array.isArray(faults))
		throw new FaultConfigError('faults must be an array');
	const rules = ((faults ?? []) as unknown[]).map((raw, index): FaultRule => {
		const rule = raw as Record<string, unknown>;
		const where = `faults[${index}]`;
		if (typeof rule !== 'object' || rule === null)
			throw new FaultConfigError(`${where} must be an object`);
		if (!FAULT_TYPES.includes(rule.type as FaultType)) {
			throw new FaultConfigError(`${where}.type must be one of ${FAULT_TYPES.join(', ')}`);
		}
		const p = rule.probability;
		if (p !== undefined && !(isNonNegativeNumber(p) && p <= 1)) {
			throw new FaultConfigError(`${where}.probability must be between 0 and 1`);
		}
		for (const key of ['times', 'retryAfterSeconds', 'timeoutMs'] as const) {
			if (rule[key] !== undefined && !isNonNegativeNumber(rule[key])) {
				throw new FaultConfigError(`${where}.${key} must be a number >= 0`);
			}
		}
		if (rule.match !== undefined && typeof rule.match !== 'string') {
			throw new FaultConfigError(`${where}.match must be a string`);
		}
		return rule as unknown as FaultRule;
	});
	return {
		latencyMs: latencyMs as number | undefined,
		seed: seed as number | undefined,
		faults: rules,
	};
}

interface ActiveRule {
	rule: FaultRule;
	remaining: number;
}

export class FaultInjector {
	private rules: ActiveRule[] = [];
	private random = seededRandom(1);
	private seed = 1;
	latencyMs = 0;

	constructor(config: FaultConfig = {}) {
		this.configure(config);
	}

	/** Replaces the whole configuration (rules, latency, seed). */
	configure(config: FaultConfig): void {
		const valid = validateFaultConfig(config);
		this.latencyMs = valid.latencyMs ?? 0;
		this.seed = valid.seed ?? 1;
		this.random = seededRandom(this.seed);
		this.rules = (valid.faults ?? []).map((rule) => ({
			rule: { ...rule },
			remaining: rule.times ?? Number.POSITIVE_INFINITY,
		}));
	}

	/** Removes every rule and the latency. */
	clear(): void {
		this.configure({ seed: this.seed });
	}

	/** Adds one rule to the end of the list (handy for tests). */
	add(rule: FaultRule): void {
		this.configure({ ...this.describe(), faults: [...this.describe().faults, rule] });
	}

	/**
	 * Picks the fault for one request, or undefined. The first eligible rule whose `match` hits one
	 * of the targets and whose dice roll succeeds fires; a fired rule uses up one of its `times`.
	 */
	pick(
		targets: readonly string[],
		eligible: (rule: FaultRule) => boolean = () => true,
	): FaultRule | undefined {
		const haystack = targets.map((t) => t.toLowerCase());
		for (const active of this.rules) {
			const { rule } = active;
			if (active.remaining <= 0 || !eligible(rule)) continue;
			if (rule.match !== undefined) {
				const needle = rule.match.toLowerCase();
				if (!haystack.some((t) => t.includes(needle))) continue;
			}
			if (this.random() >= (rule.probability ?? 1)) continue;
			active.remaining -= 1;
			return rule;
		}
		return undefined;
	}

	/** Current configuration; `times` shows how many firings each rule has left. */
	describe(): { latencyMs: number; seed: number; faults: FaultRule[] } {
		return {
			latencyMs: this.latencyMs,
			seed: this.seed,
			faults: this.rules.map(({ rule, remaining }) =>
				Number.isFinite(remaining) ? { ...rule, times: remaining } : { ...rule },
			),
		};
	}
}

const HTTP_FAULT_STATUS: Partial<Record<FaultType, number>> = {
	http500: 500,
	http502: 502,
	http503: 503,
	http524: 524,
};

/**
 * Carries out the faults that act before (and instead of) processing: HTTP 5xx, rate limit,
 * connection reset and timeout. Returns false for the types the service handles itself
 * (lostAfterCommit, sessionExpiry).
 */
export async function respondWithTransportFault(
	rule: FaultRule,
	req: IncomingMessage,
	res: ServerResponse,
	rateLimitResponse: () => { body: string; contentType: string },
): Promise<boolean> {
	const status = HTTP_FAULT_STATUS[rule.type];
	if (status !== undefined) {
		send(res, status, `${status} sandbox fault: ${rule.type}\n`, 'text/plain; charset=utf-8');
		return true;
	}
	switch (rule.type) {
		case 'rateLimit': {
			const { body, contentType } = rateLimitResponse();
			send(res, 429, body, contentType, { 'Retry-After': String(rule.retryAfterSeconds ?? 1) });
			return true;
		}
		case 'reset':
			destroyConnection(req);
			return true;
		case 'timeout':
			await holdThenDrop(req, rule.timeoutMs ?? 30000);
			return true;
		default:
			return false;
	}
}

/** Keeps the request open for `ms`, then drops it; returns early if the client goes away. */
function holdThenDrop(req: IncomingMessage, ms: number): Promise<void> {
	return new Promise((resolve) => {
		const socket = req.socket;
		const finish = () => {
			clearTimeout(timer);
			socket.off('close', finish);
			socket.destroy();
			resolve();
		};
		const timer = setTimeout(finish, ms);
		timer.unref();
		socket.once('close', finish);
	});
}
