import { badRequest } from '../errors';
import { asArray, asObject, bool, fieldPath, int, readRow, text } from '../fields';
import type { Row, Specs } from '../fields';
import type { Json } from '../odata/filter';
import type { CompanyData } from '../store';
import { CHANNELS } from '../types';
import type { Channel, ChannelItem, Contact } from '../types';

/**
 * Customer contacts and their e-mails, telephones, mobiles, faxes and websites (spec §8). Child
 * items follow Sage's rules for child collections on PUT: an item with an `id` updates that
 * item (or removes it with `is_to_delete: true`), one without adds a new item. One item per
 * channel is the default: the last one sent with `is_default: true`, else the first.
 */
export const CONTACT_FIELDS: Specs = {
	salutation_id: int(),
	first_name: text(60),
	middle_name: text(60),
	last_name: text(60),
};

const NUMBER_FIELDS: Specs = {
	country_code: text(5),
	area_code: text(20),
	subscriber_number: text(200),
	is_default: bool(),
};

export const CHANNEL_FIELDS: Readonly<Record<Channel, Specs>> = {
	emails: { email: text(227, { required: true }), is_default: bool() },
	telephones: NUMBER_FIELDS,
	mobiles: NUMBER_FIELDS,
	faxes: NUMBER_FIELDS,
	websites: { website: text(227, { required: true }), is_default: bool() },
};

export function fullNumber(row: Row): string {
	return [row.country_code, row.area_code, row.subscriber_number].filter(Boolean).join(' ');
}

function defaultItem(items: ChannelItem[]): ChannelItem | undefined {
	return items.find((item) => item.row.is_default === true);
}

/** Keeps exactly one default per non-empty channel; `preferred` wins when given. */
function settleDefault(items: ChannelItem[], preferred: ChannelItem | undefined): void {
	const winner = preferred ?? defaultItem(items) ?? items[0];
	for (const item of items) item.row.is_default = item === winner;
}

function applyChannel(
	company: CompanyData,
	contact: Contact,
	channel: Channel,
	value: unknown,
	path: string,
): void {
	const items = contact.channels[channel];
	let preferred: ChannelItem | undefined;
	asArray(value, path).forEach((raw, index) => {
		const itemPath = `${path}[${index}]`;
		const source = asObject(raw, itemPath);
		const id = source.id;
		if (id !== undefined && id !== null) {
			const at = items.findIndex((item) => item.id === id);
			if (at < 0)
				throw badRequest(
					`The field '${itemPath}.id' does not match any of the contact's ${channel}.`,
				);
			if (source.is_to_delete === true) {
				items.splice(at, 1);
				return;
			}
			Object.assign(
				items[at].row,
				readRow(CHANNEL_FIELDS[channel], source, { create: false, path: itemPath }),
			);
			company.touch(items[at]);
			if (source.is_default === true) preferred = items[at];
			return;
		}
		const row = readRow(CHANNEL_FIELDS[channel], source, { create: true, path: itemPath });
		const item: ChannelItem = { ...company.stamp(), row };
		items.push(item);
		if (row.is_default === true) preferred = item;
	});
	settleDefault(items, preferred);
}

function requireName(row: Row, path: string): void {
	if (!row.first_name && !row.middle_name && !row.last_name) {
		throw badRequest(
			`The field '${fieldPath(path, 'first_name')}' is required: a contact needs a name.`,
		);
	}
}

function applyChannels(company: CompanyData, contact: Contact, source: Json, path: string): void {
	for (const channel of CHANNELS) {
		const value = source[channel];
		if (value !== undefined && value !== null) {
			applyChannel(company, contact, channel, value, fieldPath(path, channel));
		}
	}
}

/** Builds a new contact from a request object (not stored yet). */
export function newContact(
	company: CompanyData,
	customerId: number,
	value: unknown,
	path = '',
): Contact {
	const source = asObject(value, path);
	const row = readRow(CONTACT_FIELDS, source, { create: true, path });
	requireName(row, path);
	const contact: Contact = {
		...company.stamp(),
		customer_id: customerId,
		row,
		channels: { emails: [], telephones: [], mobiles: [], faxes: [], websites: [] },
	};
	applyChannels(company, contact, source, path);
	return contact;
}

/** Applies a PUT body (any subset of fields and child items) to a stored contact. */
export function updateContact(
	company: CompanyData,
	contact: Contact,
	value: unknown,
	path = '',
): void {
	const source = asObject(value, path);
	const row = { ...contact.row, ...readRow(CONTACT_FIELDS, source, { create: false, path }) };
	requireName(row, path);
	contact.row = row;
	applyChannels(company, contact, source, path);
	company.touch(contact);
}

/** The customer's contacts, oldest first; the first one is the default contact. */
export function contactsOf(company: CompanyData, customerId: number): Contact[] {
	return company.contacts.filter((c) => c.customer_id === customerId);
}

function presentItem(channel: Channel, item: ChannelItem, contactId: number): Json {
	const { row } = item;
	const value =
		channel === 'emails'
			? { email: row.email }
			: channel === 'websites'
				? { website: row.website }
				: {
						full_number: fullNumber(row),
						country_code: row.country_code,
						area_code: row.area_code,
						subscriber_number: row.subscriber_number,
					};
	return {
		id: item.id,
		...value,
		customer_contact_id: contactId,
		is_default: row.is_default === true,
		date_time_created: item.date_time_created,
		date_time_updated: item.date_time_updated,
	};
}

export function presentContact(company: CompanyData, contact: Contact): Json {
	const { row, channels } = contact;
	const email = defaultItem(channels.emails);
	const telephone = defaultItem(channels.telephones);
	const first = contactsOf(company, contact.customer_id)[0];
	const children: Json = {};
	for (const channel of CHANNELS) {
		children[channel] = channels[channel].map((item) => presentItem(channel, item, contact.id));
	}
	return {
		id: contact.id,
		customer_id: contact.customer_id,
		salutation_id: row.salutation_id,
		name: [row.first_name, row.middle_name, row.last_name].filter(Boolean).join(' '),
		first_name: row.first_name,
		middle_name: row.middle_name,
		last_name: row.last_name,
		default_telephone: telephone ? fullNumber(telephone.row) : '',
		default_email: email ? String(email.row.email) : '',
		is_default: first?.id === contact.id,
		...children,
		roles: [],
		date_time_created: contact.date_time_created,
		date_time_updated: contact.date_time_updated,
	};
}
