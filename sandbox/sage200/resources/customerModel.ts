import { badRequest } from '../errors';
import { asArray, asObject, fieldPath, readRow } from '../fields';
import type { Row } from '../fields';
import { countryById } from '../countries';
import type { CompanyData } from '../store';
import type { Customer } from '../types';
import { contactsOf, newContact, updateContact } from './contactModel';
import { ADDRESS_FIELDS, CUSTOMER_FIELDS } from './customerFields';

/**
 * Customer writes (spec §7): `reference` (at most 8 characters) is required, stored in upper
 * case as Sage account references are, unique per company and fixed once created. Foreign ids
 * must exist. `main_address` and `contacts` may come with the customer.
 */

function foreignKey(message: string): never {
	throw badRequest(message);
}

/** Checks the ids and codes a customer row points at; fills the company defaults on create. */
function checkLinks(company: CompanyData, row: Row, create: boolean): void {
	if (create) {
		row.currency_id ??= company.baseCurrency().id;
		row.default_tax_code_id ??= company.info.default_tax_code_id;
		row.country_code_id ??= company.info.country_code_id;
		if (row.default_nominal_code_reference === '') {
			row.default_nominal_code_reference = company.info.default_sales_nominal;
		}
	}
	if (row.currency_id != null && !company.currencies.get(row.currency_id as number)) {
		foreignKey(`Currency record not found for currency_id ${String(row.currency_id)}.`);
	}
	if (row.default_tax_code_id != null && !company.taxCodes.get(row.default_tax_code_id as number)) {
		foreignKey(
			`Tax code record not found for default_tax_code_id ${String(row.default_tax_code_id)}.`,
		);
	}
	if (row.country_code_id != null && !countryById(row.country_code_id)) {
		foreignKey(`Country code record not found for country_code_id ${String(row.country_code_id)}.`);
	}
	if (typeof row.credit_limit === 'number' && row.credit_limit < 0) {
		throw badRequest(`The field 'credit_limit' must not be negative.`);
	}
	const nominal = row.default_nominal_code_reference;
	if (typeof nominal === 'string' && nominal !== '' && !findNominal(company, row)) {
		foreignKey(`Nominal code record not found for default_nominal_code_reference '${nominal}'.`);
	}
}

/** The nominal account a customer's default nominal fields name (reference, cost centre, department). */
export function findNominal(company: CompanyData, row: Row) {
	return company.nominalCodes.find(
		(n) =>
			n.row.reference === row.default_nominal_code_reference &&
			n.row.cost_centre_code === (row.default_nominal_code_cost_centre ?? '') &&
			n.row.department_code === (row.default_nominal_code_department ?? ''),
	);
}

/** PUT's `contacts`: items with an id update (or delete) that contact, others are added. */
function applyContacts(company: CompanyData, customer: Customer, value: unknown): void {
	asArray(value, 'contacts').forEach((raw, index) => {
		const path = `contacts[${index}]`;
		const source = asObject(raw, path);
		if (source.id != null) {
			const existing = company.contacts.get(source.id as number);
			if (!existing || existing.customer_id !== customer.id) {
				throw badRequest(`The field '${path}.id' does not match any contact of this customer.`);
			}
			if (source.is_to_delete === true) company.contacts.delete(existing.id);
			else updateContact(company, existing, source, path);
			return;
		}
		company.contacts.insert(newContact(company, customer.id, source, path));
	});
}

export function createCustomer(company: CompanyData, body: unknown): Customer {
	const source = asObject(body, '');
	const row = readRow(CUSTOMER_FIELDS, source, { create: true });
	row.reference = String(row.reference).trim().toUpperCase();
	if (row.reference === '') throw badRequest(`The field 'reference' is required.`);
	const clash = company.customerReferences.get(row.reference);
	if (clash !== undefined) {
		throw badRequest(
			`A customer with the reference '${row.reference}' already exists (id ${clash}).`,
		);
	}
	checkLinks(company, row, true);
	const stamp = company.stamp();
	const address = readRow(ADDRESS_FIELDS, source.main_address ?? {}, {
		create: true,
		path: 'main_address',
	});
	address.address_country_code_id ??= row.country_code_id;
	const customer: Customer = {
		...stamp,
		row,
		balance: 0,
		address: { ...company.stamp(), row: address },
	};
	// Validate the contacts before anything is stored.
	if (source.contacts != null) asArray(source.contacts, 'contacts');
	const contacts = ((source.contacts ?? []) as unknown[]).map((raw, i) =>
		newContact(company, customer.id, raw, `contacts[${i}]`),
	);
	company.customers.insert(customer);
	company.customerReferences.set(row.reference, customer.id);
	for (const contact of contacts) company.contacts.insert(contact);
	return customer;
}

export function updateCustomer(company: CompanyData, customer: Customer, body: unknown): Customer {
	const source = asObject(body, '');
	const patch = readRow(CUSTOMER_FIELDS, source, { create: false });
	if (patch.reference !== undefined) {
		const reference = String(patch.reference).trim().toUpperCase();
		if (reference !== customer.row.reference) {
			throw badRequest(`The field 'reference' cannot be changed once the customer exists.`);
		}
		patch.reference = reference;
	}
	const hasTransactions = company.transactions.find((t) => t.customer_id === customer.id);
	if (
		patch.currency_id != null &&
		patch.currency_id !== customer.row.currency_id &&
		hasTransactions
	) {
		throw badRequest(`The field 'currency_id' cannot be changed: the customer has transactions.`);
	}
	const row = { ...customer.row, ...patch };
	checkLinks(company, row, false);
	let address = customer.address.row;
	if (source.main_address != null) {
		const path = fieldPath('', 'main_address');
		address = {
			...address,
			...readRow(ADDRESS_FIELDS, source.main_address, { create: false, path }),
		};
	}
	if (source.contacts != null) applyContacts(company, customer, source.contacts);
	customer.row = row;
	if (address !== customer.address.row) {
		customer.address.row = address;
		company.touch(customer.address);
	}
	company.touch(customer);
	return customer;
}

export function deleteCustomer(company: CompanyData, customer: Customer): void {
	if (company.transactions.find((t) => t.customer_id === customer.id)) {
		throw badRequest(
			`The customer '${String(customer.row.reference)}' cannot be deleted: it has transactions on the sales ledger.`,
		);
	}
	for (const contact of contactsOf(company, customer.id)) company.contacts.delete(contact.id);
	company.customers.delete(customer.id);
	company.customerReferences.delete(String(customer.row.reference));
}
