import {
	decimalText,
	divideRounded,
	lineAmounts,
	scaledDecimal,
} from '../../../nodes/SageSync/core/lineAmounts';

const line = (quantity: number, unitPrice: number, discount: number, rate: number) =>
	lineAmounts(
		scaledDecimal(quantity, 4, 'quantity'),
		Math.round(unitPrice * 100),
		scaledDecimal(discount, 2, 'discount'),
		scaledDecimal(rate, 2, 'rate'),
	);

describe('The line rounding rule (one module)', () => {
	it('rounds net and tax half away from zero, per line', () => {
		expect(line(3, 19.99, 10, 20)).toEqual({ net: 5397, tax: 1079, gross: 6476 });
		expect(line(1, 0.05, 50, 0)).toEqual({ net: 3, tax: 0, gross: 3 }); // 2.5p → 3p
		expect(line(1, -0.05, 50, 0)).toEqual({ net: -3, tax: 0, gross: -3 }); // −2.5p → −3p
		expect(line(1, 0.125 * 2, 0, 10)).toEqual({ net: 25, tax: 3, gross: 28 }); // 2.5p tax → 3p
		expect(line(0.3333, 10, 0, 20)).toEqual({ net: 333, tax: 67, gross: 400 });
		expect(line(2, 50, 100, 20)).toEqual({ net: 0, tax: 0, gross: 0 });
	});

	it('reads decimals exactly and refuses excess precision', () => {
		expect(scaledDecimal(0.1, 4, 'q')).toBe(1000n);
		expect(scaledDecimal('17.50', 2, 'r')).toBe(1750n);
		expect(() => scaledDecimal(1.23456, 4, 'quantity')).toThrow(
			'Field "quantity" "1.23456" has more than 4 decimal places',
		);
		expect(() => scaledDecimal('abc', 2, 'rate')).toThrow('Field "rate" "abc" is not a number');
		expect(decimalText(1750n, 2)).toBe('17.5');
		expect(decimalText(2000n, 2)).toBe('20');
		expect(decimalText(5n, 4)).toBe('0.0005');
		expect(divideRounded(-15n, 10n)).toBe(-2n);
		expect(divideRounded(14n, 10n)).toBe(1n);
	});
});
