import { formatMoney, sumMoney } from '../shared/money';
import type { Line, Pence } from './types';

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A JSON number as an exact integer scaled by 10^dp (12.5 at dp 2 -> 1250n), or undefined when it
 * has more than `dp` decimals. `String(n)` is the shortest text that reads back as n, so 33.33
 * is taken as exactly 33.33 rather than its binary approximation.
 */
export function scaledDecimal(value: number, dp: number): bigint | undefined {
	const match = PLAIN_DECIMAL.exec(String(value));
	if (!match) return undefined; // exponent form: too small or too large to be an amount
	const [, sign, whole, fraction = ''] = match;
	const trimmed = fraction.replace(/0+$/, '');
	if (trimmed.length > dp) return undefined;
	const scaled = BigInt(whole + trimmed.padEnd(dp, '0'));
	return sign === '-' ? -scaled : scaled;
}

/** numerator / denominator rounded half away from zero (denominator > 0). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
	const negative = numerator < 0n;
	const abs = negative ? -numerator : numerator;
	let quotient = abs / denominator;
	if ((abs % denominator) * 2n >= denominator) quotient += 1n;
	return negative ? -quotient : quotient;
}

export interface LineInput {
	quantity: number;
	unitPrice: Pence;
	discountPercent: number;
	taxRate: number;
}

/**
 * Per line, in exact integer arithmetic, each result rounded half away from zero to the penny:
 *   net   = round2(quantity × unitPrice × (1 − discountPercent / 100))
 *   tax   = round2(net × taxRate / 100)
 *   gross = net + tax
 * quantity has at most 4 decimals, discountPercent and taxRate at most 2 (checked on input).
 */
export function lineAmounts(input: LineInput): { net: Pence; tax: Pence; gross: Pence } {
	const quantity = scaledDecimal(input.quantity, 4)!; // × 10^4
	const discount = scaledDecimal(input.discountPercent, 2)!; // percent × 10^2
	const rate = scaledDecimal(input.taxRate, 2)!; // percent × 10^2
	const net = divideRounded(
		quantity * BigInt(input.unitPrice) * (10000n - discount),
		100000000n, // 10^4 (quantity) × 10^4 (1 − percent/100 at 10^2)
	);
	const tax = divideRounded(net * rate, 10000n);
	return { net: Number(net), tax: Number(tax), gross: Number(net + tax) };
}

export interface Totals {
	netTotal: Pence;
	taxTotal: Pence;
	grossTotal: Pence;
}

export function totalsOf(lines: readonly Line[]): Totals {
	return {
		netTotal: sumMoney(lines.map((l) => l.netAmount)),
		taxTotal: sumMoney(lines.map((l) => l.taxAmount)),
		grossTotal: sumMoney(lines.map((l) => l.grossAmount)),
	};
}

/** Pence as the JSON number the API sends: 1999 -> 19.99 (never 19.990000000000002). */
export function toAmount(pence: Pence): number {
	return Number(formatMoney(pence));
}
