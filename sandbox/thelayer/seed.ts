import { buildLine } from './ledger';
import { UNSYNCED_LINK } from './resources/customers';
import { UNSYNCED } from './resources/sageSync';
import type { LayerStore } from './store';

/**
 * Demo data: two sub-companies, payment methods paying into the Intacct sandbox's bank accounts,
 * the sales nominal codes, five customers with contacts (none synced to Sage yet), six finalised
 * invoices and one draft. Seed records carry fixed timestamps one minute apart from SEEDED_AT.
 */
export const SEEDED_AT = '2025-04-01T09:00:00.000Z';

const CUSTOMERS = [
	// [companyName, sub-company, currency, e-mail, telephone, VAT number, credit limit (pence), contacts]
	[
		'Brightwater Consulting Ltd',
		'sub_0001',
		'GBP',
		'accounts@brightwater-consulting.co.uk',
		'+44 20 7946 0811',
		'GB 293 4417 56',
		1_000_000,
		[['Amelia', 'Clarke', 'amelia.clarke@brightwater-consulting.co.uk', '+44 7700 900811']],
	],
	[
		'Calder Valley Engineering Ltd',
		'sub_0001',
		'GBP',
		'purchase.ledger@caldervalley-eng.co.uk',
		'+44 1422 496 022',
		'GB 518 2290 13',
		2_500_000,
		[
			['Graham', 'Sutcliffe', 'graham.sutcliffe@caldervalley-eng.co.uk', '+44 7700 900022'],
			['Leanne', 'Booth', 'accounts@caldervalley-eng.co.uk', null],
		],
	],
	[
		'Smith & Sons (Builders) Ltd',
		'sub_0001',
		'GBP',
		'office@smithandsons-builders.co.uk',
		'+44 121 496 0345',
		'GB 774 1023 88',
		500_000,
		[['Zoë', "O'Brien", 'zoe.obrien@smithandsons-builders.co.uk', '+44 7700 900345']],
	],
	[
		'Northgate Dental Practice LLP',
		'sub_0001',
		'GBP',
		'practice.manager@northgatedental.co.uk',
		'+44 113 496 0456',
		null,
		300_000,
		[['Rajesh', 'Patel', 'rajesh.patel@northgatedental.co.uk', '+44 7700 900456']],
	],
	[
		'Liffey Software Solutions Ltd',
		'sub_0002',
		'EUR',
		'finance@liffeysoftware.ie',
		'+353 1 555 0199',
		'IE 6388047V',
		2_000_000,
		[['Siobhán', 'Byrne', 'siobhan.byrne@liffeysoftware.ie', '+353 85 555 0199']],
	],
] as const;

type LineSeed = [
	description: string,
	itemCode: string | null,
	quantity: number,
	unitPence: number,
	discount: number,
	nominal: string,
];

/** [number, customer, status, issueDate, dueDate, reference, VAT rate, lines]. */
const INVOICES: Array<
	[string, string, 'draft' | 'finalised', string, string, string | null, number, LineSeed[]]
