import { countryById } from '../countries';
import type { Json } from '../odata/filter';
import { queryOne } from '../odata/query';
import type { Resource } from '../odata/query';
import { presentRecord } from '../present';
import { getRoute, listRoute, mustGet, ok, pathId } from '../route';
import type { CompanyContext, CompanyRoute } from '../route';
import type { CompanyData } from '../store';
import type { Customer, Edition } from '../types';
import { toAmount } from '../values';
import { contactsOf, presentContact } from './contactModel';
import { CUSTOMER_FIELDS } from './customerFields';
import { createCustomer, deleteCustomer, findNominal, updateCustomer } from './customerModel';
import { presentCurrency, presentNominalCode, presentTaxCode } from './reference';

/**
 * `/customers` (spec §7). Child objects (`main_address`, `contacts`, `currency`, …) come with
 * `$expand`; POST and PUT answer with `main_address` and `contacts` included, as in the spec's
 * example. `balance` is the sum of the customer's posted transactions.
 */

export function presentAddress(company: CompanyData, customer: Customer): Json {
	const { row } = customer.address;
	const [defaultContact] = contactsOf(company, customer.id);
	const names = defaultContact?.row;
	return {
		id: customer.address.id,
		customer_id: customer.id,
		address_1: row.address_1,
		address_2: row.address_2,
		address_3: row.address_3,
		address_4: row.address_4,
		city: row.city,
		county: row.county,
		postcode: row.postcode,
		country: countryById(row.address_country_code_id)?.name ?? '',
		contact_name: names
			? [names.first_name, names.middle_name, names.last_name].filter(Boolean).join(' ')
			: '',
		address_country_code_id: row.address_country_code_id,
		date_time_created: customer.address.date_time_created,
		date_time_updated: customer.address.date_time_updated,
	};
}

export function presentCustomer(company: CompanyData, customer: Customer, edition: Edition): Json {
	return presentRecord(CUSTOMER_FIELDS, customer, edition, {
		balance: toAmount(customer.balance),
		default_nominal_code_id: findNominal(company, customer.row)?.id ?? null,
	});
}

export function customerResource(company: CompanyData, edition: Edition): Resource<Customer> {
	const lookup = <T>(get: (id: number) => T | undefined, id: unknown) =>
		typeof id === 'number' ? get(id) : undefined;
	return {
		typeName: 'customer',
		present: (customer) => presentCustomer(company, customer, edition),
		expand: {
			main_address: (customer) => presentAddress(company, customer),
			contacts: (customer) =>
				contactsOf(company, customer.id).map((c) => presentContact(company, c)),
			currency: (customer) => {
				const currency = lookup((id) => company.currencies.get(id), customer.row.currency_id);
				return currency ? presentCurrency(currency, edition) : {};
			},
			country_code: (customer) => ({ ...countryById(customer.row.country_code_id) }),
			default_tax_code: (customer) => {
				const code = lookup((id) => company.taxCodes.get(id), customer.row.default_tax_code_id);
				return code ? presentTaxCode(code, edition) : {};
			},
			default_nominal_code: (customer) => {
				const code = findNominal(company, customer.row);
				return code ? presentNominalCode(code, edition) : {};
			},
		},
	};
}

const customers = ({ company, edition }: CompanyContext) => customerResource(company, edition);

/** What POST and PUT answer: the customer with its address and contacts. */
function written(context: CompanyContext, customer: Customer): Json {
	const query = new URLSearchParams({ $expand: 'main_address,contacts' });
	return queryOne(customer, query, customers(context)) as Json;
}

export const customerRoutes: CompanyRoute[] = [
	listRoute('GetCustomers', '/customers', customers, (c) => c.company.customers.all()),
	getRoute('GetCustomer', '/customers/{Id}', customers, (c) => c.company.customers, 'customer'),
	{
		method: 'POST',
		path: '/customers',
		operationId: 'PostCustomer',
		scope: 'company',
		handle: (context) => ok(written(context, createCustomer(context.company, context.body))),
	},
	{
		method: 'PUT',
		path: '/customers/{Id}',
		operationId: 'PutCustomer',
		scope: 'company',
		handle: (context) => {
			const customer = mustGet(context.company.customers, pathId(context), 'customer');
			return ok(written(context, updateCustomer(context.company, customer, context.body)));
		},
	},
	{
		method: 'DELETE',
		path: '/customers/{Id}',
		operationId: 'DeleteCustomer',
		scope: 'company',
		handle: (context) => {
			const customer = mustGet(context.company.customers, pathId(context), 'customer');
			deleteCustomer(context.company, customer);
			return { status: 200, body: undefined };
		},
	},
];
