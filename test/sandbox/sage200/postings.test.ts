import {
	badRequestMessage,
	customerId,
	get,
	okBody,
	post,
	postInvoice,
	postingOf,
	startSandbox,
} from './helpers';
import type { Json, Sage200Sandbox } from './helpers';

let sandbox: Sage200Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.store.reset());

const balance = async (reference: string) =>
	okBody(await get(sandbox, `/customers/${customerId(sandbox, reference)}`)).balance as number;
const nominal = async (reference: string) =>
	okBody(await get(sandbox, '/nominal_codes', { $filter: `reference eq '${reference}'` }))[0]
		.balance_year_to_date as number;

describe('POST /sales_invoices', () => {
	it('answers only a URN and creates a posted invoice transaction', async () => {
		const reply = okBody(
			await post(sandbox, '/sales_invoices', {
				customer_id: customerId(sandbox, 'ABB001'),
				transaction_date: '2025-05-01T00:00:00Z',
				reference: 'INV-1001',
				second_reference: 'ORD-77',
				document_goods_value: 100,
				document_tax_value: 20,
				tax_analysis_items: [{ id: 2, goods_amount: 100, tax_amount: 20 }],
				nominal_analysis_items: [{ code: '4000', narrative: 'Web order 77', value: 100 }],
			}),
		);
		expect(reply).toEqual({ urn: expect.stringMatching(/^\d+$/) });
		expect(await postingOf(sandbox, reply.urn)).toMatchObject({
			customer_id: customerId(sandbox, 'ABB001'),
			trader_transaction_type: 'TradingAccountEntryTypeInvoice',
			reference: 'INV-1001',
			second_reference: 'ORD-77',
			transaction_date: '2025-05-01T00:00:00',
			due_date: '2025-05-31T00:00:00',
			document_goods_value: 100,
			document_tax_value: 20,
			document_gross_value: 120,
			document_allocated_value: 0,
			document_outstanding_value: 120,
			full_settlement_date: null,
			urn: Number(reply.urn),
			tax_analysis_items: [
				{ id: 2, code: 1, name: 'Standard rated', goods_amount: 100, tax_amount: 20 },
			],
			nominal_analysis_items: [
				{ code: '4000', name: 'Sales - Services', narrative: 'Web order 77', value: 100 },
			],
		});
	});

	it('moves the customer balance and the nominal ledger (debtors, sales, VAT)', async () => {
		const before = {
			customer: await balance('ABB001'),
			debtors: await nominal('1100'),
			sales: await nominal('4010'),
			vat: await nominal('2200'),
		};
		await postInvoice(sandbox, {
			document_goods_value: 33.33,
			document_tax_value: 6.67,
			tax_analysis_items: [{ id: 2, goods_amount: 33.33, tax_amount: 6.67 }],
			nominal_analysis_items: [{ code: '4010', value: 33.33 }],
		});
		expect(await balance('ABB001')).toBe(before.customer + 40);
		expect(await nominal('1100')).toBeCloseTo(before.debtors + 40, 2);
		expect(await nominal('4010')).toBeCloseTo(before.sales - 33.33, 2);
		expect(await nominal('2200')).toBeCloseTo(before.vat - 6.67, 2);
	});

	it("defaults the tax and nominal lines to the customer's tax code and nominal account", async () => {
		const posted = await postInvoice(sandbox, {
			tax_analysis_items: undefined,
			nominal_analysis_items: undefined,
		});
		expect(posted.tax_analysis_items).toEqual([
			expect.objectContaining({ id: 2, goods_amount: 100, tax_amount: 20 }),
		]);
		expect(posted.nominal_analysis_items).toEqual([
			expect.objectContaining({ code: '4000', value: 100 }),
		]);
	});

	it('is not idempotent: the same body posted twice gives two transactions (spec §15)', async () => {
		const body = {
			customer_id: customerId(sandbox, 'MER003'),
			reference: 'DUP-1',
			document_goods_value: 10,
			document_tax_value: 2,
			transaction_date: '2025-05-01T00:00:00',
		};
		const first = okBody(await post(sandbox, '/sales_invoices', body)).urn;
		const second = okBody(await post(sandbox, '/sales_invoices', body)).urn;
		expect(second).not.toBe(first);
		const found = okBody(
			await get(sandbox, '/sales_posted_transactions', { $filter: "reference eq 'DUP-1'" }),
		);
		expect(found).toHaveLength(2);
		expect(await balance('MER003')).toBe(24);
	});

	it('books foreign-currency invoices at the exchange rate (PAR004 is in EUR at 1.17)', async () => {
		const posted = await postInvoice(sandbox, {
			customer_id: customerId(sandbox, 'PAR004'),
			document_goods_value: 117,
			document_tax_value: 0,
			tax_analysis_items: [{ id: 1, goods_amount: 117, tax_amount: 0 }],
			nominal_analysis_items: [{ code: '4000', value: 117 }],
		});
		expect(posted).toMatchObject({
			exchange_rate: 1.17,
			document_gross_value: 117,
			base_gross_value: 100,
			base_goods_value: 100,
		});
	});

	const invoiceBody = () => ({
		customer_id: customerId(sandbox, 'ABB001'),
		document_goods_value: 100,
		document_tax_value: 20,
	});
	it.each([
		[{ customer_id: undefined }, "The field 'customer_id' is required."],
		[{ customer_id: 999 }, 'Customer record not found for customer_id 999.'],
		[{ customer_id: '27001' }, "The field 'customer_id' must be an integer."],
		[
			{ transaction_date: '2025-05-01' },
			"The field 'transaction_date' must be a date-time such as 2024-05-01T00:00:00.",
		],
		[{ reference: 'R'.repeat(21) }, "The field 'reference' must be at most 20 characters long."],
		[
			{ document_goods_value: -100, document_tax_value: 0 },
			"The field 'document_goods_value' must not be negative.",
		],
		[
			{ document_goods_value: 0, document_tax_value: 0 },
			'The document value (document_goods_value + document_tax_value) must be greater than zero.',
		],
		[
			{ tax_analysis_items: [{ goods_amount: 100, tax_amount: 20 }] },
			"The field 'tax_analysis_items[0].id' is required.",
		],
		[
			{ tax_analysis_items: [{ id: 42, goods_amount: 100, tax_amount: 20 }] },
			'Tax code record not found for tax_analysis_items[0].id 42.',
		],
		[
			{ tax_analysis_items: [{ id: 2, goods_amount: 90, tax_amount: 20 }] },
			'The tax analysis goods amounts (90.00) must add up to document_goods_value (100.00).',
		],
		[
			{ tax_analysis_items: [{ id: 2, goods_amount: 100, tax_amount: 19.99 }] },
			'The tax analysis tax amounts (19.99) must add up to document_tax_value (20.00).',
		],
		[
			{
				nominal_analysis_items: [
					{ code: '4000', value: 60 },
					{ code: '4010', value: 30 },
				],
			},
			'The nominal analysis values (90.00) must add up to document_goods_value (100.00).',
		],
		[
			{ nominal_analysis_items: [{ code: '9999', value: 100 }] },
			"Nominal code record not found for nominal_analysis_items[0].code '9999'.",
		],
		[
			{ nominal_analysis_items: [{ value: 100 }] },
			"The field 'nominal_analysis_items[0].code' is required.",
		],
		[{ exchange_rate: 0 }, "The field 'exchange_rate' must be greater than zero."],
	])('refuses %j: %s', async (patch, message) => {
		const count = sandbox.store.company(101)!.transactions.size;
		expect(
			badRequestMessage(await post(sandbox, '/sales_invoices', { ...invoiceBody(), ...patch })),
		).toBe(message);
		expect(sandbox.store.company(101)!.transactions.size).toBe(count);
	});
});

describe('POST /sales_credit_notes', () => {
	it('posts a negative credit note transaction that lowers the balance', async () => {
		const before = await balance('KES002');
		const { urn } = okBody(
			await post(sandbox, '/sales_credit_notes', {
				customer_id: customerId(sandbox, 'KES002'),
				transaction_date: '2025-05-03T00:00:00',
				reference: 'CRN-2001',
				second_reference: 'SI-0002',
				document_goods_value: 10,
				document_tax_value: 2,
			}),
		);
		const posted: Json = await postingOf(sandbox, urn);
		expect(posted).toMatchObject({
			trader_transaction_type: 'TradingAccountEntryTypeCreditNote',
			document_gross_value: -12,
			document_goods_value: -10,
			document_tax_value: -2,
			document_outstanding_value: -12,
			due_date: '2025-05-03T00:00:00',
		});
		expect(posted.tax_analysis_items[0]).toMatchObject({ goods_amount: -10, tax_amount: -2 });
		expect(await balance('KES002')).toBe(before - 12);
	});
});