> = [
	[
		'INV-1001',
		'cus_0001',
		'finalised',
		'2025-03-03',
		'2025-04-02',
		'PO 4471',
		20,
		[
			['Finance systems review - February', 'CONS-DAY', 5, 65000, 0, '4000'],
			['Travel and subsistence', null, 1, 8450, 0, '4000'],
		],
	],
	[
		'INV-1002',
		'cus_0002',
		'finalised',
		'2025-03-07',
		'2025-04-06',
		'CVE-PO-2291',
		20,
		[
			['Hydraulic fitting kit HF-200', 'HF-200', 12, 1875, 10, '4010'],
			['Carriage', 'CARRIAGE', 1, 2500, 0, '4010'],
		],
	],
	[
		'INV-1003',
		'cus_0003',
		'finalised',
		'2025-03-10',
		'2025-04-09',
		null,
		20,
		[['Annual support subscription', 'SUP-ANNUAL', 1, 120000, 0, '4020']],
	],
	[
		'INV-1004',
		'cus_0004',
		'finalised',
		'2025-03-14',
		'2025-04-13',
		'Surgery 2',
		20,
		[
			['Practice software licence (per seat)', 'LIC-SEAT', 3, 3333, 0, '4020'],
			['Onboarding session', 'CONS-HOUR', 1.5, 9500, 0, '4000'],
		],
	],
	[
		'INV-1005',
		'cus_0001',
		'finalised',
		'2025-03-21',
		'2025-04-20',
		'PO 4502',
		20,
		[['Workshop facilitation', 'CONS-DAY', 2, 45000, 5, '4000']],
	],
	[
		'INV-1006',
		'cus_0005',
		'finalised',
		'2025-03-24',
		'2025-04-23',
		'LSS-0042',
		23,
		[['Cloud hosting - Q2', 'HOST-Q', 1, 90000, 0, '4020']],
	],
	[
		'INV-1007',
		'cus_0002',
		'draft',
		'2025-03-28',
		'2025-04-27',
		null,
		20,
		[['Pressure gauge 0-10 bar', 'PG-10', 4, 4210, 0, '4010']],
	],
];

export function seedStore(store: LayerStore): void {
	let minute = 0;
	const at = () => new Date(Date.parse(SEEDED_AT) + 60_000 * minute++).toISOString();
	for (const [name, isDefault] of [
		['The Layer Demo UK', true],
		['The Layer Demo Ireland', false],
	] as const) {
		store.insert('sub-companies', { name, isDefault }, at());
	}
	for (const [name, bankAccountCode] of [
		['BACS', 'BARCLAYS-GBP'],
		['Card (Stripe)', 'STRIPE-GBP'],
		['EUR transfer', 'AIB-EUR'],
	]) {
		store.insert('payment-methods', { name, bankAccountCode, active: true }, at());
	}
	for (const [code, name] of [
		['4000', 'Sales - Services'],
		['4010', 'Sales - Products'],
		['4020', 'Sales - Subscriptions'],
	]) {
		store.insert('nominal-codes', { code, name, active: true }, at());
	}
	for (const [
		companyName,
		subCompanyId,
		currency,
		email,
		telephone,
		vatNumber,
		creditLimit,
		contacts,
	] of CUSTOMERS) {
		const stamp = at();
		const customer = store.insert(
			'customers',
			{
				companyName,
				email,
				website: `https://www.${email.split('@')[1]}`,
				telephone,
				mobile: contacts[0][3],
				fax: null,
				vatNumber,
				subCompanyId,
				currency,
				creditLimit,
				balance: 0,
				onHold: false,
				sage: { ...UNSYNCED_LINK },
			},
			stamp,
		);
		contacts.forEach(([firstName, lastName, contactEmail, mobile], index) => {
			store.insert(
				'contacts',
				{
					customerId: customer.id,
					firstName,
					lastName,
					email: contactEmail,
					telephone: telephone,
					mobile,
					isPrimary: index === 0,
				},
				stamp,
			);
		});
	}
	for (const [
		number,
		customerId,
		status,
		issueDate,
		dueDate,
		reference,
		taxRate,
		lines,
	] of INVOICES) {
		const customer = store.get('customers', customerId)!;
		store.insert(
			'invoices',
			(id) => ({
				number,
				status,
				customerId,
				subCompanyId: customer.subCompanyId,
				issueDate,
				dueDate,
				currency: customer.currency,
				reference,
				lines: lines.map(
					([description, itemCode, quantity, unitPrice, discountPercent, nominalCode], index) =>
						buildLine(`${id}-${index + 1}`, {
							description,
							itemCode,
							quantity,
							unitPrice,
							discountPercent,
							taxRate,
							nominalCode,
						}),
				),
				amountPaid: 0,
				sage: { ...UNSYNCED },
			}),
			at(),
		);
	}
}
