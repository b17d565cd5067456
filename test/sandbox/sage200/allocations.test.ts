import {
	badRequestMessage,
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

/** A fresh customer with no history, so balances are easy to follow. */
async function freshCustomer(reference: string): Promise<number> {
	return okBody(
		await post(sandbox, '/customers', { reference, name: `${reference} Ltd`, credit_limit: 1000 }),
	).id as number;
}

async function receipt(customer: number, value: number, reference = 'REC-1'): Promise<Json> {
	const { urn } = okBody(
		await post(sandbox, '/sales_receipts', {
			customer_id: customer,
			bank_id: 1,
			cheque_value: value,
			reference,
			transaction_date: '2025-05-10T00:00:00',
		}),
	);
	return postingOf(sandbox, urn);
}

async function creditNote(customer: number, goods: number, tax: number): Promise<Json> {
	const { urn } = okBody(
		await post(sandbox, '/sales_credit_notes', {
			customer_id: customer,
			reference: 'CRN-1',
			document_goods_value: goods,
			document_tax_value: tax,
			transaction_date: '2025-05-11T00:00:00',
		}),
	);
	return postingOf(sandbox, urn);
}

const allocate = (customer: number, lines: Array<[number, number]>, date?: string) =>
	post(sandbox, '/sales_allocations', {
		customer_id: customer,
		...(date ? { allocation_date: date } : {}),
		allocation_lines: lines.map(([id, value]) => ({
			posted_tran_id: id,
			value_to_allocate: value,
		})),
	});

const customer = async (id: number) => okBody(await get(sandbox, `/customers/${id}`));
const posted = async (id: number) => okBody(await get(sandbox, `/sales_posted_transactions/${id}`));

it('invoice + receipt + allocation: balances and outstanding values to the penny', async () => {
	const id = await freshCustomer('BAL001');
	const invoice = await postInvoice(sandbox, {
		customer_id: id,
		document_goods_value: 1234.56,
		document_tax_value: 246.91,
		tax_analysis_items: [{ id: 2, goods_amount: 1234.56, tax_amount: 246.91 }],
		nominal_analysis_items: [{ code: '4000', value: 1234.56 }],
	});
	expect((await customer(id)).balance).toBe(1481.47);
	const paid = await receipt(id, 1000.01);
	expect((await customer(id)).balance).toBe(481.46);
	const reply = okBody(
		await allocate(
			id,
			[
				[invoice.id, 1000.01],
				[paid.id, -1000.01],
			],
			'2025-05-12T00:00:00',
		),
	);
	expect(reply).toEqual({
		customer_id: id,
		allocation_date: '2025-05-12T00:00:00',
		allocation_lines: [
			{ posted_tran_id: invoice.id, value_to_allocate: 1000.01 },
			{ posted_tran_id: paid.id, value_to_allocate: -1000.01 },
		],
	});
	expect((await customer(id)).balance).toBe(481.46);
	expect(await posted(invoice.id)).toMatchObject({
		document_allocated_value: 1000.01,
		document_outstanding_value: 481.46,
		full_settlement_date: null,
	});
	const receiptAfter = await posted(paid.id);
	expect(receiptAfter).toMatchObject({
		document_allocated_value: -1000.01,
		document_outstanding_value: 0,
		full_settlement_date: '2025-05-12T00:00:00',
	});
	expect(receiptAfter.allocation_session_items).toEqual([
		expect.objectContaining({
			ledger_type: 'LedgerSales',
			urn: invoice.urn,
			reference: invoice.reference,
			trader_transaction_type: 'TradingAccountEntryTypeInvoice',
			value: 1481.47,
			allocation_value: 1000.01,
		}),
	]);
	expect(receiptAfter.allocation_history_items).toEqual([
		expect.objectContaining({ allocation_value: -1000.01, entry_date: '2025-05-12T00:00:00' }),
	]);
	const views = okBody(
		await get(sandbox, '/sales_transaction_views', { $filter: `customer_id eq ${id}` }),
	);
	expect(
		views.map((v: Json) => [
			v.posted_customer_transaction_id,
			v.status,
			v.document_outstanding_value,
		]),
	).toEqual([
		[invoice.id, 'AllocationStatusPart', 481.46],
		[paid.id, 'AllocationStatusFull', 0],
	]);
	const [view] = okBody(await get(sandbox, '/customer_views', { $filter: `id eq ${id}` }));
	expect(view).toMatchObject({
		balance: 481.46,
		credit_limit: 1000,
		is_over_credit_limit: false,
		account_is_on_hold: false,
	});
});

it('settles an invoice with a credit note and a receipt over two sessions; a refund clears an over-payment', async () => {
	const id = await freshCustomer('BAL002');
	const invoice = await postInvoice(sandbox, { customer_id: id });
	const credit = await creditNote(id, 10, 2);
	const paid = await receipt(id, 150);
	okBody(
		await allocate(id, [
			[invoice.id, 12],
			[credit.id, -12],
		]),
	);
	okBody(
		await allocate(id, [
			[invoice.id, 108],
			[paid.id, -108],
		]),
	);
	expect(await posted(invoice.id)).toMatchObject({
		document_outstanding_value: 0,
		document_allocated_value: 120,
	});
	expect((await posted(invoice.id)).allocation_session_items.map((i: Json) => i.reference)).toEqual(
		['CRN-1', 'REC-1'],
	);
	expect((await customer(id)).balance).toBe(-42);
	const { urn } = okBody(
		await post(sandbox, '/sales_payments', {
			customer_id: id,
			bank_id: 1,
			cheque_value: 42,
			reference: 'RFD-1',
		}),
	);
	const refund = await postingOf(sandbox, urn);
	okBody(
		await allocate(id, [
			[refund.id, 42],
			[paid.id, -42],
		]),
	);
	expect((await customer(id)).balance).toBe(0);
	const open = okBody(
		await get(sandbox, `/customers/${id}/sales_posted_transactions`, {
			$filter: 'document_outstanding_value ne 0',
		}),
	);
	expect(open).toEqual([]);
});

describe('refusals (nothing is allocated)', () => {
	let id: number;
	let invoice: Json;
	let paid: Json;
	beforeEach(async () => {
		id = await freshCustomer('BAL003');
		invoice = await postInvoice(sandbox, { customer_id: id });
		paid = await receipt(id, 100);
	});

	it('lines that do not net to zero', async () => {
		expect(
			badRequestMessage(
				await allocate(id, [
					[invoice.id, 100],
					[paid.id, -90],
				]),
			),
		).toBe(
			'The allocation lines must net to zero: debits (positive) and credits (negative) differ by 10.00.',
		);
		expect((await posted(invoice.id)).document_allocated_value).toBe(0);
		expect((await posted(paid.id)).document_allocated_value).toBe(0);
	});

	it.each([
		[
			'more than is outstanding',
			(): Array<[number, number]> => [
				[invoice.id, 120],
				[paid.id, -120],
			],
			"The field 'allocation_lines[1].value_to_allocate' (120.00) is more than the 100.00 outstanding on posted transaction",
		],
		[
			'a credit with a positive value',
			(): Array<[number, number]> => [
				[invoice.id, -50],
				[paid.id, 50],
			],
			"The field 'allocation_lines[0].value_to_allocate' must be positive for an invoice or payment",
		],
		[
			'a zero line',
			(): Array<[number, number]> => [
				[invoice.id, 0],
				[paid.id, 0],
			],
			"The field 'allocation_lines[0].value_to_allocate' must not be zero.",
		],
		[
			'a single line',
			(): Array<[number, number]> => [[invoice.id, 10]],
			"The field 'allocation_lines' needs at least two lines",
		],
		[
			'the same transaction twice',
			(): Array<[number, number]> => [
				[invoice.id, 10],
				[invoice.id, 10],
			],
			`appears twice in allocation_lines.`,
		],
		[
			'an unknown transaction',
			(): Array<[number, number]> => [
				[invoice.id, 10],
				[4242, -10],
			],
			'Sales posted transaction record not found for allocation_lines[1].posted_tran_id 4242',
		],
	])('%s', async (_case, lines, message) => {
		expect(badRequestMessage(await allocate(id, lines()))).toContain(message);
		expect((await posted(invoice.id)).document_allocated_value).toBe(0);
	});

	it("another customer's transaction, a missing customer_id, missing lines", async () => {
		const seeded = okBody(
			await get(sandbox, '/sales_posted_transactions', { $filter: "reference eq 'SI-0002'" }),
		)[0];
		expect(
			badRequestMessage(
				await allocate(id, [
					[seeded.id, 10],
					[paid.id, -10],
				]),
			),
		).toContain(`posted_tran_id ${seeded.id} on customer ${id}`);
		expect(
			badRequestMessage(await post(sandbox, '/sales_allocations', { allocation_lines: [] })),
		).toBe("The field 'customer_id' is required.");
		expect(badRequestMessage(await post(sandbox, '/sales_allocations', { customer_id: id }))).toBe(
			"The field 'allocation_lines' is required.",
		);
	});
});
