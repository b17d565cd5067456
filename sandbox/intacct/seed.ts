import type { AuthService, IntacctDemoCredentials } from './auth';
import type { Row } from './objects/types';
import type { IntacctStore } from './store';

/** Demo credentials printed by `npm run sandbox` and used by tests and the demo. */
export const DEMO_CREDENTIALS: IntacctDemoCredentials = {
	senderId: 'thelayer_sandbox',
	senderPassword: 'sandbox-sender-pw',
	companyId: 'THELAYER-DEMO',
	userId: 'ws_thelayer',
	userPassword: 'sandbox-user-pw',
	entityId: undefined,
};

/** A valid sender that is NOT on the demo company's Web Services authorization list. */
export const UNAUTHORIZED_SENDER = { senderId: 'other_sender', senderPassword: 'other-sender-pw' };

export function seedAuth(auth: AuthService): void {
	auth.addSender({
		senderId: DEMO_CREDENTIALS.senderId,
		password: DEMO_CREDENTIALS.senderPassword,
		authorizedCompanies: [DEMO_CREDENTIALS.companyId],
	});
	auth.addSender({
		senderId: UNAUTHORIZED_SENDER.senderId,
		password: UNAUTHORIZED_SENDER.senderPassword,
		authorizedCompanies: [],
	});
	auth.addUser({
		companyId: DEMO_CREDENTIALS.companyId,
		userId: DEMO_CREDENTIALS.userId,
		password: DEMO_CREDENTIALS.userPassword,
	});
}

const CUSTOMERS = [
	{
		id: 'C0001',
		name: 'Harrowgate Digital Ltd',
		first: 'Priya',
		last: 'Shah',
		email: 'accounts@harrowgate-digital.co.uk',
		phone: '+44 20 7946 0101',
		address: ['14 Clerkenwell Road', 'London', 'EC1M 5RD'],
		taxId: 'GB123456789',
	},
	{
		id: 'C0002',
		name: 'Pennine Analytics Ltd',
		first: 'Tom',
		last: 'Whitaker',
		email: 'finance@pennine-analytics.co.uk',
		phone: '+44 161 496 0202',
		address: ['3 Piccadilly Place', 'Manchester', 'M1 3BN'],
		taxId: 'GB987654321',
	},
	{
		id: 'C0003',
		name: 'Thames & Severn Logistics Ltd',
		first: 'Eleanor',
		last: 'Hughes',
		email: 'payables@thames-severn.co.uk',
		phone: '+44 117 496 0303',
		address: ['22 Temple Quay', 'Bristol', 'BS1 6DG'],
		taxId: 'GB555666777',
	},
];

/** One posted invoice per customer: [customer, number, date, due, account, pence, memo, location, department]. */
const INVOICES = [
	[
		'C0001',
		'INV-0001',
		'2025-01-15',
		'2025-02-14',
		'4000',
		120000,
		'Consulting - January',
		'UK-LON',
		'SALES',
	],
	[
		'C0002',
		'INV-0002',
		'2025-02-03',
		'2025-03-05',
		'4020',
		250000,
		'Annual subscription',
		'UK-MAN',
		'SALES',
	],
	[
		'C0003',
		'INV-0003',
		'2025-02-20',
		'2025-03-22',
		'4010',
		48050,
		'Barcode scanners',
		'UK-LON',
		'SUPPORT',
	],
] as const;

