import type { IDataObject } from 'n8n-workflow';

import { asObject, firstText, text } from '../../../core/records';
import { SyncError } from '../../../core/syncError';
import { compact, type Preset, type Scope } from '../preset';
import { field, layerLabel, primaryContact, sage200CompanyField } from './common';

/**
 * The account reference: the Sage link's account number when linked, else the Layer ID in capitals
 * without punctuation. Sage 200 references are at most 8 characters; a longer one is an error,
 * never truncated (truncation could collide with another customer's reference).
 */
function accountReference(scope: Scope): string {
	const linked = text(asObject(scope.record.sage)?.sageAccountNumber);
	const reference = (linked || text(scope.record.id).replace(/[^A-Za-z0-9]/g, '')).toUpperCase();
	if (reference.length === 0 || reference.length > 8)
		throw new SyncError(
			`${scope.label}: account reference "${reference}" is not 1 to 8 characters`,
			'Override Reference with an expression that gives a unique reference of up to 8 characters',
		);
	return reference;
}

/**
 * Layer customer → Sage 200 customer (Sage 200 › Customer › Create) and its contact (Customer
 * Contact › Create). Sage 200 keeps e-mail on contacts, so the company e-mail goes on the contact.
 */
export const customerToSage200: Preset = {
	value: 'customerToSage200',
	name: 'Customer → Sage 200 Customer and Contact',
	description:
		'Company name, telephone, fax, website and VAT number; contact name, email and telephone',
	options: [],
	label: (record) => layerLabel('customer', record, 'companyName'),
	fields: [
		sage200CompanyField(),
		field(
			'reference',
			'Reference',
			"the Sage link's account number, else the Layer customer ID in capitals without punctuation (at most 8 characters)",
			accountReference,
		),
		field('name', 'Name', 'the company name (at most 60 characters)', (scope) => {
			const name = text(scope.record.companyName);
			if (name.length > 60)
				throw new SyncError(
					`${scope.label}: company name is ${name.length} characters; Sage 200 allows 60`,
					'Shorten it in The Layer, or override Name',
				);
			return name;
		}),
		field('telephone_subscriber_number', 'Telephone', "the customer's telephone", (scope) =>
			text(scope.record.telephone),
		),
		field('fax_subscriber_number', 'Fax', "the customer's fax", (scope) => text(scope.record.fax)),
		field('website', 'Website', "the customer's website", (scope) => text(scope.record.website)),
		field('vat_number', 'VAT Number', "the customer's VAT number", (scope) =>
			text(scope.record.vatNumber),
		),
		field('first_name', 'Contact First Name', "the primary contact's first name", (scope) =>
			text(primaryContact(scope.record).firstName),
		),
		field('last_name', 'Contact Last Name', "the primary contact's last name", (scope) =>
			text(primaryContact(scope.record).lastName),
		),
		field('email', 'Contact Email', "the primary contact's email, else the customer's", (scope) =>
			firstText(primaryContact(scope.record).email, scope.record.email),
		),
		field(
			'telephone',
			'Contact Telephone',
			"the primary contact's telephone, else the customer's",
			(scope) => firstText(primaryContact(scope.record).telephone, scope.record.telephone),
		),
		field('mobile', 'Contact Mobile', "the primary contact's mobile", (scope) =>
			text(primaryContact(scope.record).mobile),
		),
	],
	output(scope): IDataObject {
		const contactFields = compact({
			first_name: scope.text('first_name'),
			last_name: scope.text('last_name'),
			email: scope.text('email'),
			telephone: scope.text('telephone'),
			mobile: scope.text('mobile'),
		});
		return {
			company: scope.text('company'),
			reference: scope.text('reference'),
			name: scope.text('name'),
			additionalFields: compact({
				telephone_subscriber_number: scope.text('telephone_subscriber_number'),
				fax_subscriber_number: scope.text('fax_subscriber_number'),
				website: scope.text('website'),
				vat_number: scope.text('vat_number'),
			}),
			contactFields,
			hasContact: Boolean(contactFields.first_name || contactFields.last_name),
			source: { type: 'customer', id: text(scope.record.id) },
		};
	},
};
