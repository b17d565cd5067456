import { parseMoney } from '../../shared/money';
import type { IntacctContext } from '../context';
import { parseUsDate } from '../dates';
import { errors, fail } from '../errors';
import { AR_STATES } from './arinvoice';
import { postPayment } from './arPosting';
import type { PaymentDetail } from './arPosting';
import {
	date,
	enumeration,
	flattenInput,
	integer,
	money,
	RECORDNO,
	text,
	WHENCREATED,
	WHENMODIFIED,
} from './fields';
import type { GenericInput, ObjectDef, StoredRecord } from './types';

/** Generic create inputs the sandbox models (spec §6.4); other documented ones fail as unsupported. */
const HEADER_INPUTS = [
	'PAYMENTMETHOD',
	'CUSTOMERID',
	'RECEIPTDATE',
	'PAYMENTDATE',
	'CURRENCY',
	'BASECURR',
	'FINANCIALENTITY',
	'PRBATCH',
	'UNDEPOSITEDACCOUNTNO',
	'DOCNUMBER',
	'DESCRIPTION',
	'ACTION',
];
const DETAIL_INPUTS = [
	'RECORDKEY',
	'POSADJKEY',
	'TRX_PAYMENTAMOUNT',
	'ADJUSTMENTKEY',
	'TRX_ADJUSTMENTAMOUNT',
];

function amountOf(raw: string | undefined, field: string): number | undefined {
	if (raw === undefined || raw.trim() === '') return undefined;
	const value = parseMoney(raw);
	if (value === undefined)
		fail(errors.invalidValue(field, raw, 'ARPYMTDETAIL', 'a decimal number'));
	return value;
}

function dateOf(raw: string | undefined, field: string): string | undefined {
	if (raw === undefined || raw.trim() === '') return undefined;
	return parseUsDate(raw) ?? fail(errors.invalidValue(field, raw, 'ARPYMT', 'a date mm/dd/yyyy'));
}

/** Generic `<create><ARPYMT>` (spec §6.4). */
function createFromGeneric(ctx: IntacctContext, input: GenericInput): StoredRecord {
	const header = flattenInput(input.element, 'ARPYMTDETAILS');
	for (const name of header.keys()) {
		if (!HEADER_INPUTS.includes(name)) {
			fail(errors.unsupported(`ARPYMT field ${name}`));
		}
	}
	const detailsEl = input.element.children.find((c) => c.name.toUpperCase() === 'ARPYMTDETAILS');
	const details = (detailsEl?.children ?? []).map((detail): PaymentDetail => {
		const v = flattenInput(detail);
		for (const name of v.keys()) {
			if (!DETAIL_INPUTS.includes(name)) fail(errors.unsupported(`ARPYMTDETAIL field ${name}`));
		}
		return {
			recordKey: v.get('RECORDKEY'),
			posAdjKey: v.get('POSADJKEY'),
			paymentAmount: amountOf(v.get('TRX_PAYMENTAMOUNT'), 'TRX_PAYMENTAMOUNT'),
			adjustmentKey: v.get('ADJUSTMENTKEY'),
			adjustmentAmount: amountOf(v.get('TRX_ADJUSTMENTAMOUNT'), 'TRX_ADJUSTMENTAMOUNT'),
		};
	});
	if (details.length === 0) fail(errors.requiredField('ARPYMTDETAILS', 'ARPYMT'));
	const action = header.get('ACTION') ?? 'Submit';
	if (!/^(draft|submit)$/i.test(action))
		fail(errors.invalidValue('ACTION', action, 'ARPYMT', 'Draft or Submit'));
	return postPayment(ctx, {
		customerId: header.get('CUSTOMERID'),
		paymentMethod: header.get('PAYMENTMETHOD'),
		receiptDate:
			dateOf(header.get('RECEIPTDATE'), 'RECEIPTDATE') ??
			fail(errors.requiredField('RECEIPTDATE', 'ARPYMT')),
		paymentDate: dateOf(header.get('PAYMENTDATE'), 'PAYMENTDATE'),
		financialEntity: header.get('FINANCIALENTITY'),
		prBatch: header.get('PRBATCH'),
		undepositedAccountNo: header.get('UNDEPOSITEDACCOUNTNO'),
		docNumber: header.get('DOCNUMBER'),
		description: header.get('DESCRIPTION'),
		currency: header.get('CURRENCY'),
		draft: action.toLowerCase() === 'draft',
		details,
	});
}

/**
 * ARPYMT (spec §6.4). TOTALPAID is the amount applied and TOTALDUE the unapplied remainder
 * (non-zero only for legacy payments with unapplied money); those semantics are UNCONFIRMED.
 * Update is not modelled; delete only while Draft.
 */
export const arPaymentObject: ObjectDef = {
	name: 'ARPYMT',
	label: 'AR Payment',
	sequence: 'PRRECORD',
	stampsCreated: true,
	generic: { create: true, update: false, delete: true },
	fields: [
		RECORDNO,
		text('CUSTOMERID'),
		text('CUSTOMERNAME'),
		text('PAYMENTMETHOD'),
		date('RECEIPTDATE'),
		date('PAYMENTDATE'),
		text('FINANCIALENTITY'),
		text('PRBATCH'),
		text('UNDEPOSITEDACCOUNTNO'),
		text('DOCNUMBER'),
		text('DESCRIPTION'),
		text('CURRENCY'),
		money('TOTALENTERED'),
		money('TOTALPAID'),
		money('TOTALDUE'),
		enumeration('STATE', AR_STATES),
		WHENCREATED,
		WHENMODIFIED,
	].map((f) => ({ ...f, readOnly: true })),
	lines: {
		collection: 'ARPYMTDETAILS',
		item: 'ARPYMTDETAIL',
		fields: [
			integer('RECORDNO'),
			integer('LINE_NO'),
			integer('RECORDKEY'),
			integer('POSADJKEY'),
			money('TRX_PAYMENTAMOUNT'),
			integer('ADJUSTMENTKEY'),
			money('TRX_ADJUSTMENTAMOUNT'),
		],
	},
	createRecord: createFromGeneric,
	beforeDelete(_ctx, record) {
		if (record.values.STATE !== 'Draft') {
			fail(
				errors.businessRule(
					`Payment ${record.recordNo} is posted; only draft payments can be deleted.`,
				),
			);
		}
	},
};
