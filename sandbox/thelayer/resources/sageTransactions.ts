import { ApiError, conflict, invalidState } from '../errors';
import { applyAllocations, readAllocations } from '../ledger';
import { equals } from '../listing';
import { presentSageTransaction } from '../present';
import { API_PREFIX, checkReference, created, getRoute, listRoute, mustGet, ok } from '../route';
import type { Route } from '../route';
import type { LayerStore } from '../store';
import type { SageTransaction } from '../types';
import { BodyReader } from '../validate';
import { sumMoney } from '../../shared/money';
import { checkPaymentMethod } from './payments';

/**
 * The "Sage Transactions" area: receipts (and refunds) that came back from Sage, waiting to be
 * reconciled to Layer invoices. Reconciling creates a Layer payment (source "sage") allocated to
 * the chosen invoices, so the invoices' amountPaid/amountDue change.
 */

const BASE = `${API_PREFIX}/sage-transactions`;
const SYSTEMS = ['sage200', 'intacct'] as const;
const TYPES = ['receipt', 'refund'] as const;
const FIELDS = [
	'sageSystem',
	'sageCompany',
	'sageTransactionId',
	'type',
	'customerId',
	'sageCustomerId',
	'sageAccountNumber',
	'amount',
	'currency',
	'date',
	'reference',
	'allocations',
] as const;
const READ_ONLY = [
	'id',
	'createdAt',
	'modifiedAt',
	'reconciled',
	'reconciledAt',
	'reconciliations',
	'paymentId',
];

function present(_store: LayerStore, tx: SageTransaction): unknown {
	return presentSageTransaction(tx);
}

/** The Layer customer whose Sage link matches, when exactly one does. */
function linkedCustomerId(
	store: LayerStore,
	sageCompany: string,
	sageCustomerId: string | null,
	sageAccountNumber: string | null,
): string | null {
	const matches = store.all('customers').filter((c) => {
		if (c.sage.sageCompany !== sageCompany) return false;
		if (sageCustomerId !== null && c.sage.sageCustomerId === sageCustomerId) return true;
		return sageAccountNumber !== null && c.sage.sageAccountNumber === sageAccountNumber;
	});
	return matches.length === 1 ? matches[0].id : null;
}

function create(store: LayerStore, body: unknown): SageTransaction {
	const reader = BodyReader.of(body, FIELDS, READ_ONLY);
	const sageSystem = reader.oneOf('sageSystem', SYSTEMS, { required: true });
	const sageCompany = reader.text('sageCompany', { required: true });
	const sageTransactionId = reader.text('sageTransactionId', { required: true });
	const type = reader.oneOf('type', TYPES, { required: true });
	const customerId = reader.text('customerId', { nullable: true });
	const sageCustomerId = reader.text('sageCustomerId', { nullable: true }) ?? null;
	const sageAccountNumber = reader.text('sageAccountNumber', { nullable: true }) ?? null;
	const amount = reader.money('amount', 'positive', { required: true });
	const currency = reader.currency('currency') ?? 'GBP';
	const date = reader.date('date', { required: true });
	const reference = reader.text('reference', { nullable: true }) ?? null;
	const items = reader.objects('allocations', ['invoiceNumber', 'amount']) ?? [];
	const allocations = items.map((item) => ({
		invoiceNumber: item.text('invoiceNumber', { required: true })!,
		amount: item.money('amount', 'positive', { required: true })!,
	}));
	checkReference(store, reader, 'customerId', 'customers', customerId);
	if (amount !== undefined && sumMoney(allocations.map((a) => a.amount ?? 0)) > amount) {
		reader.problem('allocations', 'total exceeds the transaction amount');
	}
	reader.problems.throwIfAny();
	const clash = store.find(
		'sage-transactions',
		(t) =>
			t.sageSystem === sageSystem &&
			t.sageCompany === sageCompany &&
			t.sageTransactionId === sageTransactionId,
	);
	if (clash) {
		throw conflict(
			`${sageSystem} transaction ${sageTransactionId} of ${sageCompany} is already recorded`,
			clash.id,
		);
	}
	return store.insert('sage-transactions', {
		sageSystem: sageSystem!,
		sageCompany: sageCompany!,
		sageTransactionId: sageTransactionId!,
		type: type!,
		customerId:
			customerId ?? linkedCustomerId(store, sageCompany!, sageCustomerId, sageAccountNumber),
		sageCustomerId,
		sageAccountNumber,
		amount: amount!,
		currency,
		date: date!,
		reference,
		allocations,
		reconciled: false,
		reconciledAt: null,
		reconciliations: [],
		paymentId: null,
	});
}

function reconcile(store: LayerStore, id: string, body: unknown): SageTransaction {
	const tx = mustGet(store, 'sage-transactions', id);
	if (tx.reconciled) {
		throw new ApiError(
			409,
			'already_reconciled',
			`Sage transaction ${tx.id} is already reconciled`,
			{
				existingId: tx.paymentId ?? undefined,
			},
		);
	}
	if (tx.type !== 'receipt') {
		throw invalidState(
			`Sage transaction ${tx.id} is a refund; only receipts reconcile to invoices`,
		);
	}
	const reader = BodyReader.of(body, ['allocations', 'paymentMethodId']);
	const paymentMethodId = reader.text('paymentMethodId', { nullable: true });
	checkPaymentMethod(store, reader, paymentMethodId ?? undefined);
	const allocations = readAllocations(
		store,
		reader,
		'allocations',
		{
			customerId: tx.customerId,
			currency: tx.currency,
			limit: { amount: tx.amount, label: 'transaction amount' },
		},
		{ required: true, minItems: 1 },
	);
	reader.problems.throwIfAny();
	const customerId = tx.customerId ?? store.get('invoices', allocations[0].invoiceId)!.customerId;
	const now = store.timestamp();
	const payment = store.insert('payments', {
		customerId,
		paymentMethodId: paymentMethodId ?? null,
		amount: tx.amount,
		currency: tx.currency,
		date: tx.date,
		reference: tx.reference ?? tx.sageTransactionId,
		allocations,
		source: 'sage',
		// It came from Sage, so it must never be sent back there.
		sage: {
			synced: true,
			sageTransactionId: tx.sageTransactionId,
			lastSyncError: null,
			lastSyncedAt: now,
		},
	});
	applyAllocations(store, allocations);
	return store.update('sage-transactions', tx.id, {
		customerId,
		reconciled: true,
		reconciledAt: now,
		reconciliations: allocations,
		paymentId: payment.id,
	});
}

export const sageTransactionRoutes: Route[] = [
	listRoute(
		'listSageTransactions',
		BASE,
		'sage-transactions',
		{
			reconciled: { kind: 'boolean', test: (t: SageTransaction, v) => t.reconciled === v },
			customerId: equals((t: SageTransaction) => t.customerId),
			sageTransactionId: equals((t: SageTransaction) => t.sageTransactionId),
			sageSystem: { kind: SYSTEMS, test: (t: SageTransaction, v) => t.sageSystem === v },
		},
		present,
	),
	getRoute('getSageTransaction', `${BASE}/{id}`, 'sage-transactions', present),
	{
		method: 'POST',
		path: BASE,
		operationId: 'createSageTransaction',
		handle: ({ store, body }) => created(presentSageTransaction(create(store, body))),
	},
	{
		method: 'POST',
		path: `${BASE}/{id}/reconcile`,
		operationId: 'reconcileSageTransaction',
		handle: ({ store, params, body }) =>
			ok(presentSageTransaction(reconcile(store, params.id, body))),
	},
];
