import { notFound } from '../errors';
import { presentContact } from '../present';
import { API_PREFIX, created, listRoute, mustGet, ok } from '../route';
import type { Route } from '../route';
import type { LayerStore } from '../store';
import type { Contact } from '../types';
import { BodyReader, definedOnly } from '../validate';

const BASE = `${API_PREFIX}/customers/{id}/contacts`;
const FIELDS = ['firstName', 'lastName', 'email', 'telephone', 'mobile', 'isPrimary'] as const;
const READ_ONLY = ['id', 'customerId', 'createdAt', 'modifiedAt'];

function readContact(body: unknown, existing?: Contact) {
	const reader = BodyReader.of(body, FIELDS, READ_ONLY);
	const fields = {
		firstName: reader.text('firstName', { nullable: true }),
		lastName: reader.text('lastName', { nullable: true }),
		email: reader.email('email', { nullable: true }),
		telephone: reader.text('telephone', { nullable: true }),
		mobile: reader.text('mobile', { nullable: true }),
		isPrimary: reader.bool('isPrimary'),
	};
	const first = fields.firstName === undefined ? existing?.firstName : fields.firstName;
	const last = fields.lastName === undefined ? existing?.lastName : fields.lastName;
	if ((first ?? null) === null && (last ?? null) === null) {
		reader.problem('firstName', 'or lastName is required');
	}
	reader.problems.throwIfAny();
	return fields;
}

/**
 * Contacts are part of the customer record, so every contact write also bumps the customer's
 * modifiedAt (a poller sees the change). Making a contact primary demotes the others.
 */
function afterWrite(store: LayerStore, contact: Contact): void {
	if (contact.isPrimary) {
		for (const other of store.all('contacts')) {
			if (other.customerId === contact.customerId && other.id !== contact.id && other.isPrimary) {
				store.update('contacts', other.id, { isPrimary: false });
			}
		}
	}
	store.update('customers', contact.customerId, {});
}

export const contactRoutes: Route[] = [
	listRoute(
		'listContacts',
		BASE,
		'contacts',
		{},
		(_store, c) => presentContact(c),
		({ store, params }) => {
			mustGet(store, 'customers', params.id);
			return store.all('contacts').filter((c) => c.customerId === params.id);
		},
	),
	{
		method: 'POST',
		path: BASE,
		operationId: 'createContact',
		handle: ({ store, params, body }) => {
			const customer = mustGet(store, 'customers', params.id);
			const f = readContact(body);
			const first = !store.find('contacts', (c) => c.customerId === customer.id);
			const contact = store.insert('contacts', {
				customerId: customer.id,
				firstName: f.firstName ?? null,
				lastName: f.lastName ?? null,
				email: f.email ?? null,
				telephone: f.telephone ?? null,
				mobile: f.mobile ?? null,
				isPrimary: f.isPrimary ?? first,
			});
			afterWrite(store, contact);
			return created(presentContact(contact));
		},
	},
	{
		method: 'PATCH',
		path: `${BASE}/{contactId}`,
		operationId: 'updateContact',
		handle: ({ store, params, body }) => {
			const customer = mustGet(store, 'customers', params.id);
			const existing = store.get('contacts', params.contactId);
			if (!existing || existing.customerId !== customer.id) {
				throw notFound(`contact of customer ${customer.id}`, params.contactId);
			}
			const patch = definedOnly(readContact(body, existing));
			const contact = store.update('contacts', existing.id, patch);
			afterWrite(store, contact);
			return ok(presentContact(contact));
		},
	},
];
