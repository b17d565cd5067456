import { errors, fail } from '../errors';
import { arAdjustmentObject } from '../objects/aradjustment';
import { CREDIT_MEMO, customerOrFail, DEBIT_MEMO } from '../objects/arLedger';
import { withTrailingError } from './common';
import { deleteRecord } from './generic';
import { BASE_CURRENCY } from './invoice';
import { checkSequence, isDraftAction, legacyDate, lineItems, text } from './legacy';
import type { FunctionHandler } from './types';

/** create_aradjustment element order (XSD sequence, spec §6.5; taxsolutionid position UNCONFIRMED). */
const ADJUSTMENT_ORDER = [
	'customerid',
	'datecreated',
	'dateposted',
	'batchkey',
	'adjustmentno',
	'action',
	'invoiceno',
	'description',
	'externalid',
	'basecurr',
	'currency',
	'exchratedate',
	'exchratetype',
	'exchrate',
	'nogl',
	'taxsolutionid',
	'aradjustmentitems',
];

/**
 * Legacy `create_aradjustment`: a negative total is a credit memo, a positive one a debit memo
 * [DOC-adj]. `invoiceno` is a reference only; applying the credit is a separate step.
 */
export const createArAdjustment: FunctionHandler = (ctx, element) =>
	withTrailingError(errors.couldNotCreate('AR Adjustment'), () => {
		checkSequence(element, ADJUSTMENT_ORDER);
		const customer = customerOrFail(ctx, text(element, 'customerid'));
		const created =
			legacyDate(element, 'datecreated') ??
			fail(errors.requiredField('datecreated', 'create_aradjustment'));
		const draft = isDraftAction(element);
		const number = text(element, 'adjustmentno');
		if (number !== undefined && ctx.store.findOne('ARADJUSTMENT', 'RECORDID', number)) {
			fail(errors.duplicateDocumentNumber(number));
		}
		const lines = lineItems(ctx, element, 'aradjustmentitems', 'create_aradjustment');
		const total = lines.reduce((sum, line) => sum + (line.AMOUNT as number), 0);
		if (total === 0) fail(errors.businessRule('The adjustment total cannot be zero.'));
		const record = ctx.store.insert(
			'ARADJUSTMENT',
			{
				RECORDID: number,
				CUSTOMERID: customer.values.CUSTOMERID,
				CUSTOMERNAME: customer.values.NAME,
				WHENCREATED: created,
				WHENPOSTED: legacyDate(element, 'dateposted') ?? created,
				INVOICENO: text(element, 'invoiceno'),
				DESCRIPTION: text(element, 'description'),
				CURRENCY:
					text(element, 'currency') ?? ((customer.values.CURRENCY as string) || BASE_CURRENCY),
				BASECURR: text(element, 'basecurr') ?? BASE_CURRENCY,
				TOTALENTERED: total,
				TOTALPAID: 0,
				TOTALDUE: total,
				STATE: draft ? 'Draft' : 'Posted',
				ADJUSTMENTTYPE: total < 0 ? CREDIT_MEMO : DEBIT_MEMO,
			},
			(recordNo) => lines.map((line) => ({ ...line, RECORDKEY: recordNo })),
		);
		return { key: String(record.recordNo), billed: { ARADJUSTMENT: 1 } };
	});

/** Legacy `<delete_aradjustment key="RECORDNO"/>`. */
export const deleteArAdjustment: FunctionHandler = (ctx, element) => {
	deleteRecord(ctx, arAdjustmentObject, 'RECORDNO', (element.attrs.key ?? '').trim());
	return { billed: { ARADJUSTMENT: 1 } };
};
