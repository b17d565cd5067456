import { errors, fail } from '../errors';
import { hasApplications } from './arLedger';
import { date, enumeration, integer, money, RECORDNO, text, WHENMODIFIED } from './fields';
import type { FieldDef, ObjectDef } from './types';

/** Line fields shared by invoice and adjustment lines (names UNCONFIRMED, spec §6.3). */
export const arLineFields: FieldDef[] = [
	integer('RECORDNO', { readOnly: true }),
	integer('RECORDKEY', { readOnly: true }),
	integer('LINE_NO', { readOnly: true }),
	text('ACCOUNTNO'),
	money('AMOUNT'),
	text('MEMO'),
	text('LOCATIONID'),
	text('DEPARTMENTID'),
];

export const AR_STATES = ['Draft', 'Posted', 'Partially Paid', 'Paid'] as const;

/**
 * ARINVOICE (spec §6.3). Created only by legacy create_invoice: a generic create is refused
 * (the 3.0 create is not supported for invoices per [NET-162]). WHENCREATED is the transaction
 * date. Deleting is refused once payments or credits are applied (UNCONFIRMED rule text).
 */
export const arInvoiceObject: ObjectDef = {
	name: 'ARINVOICE',
	label: 'Invoice',
	sequence: 'PRRECORD',
	stampsCreated: false,
	generic: { create: false, update: false, delete: true },
	fields: [
		RECORDNO,
		text('RECORDID'),
		text('CUSTOMERID'),
		text('CUSTOMERNAME'),
		date('WHENCREATED'),
		date('WHENPOSTED'),
		date('WHENDUE'),
		date('WHENPAID'),
		text('TERMNAME'),
		text('DOCNUMBER'),
		text('DESCRIPTION'),
		text('CURRENCY'),
		text('BASECURR'),
		money('TOTALENTERED'),
		money('TOTALPAID'),
		money('TOTALDUE'),
		enumeration('STATE', AR_STATES),
		text('MODULEKEY'),
		WHENMODIFIED,
	].map((f) => ({ ...f, readOnly: true })),
	lines: { collection: 'ARINVOICEITEMS', item: 'ARINVOICEITEM', fields: arLineFields },
	beforeDelete(_ctx, record) {
		if (hasApplications(record)) {
			fail(
				errors.businessRule(
					`Invoice ${record.recordNo} has payments applied and cannot be deleted.`,
				),
			);
		}
	},
};
