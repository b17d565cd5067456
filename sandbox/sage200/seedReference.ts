import { defaultOf } from './fields';
import type { Row, Specs } from './fields';
import {
	BANK_FIELDS,
	CURRENCY_FIELDS,
	NOMINAL_CODE_FIELDS,
	TAX_CODE_FIELDS,
} from './resources/reference';
import type { CompanyData, CompanyInfo, Sage200Store } from './store';
import type { CurrencyIso, Site } from './types';

/**
 * Each company's reference data: currencies (base first, id 1), tax codes (record id 2 is code 1,
 * "Standard rated", as in the spec's example), nominal codes and bank accounts mapped to The
 * Layer's payment methods (Barclays current, Stripe clearing, AIB EUR).
 */

type Flavour = 'uk' | 'ireland' | 'holdings';

const GBP: CurrencyIso = { id: 826, code: 'GBP', name: 'Pound Sterling' };
const EUR: CurrencyIso = { id: 978, code: 'EUR', name: 'Euro' };

const INFO: Record<Flavour, CompanyInfo> = {
	uk: {
		name: 'Demo UK Ltd',
		telephone: '0191 496 0000',
		email: 'accounts@demo-uk.example',
		website: 'https://demo-uk.example',
		tax_registration_number: 'GB 123 4567 89',
		country_code_id: 1,
		address: {
			address_1: '1 Quayside',
			city: 'Newcastle upon Tyne',
			postcode: 'NE1 3DX',
			country: 'United Kingdom',
		},
		default_tax_code_id: 2,
		default_sales_nominal: '4000',
		debtors_control_nominal: '1100',
		sales_tax_nominal: '2200',
	},
	ireland: {
		name: 'Demo Ireland Ltd',
		telephone: '01 555 0100',
		email: 'accounts@demo-ireland.example',
		website: 'https://demo-ireland.example',
		tax_registration_number: 'IE 9876543T',
		country_code_id: 2,
		address: {
			address_1: '10 Grand Canal Dock',
			city: 'Dublin',
			postcode: 'D02 X285',
			country: 'Ireland',
		},
		default_tax_code_id: 2,
		default_sales_nominal: '4000',
		debtors_control_nominal: '1100',
		sales_tax_nominal: '2200',
	},
	holdings: {
		name: 'Demo Holdings Ltd',
		telephone: '020 7946 0000',
		email: 'finance@demo-holdings.example',
		website: 'https://demo-holdings.example',
		tax_registration_number: 'GB 987 6543 21',
		country_code_id: 1,
		address: {
			address_1: '20 Cannon Street',
			city: 'London',
			postcode: 'EC4M 6XH',
			country: 'United Kingdom',
		},
		default_tax_code_id: 2,
		default_sales_nominal: '4000',
		debtors_control_nominal: '1100',
		sales_tax_nominal: '2200',
	},
};

/** [code, name, rate] by record id 1..n. */
const TAX_CODES: Record<'uk' | 'ireland', Array<[number, string, number]>> = {
	uk: [
		[0, 'Zero rated', 0],
		[1, 'Standard rated', 20],
		[2, 'Exempt', 0],
		[5, 'Lower rate', 5],
		[9, 'Outside the scope of VAT', 0],
	],
	ireland: [
		[0, 'Zero rated', 0],
		[1, 'Standard rate', 23],
		[2, 'Exempt', 0],
		[3, 'Reduced rate', 13.5],
		[4, 'Second reduced rate', 9],
	],
};

const NOMINALS: Array<[string, string]> = [
	['1100', 'Debtors Control Account'],
	['1200', 'Bank Current Account'],
	['1210', 'Stripe Clearing Account'],
	['1220', 'Bank Account - EUR'],
	['2200', 'Sales Tax Control Account'],
	['4000', 'Sales - Services'],
	['4010', 'Sales - Products'],
	['4020', 'Sales - Subscriptions'],
	['7900', 'Bank Charges and Interest'],
	['7910', 'Exchange Rate Variances'],
];

/** [code, description, bank name, account currency: 'base' | 'foreign']. */
const BANKS: Record<Flavour, Array<[string, string, string, 'base' | 'foreign']>> = {
	uk: [
		['1200', 'Barclays Current Account', 'Barclays Bank plc', 'base'],
		['1210', 'Stripe Clearing', 'Stripe Payments UK Ltd', 'base'],
		['1220', 'AIB EUR Account', 'AIB (NI)', 'foreign'],
	],
	ireland: [
		['1200', 'AIB Current Account', 'Allied Irish Banks plc', 'base'],
		['1210', 'Stripe Clearing', 'Stripe Payments Europe Ltd', 'base'],
	],
	holdings: [['1200', 'Barclays Current Account', 'Barclays Bank plc', 'base']],
};

function row(specs: Specs, values: Row): Row {
	const out: Row = {};
	for (const [key, spec] of Object.entries(specs)) out[key] = values[key] ?? defaultOf(spec);
	return out;
}

const SEED_STAMP = { date_time_created: '', date_time_updated: '' };

export function buildReferenceData(
	store: Sage200Store,
	site: Site,
	companyId: number,
	flavour: Flavour,
): CompanyData {
	const company = store.addCompany(site, companyId, INFO[flavour]);
	const [base, foreign] = flavour === 'ireland' ? [EUR, GBP] : [GBP, EUR];
	[base, foreign].forEach((iso, index) => {
		const isBase = index === 0;
		const rate = isBase ? 1 : iso.code === 'EUR' ? 1.17 : 0.85;
		company.currencies.insert({
			id: index + 1,
			...SEED_STAMP,
			iso,
			row: row(CURRENCY_FIELDS, {
				symbol: iso.code === 'GBP' ? '£' : '€',
				name: iso.name,
				core_currency_rate: rate,
				euro_currency_rate: iso.code === 'EUR' ? 1 : 1.17,
				is_base_currency: isBase,
				is_euro_currency: iso.code === 'EUR',
				use_for_new_accounts: isBase,
				exchange_rate_amendability_type: 'ExchangeRateAmendabilityAllow',
				currency_iso_code_id: iso.id,
			}),
		});
	});
	TAX_CODES[flavour === 'ireland' ? 'ireland' : 'uk'].forEach(([code, name, tax_rate], index) => {
		company.taxCodes.insert({
			id: index + 1,
			...SEED_STAMP,
			row: row(TAX_CODE_FIELDS, { code, name, tax_rate }),
		});
	});
	NOMINALS.forEach(([reference, name], index) => {
		company.nominalCodes.insert({
			id: 2001 + index,
			...SEED_STAMP,
			debits: 0,
			credits: 0,
			row: row(NOMINAL_CODE_FIELDS, {
				reference,
				name,
				report_category_id: reference < '4000' ? 1 : 10,
			}),
		});
	});
	BANKS[flavour].forEach(([code, description, bank_name, currency], index) => {
		company.banks.insert({
			id: index + 1,
			...SEED_STAMP,
			balance: 0,
			row: row(BANK_FIELDS, {
				code,
				description,
				bank_name,
				sort_code: `20-${String(10 + index)}-00`,
				account_no: `${companyId}${String(index + 1).padStart(5, '0')}`,
				account_name: INFO[flavour].name,
				account_type: 'BankAccountTypeCurrent',
				account_currency_id: currency === 'base' ? 1 : 2,
				bank_account_nominal_reference: code,
				bank_charges_nominal_reference: '7900',
				exchange_diff_nominal_reference: '7910',
			}),
		});
	});
	return company;
}
