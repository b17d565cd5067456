import { readRow } from '../fields';
import { post } from '../ledger';
import { ok } from '../route';
import type { CompanyContext, CompanyRoute } from '../route';
import type { CompanyData } from '../store';
import type { TransactionKind } from '../types';
import { toBase } from '../values';
import { CHEQUE_FIELDS, customerOf, mustBe, rateFor, readNominalLines } from './postings';

/**
 * `POST /sales_receipts` (money in from the customer) and `POST /sales_payments` (money paid back
 * to the customer: a refund), spec §9.3–9.4. The bank must be in the base currency or the
 * customer's; the cheque is in the customer's currency (the only case the sandbox models).
 */

/** Posts a receipt or payment; returns its URN. */
export function postSalesCheque(
	company: CompanyData,
	kind: 'receipt' | 'payment',
	body: unknown,
): number {
	const source = (body ?? {}) as Record<string, unknown>;
	const row = readRow(CHEQUE_FIELDS, body, { create: true });
	const customer = customerOf(company, row.customer_id);
	const bank = company.banks.get(row.bank_id as number);
	mustBe(bank !== undefined, `Bank record not found for bank_id ${String(row.bank_id)}.`);
	const customerCurrency = customer.row.currency_id as number;
	const bankCurrency = bank!.row.account_currency_id as number;
	const base = company.baseCurrency().id;
	mustBe(
		bankCurrency === customerCurrency || bankCurrency === base,
		`The bank account ${String(bank!.row.code)} must be in the base currency or the customer's currency.`,
	);
	const chequeCurrency = (row.cheque_currency_id as number | null) ?? customerCurrency;
	mustBe(
		chequeCurrency === customerCurrency,
		`The field 'cheque_currency_id' must be the customer's currency (${customerCurrency}) in the sandbox.`,
	);
	mustBe((row.cheque_value as number) > 0, `The field 'cheque_value' must be greater than zero.`);
	mustBe(
		(row.settlement_discount_value as number) === 0,
		`The field 'settlement_discount_value' is not supported by the sandbox; send 0.`,
	);
	const value = (row.customer_cheque_value as number) || (row.cheque_value as number);
	const rate = rateFor(company, customer, row.exchange_rate);
	const reference = String(row.reference);
	const nominalLines =
		source.nominal_analysis_items == null
			? [
					{
						code: String(bank!.row.bank_account_nominal_reference),
						cost_centre: '',
						department: '',
						narrative: `${kind === 'receipt' ? 'SR' : 'SP'} / ${String(customer.row.reference)}`,
						value,
						transaction_analysis_code: '',
					},
				]
			: readNominalLines(company, source.nominal_analysis_items);
	const day = (row.transaction_date as string | null) ?? company.today();
	const transaction = post(company, {
		kind,
		customer,
		reference,
		second_reference: String(row.second_reference),
		transaction_date: day,
		due_date: day,
		exchange_rate: rate,
		settled_immediately: false,
		discount_percent: 0,
		discount_days: 0,
		goods: value,
		tax: 0,
		discount: 0,
		tax_discount: 0,
		tax_lines: [],
		nominal_lines: nominalLines,
		// In a base-currency bank a foreign cheque lands at its base value.
		bank: {
			bank: bank!,
			cheque_value: bankCurrency === customerCurrency ? value : toBase(value, rate),
		},
	});
	return transaction.urn;
}

function chequeRoute(
	operationId: string,
	path: string,
	kind: TransactionKind & ('receipt' | 'payment'),
): CompanyRoute {
	return {
		method: 'POST',
		path,
		operationId,
		scope: 'company',
		handle: ({ company, body }: CompanyContext) =>
			ok({ urn: String(postSalesCheque(company, kind, body)) }),
	};
}

export const bankPostingRoutes: CompanyRoute[] = [
	chequeRoute('PostSalesReceipt', '/sales_receipts', 'receipt'),
	chequeRoute('PostSalesPayment', '/sales_payments', 'payment'),
];
