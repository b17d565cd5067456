import { allocate } from './ledger';
import { postSalesCheque } from './resources/bankPostings';
import { createCustomer } from './resources/customerModel';
import { postSalesDocument } from './resources/postings';
import { buildReferenceData } from './seedReference';
import type { CompanyData, Sage200Store } from './store';

/**
 * Demo data. Site "Demodata" holds "Demo UK Ltd" (GBP; The Layer's sub-company "The Layer Demo
 * UK") and "Demo Ireland Ltd" (EUR; "The Layer Demo Ireland"); a second site holds "Demo
 * Holdings Ltd" with reference data only. Seeded records carry timestamps from SEEDED_AT.
 */
export const SEEDED_AT = '2025-04-01T09:00:00.000';
export const DEMO_SITE_ID = '4f8a2b1c-9d3e-4c2a-8b7f-0a1b2c3d4e5f';
export const SECOND_SITE_ID = 'a7c3e9f1-2b4d-4e6f-8a0b-1c2d3e4f5a6b';
export const COMPANY_IDS = { uk: 101, ireland: 102, holdings: 201 } as const;

type Person = [first: string, last: string, email: string, phone: [area: string, number: string]];
/** [reference, name, currency id, credit limit, VAT number, contact]. */
type CustomerSeed = [string, string, number, number, string, Person];

const UK_CUSTOMERS: CustomerSeed[] = [
	[
		'ABB001',
		'Abbey Garden Centres Ltd',
		1,
		5000,
		'GB 384 1192 07',
		['Helen', 'Marsh', 'accounts@abbeygardens.co.uk', ['01632', '960101']],
	],
	[
		'KES002',
		'Kestrel Print & Design Ltd',
		1,
		2500,
		'GB 620 4471 38',
		['Tom', 'Ridley', 'tom.ridley@kestrelprint.co.uk', ['0161', '4960202']],
	],
	[
		'MER003',
		'Meridian Dental Group LLP',
		1,
		10000,
		'',
		['Priya', 'Shah', 'finance@meridiandental.co.uk', ['0113', '4960303']],
	],
	[
		'PAR004',
		'Parisian Bakeries SARL',
		2,
		8000,
		'FR 40 303265045',
		['Claire', 'Dubois', 'compta@parisianbakeries.fr', ['01', '45 67 89 00']],
	],
];

const IRISH_CUSTOMERS: CustomerSeed[] = [
	[
		'LIF001',
		'Liffey Software Solutions Ltd',
		1,
		20000,
		'IE 6388047V',
		['Siobhan', 'Byrne', 'finance@liffeysoftware.ie', ['01', '5550199']],
	],
	[
		'GAL002',
		'Galway Bay Seafoods Ltd',
		1,
		7500,
		'IE 9700053D',
		['Cian', 'Walsh', 'accounts@galwaybayseafoods.ie', ['091', '5550142']],
	],
];

function seedCustomers(company: CompanyData, seeds: CustomerSeed[]): void {
	for (const [reference, name, currency_id, credit_limit, vat_number, person] of seeds) {
		const [first_name, last_name, email, [area_code, subscriber_number]] = person;
		createCustomer(company, {
			reference,
			name,
			currency_id,
			credit_limit,
			vat_number,
			telephone_area_code: area_code,
			telephone_subscriber_number: subscriber_number,
			website: `https://www.${email.split('@')[1]}`,
			main_address: {
				address_1: '1 High Street',
				city: company.info.address.city,
				postcode: company.info.address.postcode,
			},
			contacts: [
				{
					first_name,
					last_name,
					emails: [{ email, is_default: true }],
					telephones: [{ area_code, subscriber_number, is_default: true }],
				},
			],
		});
	}
}

function customerId(company: CompanyData, reference: string): number {
	return company.customers.find((c) => c.row.reference === reference)!.id;
}

/** An invoice, part-paid by an allocated receipt, and an unpaid invoice, for the UK company. */
function seedUkPostings(company: CompanyData): void {
	const abbey = customerId(company, 'ABB001');
	const invoice = postSalesDocument(company, 'invoice', {
		customer_id: abbey,
		transaction_date: '2025-03-03T00:00:00',
		reference: 'SI-0001',
		second_reference: 'PO 7781',
		document_goods_value: 1000,
		document_tax_value: 200,
		nominal_analysis_items: [{ code: '4000', narrative: 'Garden design consultancy', value: 1000 }],
	});
	const receipt = postSalesCheque(company, 'receipt', {
		customer_id: abbey,
		bank_id: 1,
		cheque_value: 600,
		transaction_date: '2025-03-20T00:00:00',
		reference: 'BACS-0001',
		second_reference: 'SI-0001',
	});
	const byUrn = (urn: number) => company.transactions.find((t) => t.urn === urn)!;
	allocate(
		company,
		[
			{ transaction: byUrn(invoice), value: 60000, path: 'allocation_lines[0]' },
			{ transaction: byUrn(receipt), value: -60000, path: 'allocation_lines[1]' },
		],
		'2025-03-20',
	);
	postSalesDocument(company, 'invoice', {
		customer_id: customerId(company, 'KES002'),
		transaction_date: '2025-03-14T00:00:00',
		reference: 'SI-0002',
		document_goods_value: 250,
		document_tax_value: 50,
		nominal_analysis_items: [{ code: '4010', narrative: 'Brochure print run', value: 250 }],
	});
}

/** Seed records get fixed timestamps, one second apart, so the demo data is the same every run. */
function settleTimestamps(company: CompanyData): void {
	let second = 0;
	const next = () =>
		new Date(Date.parse(`${SEEDED_AT}Z`) + 1000 * second++).toISOString().slice(0, 23);
	const stampAll = (records: Array<{ date_time_created: string; date_time_updated: string }>) => {
		for (const r of records) r.date_time_created = r.date_time_updated = next();
	};
	stampAll(company.banks.all());
	stampAll(company.nominalCodes.all());
	stampAll(company.taxCodes.all());
	stampAll(company.currencies.all());
	for (const customer of company.customers.all()) stampAll([customer, customer.address]);
	for (const contact of company.contacts.all())
		stampAll([contact, ...Object.values(contact.channels).flat()]);
	for (const t of company.transactions.all()) {
		stampAll([t]);
		t.posted_date = t.transaction_date;
		for (const entry of t.allocations) entry.at = t.date_time_updated;
	}
}

export function seedStore(store: Sage200Store, withData: boolean): void {
	const demo = store.addSite({
		site_id: DEMO_SITE_ID,
		site_name: 'Demodata',
		site_short_name: 'demo',
		tenant_id: 1234,
	});
	const second = store.addSite({
		site_id: SECOND_SITE_ID,
		site_name: 'Group Holdings',
		site_short_name: 'holdings',
		tenant_id: 5678,
	});
	const uk = buildReferenceData(store, demo, COMPANY_IDS.uk, 'uk');
	const ireland = buildReferenceData(store, demo, COMPANY_IDS.ireland, 'ireland');
	const holdings = buildReferenceData(store, second, COMPANY_IDS.holdings, 'holdings');
	if (withData) {
		seedCustomers(uk, UK_CUSTOMERS);
		seedCustomers(ireland, IRISH_CUSTOMERS);
		seedUkPostings(uk);
	}
	for (const company of [uk, ireland, holdings]) settleTimestamps(company);
}
