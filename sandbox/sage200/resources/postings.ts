import { formatMoney, sumMoney } from '../../shared/money';
import { badRequest } from '../errors';
import { asArray, bool, date, decimal, int, money, readRow, text } from '../fields';
import type { Row, Specs } from '../fields';
import { post } from '../ledger';
import { ok } from '../route';
import type { CompanyContext, CompanyRoute } from '../route';
import type { CompanyData } from '../store';
import type { Customer, NominalLine, TaxLine, TransactionKind } from '../types';
import { addDays } from '../values';
import { findNominal } from './customerModel';

/**
 * `POST /sales_invoices`, `/sales_credit_notes`, `/sales_receipts`, `/sales_payments` (spec §9).
 * Each creates one posted transaction and answers `{ "urn": "<n>" }` only; there is no GET on
 * these paths and no idempotency key (a repeated POST posts twice).
 */

const CREDIT_NOTE_FIELDS: Specs = {
	customer_id: int({ required: true }),
	transaction_date: date(),
	exchange_rate: decimal(6, { default: null }),
	reference: text(20),
	second_reference: text(20),
	settled_immediately: bool(),
	document_goods_value: money(),
	document_tax_value: money(),
	document_discount_value: money(),
	document_tax_discount_value: money(),
	discount_percent: decimal(2, { default: null }),
	discount_days: int({ min: 0 }),
	triangular_transaction: bool(),
};

/** `sales_invoice` is `sales_credit_note` plus `due_date`. */
const INVOICE_FIELDS: Specs = { ...CREDIT_NOTE_FIELDS, due_date: date() };

const TAX_LINE_FIELDS: Specs = {
	id: int({ required: true }),
	goods_amount: money(),
	discount_amount: money(),
	tax_amount: money(),
	tax_discount_amount: money(),
};

const NOMINAL_LINE_FIELDS: Specs = {
	code: text(8, { required: true }),
	cost_centre: text(3),
	department: text(3),
	narrative: text(6000),
	value: money(),
	transaction_analysis_code: text(20),
};

export const CHEQUE_FIELDS: Specs = {
	customer_id: int({ required: true }),
	bank_id: int({ required: true }),
	cheque_currency_id: int(),
	cheque_value: money({ required: true }),
	customer_cheque_value: money(),
	transaction_date: date(),
	exchange_rate: decimal(6, { default: null }),
	bank_exchange_rate: decimal(6, { default: null }),
	cheque_exchange_rate: decimal(6, { default: null }),
	settlement_discount_value: money(),
	reference: text(20),
	second_reference: text(20),
};

export function mustBe(condition: boolean, message: string): void {
	if (!condition) throw badRequest(message);
}

export function customerOf(company: CompanyData, id: unknown): Customer {
	const customer = company.customers.get(id as number);
	if (!customer) throw badRequest(`Customer record not found for customer_id ${String(id)}.`);
	return customer;
}

/** The customer's currency rate unless the request gives one (> 0). */
export function rateFor(company: CompanyData, customer: Customer, given: unknown): number {
	if (given !== null) {
		mustBe((given as number) > 0, `The field 'exchange_rate' must be greater than zero.`);
		return given as number;
	}
	const currency = company.currencies.get(customer.row.currency_id as number);
	return (currency?.row.core_currency_rate as number | undefined) ?? 1;
}

export function readNominalLines(company: CompanyData, value: unknown): NominalLine[] {
	return asArray(value, 'nominal_analysis_items').map((raw, i) => {
		const path = `nominal_analysis_items[${i}]`;
		const row = readRow(NOMINAL_LINE_FIELDS, raw, { create: true, path });
		const code = {
			default_nominal_code_reference: row.code,
			default_nominal_code_cost_centre: row.cost_centre,
			default_nominal_code_department: row.department,
		};
		mustBe(
			findNominal(company, code) !== undefined,
			`Nominal code record not found for ${path}.code '${String(row.code)}'.`,
		);
		return {
			code: String(row.code),
			cost_centre: String(row.cost_centre),
			department: String(row.department),
			narrative: String(row.narrative),
			value: row.value as number,
			transaction_analysis_code: String(row.transaction_analysis_code),
		};
	});
}

function readTaxLines(company: CompanyData, value: unknown): TaxLine[] {
	return asArray(value, 'tax_analysis_items').map((raw, i) => {
		const path = `tax_analysis_items[${i}]`;
		const row = readRow(TAX_LINE_FIELDS, raw, { create: true, path });
		mustBe(
			company.taxCodes.get(row.id as number) !== undefined,
			`Tax code record not found for ${path}.id ${String(row.id)}.`,
		);
		return {
			tax_code_id: row.id as number,
			goods: row.goods_amount as number,
			tax: row.tax_amount as number,
			tax_discount: row.tax_discount_amount as number,
		};
	});
}

