import { addDays } from '../dates';
import { errors, fail } from '../errors';
import { arInvoiceObject } from '../objects/arinvoice';
import { customerOrFail } from '../objects/arLedger';
import { checkSequence, isDraftAction, legacyDate, lineItems, text } from './legacy';
import { deleteRecord } from './generic';
import { withTrailingError } from './common';
import type { FunctionHandler } from './types';

/** create_invoice element order (XSD sequence, spec §6.3). */
const INVOICE_ORDER = [
	'customerid',
	'datecreated',
	'dateposted',
	'datedue',
	'termname',
	'batchkey',
	'action',
	'invoiceno',
	'ponumber',
	'description',
	'externalid',
	'billto',
	'shipto',
	'basecurr',
	'currency',
	'exchratedate',
	'exchratetype',
	'exchrate',
	'nogl',
	'supdocid',
	'taxsolutionid',
	'customfields',
	'invoiceitems',
];

export const BASE_CURRENCY = 'GBP';

/**
 * Due date from a term name. The sandbox has no TERM object: a name containing a number
 * ("Net 30", "N14") means that many days after the transaction date, anything else means due
 * on the transaction date.
 */
function dueFromTerm(created: string, term: string): string {
	const days = /(\d+)/.exec(term);
	return addDays(created, days ? Number(days[1]) : 0);
}

/** Legacy `create_invoice` (spec §6.3); returns `<key>` = the new ARINVOICE RECORDNO. */
export const createInvoice: FunctionHandler = (ctx, element) =>
	withTrailingError(errors.couldNotCreate('Invoice'), () => {
		checkSequence(element, INVOICE_ORDER);
		const customer = customerOrFail(ctx, text(element, 'customerid'));
		const created =
			legacyDate(element, 'datecreated') ??
			fail(errors.requiredField('datecreated', 'create_invoice'));
		const termName = text(element, 'termname');
		const due =
			legacyDate(element, 'datedue') ??
			(termName !== undefined ? dueFromTerm(created, termName) : undefined);
		// UNCONFIRMED wording; the rule itself is documented ("required if no termname").
		if (due === undefined)
			fail(
				errors.businessRule('Either datedue or termname is required.', 'Required field missing'),
			);
		const draft = isDraftAction(element);
		const invoiceNo = text(element, 'invoiceno');
		if (invoiceNo !== undefined && ctx.store.findOne('ARINVOICE', 'RECORDID', invoiceNo)) {
			fail(errors.duplicateDocumentNumber(invoiceNo));
		}
		const lines = lineItems(ctx, element, 'invoiceitems', 'create_invoice');
		const total = lines.reduce((sum, line) => sum + (line.AMOUNT as number), 0);
		const record = ctx.store.insert(
			'ARINVOICE',
			{
				RECORDID: invoiceNo,
				CUSTOMERID: customer.values.CUSTOMERID,
				CUSTOMERNAME: customer.values.NAME,
				WHENCREATED: created,
				WHENPOSTED: legacyDate(element, 'dateposted') ?? created,
				WHENDUE: due,
				TERMNAME: termName,
				DOCNUMBER: text(element, 'ponumber'),
				DESCRIPTION: text(element, 'description'),
				CURRENCY:
					text(element, 'currency') ?? ((customer.values.CURRENCY as string) || BASE_CURRENCY),
				BASECURR: text(element, 'basecurr') ?? BASE_CURRENCY,
				TOTALENTERED: total,
				TOTALPAID: 0,
				TOTALDUE: total,
				STATE: draft ? 'Draft' : 'Posted',
				MODULEKEY: '4.AR',
			},
			(recordNo) => lines.map((line) => ({ ...line, RECORDKEY: recordNo })),
		);
		return { key: String(record.recordNo), billed: { ARINVOICE: 1 } };
	});

/** Legacy `<delete_invoice key="RECORDNO"/>`. */
export const deleteInvoice: FunctionHandler = (ctx, element) => {
	deleteRecord(ctx, arInvoiceObject, 'RECORDNO', (element.attrs.key ?? '').trim());
	return { billed: { ARINVOICE: 1 } };
};
