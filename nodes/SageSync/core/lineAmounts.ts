import { FieldError } from '../../shared/fieldError';
import type { MinorUnits } from '../../shared/money';

/**
 * The Layer's line arithmetic, written down once (the assumed contract's `Line`):
 *
 *   net   = round2(quantity × unitPrice × (1 − discountPercent / 100))
 *   tax   = round2(net × taxRate / 100)
 *   gross = net + tax
 *
 * Exact integer arithmetic (BigInt); each result is rounded half away from zero to the minor unit,
 * per line. Document totals are sums of line amounts and are never recomputed from totals.
 * quantity has at most 4 decimals, unitPrice 2 (it is in minor units here), discountPercent and
 * taxRate at most 2.
 */
export interface LineAmounts {
	net: MinorUnits;
	tax: MinorUnits;
	gross: MinorUnits;
}

export function lineAmounts(
	quantity: bigint,
	unitPrice: MinorUnits,
	discountPercent: bigint,
	taxRate: bigint,
): LineAmounts {
	// quantity × 10^4, percentages × 10^2: (1 − d/100) = (10^4 − d) / 10^4.
	const net = divideRounded(quantity * BigInt(unitPrice) * (10000n - discountPercent), 100000000n);
	const tax = divideRounded(net * taxRate, 10000n);
	return { net: Number(net), tax: Number(tax), gross: Number(net + tax) };
}

/** numerator / denominator, rounded half away from zero (denominator > 0). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
	const negative = numerator < 0n;
	const abs = negative ? -numerator : numerator;
	let quotient = abs / denominator;
	if ((abs % denominator) * 2n >= denominator) quotient += 1n;
	return negative ? -quotient : quotient;
}

const PLAIN_DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * A decimal as an exact integer scaled by 10^dp: ("12.5", 2) → 1250n. A JS number is read from its
 * shortest text form, so 33.33 is exactly 33.33. More than `dp` decimals is an error.
 */
export function scaledDecimal(value: unknown, dp: number, field: string): bigint {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const match = PLAIN_DECIMAL.exec(text);
	if (!match)
		throw new FieldError(
			field,
			value === undefined || value === null || value === ''
				? 'is required'
				: `"${String(value)}" is not a number`,
			'Use digits with an optional decimal point',
		);
	const [, sign, whole, fraction = ''] = match;
	const trimmed = fraction.replace(/0+$/, '');
	if (trimmed.length > dp)
		throw new FieldError(field, `"${text}" has more than ${dp} decimal places`, 'Round it first');
	const scaled = BigInt(whole + trimmed.padEnd(dp, '0'));
	return sign === '-' ? -scaled : scaled;
}

/** The canonical text of a scaled decimal: (1750n, 2) → "17.5", (2000n, 2) → "20". */
export function decimalText(scaled: bigint, dp: number): string {
	const negative = scaled < 0n;
	const digits = (negative ? -scaled : scaled).toString().padStart(dp + 1, '0');
	const whole = digits.slice(0, digits.length - dp);
	const fraction = digits.slice(digits.length - dp).replace(/0+$/, '');
	return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