/** Demo data: entities, locations, departments, GL and bank accounts, customers and invoices. */
export function seedStore(store: IntacctStore): void {
	const active = { STATUS: 'active' };
	store.insert('LOCATIONENTITY', {
		LOCATIONID: 'UK',
		NAME: 'The Layer UK Ltd',
		CURRENCY: 'GBP',
		...active,
	});
	store.insert('LOCATIONENTITY', {
		LOCATIONID: 'IE',
		NAME: 'The Layer Ireland Ltd',
		CURRENCY: 'EUR',
		...active,
	});
	for (const [id, name, parent] of [
		['UK-LON', 'London', 'UK'],
		['UK-MAN', 'Manchester', 'UK'],
		['IE-DUB', 'Dublin', 'IE'],
	]) {
		store.insert('LOCATION', { LOCATIONID: id, NAME: name, PARENTID: parent, ...active });
	}
	for (const [id, title] of [
		['SALES', 'Sales'],
		['SUPPORT', 'Customer Support'],
		['ADMIN', 'Administration'],
	]) {
		store.insert('DEPARTMENT', { DEPARTMENTID: id, TITLE: title, ...active });
	}
	// 1030 is not in the brief's list; it gives AIB-EUR a GL account like the other banks.
	for (const [no, title, type, normal] of [
		['1010', 'Barclays Current', 'balancesheet', 'debit'],
		['1020', 'Stripe Clearing', 'balancesheet', 'debit'],
		['1030', 'AIB Current (EUR)', 'balancesheet', 'debit'],
		['1200', 'Accounts Receivable', 'balancesheet', 'debit'],
		['2200', 'VAT Output', 'balancesheet', 'credit'],
		['4000', 'Sales - Services', 'incomestatement', 'credit'],
		['4010', 'Sales - Products', 'incomestatement', 'credit'],
		['4020', 'Sales - Subscriptions', 'incomestatement', 'credit'],
	]) {
		store.insert('GLACCOUNT', {
			ACCOUNTNO: no,
			TITLE: title,
			ACCOUNTTYPE: type,
			NORMALBALANCE: normal,
			CLOSINGTYPE: 'non-closing account',
			...active,
		});
	}
	for (const [id, bank, currency, gl, location, description] of [
		['BARCLAYS-GBP', 'Barclays Bank UK PLC', 'GBP', '1010', 'UK', 'Main GBP current account'],
		['STRIPE-GBP', 'Stripe Payments UK Ltd', 'GBP', '1020', 'UK', 'Card receipts clearing'],
		['AIB-EUR', 'Allied Irish Banks', 'EUR', '1030', 'IE', 'Irish EUR current account'],
	]) {
		store.insert('CHECKINGACCOUNT', {
			BANKACCOUNTID: id,
			BANKNAME: bank,
			CURRENCY: currency,
			GLACCOUNTNO: gl,
			LOCATIONID: location,
			DESCRIPTION: description,
			...active,
		});
	}
	for (const c of CUSTOMERS) {
		store.insert('CUSTOMER', {
			CUSTOMERID: c.id,
			NAME: c.name,
			'DISPLAYCONTACT.PRINTAS': c.name,
			'DISPLAYCONTACT.CONTACTNAME': `${c.name}(C${c.id})`,
			'DISPLAYCONTACT.COMPANYNAME': c.name,
			'DISPLAYCONTACT.FIRSTNAME': c.first,
			'DISPLAYCONTACT.LASTNAME': c.last,
			'DISPLAYCONTACT.PHONE1': c.phone,
			'DISPLAYCONTACT.EMAIL1': c.email,
			'DISPLAYCONTACT.MAILADDRESS.ADDRESS1': c.address[0],
			'DISPLAYCONTACT.MAILADDRESS.CITY': c.address[1],
			'DISPLAYCONTACT.MAILADDRESS.ZIP': c.address[2],
			'DISPLAYCONTACT.MAILADDRESS.COUNTRY': 'United Kingdom',
			TAXID: c.taxId,
			CURRENCY: 'GBP',
			ONHOLD: 'false',
			TERMNAME: 'Net 30',
			...active,
		});
	}
	for (const [
		customerId,
		number,
		created,
		due,
		account,
		amount,
		memo,
		location,
		department,
	] of INVOICES) {
		const customer = store.findOne('CUSTOMER', 'CUSTOMERID', customerId)!;
		const line: Row = {
			RECORDNO: store.nextNumber('PRENTRY'),
			LINE_NO: 1,
			ACCOUNTNO: account,
			AMOUNT: amount,
			MEMO: memo,
			LOCATIONID: location,
			DEPARTMENTID: department,
		};
		store.insert(
			'ARINVOICE',
			{
				RECORDID: number,
				CUSTOMERID: customerId,
				CUSTOMERNAME: customer.values.NAME,
				WHENCREATED: created,
				WHENPOSTED: created,
				WHENDUE: due,
				TERMNAME: 'Net 30',
				CURRENCY: 'GBP',
				BASECURR: 'GBP',
				TOTALENTERED: amount,
				TOTALPAID: 0,
				TOTALDUE: amount,
				STATE: 'Posted',
				MODULEKEY: '4.AR',
			},
			(recordNo) => [{ ...line, RECORDKEY: recordNo }],
		);
	}
}
