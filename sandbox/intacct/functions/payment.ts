import { child, childrenNamed } from '../../shared/xml';
import type { XmlElement } from '../../shared/xml';
import type { IntacctContext } from '../context';
import { dateOf } from '../dates';
import { errors, fail } from '../errors';
import {
	applyToReceivable,
	consumeCredit,
	findCreditMemo,
	findReceivable,
} from '../objects/arLedger';
import { postPayment } from '../objects/arPosting';
import type { PaymentDetail } from '../objects/arPosting';
import { arPaymentObject } from '../objects/arpymt';
import type { Row } from '../objects/types';
import { withTrailingError } from './common';
import { deleteRecord } from './generic';
import { checkSequence, legacyAmount, legacyDate, text } from './legacy';
import type { FunctionHandler, FunctionOutput } from './types';

/** create_arpayment element order (XSD sequence, spec §6.4); note arpaymentitem has no wrapper. */
const PAYMENT_ORDER = [
	'customerid',
	'paymentamount',
	'translatedamount',
	'batchkey',
	'bankaccountid',
	'undepfundsacct',
	'refid',
	'overpaylocid',
	'overpaydeptid',
	'datereceived',
	'paymentmethod',
	'basecurr',
	'currency',
	'exchratedate',
	'exchratetype',
	'exchrate',
	'cctype',
	'authcode',
	'arpaymentitem',
	'onlinecardpayment',
	'onlineachpayment',
];

const APPLY_ORDER = [
	'arpaymentkey',
	'paymentdate',
	'batchkey',
	'memo',
	'overpaylocid',
	'overpaydeptid',
	'arpaymentitems',
];

interface Item {
	key: string;
	amount: number;
}

function items(ctx: IntacctContext, parent: XmlElement | undefined, object: string): Item[] {
	return childrenNamed(parent, 'arpaymentitem').map((item) => {
		checkSequence(item, ['invoicekey', 'amount']);
		const key = text(item, 'invoicekey') ?? fail(errors.requiredField('invoicekey', object));
		return { key: key.trim(), amount: legacyAmount(child(item, 'amount')?.text, 'amount', object) };
	});
}

/**
 * Legacy `create_arpayment`. Items name invoices or debit memos (`invoicekey`); whatever the items
 * do not use stays unapplied on the payment (TOTALDUE) for a later apply_arpayment. Without
 * `datereceived` the payment is dated today; without `paymentmethod` it is `Cash` (both optional
 * in the docs; the defaults are sandbox choices).
 */
export const createArPayment: FunctionHandler = (ctx, element) =>
	withTrailingError(errors.couldNotCreate('AR Payment'), () => {
		checkSequence(element, PAYMENT_ORDER, [
			'arpaymentitem',
			'onlinecardpayment',
			'onlineachpayment',
		]);
		const funding = ['batchkey', 'bankaccountid', 'undepfundsacct'].filter((n) =>
			child(element, n),
		);
		if (funding.length > 1)
			fail(errors.xmlParse(`Only one of ${funding.join(', ')} may be given.`));
		const customerId = text(element, 'customerid');
		const details = items(ctx, element, 'create_arpayment').map((item): PaymentDetail => {
			const memo = ctx.store.get('ARADJUSTMENT', Number(item.key));
			return memo
				? { posAdjKey: item.key, paymentAmount: item.amount }
				: { recordKey: item.key, paymentAmount: item.amount };
		});
		const receivedOn = legacyDate(element, 'datereceived') ?? dateOf(ctx.store.now());
		const record = postPayment(ctx, {
			customerId,
			paymentMethod: text(element, 'paymentmethod') ?? 'Cash',
			receiptDate: receivedOn,
			financialEntity: text(element, 'bankaccountid'),
			prBatch: text(element, 'batchkey'),
			undepositedAccountNo: text(element, 'undepfundsacct'),
			docNumber: text(element, 'refid'),
			currency: text(element, 'currency'),
			draft: false,
			amount: legacyAmount(
				child(element, 'paymentamount')?.text,
				'paymentamount',
				'create_arpayment',
			),
			details,
		});
		return { key: String(record.recordNo), billed: { ARPYMT: 1 } };
	});

/**
 * Legacy `apply_arpayment`: applies an existing payment's unapplied amount, or a credit memo
 * (an ARADJUSTMENT RECORDNO), to invoices or debit memos. Never beyond what is available or due.
 * Result is status-only (whether a `<key>` comes back is UNCONFIRMED).
 */
export const applyArPayment: FunctionHandler = (ctx, element) =>
	withTrailingError(errors.businessRule('Could not apply AR Payment.'), (): FunctionOutput => {
		checkSequence(element, APPLY_ORDER);
		const key = (
			text(element, 'arpaymentkey') ?? fail(errors.requiredField('arpaymentkey', 'apply_arpayment'))
		).trim();
		const paidOn =
			legacyDate(element, 'paymentdate') ??
			fail(errors.requiredField('paymentdate', 'apply_arpayment'));
		const wrapper = child(element, 'arpaymentitems');
		if (wrapper) checkSequence(wrapper, ['arpaymentitem'], ['arpaymentitem']);
		const list = items(ctx, wrapper, 'apply_arpayment');
		if (list.length === 0)
			fail(errors.requiredField('arpaymentitems/arpaymentitem', 'apply_arpayment'));
		const payment = /^\d+$/.test(key) ? ctx.store.get('ARPYMT', Number(key)) : undefined;
		if (payment) {
			if (payment.values.STATE !== 'Posted')
				fail(errors.businessRule(`Payment ${key} is not posted.`));
			const customerId = payment.values.CUSTOMERID as string;
			const total = list.reduce((sum, item) => sum + item.amount, 0);
			const available = payment.values.TOTALDUE as number;
			if (total > available) {
				fail(
					errors.businessRule(
						`The amounts to apply exceed the unapplied amount of payment ${key}.`,
					),
				);
			}
			const newLines: Row[] = list.map((item, i) => {
				const target = findReceivable(ctx, item.key, customerId, 'any');
				applyToReceivable(ctx, target, item.amount, paidOn);
				return {
					RECORDNO: ctx.store.nextNumber('PRENTRY'),
					LINE_NO: (payment.lines?.length ?? 0) + i + 1,
					[target.object === 'ARINVOICE' ? 'RECORDKEY' : 'POSADJKEY']: target.record.recordNo,
					TRX_PAYMENTAMOUNT: item.amount,
				};
			});
			ctx.store.update(
				'ARPYMT',
				payment.recordNo,
				{ TOTALPAID: (payment.values.TOTALPAID as number) + total, TOTALDUE: available - total },
				[...(payment.lines ?? []), ...newLines],
			);
			return { billed: { ARPYMT: 1 } };
		}
		if (!/^\d+$/.test(key) || !ctx.store.get('ARADJUSTMENT', Number(key))) {
			fail(errors.invalidReference('Payment', key));
		}
		const memo = findCreditMemo(ctx, key);
		for (const item of list) {
			const target = findReceivable(ctx, item.key, memo.values.CUSTOMERID as string, 'any');
			applyToReceivable(ctx, target, item.amount, paidOn);
			consumeCredit(ctx, memo.recordNo, item.amount);
		}
		return { billed: { ARADJUSTMENT: 1 } };
	});

/** Legacy `<delete_arpayment key="RECORDNO"/>` (draft payments only). */
export const deleteArPayment: FunctionHandler = (ctx, element) => {
	deleteRecord(ctx, arPaymentObject, 'RECORDNO', (element.attrs.key ?? '').trim());
	return { billed: { ARPYMT: 1 } };
};
