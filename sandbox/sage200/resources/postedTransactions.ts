import { readRow, text } from '../fields';
import { grossOf, outstandingOf } from '../ledger';
import type { Json } from '../odata/filter';
import { queryOne } from '../odata/query';
import type { Resource } from '../odata/query';
import { getRoute, listRoute, mustGet, ok, pathId } from '../route';
import type { CompanyContext, CompanyRoute } from '../route';
import type { CompanyData } from '../store';
import { TRANSACTION_TYPES } from '../types';
import type { Edition, PostedTransaction } from '../types';
import { sageDate, toAmount, toBase } from '../values';
import { presentCustomer } from './customers';

/**
 * `/sales_posted_transactions` (spec §10): what postings and allocations leave behind. Values
 * are signed (receipts and credit notes negative); outstanding = gross - allocated. Only
 * `queried` can be changed (PUT).
 */

const dateOrNull = (day: string | null) => (day === null ? null : sageDate(day));

function allocationItems(company: CompanyData, t: PostedTransaction) {
	const session = t.allocations.flatMap((entry) => {
		const lines = company.allocationSessions.get(entry.session)?.lines ?? [];
		return lines
			.filter((line) => line.transactionId !== t.id)
			.map((line) => {
				const other = company.transactions.get(line.transactionId)!;
				return {
					user_name: other.user_name,
					ledger_type: 'LedgerSales',
					urn: other.urn,
					allocation_date: sageDate(entry.date),
					trader_transaction_type: TRANSACTION_TYPES[other.kind],
					reference: other.reference,
					value: toAmount(grossOf(other)),
					allocation_value: toAmount(line.value),
				};
			});
	});
	const history = t.allocations.map((entry) => ({
		id: entry.id,
		trading_revaluation_allocation_entry_type: 'TradingRevaluationAllocationEntryTypeAllocation',
		entry_date: sageDate(entry.date),
		allocation_value: toAmount(entry.value),
		nominal_updated: true,
		exchange_rate: t.exchange_rate,
		exchange_gain_loss: 0,
		date_time_created: entry.at,
		date_time_updated: entry.at,
	}));
	return { allocation_session_items: session, allocation_history_items: history };
}

export function presentPostedTransaction(company: CompanyData, t: PostedTransaction): Json {
	const rate = t.exchange_rate;
	const base = (minor: number) => toAmount(toBase(minor, rate));
	const gross = grossOf(t);
	return {
		id: t.id,
		customer_id: t.customer_id,
		trader_transaction_type: TRANSACTION_TYPES[t.kind],
		reference: t.reference,
		second_reference: t.second_reference,
		queried: t.queried,
		transaction_date: sageDate(t.transaction_date),
		posted_date: sageDate(t.posted_date),
		due_date: sageDate(t.due_date),
		full_settlement_date: dateOrNull(t.full_settlement_date),
		document_goods_value: toAmount(t.goods),
		document_gross_value: toAmount(gross),
		document_tax_value: toAmount(t.tax),
		document_discount_value: toAmount(t.discount),
		discount_percent: t.discount_percent,
		document_tax_discount_value: toAmount(t.tax_discount),
		document_allocated_value: toAmount(t.allocated),
		document_outstanding_value: toAmount(outstandingOf(t)),
		base_goods_value: base(t.goods),
		base_gross_value: base(gross),
		base_tax_value: base(t.tax),
		base_discount_value: base(t.discount),
		base_tax_discount_value: base(t.tax_discount),
		base_allocated_value: base(t.allocated),
		control_value_in_base_currency: base(gross),
		exchange_rate: rate,
		settled_immediately: t.settled_immediately,
		discount_days: t.discount_days,
		urn: t.urn,
		user_name: t.user_name,
		tax_analysis_items: t.tax_lines.map((line) => {
			const code = company.taxCodes.get(line.tax_code_id);
			return {
				id: line.tax_code_id,
				code: code?.row.code ?? 0,
				name: code?.row.name ?? '',
				entry_type: 'TaxAccountEntryTypeSale',
				goods_amount: toAmount(line.goods),
				tax_amount: toAmount(line.tax),
				tax_discount_amount: toAmount(line.tax_discount),
			};
		}),
		nominal_analysis_items: t.nominal_lines.map((line) => ({
			code: line.code,
			cost_centre: line.cost_centre,
			department: line.department,
			name: String(company.nominalCodes.find((n) => n.row.reference === line.code)?.row.name ?? ''),
			location: '',
			reference: t.reference,
			narrative: line.narrative,
			value: toAmount(line.value),
			base_value: base(line.value),
			transaction_analysis_code: line.transaction_analysis_code,
			source: '',
		})),
		bank_items: t.bank_lines.map((line) => {
			const bank = company.banks.get(line.bank_id);
			return {
				bank_code: String(bank?.row.code ?? ''),
				name: String(bank?.row.description ?? ''),
				bank_entry_type: line.bank_entry_type,
				reference: t.reference,
				cheque_value: toAmount(line.cheque_value),
				statement_date: null,
				statement_page_number: 0,
				urn: t.urn,
			};
		}),
		...allocationItems(company, t),
		date_time_created: t.date_time_created,
		date_time_updated: t.date_time_updated,
	};
}

export function postedResource(
	company: CompanyData,
	edition: Edition,
): Resource<PostedTransaction> {
	return {
		typeName: 'sales_posted_transaction',
		present: (t) => presentPostedTransaction(company, t),
		expand: {
			customer: (t) => {
				const customer = company.customers.get(t.customer_id);
				return customer ? presentCustomer(company, customer, edition) : {};
			},
		},
	};
}

const posted = ({ company, edition }: CompanyContext) => postedResource(company, edition);
const QUERIED_FIELDS = { queried: text(1) };

export const postedTransactionRoutes: CompanyRoute[] = [
	listRoute('GetSalesPostedTransactions', '/sales_posted_transactions', posted, (c) =>
		c.company.transactions.all(),
	),
	getRoute(
		'GetSalesPostedTransaction',
		'/sales_posted_transactions/{Id}',
		posted,
		(c) => c.company.transactions,
		'sales posted transaction',
	),
	{
		method: 'PUT',
		path: '/sales_posted_transactions/{Id}',
		operationId: 'PutSalesPostedTransactions',
		scope: 'company',
		handle: (context) => {
			const { company } = context;
			const t = mustGet(company.transactions, pathId(context), 'sales posted transaction');
			const { queried } = readRow(QUERIED_FIELDS, context.body, { create: false });
			if (queried !== undefined && queried !== t.queried) {
				t.queried = String(queried);
				company.touch(t);
			}
			return ok(queryOne(t, new URLSearchParams(), posted(context)));
		},
	},
	listRoute(
		'GetSalesPostedTransactionsForCustomer',
		'/customers/{customerId}/sales_posted_transactions',
		posted,
		(context) => {
			const customer = mustGet(
				context.company.customers,
				pathId(context, 'customerId'),
				'customer',
			);
			return context.company.transactions.filter((t) => t.customer_id === customer.id);
		},
	),
];
