import { FieldError } from '../../shared/fieldError';
import { formatMoney, parseMoney, type MinorUnits } from '../../shared/money';

/*
 * Every amount this node handles is integer minor units (shared/money) travelling with its
 * currency; amounts in different currencies are never added or compared. Amounts leave the node as
 * decimal numbers with two places (what the Sage and Layer nodes take), next to a `currency` field.
 * The one rounding rule for Layer lines is in ./lineAmounts.
 */

const CURRENCY = /^[A-Z]{3}$/;

export function currencyCode(value: unknown, field: string): string {
	const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (!CURRENCY.test(code))
		throw new FieldError(
			field,
			value === undefined || value === null || value === ''
				? 'is required'
				: `"${String(value)}" is not an ISO currency code`,
			'Use e.g. GBP, EUR, USD',
		);
	return code;
}

/** A record's amount (a JSON number or decimal string, at most two decimals), signed. */
export function amountOf(value: unknown, field: string): MinorUnits {
	return parseMoney(value, field, { allowNegative: true });
}

/** Minor units as the JSON number the nodes take: 1999 → 19.99. */
export function decimal(minor: MinorUnits): number {
	return Number(formatMoney(minor));
}
