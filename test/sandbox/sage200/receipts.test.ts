import {
	badRequestMessage,
	customerId,
	get,
	okBody,
	post,
	postingOf,
	startSandbox,
} from './helpers';
import type { Sage200Sandbox } from './helpers';

let sandbox: Sage200Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.store.reset());

const balance = async (reference: string) =>
	okBody(await get(sandbox, `/customers/${customerId(sandbox, reference)}`)).balance as number;
const bank = async (id: number) => okBody(await get(sandbox, `/banks/${id}`)).balance as number;

describe('POST /sales_receipts and /sales_payments', () => {
	it('a receipt is money in: negative on the customer, positive in the bank', async () => {
		const before = { customer: await balance('KES002'), bank: await bank(2) };
		const { urn } = okBody(
			await post(sandbox, '/sales_receipts', {
				customer_id: customerId(sandbox, 'KES002'),
				bank_id: 2,
				cheque_value: 120,
				transaction_date: '2025-05-10T00:00:00',
				reference: 'PAY-555',
				second_reference: 'SI-0002',
			}),
		);
		expect(await postingOf(sandbox, urn)).toMatchObject({
			trader_transaction_type: 'TradingAccountEntryTypePurchasePaymentSalesReceipt',
			document_goods_value: -120,
			document_gross_value: -120,
			document_outstanding_value: -120,
			nominal_analysis_items: [{ code: '1210', narrative: 'SR / KES002', value: 120 }],
			bank_items: [
				{
					bank_code: '1210',
					name: 'Stripe Clearing',
					bank_entry_type: 'Receipt',
					reference: 'PAY-555',
					cheque_value: 120,
					urn: Number(urn),
				},
			],
		});
		expect(await balance('KES002')).toBe(before.customer - 120);
		expect(await bank(2)).toBe(before.bank + 120);
	});

	it('a payment is a refund: money out to the customer, positive on the account', async () => {
		const before = { customer: await balance('KES002'), bank: await bank(1) };
		const { urn } = okBody(
			await post(sandbox, '/sales_payments', {
				customer_id: customerId(sandbox, 'KES002'),
				bank_id: 1,
				cheque_value: 12,
				reference: 'RFD-9',
				second_reference: 'CRN-2001',
			}),
		);
		expect(await postingOf(sandbox, urn)).toMatchObject({
			trader_transaction_type: 'TradingAccountEntryTypePurchaseReceiptSalesPayment',
			document_gross_value: 12,
			bank_items: [{ bank_entry_type: 'Payment', cheque_value: 12 }],
		});
		expect(await balance('KES002')).toBe(before.customer + 12);
		expect(await bank(1)).toBe(before.bank - 12);
	});

	it('a EUR receipt can land in the EUR bank or, at its base value, in a GBP bank', async () => {
		const par = customerId(sandbox, 'PAR004');
		await post(sandbox, '/sales_receipts', {
			customer_id: par,
			bank_id: 3,
			cheque_value: 117,
			reference: 'EUR-1',
		});
		await post(sandbox, '/sales_receipts', {
			customer_id: par,
			bank_id: 1,
			cheque_value: 117,
			reference: 'EUR-2',
		});
		expect(await bank(3)).toBe(117);
		expect(await bank(1)).toBe(600 + 100);
		expect(await balance('PAR004')).toBe(-234);
	});

	const receipt = () => ({
		customer_id: customerId(sandbox, 'ABB001'),
		bank_id: 1,
		cheque_value: 50,
	});
	it.each([
		[{ bank_id: undefined }, "The field 'bank_id' is required."],
		[{ cheque_value: undefined }, "The field 'cheque_value' is required."],
		[{ bank_id: 99 }, 'Bank record not found for bank_id 99.'],
		[{ cheque_value: 0 }, "The field 'cheque_value' must be greater than zero."],
		[
			{ bank_id: 3 },
			"The bank account 1220 must be in the base currency or the customer's currency.",
		],
		[
			{ cheque_currency_id: 2 },
			"The field 'cheque_currency_id' must be the customer's currency (1) in the sandbox.",
		],
		[
			{ settlement_discount_value: 1 },
			"The field 'settlement_discount_value' is not supported by the sandbox; send 0.",
		],
	])('refuses %j: %s', async (patch, message) => {
		expect(
			badRequestMessage(await post(sandbox, '/sales_receipts', { ...receipt(), ...patch })),
		).toBe(message);
		expect(
			badRequestMessage(await post(sandbox, '/sales_payments', { ...receipt(), ...patch })),
		).toBe(message);
	});
});
