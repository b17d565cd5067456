import { formatMoney, parseMoney, sumMoney } from '../../nodes/shared/money';

describe('money', () => {
	it('parses decimal strings exactly into minor units', () => {
		expect(parseMoney('125.50', 'amount')).toBe(12550);
		expect(parseMoney('0.1', 'amount')).toBe(10);
		expect(parseMoney('1,234.05', 'amount')).toBe(123405);
		expect(parseMoney('-3.20', 'amount', { allowNegative: true })).toBe(-320);
		expect(parseMoney('12.500', 'amount')).toBe(1250);
	});

	it('absorbs binary-float noise in numbers but never rounds real extra precision', () => {
		expect(parseMoney(0.1 + 0.2, 'amount')).toBe(30);
		expect(parseMoney(10.1 * 3, 'amount')).toBe(3030);
		expect(() => parseMoney(1.005 + 0.0001, 'amount')).toThrow(/more than two decimal places/);
		expect(() => parseMoney('1.005', 'amount')).toThrow(/more than two decimal places/);
	});

	it('names the field and the problem for bad input', () => {
		expect(() => parseMoney('abc', 'lines[2].amount')).toThrow('Field "lines[2].amount" "abc" is not a number');
		expect(() => parseMoney(NaN, 'amount')).toThrow(/NaN, not an amount/);
		expect(() => parseMoney(undefined, 'amount')).toThrow(/is required/);
		expect(() => parseMoney('-1', 'amount')).toThrow(/must not be negative/);
		expect(() => parseMoney(0, 'amount', { allowZero: false })).toThrow(/must not be zero/);
		expect(() => parseMoney({}, 'amount')).toThrow(/must be an amount/);
	});

	it('formats and sums without floats', () => {
		expect(formatMoney(12550)).toBe('125.50');
		expect(formatMoney(-5)).toBe('-0.05');
		expect(formatMoney(0)).toBe('0.00');
		const cents = Array.from({ length: 10000 }, () => 1); // 10,000 × 0.01
		expect(formatMoney(sumMoney(cents))).toBe('100.00');
	});
});
