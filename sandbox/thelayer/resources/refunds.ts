import { conflict } from '../errors';
import { equals, syncedFilter } from '../listing';
import { presentRefund } from '../present';
import { API_PREFIX, checkReference, created, getRoute, listRoute } from '../route';
import type { Route } from '../route';
import type { LayerStore } from '../store';
import type { Refund } from '../types';
import { BodyReader } from '../validate';
import { checkPaymentMethod } from './payments';
import { sageSyncRoute, UNSYNCED } from './sageSync';

const BASE = `${API_PREFIX}/refunds`;
const FIELDS = [
	'number',
	'customerId',
	'paymentMethodId',
	'amount',
	'currency',
	'date',
	'reference',
	'creditNoteId',
	'paymentId',
] as const;
const READ_ONLY = ['id', 'createdAt', 'modifiedAt', 'sage'];

function present(_store: LayerStore, refund: Refund): unknown {
	return presentRefund(refund);
}

export const refundRoutes: Route[] = [
	listRoute(
		'listRefunds',
		BASE,
		'refunds',
		{
			customerId: equals((r: Refund) => r.customerId),
			number: equals((r: Refund) => r.number),
			synced: syncedFilter<Refund>(),
		},
		present,
	),
	getRoute('getRefund', `${BASE}/{id}`, 'refunds', present),
	{
		method: 'POST',
		path: BASE,
		operationId: 'createRefund',
		handle: ({ store, body }) => {
			const reader = BodyReader.of(body, FIELDS, READ_ONLY);
			const number = reader.text('number', { required: true });
			const customerId = reader.text('customerId', { required: true });
			const paymentMethodId = reader.text('paymentMethodId', { required: true });
			const amount = reader.money('amount', 'positive', { required: true });
			const date = reader.date('date', { required: true });
			const reference = reader.text('reference', { nullable: true });
			const creditNoteId = reader.text('creditNoteId', { nullable: true });
			const paymentId = reader.text('paymentId', { nullable: true });
			const customer = checkReference(store, reader, 'customerId', 'customers', customerId);
			checkPaymentMethod(store, reader, paymentMethodId);
			const currency = reader.currency('currency') ?? customer?.currency;
			for (const [key, source] of [
				[
					'creditNoteId',
					checkReference(store, reader, 'creditNoteId', 'credit-notes', creditNoteId),
				],
				['paymentId', checkReference(store, reader, 'paymentId', 'payments', paymentId)],
			] as const) {
				if (source && customerId !== undefined && source.customerId !== customerId) {
					reader.problem(key, `belongs to customer ${source.customerId}, not ${customerId}`);
				}
				if (source && currency !== undefined && source.currency !== currency) {
					reader.problem(key, `is in ${source.currency}, not ${currency}`);
				}
			}
			reader.problems.throwIfAny();
			const clash = store.find('refunds', (r) => r.number === number);
			if (clash) throw conflict(`Refund number ${number} is already used`, clash.id);
			const refund = store.insert('refunds', {
				number: number!,
				customerId: customerId!,
				paymentMethodId: paymentMethodId!,
				amount: amount!,
				currency: currency!,
				date: date!,
				reference: reference ?? null,
				creditNoteId: creditNoteId ?? null,
				paymentId: paymentId ?? null,
				sage: { ...UNSYNCED },
			});
			return created(presentRefund(refund));
		},
	},
	sageSyncRoute('setRefundSageSync', `${BASE}/{id}/sage-sync`, 'refunds', present),
];
