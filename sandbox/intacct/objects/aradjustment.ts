import { errors, fail } from '../errors';
import { CREDIT_MEMO, DEBIT_MEMO, hasApplications } from './arLedger';
import { arLineFields, AR_STATES } from './arinvoice';
import { date, enumeration, money, RECORDNO, text, WHENMODIFIED } from './fields';
import type { ObjectDef } from './types';

/**
 * ARADJUSTMENT (spec §6.5): created by legacy create_aradjustment only. A negative total makes a
 * credit memo, a positive one a debit memo; TOTALENTERED and TOTALDUE keep the sign. A credit
 * memo reduces what a customer owes only once applied (apply_arpayment, or ARPYMT ADJUSTMENTKEY).
 */
export const arAdjustmentObject: ObjectDef = {
	name: 'ARADJUSTMENT',
	label: 'AR Adjustment',
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
		date('WHENPAID'),
		text('INVOICENO'),
		text('DESCRIPTION'),
		text('CURRENCY'),
		text('BASECURR'),
		money('TOTALENTERED'),
		money('TOTALPAID'),
		money('TOTALDUE'),
		enumeration('STATE', AR_STATES),
		enumeration('ADJUSTMENTTYPE', [CREDIT_MEMO, DEBIT_MEMO]),
		WHENMODIFIED,
	].map((f) => ({ ...f, readOnly: true })),
	lines: { collection: 'ARADJUSTMENTITEMS', item: 'ARADJUSTMENTITEM', fields: arLineFields },
	beforeDelete(_ctx, record) {
		if (hasApplications(record)) {
			fail(
				errors.businessRule(
					`Adjustment ${record.recordNo} has been applied and cannot be deleted.`,
				),
			);
		}
	},
};
