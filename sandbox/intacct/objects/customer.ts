import { errors, fail } from '../errors';
import { customerBalances } from './arLedger';
import { boolean, money, RECORDNO, status, text, WHENCREATED, WHENMODIFIED } from './fields';
import type { FieldDef, ObjectDef } from './types';

const contact = (name: string, extra: Partial<FieldDef> = {}) =>
	text(`DISPLAYCONTACT.${name}`, extra);
const address = (name: string) => text(`DISPLAYCONTACT.MAILADDRESS.${name}`);

/**
 * CUSTOMER (spec §6.2). DISPLAYCONTACT is stored flat under dotted names, returned nested by
 * read/readByQuery, and queryable as `DISPLAYCONTACT.EMAIL1` (both UNCONFIRMED against a live
 * company). CUSTOMERID is required: the sandbox does not model document-sequence auto-numbering.
 */
export const customerObject: ObjectDef = {
	name: 'CUSTOMER',
	label: 'Customer',
	idField: 'CUSTOMERID',
	sequence: 'CUSTOMER',
	stampsCreated: true,
	generic: { create: true, update: true, delete: true },
	fields: [
		RECORDNO,
		text('CUSTOMERID', { required: true }),
		text('NAME', { required: true }),
		contact('PRINTAS', { required: true }),
		contact('CONTACTNAME'),
		contact('COMPANYNAME'),
		contact('FIRSTNAME'),
		contact('LASTNAME'),
		contact('PHONE1'),
		contact('PHONE2'),
		contact('CELLPHONE'),
		contact('FAX'),
		contact('EMAIL1'),
		contact('EMAIL2'),
		contact('URL1'),
		contact('URL2'),
		address('ADDRESS1'),
		address('ADDRESS2'),
		address('CITY'),
		address('STATE'),
		address('ZIP'),
		address('COUNTRY'),
		text('TAXID'),
		status(),
		text('CURRENCY'),
		money('CREDITLIMIT'),
		boolean('ONHOLD', { defaultValue: 'false', queryAliases: { T: 'true', F: 'false' } }),
		text('TERMNAME'),
		text('COMMENTS'),
		// Open invoices and debit memos still due; unapplied credit memos and payments do not count.
		money('TOTALDUE', { readOnly: true }),
		WHENCREATED,
		WHENMODIFIED,
	],
	validate(_ctx, values) {
		// [DOC-cust]: a blank display-contact name becomes NAME(CCUSTOMERID).
		if ((values['DISPLAYCONTACT.CONTACTNAME'] ?? '') === '') {
			values['DISPLAYCONTACT.CONTACTNAME'] = `${values.NAME}(C${values.CUSTOMERID})`;
		}
	},
	beforeDelete(ctx, record) {
		const id = record.values.CUSTOMERID as string;
		for (const object of ['ARINVOICE', 'ARADJUSTMENT', 'ARPYMT']) {
			if (ctx.store.findOne(object, 'CUSTOMERID', id)) {
				// UNCONFIRMED wording.
				fail(errors.businessRule(`Customer '${id}' has transactions and cannot be deleted.`));
			}
		}
	},
	derive(ctx) {
		const balances = customerBalances(ctx.store);
		return (record) => ({ TOTALDUE: balances.get(record.values.CUSTOMERID as string) ?? 0 });
	},
};
