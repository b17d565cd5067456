import type { MinorUnits } from '../shared/money';

/**
 * How Sage 200 writes values (spec §5): datetimes in UTC without an offset
 * (`2017-06-02T15:08:33.673`), date-only concepts as midnight (`2024-05-01T00:00:00`), money
 * as JSON numbers with two decimals, exchange rates with six.
 */

/** A stored instant as the API prints it: UTC, milliseconds, no `Z`. */
export function sageTimestamp(at: Date): string {
	return at.toISOString().slice(0, 23);
}

/** A calendar day (`YYYY-MM-DD`) as the API prints dates. */
export function sageDate(day: string): string {
	return `${day}T00:00:00`;
}

export function dayOf(at: Date): string {
	return at.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
	return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The calendar day of a request datetime such as `2024-05-01T00:00:00` or `…Z`, taken as
 * written (dates are date-only in the ledger). Undefined for anything else, bare
 * `YYYY-MM-DD` included: some Sage endpoints reject it (spec §5), so the sandbox always does.
 */
export function requestDay(text: string): string | undefined {
	const m = DATE_TIME.exec(text);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s = '0'] = m;
	const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
	if (date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return undefined;
	if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
	return `${y}-${mo}-${d}`;
}

/** Milliseconds of an API datetime; values without an offset are UTC. */
export function instantOf(text: string): number {
	return Date.parse(/Z$|[+-]\d{2}:\d{2}$/.test(text) ? text : `${text}Z`);
}

/**
 * A whole number of pence as the JSON number the API sends: 1999 -> 19.99. IEEE division is
 * correctly rounded, so this is the same double as parsing the text `19.99`.
 */
export function toAmount(minor: MinorUnits): number {
	return minor / 100 || 0;
}

const PLAIN_DECIMAL = /^-?\d+(?:\.(\d+))?$/;

/**
 * A JSON number with at most `dp` decimals as an exact integer scaled by 10^dp, or undefined.
 * `String(n)` is the shortest text that reads back as n, so 33.33 is taken as exactly 33.33.
 */
export function scaled(value: number, dp: number): number | undefined {
	if (!Number.isFinite(value)) return undefined;
	const text = String(value);
	const match = PLAIN_DECIMAL.exec(text);
	if (!match) return undefined;
	const decimals = (match[1] ?? '').replace(/0+$/, '');
	if (decimals.length > dp) return undefined;
	const result = Math.round(value * 10 ** dp);
	return Number.isSafeInteger(result) ? result : undefined;
}

/** Base-currency value of a document value at `rate` (currency units per base unit). */
export function toBase(minor: MinorUnits, rate: number): MinorUnits {
	if (rate === 1) return minor;
	// Half away from zero, the same for debits and credits.
	return Math.sign(minor) * Math.round(Math.abs(minor) / rate) || 0;
}
