import { countryById } from '../countries';
import { grossOf, outstandingOf } from '../ledger';
import type { Json } from '../odata/filter';
import { listRoute } from '../route';
import type { CompanyContext, CompanyRoute } from '../route';
import type { CompanyData } from '../store';
import { TRANSACTION_TYPES } from '../types';
import type { Customer, PostedTransaction } from '../types';
import { sageDate, toAmount, toBase } from '../values';
import { contactsOf, fullNumber } from './contactModel';

/**
 * The flat, faster read models (spec §7, §10): `/sales_transaction_views` (default order
 * `posted_customer_transaction_id`; its change stamp is `transaction_date_time_updated`) and
 * `/customer_views` (the commonly used subset of its fields).
 */

function currencyOf(company: CompanyData, id: unknown) {
	return company.currencies.get(id as number);
}

/** AllocationStatusNone / Part / Full (the `allocation_status_types` enum names; UNCONFIRMED). */
function allocationStatus(t: PostedTransaction): string {
	if (outstandingOf(t) === 0) return 'AllocationStatusFull';
	return t.allocated === 0 ? 'AllocationStatusNone' : 'AllocationStatusPart';
}

function transactionView(company: CompanyData, t: PostedTransaction): Json {
	const customer = company.customers.get(t.customer_id);
	const currency = currencyOf(company, customer?.row.currency_id);
	const base = (minor: number) => toAmount(toBase(minor, t.exchange_rate));
	return {
		posted_customer_transaction_id: t.id,
		transaction_type: TRANSACTION_TYPES[t.kind],
		transaction_date: sageDate(t.transaction_date),
		posted_date: sageDate(t.posted_date),
		due_date: sageDate(t.due_date),
		discount_days: t.discount_days,
		reference: t.reference,
		second_reference: t.second_reference,
		query: t.queried,
		status: allocationStatus(t),
		user_name: t.user_name,
		ledger_type: 'LedgerSales',
		urn: t.urn,
		exchange_rate: t.exchange_rate,
		settled_immediately: t.settled_immediately,
		base_goods_value: base(t.goods),
		base_gross_value: base(grossOf(t)),
		base_discount_value: base(t.discount),
		base_tax_value: base(t.tax),
		base_tax_discount_value: base(t.tax_discount),
		base_allocated_value: base(t.allocated),
		base_outstanding_value: base(outstandingOf(t)),
		document_goods_value: toAmount(t.goods),
		document_gross_value: toAmount(grossOf(t)),
		document_discount_value: toAmount(t.discount),
		document_tax_value: toAmount(t.tax),
		document_tax_discount_value: toAmount(t.tax_discount),
		document_allocated_value: toAmount(t.allocated),
		document_outstanding_value: toAmount(outstandingOf(t)),
		customer_id: t.customer_id,
		customer_reference: String(customer?.row.reference ?? ''),
		customer_name: String(customer?.row.name ?? ''),
		currency_name: String(currency?.row.name ?? ''),
		currency_symbol: String(currency?.row.symbol ?? ''),
		transaction_date_time_updated: t.date_time_updated,
	};
}

function customerView(company: CompanyData, c: Customer): Json {
	const { row } = c;
	const currency = currencyOf(company, row.currency_id);
	const rate = (currency?.row.core_currency_rate as number | undefined) ?? 1;
	const tax = company.taxCodes.get(row.default_tax_code_id as number);
	const [contact] = contactsOf(company, c.id);
	const email = contact?.channels.emails.find((e) => e.row.is_default === true);
	const phone = contact?.channels.telephones.find((e) => e.row.is_default === true);
	const address = c.address.row;
	const creditLimit = row.credit_limit as number;
	return {
		id: c.id,
		reference: row.reference,
		name: row.name,
		short_name: row.short_name,
		country_code_id: row.country_code_id,
		country_code: countryById(row.country_code_id)?.code ?? '',
		currency_id: row.currency_id,
		currency_name: String(currency?.row.name ?? ''),
		currency_symbol: String(currency?.row.symbol ?? ''),
		currency_iso_code_id: currency?.iso.id ?? null,
		currency_iso_code: currency?.iso.code ?? '',
		currency_iso_code_name: currency?.iso.name ?? '',
		balance: toAmount(c.balance),
		base_balance: toAmount(toBase(c.balance, rate)),
		credit_limit: toAmount(creditLimit),
		vat_number: row.vat_number,
		default_tax_rate_id: tax?.id ?? null,
		default_tax_rate_code: tax?.row.code ?? null,
		default_tax_rate_name: tax?.row.name ?? '',
		default_tax_rate: tax?.row.tax_rate ?? 0,
		default_nominal_account_number: row.default_nominal_code_reference,
		default_nominal_cost_centre: row.default_nominal_code_cost_centre,
		default_nominal_department: row.default_nominal_code_department,
		early_settlement_discount_percent: row.early_settlement_discount_percent,
		days_early_settlement_disc_applies: row.early_settlement_discount_days,
		payment_terms_in_days: row.payment_terms_days,
		account_is_on_hold: row.on_hold,
		account_status_type: row.account_status_type,
		account_type: row.account_type,
		is_over_credit_limit: creditLimit > 0 && c.balance > creditLimit,
		telephone_country_code: row.telephone_country_code,
		telephone_area_code: row.telephone_area_code,
		telephone_subscriber_number: row.telephone_subscriber_number,
		website: row.website,
		contact_name: contact
			? [contact.row.first_name, contact.row.last_name].filter(Boolean).join(' ')
			: '',
		contact_first_name: contact?.row.first_name ?? '',
		contact_last_name: contact?.row.last_name ?? '',
		contact_default_telephone_number: phone ? fullNumber(phone.row) : '',
		contact_default_email_address: email ? String(email.row.email) : '',
		customer_location_address_line_1: address.address_1,
		customer_location_address_line_2: address.address_2,
		customer_location_city: address.city,
		customer_location_post_code: address.postcode,
		customer_location_country: countryById(address.address_country_code_id)?.name ?? '',
		date_time_created: c.date_time_created,
		date_time_updated: c.date_time_updated,
	};
}

const transactionViews = ({ company }: CompanyContext) => ({
	typeName: 'sales_transaction_view',
	orderedBy: 'posted_customer_transaction_id',
	present: (t: PostedTransaction) => transactionView(company, t),
});

const customerViews = ({ company }: CompanyContext) => ({
	typeName: 'customer_view',
	present: (c: Customer) => customerView(company, c),
});

export const viewRoutes: CompanyRoute[] = [
	listRoute('GetSalesTransactionViews', '/sales_transaction_views', transactionViews, (c) =>
		c.company.transactions.all(),
	),
	listRoute('GetCustomerViews', '/customer_views', customerViews, (c) => c.company.customers.all()),
];
