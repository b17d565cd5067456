import type { IDataObject } from 'n8n-workflow';

import { parseMoney } from '../../../nodes/shared/money';
import { int, pick, prng } from '../helpers';
import { mapper } from './fixtures';

/**
 * An independent statement of The Layer's line rule, as exact fractions, so the test does not
 * lean on the module it checks: round half away from zero of num/den = sign × ⌊(2|num| + den) / 2den⌋.
 */
function roundFraction(num: bigint, den: bigint): bigint {
	const sign = num < 0n ? -1n : 1n;
	const abs = num < 0n ? -num : num;
	return sign * ((2n * abs + den) / (2n * den));
}

function referenceLine(q4: bigint, priceMinor: bigint, discount2: bigint, rate2: bigint) {
	const net = roundFraction(q4 * priceMinor * (10000n - discount2), 10n ** 8n);
	const tax = roundFraction(net * rate2, 10n ** 4n);
	return { net, tax, gross: net + tax };
}

const decimalOf = (scaled: bigint, dp: number) => {
	const sign = scaled < 0n ? '-' : '';
	const abs = (scaled < 0n ? -scaled : scaled).toString().padStart(dp + 1, '0');
	return Number(`${sign}${abs.slice(0, abs.length - dp)}.${abs.slice(abs.length - dp)}`);
};

const RATES = [0n, 500n, 1250n, 1750n, 2000n];
const CURRENCIES = ['GBP', 'EUR', 'USD'];

function randomInvoice(rand: () => number, n: number, allowNegative: boolean) {
	const lines: IDataObject[] = [];
	let net = 0n;
	let tax = 0n;
	for (let i = int(rand, 1, 8); i > 0; i--) {
		const q4 = BigInt(rand() < 0.5 ? int(rand, 1, 50) * 10000 : int(rand, 1, 2_000_000));
		let price = BigInt(rand() < 0.3 ? int(rand, 1, 999) : int(rand, 1, 9_999_999));
		if (allowNegative && rand() < 0.1) price = -price;
		const discount = BigInt(rand() < 0.6 ? 0 : int(rand, 0, 10000));
		const rate = pick(rand, RATES);
		const amounts = referenceLine(q4, price, discount, rate);
		net += amounts.net;
		tax += amounts.tax;
		lines.push({
			description: `Line ${i}`,
			quantity: decimalOf(q4, 4),
			unitPrice: decimalOf(price, 2),
			discountPercent: decimalOf(discount, 2),
			taxRate: decimalOf(rate, 2),
			nominalCode: pick(rand, ['4000', '4100', '4200']),
			netAmount: decimalOf(amounts.net, 2),
			taxAmount: decimalOf(amounts.tax, 2),
			grossAmount: decimalOf(amounts.gross, 2),
		});
	}
	return {
		invoice: {
			id: `inv_${n}`,
			number: `INV-${n}`,
			status: 'finalised',
			customerId: 'cus_0001',
			subCompanyId: 'sub_0001',
			issueDate: '2025-05-01',
			dueDate: '2025-05-31',
			currency: pick(rand, CURRENCIES),
			lines,
			netTotal: decimalOf(net, 2),
			taxTotal: decimalOf(tax, 2),
			grossTotal: decimalOf(net + tax, 2),
		},
		net,
		tax,
	};
}

const minor = (value: unknown) => BigInt(parseMoney(value, 'amount', { allowNegative: true }));
const sum = (lines: unknown, key: string, filter: (l: IDataObject) => boolean = () => true) =>
	(lines as IDataObject[]).filter(filter).reduce((total, l) => total + minor(l[key]), 0n);

const TABLES = {
	subCompany: { sub_0001: '1:1' },
	nominalCode: { '4000': '40000', '4100': '41000', '4200': '42000' },
};

describe('Map › 10,000 random invoices keep their totals to the penny', () => {
	it('Intacct: net lines add up to the net total, VAT lines to the tax total, all to the gross', () => {
		const rand = prng(20250601);
		const setup = (groupLines: 'byAccount' | 'perLine', taxHandling: 'gross' | 'separateLines') =>
			mapper('invoiceToIntacct', {
				tables: {
					...TABLES,
					taxRate: { '0': '2200', '5': '2205', '12.5': '2212', '17.5': '2217', '20': '2220' },
				},
				options: { groupLines, taxHandling },
				customers: [{ id: 'cus_0001', sage: { sageCustomerId: 'C1' } }],
			});
		const mappers = {
			'perLine/separateLines': setup('perLine', 'separateLines'),
			'byAccount/separateLines': setup('byAccount', 'separateLines'),
			'perLine/gross': setup('perLine', 'gross'),
			'byAccount/gross': setup('byAccount', 'gross'),
		};
		let source = 0n;
		let mapped = 0n;
		for (let n = 0; n < 10000; n++) {
			const { invoice, net, tax } = randomInvoice(rand, n, true);
			const gross = n % 3 === 0;
			const out =
				mappers[`${n % 2 ? 'byAccount' : 'perLine'}/${gross ? 'gross' : 'separateLines'}`](invoice);
			const isVat = (l: IDataObject) => String(l.glAccountNo).startsWith('22');
			const total = sum(out.linesJson, 'amount');
			if (total !== net + tax) throw new Error(`${invoice.number}: ${total} ≠ ${net + tax}`);
			if (!gross && sum(out.linesJson, 'amount', isVat) !== tax)
				throw new Error(`${invoice.number}: VAT`);
			if (!gross && sum(out.linesJson, 'amount', (l) => !isVat(l)) !== net)
				throw new Error(`${invoice.number}: net`);
			if (minor((out.totals as IDataObject).mapped) !== net + tax) throw new Error('mapped total');
			source += net + tax;
			mapped += total;
		}
		expect(mapped).toBe(source);
	}, 120_000);

	it('Sage 200: nominal analysis adds up to the net and tax totals', () => {
		const rand = prng(424242);
		const setup = (groupLines: 'byAccount' | 'perLine') =>
			mapper('invoiceToSage200', {
				tables: { ...TABLES, taxRate: { '0': '2', '5': '3', '12.5': '4', '17.5': '5', '20': '1' } },
				options: { groupLines },
				customers: [{ id: 'cus_0001', sage: { sageCustomerId: '27006' } }],
			});
		const mappers = { byAccount: setup('byAccount'), perLine: setup('perLine') };
		let source = 0n;
		let mapped = 0n;
		for (let n = 0; n < 10000; n++) {
			const { invoice, net, tax } = randomInvoice(rand, n, false);
			const out = mappers[n % 2 ? 'byAccount' : 'perLine'](invoice);
			const lineNet = sum(out.linesJson, 'net');
			const lineTax = sum(out.linesJson, 'tax');
			if (lineNet !== net || lineTax !== tax)
				throw new Error(`${invoice.number}: ${lineNet}/${lineTax} ≠ ${net}/${tax}`);
			source += net + tax;
			mapped += lineNet + lineTax;
		}
		expect(mapped).toBe(source);
	}, 120_000);
});
