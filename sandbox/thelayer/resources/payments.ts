import { conflict } from '../errors';
import { applyAllocations, readAllocations } from '../ledger';
import { equals, syncedFilter } from '../listing';
import { presentPayment } from '../present';
import { API_PREFIX, checkReference, created, getRoute, listRoute } from '../route';
import type { Route } from '../route';
import type { LayerStore } from '../store';
import type { Payment } from '../types';
import { BodyReader } from '../validate';
import { sageSyncRoute, UNSYNCED } from './sageSync';

const BASE = `${API_PREFIX}/payments`;
const FIELDS = [
	'customerId',
	'paymentMethodId',
	'amount',
	'currency',
	'date',
	'reference',
	'allocations',
] as const;
const READ_ONLY = ['id', 'createdAt', 'modifiedAt', 'source', 'sage'];

function present(_store: LayerStore, payment: Payment): unknown {
	return presentPayment(payment);
}

/** A live (not inactive) payment method, else a problem on the field. */
export function checkPaymentMethod(
	store: LayerStore,
	reader: BodyReader,
	id: string | undefined,
): void {
	const method = checkReference(store, reader, 'paymentMethodId', 'payment-methods', id);
	if (method && !method.active) reader.problem('paymentMethodId', `${method.name} is inactive`);
}

export const paymentRoutes: Route[] = [
	listRoute(
		'listPayments',
		BASE,
		'payments',
		{
			customerId: equals((p: Payment) => p.customerId),
			invoiceId: {
				kind: 'string',
				test: (p: Payment, value) => p.allocations.some((a) => a.invoiceId === value),
			},
			reference: equals((p: Payment) => p.reference),
			synced: syncedFilter<Payment>(),
		},
		present,
	),
	getRoute('getPayment', `${BASE}/{id}`, 'payments', present),
	{
		method: 'POST',
		path: BASE,
		operationId: 'createPayment',
		handle: ({ store, body }) => {
			const reader = BodyReader.of(body, FIELDS, READ_ONLY);
			const customerId = reader.text('customerId', { required: true });
			const paymentMethodId = reader.text('paymentMethodId', { required: true });
			const amount = reader.money('amount', 'positive', { required: true });
			const date = reader.date('date', { required: true });
			const reference = reader.text('reference', { required: true });
			const customer = checkReference(store, reader, 'customerId', 'customers', customerId);
			checkPaymentMethod(store, reader, paymentMethodId);
			const currency = reader.currency('currency') ?? customer?.currency;
			const allocations = readAllocations(store, reader, 'allocations', {
				customerId,
				currency,
				limit: { amount, label: 'payment amount' },
			});
			reader.problems.throwIfAny();
			const clash = store.find(
				'payments',
				(p) => p.customerId === customerId && p.reference === reference,
			);
			if (clash) {
				throw conflict(`Customer ${customerId} already has a payment ${reference}`, clash.id);
			}
			const payment = store.insert('payments', {
				customerId: customerId!,
				paymentMethodId: paymentMethodId!,
				amount: amount!,
				currency: currency!,
				date: date!,
				reference: reference!,
				allocations,
				source: 'layer',
				sage: { ...UNSYNCED },
			});
			applyAllocations(store, allocations);
			return created(presentPayment(payment));
		},
	},
	sageSyncRoute('setPaymentSageSync', `${BASE}/{id}/sage-sync`, 'payments', present),
];
