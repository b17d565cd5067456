import { bool, date, decimal, int, money, text } from '../fields';
import type { Specs } from '../fields';
import { numberedFields } from '../present';

/**
 * The `customer` schema of sales.json, field by field (spec §7). Enum-valued fields are checked
 * against their values rather than their maxLength: Sage's own values (e.g.
 * `TradingAccountTypeOpenItem`) are longer than the lengths the OpenAPI file gives them.
 */
export const ACCOUNT_STATUS_TYPES = ['AccountStatusActive', 'AccountStatusHidden'] as const;
export const PAYMENT_TERMS_BASES = [
	'PaymentDueFromDocumentDate',
	'PaymentDueFromEndOfMonth',
	'PaymentDueFromCalendarMonth',
] as const;

const RO = { readOnly: true };
const PRO = { pro: true };

export const CUSTOMER_FIELDS: Specs = {
	reference: text(8, { required: true }),
	name: text(60, { required: true }),
	short_name: text(8),
	balance: money(RO),
	on_hold: bool(),
	status_reason: text(256),
	account_status_type: text(20, { values: ACCOUNT_STATUS_TYPES, default: 'AccountStatusActive' }),
	currency_id: int(),
	exchange_rate_type: text(20, {
		values: ['ExchangeRateSingle', 'ExchangeRatePeriod', 'ExchangeRateBoth'],
		default: 'ExchangeRateSingle',
	}),
	telephone_country_code: text(5),
	telephone_area_code: text(20),
	telephone_subscriber_number: text(200),
	fax_country_code: text(5),
	fax_area_code: text(20),
	fax_subscriber_number: text(200),
	website: text(200),
	credit_limit: money(),
	country_code_id: int(),
	default_tax_code_id: int(),
	vat_number: text(30),
	duns_code: text(9),
	account_type: text(30, {
		values: ['TradingAccountTypeOpenItem', 'TradingAccountTypeBalanceForward'],
		default: 'TradingAccountTypeOpenItem',
	}),
	early_settlement_discount_percent: decimal(2),
	early_settlement_discount_days: int({ min: 0, default: 0 }),
	payment_terms_days: int({ min: 0, default: 30 }),
	payment_terms_basis: text(30, {
		values: PAYMENT_TERMS_BASES,
		default: 'PaymentDueFromDocumentDate',
	}),
	average_time_to_pay: int({ readOnly: true, default: 0 }),
	terms_agreed: bool({ default: true }),
	value_of_current_orders_in_sop: money(RO),
	credit_bureau_id: int(),
	credit_position_id: int(),
	finance_charge_id: int(PRO),
	trading_terms: text(30),
	credit_reference: text(60),
	account_opened: date(),
	last_credit_review: date(),
	next_credit_review: date(),
	application_date: date(),
	date_received: date(),
	date_finance_charge_last_run: date(RO),
	office_type: text(20, PRO),
	associated_head_office_id: int(PRO),
	produce_statements_for_customer: bool({ pro: true, default: true }),
	is_head_office_with_branches: bool({ pro: true, readOnly: true }),
	use_consolidated_billing: bool(PRO),
	order_priority: text(1),
	use_tax_code_as_default: bool(),
	months_to_keep_transactions: int({ min: 0, default: 12 }),
	default_nominal_code_id: int(RO),
	default_nominal_code_reference: text(8),
	default_nominal_code_cost_centre: text(3),
	default_nominal_code_department: text(3),
	invoice_discount_percent: decimal(2),
	invoice_line_discount_percent: decimal(2),
	customer_discount_group_id: int(),
	order_value_discount_id: int(),
	price_band_id: int(),
	...numberedFields('analysis_code_', 20, text(60)),
	...numberedFields('spare_text_', 10, text(100)),
	...numberedFields('spare_number_', 10, decimal(5)),
	...numberedFields('spare_date_', 5, date()),
	...numberedFields('spare_bool_', 5, bool()),
};

/** `main_address` (writable parts; `country` and `contact_name` are derived). */
export const ADDRESS_FIELDS: Specs = {
	address_1: text(60),
	address_2: text(60),
	address_3: text(60),
	address_4: text(60),
	city: text(60),
	county: text(60),
	postcode: text(10),
	address_country_code_id: int(),
};
