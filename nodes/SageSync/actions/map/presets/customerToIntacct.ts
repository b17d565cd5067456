import type { IDataObject } from 'n8n-workflow';

import { asObject, firstText, text } from '../../../core/records';
import { compact, type Preset } from '../preset';
import { field, intacctLocationField, layerLabel, primaryContact } from './common';

/**
 * Layer customer → Intacct CUSTOMER (Sage Intacct › Customer › Create). The seed's synced fields:
 * company name, email, website, telephone, VAT number, and the mobile of the contact.
 */
export const customerToIntacct: Preset = {
	value: 'customerToIntacct',
	name: 'Customer → Intacct Customer',
	description: 'Company name, email, website, telephone, VAT number and the contact’s mobile',
	options: [],
	label: (record) => layerLabel('customer', record, 'companyName'),
	fields: [
		field(
			'customerId',
			'Customer ID',
			"the matched Intacct customer (Match Customers), else the Sage link's customer ID, else the Layer customer ID",
			(scope) =>
				firstText(
					asObject(scope.record.match)?.sageCustomerId,
					asObject(scope.record.sage)?.sageCustomerId,
					scope.record.id,
				),
		),
		field('name', 'Name', 'the company name', (scope) => text(scope.record.companyName)),
		field('email', 'Email', "the customer's email, else the primary contact's", (scope) =>
			firstText(scope.record.email, primaryContact(scope.record).email),
		),
		field('phone', 'Telephone', "the customer's telephone", (scope) =>
			text(scope.record.telephone),
		),
		field('mobile', 'Mobile', "the primary contact's mobile, else the customer's", (scope) =>
			firstText(primaryContact(scope.record).mobile, scope.record.mobile),
		),
		field('website', 'Website', "the customer's website", (scope) => text(scope.record.website)),
		field('taxId', 'VAT Number', "the customer's VAT number", (scope) =>
			text(scope.record.vatNumber),
		),
		field('firstName', 'Contact First Name', "the primary contact's first name", (scope) =>
			text(primaryContact(scope.record).firstName),
		),
		field('lastName', 'Contact Last Name', "the primary contact's last name", (scope) =>
			text(primaryContact(scope.record).lastName),
		),
		field('currency', 'Currency', "the customer's currency", (scope) =>
			text(scope.record.currency),
		),
		intacctLocationField('sageCompany'),
	],
	output(scope): IDataObject {
		return {
			customerId: scope.text('customerId'),
			name: scope.text('name'),
			additionalFields: compact({
				email: scope.text('email'),
				phone: scope.text('phone'),
				mobile: scope.text('mobile'),
				website: scope.text('website'),
				taxId: scope.text('taxId'),
				firstName: scope.text('firstName'),
				lastName: scope.text('lastName'),
				currency: scope.text('currency'),
			}),
			sageCompany: scope.text('sageCompany'),
			source: { type: 'customer', id: text(scope.record.id) },
		};
	},
};
