/**
 * Money as integer minor units (pence/cents). Decimal strings are parsed exactly with BigInt and
 * rounded half away from zero to 2 dp, so sums never touch floating point.
 */
export type MinorUnits = number;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Parses a plain decimal string ("1250", "-150.005", ".5"); undefined when it is not one. */
export function parseMoney(text: string): MinorUnits | undefined {
	const match = DECIMAL.exec(text.trim());
	if (!match) return undefined;
	const [, sign, whole, frac = ''] = match;
	if (whole === '' && frac === '') return undefined;
	const digits = (frac + '000').slice(0, 3);
	// The third decimal decides rounding; later digits cannot change a half-away-from-zero result.
	const thousandths = BigInt(whole || '0') * 1000n + BigInt(digits);
	let minor = thousandths / 10n;
	if (thousandths % 10n >= 5n) minor += 1n;
	if (sign === '-') minor = -minor;
	if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
		return undefined;
	}
	return Number(minor) || 0; // never -0
}

/** Formats minor units with exactly two decimals: 125000 -> "1250.00", -15 -> "-0.15". */
export function formatMoney(minor: MinorUnits): string {
	const negative = minor < 0;
	const abs = Math.abs(minor);
	const whole = Math.floor(abs / 100);
	const cents = String(abs % 100).padStart(2, '0');
	return `${negative ? '-' : ''}${whole}.${cents}`;
}

export function sumMoney(values: Iterable<MinorUnits>): MinorUnits {
	let total = 0;
	for (const value of values) total += value;
	return total;
}
