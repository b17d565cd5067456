import { notFound } from '../errors';
import { queryOne } from '../odata/query';
import type { Resource } from '../odata/query';
import { getRoute, listRoute, mustGet, ok, pathId } from '../route';
import type { CompanyContext, CompanyRoute, Reply } from '../route';
import type { Contact } from '../types';
import { contactsOf, newContact, presentContact, updateContact } from './contactModel';

/**
 * Customer contacts (spec §8): flat under `/customer_contacts` and nested under
 * `/customers/{customerId}/customer_contacts`. There is no top-level POST: contacts are created
 * under their customer.
 */

const contacts = ({ company }: CompanyContext): Resource<Contact> => ({
	typeName: 'customer_contact',
	present: (contact) => presentContact(company, contact),
});

/** The contact a nested path names: it must belong to `customerId`. */
function nestedContact(context: CompanyContext): Contact {
	const customer = mustGet(context.company.customers, pathId(context, 'customerId'), 'customer');
	const contact = mustGet(context.company.contacts, pathId(context), 'customer contact');
	if (contact.customer_id !== customer.id) {
		throw notFound(
			`No customer contact with id ${contact.id} was found for customer ${customer.id}.`,
		);
	}
	return contact;
}

function flatContact(context: CompanyContext): Contact {
	return mustGet(context.company.contacts, pathId(context), 'customer contact');
}

function put(context: CompanyContext, contact: Contact): Reply {
	updateContact(context.company, contact, context.body);
	return ok(queryOne(contact, new URLSearchParams(), contacts(context)));
}

function remove(context: CompanyContext, contact: Contact): Reply {
	context.company.contacts.delete(contact.id);
	return { status: 200, body: undefined };
}

const FLAT = '/customer_contacts';
const NESTED = '/customers/{customerId}/customer_contacts';

export const contactRoutes: CompanyRoute[] = [
	listRoute('GetCustomerContact', FLAT, contacts, (c) => c.company.contacts.all()),
	getRoute(
		'GetCustomerContacts',
		`${FLAT}/{Id}`,
		contacts,
		(c) => c.company.contacts,
		'customer contact',
	),
	{
		method: 'PUT',
		path: `${FLAT}/{Id}`,
		operationId: 'PutCustomerContact',
		scope: 'company',
		handle: (context) => put(context, flatContact(context)),
	},
	{
		method: 'DELETE',
		path: `${FLAT}/{Id}`,
		operationId: 'DeleteCustomerContact',
		scope: 'company',
		handle: (context) => remove(context, flatContact(context)),
	},
	listRoute('GetCustomerContactsForCustomer', NESTED, contacts, (context) => {
		const customer = mustGet(context.company.customers, pathId(context, 'customerId'), 'customer');
		return contactsOf(context.company, customer.id);
	}),
	{
		method: 'POST',
		path: NESTED,
		operationId: 'PostCustomerContactForCustomer',
		scope: 'company',
		handle: (context) => {
			const { company } = context;
			const customer = mustGet(company.customers, pathId(context, 'customerId'), 'customer');
			const contact = company.contacts.insert(newContact(company, customer.id, context.body));
			return ok(queryOne(contact, new URLSearchParams(), contacts(context)));
		},
	},
	{
		method: 'GET',
		path: `${NESTED}/{Id}`,
		operationId: 'GetCustomerContactForCustomer',
		scope: 'company',
		handle: (context) => ok(queryOne(nestedContact(context), context.query, contacts(context))),
	},
	{
		method: 'PUT',
		path: `${NESTED}/{Id}`,
		operationId: 'PutCustomerContactForCustomer',
		scope: 'company',
		handle: (context) => put(context, nestedContact(context)),
	},
	{
		method: 'DELETE',
		path: `${NESTED}/{Id}`,
		operationId: 'DeleteCustomerContactForCustomer',
		scope: 'company',
		handle: (context) => remove(context, nestedContact(context)),
	},
];