function sumMustMatch(label: string, lines: number[], header: string, expected: number): void {
	const total = sumMoney(lines);
	mustBe(
		total === expected,
		`The ${label} (${formatMoney(total)}) must add up to ${header} (${formatMoney(expected)}).`,
	);
}

/** The default due date: the customer's payment terms from the transaction date. */
function dueDate(customer: Customer, transactionDate: string): string {
	const days = (customer.row.payment_terms_days as number | null) ?? 0;
	if (customer.row.payment_terms_basis === 'PaymentDueFromDocumentDate')
		return addDays(transactionDate, days);
	const [y, m] = transactionDate.split('-').map(Number);
	const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
	return addDays(monthEnd, days);
}

/** Posts an invoice or credit note; returns its URN. */
export function postSalesDocument(
	company: CompanyData,
	kind: TransactionKind,
	body: unknown,
): number {
	const source = (body ?? {}) as Record<string, unknown>;
	const row: Row = readRow(kind === 'invoice' ? INVOICE_FIELDS : CREDIT_NOTE_FIELDS, body, {
		create: true,
	});
	const customer = customerOf(company, row.customer_id);
	const goods = row.document_goods_value as number;
	const tax = row.document_tax_value as number;
	for (const key of [
		'document_goods_value',
		'document_tax_value',
		'document_discount_value',
		'document_tax_discount_value',
	]) {
		mustBe((row[key] as number) >= 0, `The field '${key}' must not be negative.`);
	}
	mustBe(
		goods + tax > 0,
		`The document value (document_goods_value + document_tax_value) must be greater than zero.`,
	);
	const taxLines =
		source.tax_analysis_items == null
			? [
					{
						tax_code_id: customer.row.default_tax_code_id as number,
						goods,
						tax,
						tax_discount: row.document_tax_discount_value as number,
					},
				]
			: readTaxLines(company, source.tax_analysis_items);
	sumMustMatch(
		'tax analysis goods amounts',
		taxLines.map((l) => l.goods),
		'document_goods_value',
		goods,
	);
	sumMustMatch(
		'tax analysis tax amounts',
		taxLines.map((l) => l.tax),
		'document_tax_value',
		tax,
	);
	const nominalLines =
		source.nominal_analysis_items == null
			? [
					{
						code: String(customer.row.default_nominal_code_reference),
						cost_centre: String(customer.row.default_nominal_code_cost_centre),
						department: String(customer.row.default_nominal_code_department),
						narrative: '',
						value: goods,
						transaction_analysis_code: '',
					},
				]
			: readNominalLines(company, source.nominal_analysis_items);
	sumMustMatch(
		'nominal analysis values',
		nominalLines.map((l) => l.value),
		'document_goods_value',
		goods,
	);
	const transactionDate = (row.transaction_date as string | null) ?? company.today();
	const transaction = post(company, {
		kind,
		customer,
		reference: String(row.reference),
		second_reference: String(row.second_reference),
		transaction_date: transactionDate,
		due_date:
			kind === 'invoice'
				? ((row.due_date as string | null) ?? dueDate(customer, transactionDate))
				: transactionDate,
		exchange_rate: rateFor(company, customer, row.exchange_rate),
		settled_immediately: row.settled_immediately === true,
		discount_percent: (row.discount_percent ??
			customer.row.early_settlement_discount_percent) as number,
		discount_days: (row.discount_days ??
			customer.row.early_settlement_discount_days ??
			0) as number,
		goods,
		tax,
		discount: row.document_discount_value as number,
		tax_discount: row.document_tax_discount_value as number,
		tax_lines: taxLines,
		nominal_lines: nominalLines,
	});
	return transaction.urn;
}

function documentRoute(operationId: string, path: string, kind: TransactionKind): CompanyRoute {
	return {
		method: 'POST',
		path,
		operationId,
		scope: 'company',
		handle: ({ company, body }: CompanyContext) =>
			ok({ urn: String(postSalesDocument(company, kind, body)) }),
	};
}

export const documentRoutes: CompanyRoute[] = [
	documentRoute('PostSalesInvoice', '/sales_invoices', 'invoice'),
	documentRoute('PostSalesCreditNote', '/sales_credit_notes', 'creditNote'),
];
