import { scaledDecimal } from './decimal';
import { validationFailed } from './errors';
import type { FieldProblem } from './errors';
import type { Pence } from './types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Largest amount accepted: 999,999,999,999.99 (keeps every sum a safe integer of pence). */
const MAX_PENCE = 99_999_999_999_999;

export function isDate(text: string): boolean {
	const m = DATE.exec(text);
	if (!m) return false;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return date.toISOString().slice(0, 10) === text;
}

/** Normalised ISO timestamp, or undefined when the text is not one. */
export function parseTimestamp(text: string): string | undefined {
	if (!TIMESTAMP.test(text)) return undefined;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function addDays(date: string, days: number): string {
	const ms = Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000;
	return new Date(ms).toISOString().slice(0, 10);
}

/** Collects every problem in a request so one 400 lists them all. */
export class Problems {
	readonly list: FieldProblem[] = [];

	add(field: string, message: string): void {
		this.list.push({ field, message });
	}

	throwIfAny(): void {
		if (this.list.length > 0) throw validationFailed(this.list);
	}
}

interface Presence {
	required?: boolean;
	nullable?: boolean;
}

type AmountRule = 'positive' | 'nonNegative' | 'any';

/**
 * Reads one JSON object of a request body field by field, recording a problem (with its path)
 * for anything missing, mistyped or unknown instead of throwing at the first one.
 */
export class BodyReader {
	private constructor(
		readonly problems: Problems,
		private readonly path: string,
		private readonly value: Record<string, unknown>,
	) {}

	/**
	 * The request body; `known` lists the accepted fields, `readOnly` fields the API returns but
	 * will not take. Anything else is reported as not a known field.
	 */
	static of(
		body: unknown,
		known: readonly string[],
		readOnly: readonly string[] = [],
		problems = new Problems(),
		path = '',
	): BodyReader {
		const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
		if (!isObject) problems.add(path || 'body', 'must be a JSON object');
		const value = isObject ? (body as Record<string, unknown>) : {};
		for (const key of Object.keys(value)) {
			const where = path ? `${path}.${key}` : key;
			if (readOnly.includes(key)) problems.add(where, 'is read-only');
			else if (!known.includes(key)) problems.add(where, 'is not a known field');
		}
		return new BodyReader(problems, path, value);
	}

	at(key: string): string {
		return this.path ? `${this.path}.${key}` : key;
	}

	has(key: string): boolean {
		return this.value[key] !== undefined;
	}

	/** Fields present in the body (for partial updates). */
	keys(): string[] {
		return Object.keys(this.value).filter((k) => this.value[k] !== undefined);
	}

	problem(key: string, message: string): void {
		this.problems.add(this.at(key), message);
	}

	private fail(key: string, message: string): undefined {
		this.problem(key, message);
		return undefined;
	}

	/** undefined = absent (problem if required); null passes only when nullable. */
	private raw(key: string, presence: Presence, type: string): unknown {
		const value = this.value[key];
		if (value === undefined) {
			if (presence.required) this.problem(key, 'is required');
			return undefined;
		}
		if (value === null && !presence.nullable) {
			this.problem(key, presence.required ? 'is required' : `must be ${type}, not null`);
			return undefined;
		}
		return value;
	}

	text(key: string, presence?: Presence & { nullable?: false }): string | undefined;
	text(key: string, presence: Presence & { nullable: true }): string | null | undefined;
	text(key: string, presence: Presence = {}): string | null | undefined {
		const value = this.raw(key, presence, 'a string');
		if (value === undefined || value === null) return value;
		if (typeof value !== 'string') return this.fail(key, 'must be a string');
		if (value.trim() === '') return this.fail(key, 'must not be empty');
		return value;
	}

	email(key: string, presence: Presence & { nullable: true }): string | null | undefined {
		const value = this.text(key, presence);
		if (typeof value === 'string' && !EMAIL.test(value)) {
			return this.fail(key, 'must be an e-mail address');
		}
		return value;
	}

	bool(key: string, presence: Presence = {}): boolean | undefined {
		const value = this.raw(key, presence, 'a boolean');
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'boolean') return this.fail(key, 'must be true or false');
		return value;
	}

	oneOf<T extends string>(
		key: string,
		values: readonly T[],
		presence: Presence = {},
	): T | undefined {
		const value = this.raw(key, presence, 'a string');
		if (value === undefined || value === null) return undefined;
		if (!values.includes(value as T)) {
			return this.fail(key, `must be one of: ${values.join(', ')}`);
		}
		return value as T;
	}

	/** An amount in pence: a JSON number with at most 2 decimals. */
	money(key: string, rule: AmountRule, presence: Presence = {}): Pence | undefined {
		const value = this.number(key, presence);
		if (value === undefined) return undefined;
		if (Math.abs(value) * 100 > MAX_PENCE) return this.fail(key, 'is too large');
		const pence = scaledDecimal(value, 2);
		if (pence === undefined) return this.fail(key, 'must have at most 2 decimal places');
		if (rule === 'positive' && pence <= 0n) return this.fail(key, 'must be greater than 0');
		if (rule === 'nonNegative' && pence < 0n) return this.fail(key, 'must not be negative');
		return Number(pence);
	}

	/** A plain number with at most `dp` decimals within [min, max] (min exclusive if asked). */
	decimal(
		key: string,
		limits: { dp: number; min: number; max: number; exclusiveMin?: boolean },
		presence: Presence = {},
	): number | undefined {
		const value = this.number(key, presence);
		if (value === undefined) return undefined;
		if (scaledDecimal(value, limits.dp) === undefined) {
			return this.fail(key, `must have at most ${limits.dp} decimal places`);
		}
		const tooLow = limits.exclusiveMin ? value <= limits.min : value < limits.min;
		if (tooLow || value > limits.max) {
			const low = limits.exclusiveMin ? `greater than ${limits.min}` : `at least ${limits.min}`;
			return this.fail(key, `must be ${low} and at most ${limits.max}`);
		}
		return value;
	}

	private number(key: string, presence: Presence): number | undefined {
		const value = this.raw(key, presence, 'a number');
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			return this.fail(key, 'must be a number');
		}
		return value;
	}

	date(key: string, presence: Presence = {}): string | undefined {
		const value = this.raw(key, presence, 'a date');
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'string' || !isDate(value)) {
			return this.fail(key, 'must be a date (YYYY-MM-DD)');
		}
		return value;
	}

	timestamp(key: string, presence: Presence & { nullable: true }): string | null | undefined {
		const value = this.raw(key, presence, 'a timestamp');
		if (value === undefined || value === null) return value;
		const parsed = typeof value === 'string' ? parseTimestamp(value) : undefined;
		if (parsed === undefined) {
			return this.fail(key, 'must be an ISO-8601 timestamp with a time zone');
		}
		return parsed;
	}

	currency(key: string, presence: Presence = {}): string | undefined {
		const value = this.raw(key, presence, 'a currency code');
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'string' || !CURRENCY.test(value)) {
			return this.fail(key, 'must be a 3-letter ISO currency code such as GBP');
		}
		return value;
	}

	/** An array of objects, each read with the given known fields. */
	objects(
		key: string,
		known: readonly string[],
		options: Presence & { minItems?: number; readOnly?: readonly string[] } = {},
	): BodyReader[] | undefined {
		const value = this.raw(key, options, 'an array');
		if (value === undefined || value === null) return undefined;
		if (!Array.isArray(value)) return this.fail(key, 'must be an array');
		if (value.length < (options.minItems ?? 0)) {
			return this.fail(key, `must have at least ${options.minItems} item(s)`);
		}
		return value.map((item, index) =>
			BodyReader.of(item, known, options.readOnly, this.problems, `${this.at(key)}[${index}]`),
		);
	}
}

/** Drops the undefined entries of a partial update (null stays: it clears the field). */
export function definedOnly<T extends object>(
	patch: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
	return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as {
		[K in keyof T]?: Exclude<T[K], undefined>;
	};
}
