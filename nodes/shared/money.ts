import { FieldError } from './fieldError';

/**
 * Money is carried as an integer count of minor units (pence, cents) so sums and comparisons are
 * exact. Rounding rule (stated once, used everywhere): a value with more than two decimal places is
 * rejected, except a JavaScript number whose extra digits are binary-float noise (e.g.
 * 0.1 + 0.2 = 0.30000000000000004), which is rounded half away from zero to two places.
 */
export type MinorUnits = number;

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

export interface MoneyRules {
	allowNegative?: boolean;
	allowZero?: boolean;
}

export function parseMoney(value: unknown, field: string, rules: MoneyRules = {}): MinorUnits {
	let minor: number;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) {
			throw new FieldError(
				field,
				`is ${String(value)}, not an amount`,
				'Pass a number such as 125.50',
			);
		}
		const scaled = value * 100;
		minor = Math.round(Math.abs(scaled)) * Math.sign(scaled);
		if (Math.abs(scaled - minor) > 1e-6) {
			throw new FieldError(
				field,
				`has more than two decimal places (${value})`,
				'Round it to pence first',
			);
		}
	} else if (typeof value === 'string' && value.trim() !== '') {
		const match = DECIMAL.exec(value.trim().replace(/,/g, ''));
		if (!match) {
			throw new FieldError(
				field,
				`"${value}" is not a number`,
				'Use digits with an optional . and two decimals, e.g. 125.50',
			);
		}
		const [, sign, whole, fraction = ''] = match;
		if (fraction.replace(/0+$/, '').length > 2) {
			throw new FieldError(
				field,
				`"${value}" has more than two decimal places`,
				'Round it to pence first',
			);
		}
		minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
		if (sign === '-') minor = -minor;
	} else {
		throw new FieldError(
			field,
			value === undefined || value === '' || value === null
				? 'is required'
				: `must be an amount, got ${typeof value}`,
			'Pass a number such as 125.50',
		);
	}
	if (!Number.isSafeInteger(minor)) {
		throw new FieldError(field, 'is too large', 'Amounts must be below 90 trillion');
	}
	if (minor < 0 && !rules.allowNegative) {
		throw new FieldError(
			field,
			`must not be negative (${formatMoney(minor)})`,
			'Pass a positive amount',
		);
	}
	if (minor === 0 && rules.allowZero === false) {
		throw new FieldError(field, 'must not be zero', 'Pass a non-zero amount');
	}
	return minor;
}

/** Formats minor units as a plain decimal string with two places: 12550 → "125.50". */
export function formatMoney(minor: MinorUnits): string {
	const sign = minor < 0 ? '-' : '';
	const abs = Math.abs(minor);
	const whole = Math.floor(abs / 100);
	const fraction = String(abs % 100).padStart(2, '0');
	return `${sign}${whole}.${fraction}`;
}

/** Parses an amount returned by an API (a decimal string) without the input rules. */
export function moneyFromApi(value: unknown): MinorUnits {
	if (value === undefined || value === null || value === '') return 0;
	return parseMoney(typeof value === 'number' ? value : String(value), 'amount', {
		allowNegative: true,
	});
}

export function sumMoney(values: MinorUnits[]): MinorUnits {
	let total = 0;
	for (const v of values) total += v;
	if (!Number.isSafeInteger(total)) throw new Error('Amount total overflowed');
	return total;
}
