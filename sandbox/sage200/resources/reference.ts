import { bool, date, decimal, int, money, text } from '../fields';
import type { Specs } from '../fields';
import { numberedFields, presentRecord } from '../present';
import { getRoute, listRoute } from '../route';
import type { CompanyContext, CompanyRoute } from '../route';
import type { CompanyData } from '../store';
import { toAmount, toBase } from '../values';
import type { Bank, Currency, Edition, NominalCode, TaxCode } from '../types';

/**
 * Reference data the postings point at (spec §11): banks, nominal codes, tax codes and
 * currencies. Read-only here; the sandbox seeds them and the ledger moves the balances.
 */

const READ_ONLY = { readOnly: true };

export const BANK_FIELDS: Specs = {
	code: text(8, { required: true }),
	description: text(60),
	sort_code: text(10, { required: true }),
	account_no: text(20),
	bank_name: text(60),
	account_type: text(22),
	account_status_type: text(20, { default: 'AccountStatusActive' }),
	balance: money(READ_ONLY),
	balance_in_base: money(READ_ONLY),
	overdraft_limit: money(),
	account_name: text(50),
	iban: text(40),
	bic: text(11),
	statement_balance: money(READ_ONLY),
	statement_date: date(READ_ONLY),
	account_currency_id: int(),
	bank_account_nominal_reference: text(8),
	bank_account_nominal_cost_centre: text(3),
	bank_account_nominal_department: text(3),
	bank_charges_nominal_reference: text(8),
	bank_charges_nominal_cost_centre: text(3),
	bank_charges_nominal_department: text(3),
	exchange_diff_nominal_reference: text(8),
	exchange_diff_nominal_cost_centre: text(3),
	exchange_diff_nominal_department: text(3),
};

export const NOMINAL_CODE_FIELDS: Specs = {
	name: text(60),
	reference: text(8, { required: true }),
	cost_centre_id: int(),
	cost_centre_code: text(3, READ_ONLY),
	department_id: int(),
	department_code: text(3, READ_ONLY),
	nominal_account_type: text(20, { pro: true }),
	account_status_type: text(20, { default: 'AccountStatusActive' }),
	report_category_id: int({ pro: true }),
	sofa_category_id: int(),
	display_balances_in_selection_list: bool({ default: true }),
	balance_year_to_date: money(READ_ONLY),
	debit_balance_year_to_date: money(READ_ONLY),
	credit_balance_year_to_date: money(READ_ONLY),
	brought_forward_balance: money(READ_ONLY),
	allow_manual_journal_entries: bool({ default: true }),
	use_batch_postings: bool(),
	periods_to_keep_transactions: int({ default: 12 }),
	consolidated_nominal_code_id: int(READ_ONLY),
	consolidated_nominal_account_number: text(8),
	consolidated_nominal_cost_centre: text(3),
	consolidated_nominal_department: text(3),
	...numberedFields('analysis_code_', 20, text(60)),
};

export const TAX_CODE_FIELDS: Specs = {
	code: int({ required: true }),
	name: text(60, { required: true }),
	tax_rate: decimal(2),
	terms: text(54, READ_ONLY),
	terms_description: text(60, READ_ONLY),
	is_notional_acquisition_tax: bool(READ_ONLY),
};

export const CURRENCY_FIELDS: Specs = {
	symbol: text(4, READ_ONLY),
	name: text(30, READ_ONLY),
	core_currency_rate: decimal(6, READ_ONLY),
	euro_currency_rate: decimal(6, READ_ONLY),
	is_base_currency: bool(READ_ONLY),
	is_euro_currency: bool(READ_ONLY),
	use_for_new_accounts: bool(READ_ONLY),
	exchange_rate_type: text(20, { readOnly: true, default: 'ExchangeRateSingle' }),
	exchange_rate_amendability_type: text(50, READ_ONLY),
	currency_iso_code_id: int(READ_ONLY),
};

export function presentCurrency(currency: Currency, edition: Edition) {
	return presentRecord(CURRENCY_FIELDS, currency, edition);
}

export function presentBank(company: CompanyData, bank: Bank, edition: Edition) {
	const currency = company.currencies.get(bank.row.account_currency_id as number);
	const rate = (currency?.row.core_currency_rate as number | undefined) ?? 1;
	return presentRecord(BANK_FIELDS, bank, edition, {
		balance: toAmount(bank.balance),
		balance_in_base: toAmount(toBase(bank.balance, rate)),
	});
}

export function presentNominalCode(code: NominalCode, edition: Edition) {
	return presentRecord(NOMINAL_CODE_FIELDS, code, edition, {
		balance_year_to_date: toAmount(code.debits - code.credits),
		debit_balance_year_to_date: toAmount(code.debits),
		credit_balance_year_to_date: toAmount(code.credits),
	});
}

export function presentTaxCode(code: TaxCode, edition: Edition) {
	return presentRecord(TAX_CODE_FIELDS, code, edition);
}

const banks = ({ company, edition }: CompanyContext) => ({
	typeName: 'bank',
	present: (bank: Bank) => presentBank(company, bank, edition),
	expand: {
		account_currency: (bank: Bank) => {
			const currency = company.currencies.get(bank.row.account_currency_id as number);
			return currency ? presentCurrency(currency, edition) : {};
		},
	},
});

const nominalCodes = ({ edition }: CompanyContext) => ({
	typeName: 'nominal_code',
	present: (code: NominalCode) => presentNominalCode(code, edition),
});

const taxCodes = ({ edition }: CompanyContext) => ({
	typeName: 'tax_code',
	present: (code: TaxCode) => presentTaxCode(code, edition),
});

const currencies = ({ edition }: CompanyContext) => ({
	typeName: 'currency',
	present: (currency: Currency) => presentCurrency(currency, edition),
	expand: { currency_iso_code: (currency: Currency) => ({ ...currency.iso }) },
});

export const referenceRoutes: CompanyRoute[] = [
	listRoute('GetBanks', '/banks', banks, (c) => c.company.banks.all()),
	getRoute('GetBank', '/banks/{Id}', banks, (c) => c.company.banks, 'bank'),
	listRoute('GetNominalCodes', '/nominal_codes', nominalCodes, (c) => c.company.nominalCodes.all()),
	getRoute(
		'GetNominalCode',
		'/nominal_codes/{Id}',
		nominalCodes,
		(c) => c.company.nominalCodes,
		'nominal code',
	),
	listRoute('GetTaxCodes', '/tax_codes', taxCodes, (c) => c.company.taxCodes.all()),
	getRoute('GetTaxCode', '/tax_codes/{Id}', taxCodes, (c) => c.company.taxCodes, 'tax code'),
	listRoute('GetCurrencies', '/currencies', currencies, (c) => c.company.currencies.all()),
	getRoute('GetCurrency', '/currencies/{Id}', currencies, (c) => c.company.currencies, 'currency'),
];
