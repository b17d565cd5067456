import { conflict, invalidState } from '../errors';
import { mustGet, ok } from '../route';
import type { Route } from '../route';
import type { LayerStore } from '../store';
import type { Collections, NewRecord, SageSync } from '../types';
import { BodyReader, definedOnly } from '../validate';

type Synced = 'invoices' | 'payments' | 'credit-notes' | 'refunds';

/** A record The Layer has not sent to Sage yet. */
export const UNSYNCED: SageSync = {
	synced: false,
	sageTransactionId: null,
	lastSyncError: null,
	lastSyncedAt: null,
};

const SYNC_FIELDS = ['synced', 'sageTransactionId', 'lastSyncError', 'lastSyncedAt'] as const;

/**
 * `PUT <path>/{id}/sage-sync`: records the outcome of sending a record to Sage. Any subset of the
 * sync block; `synced: true` without `lastSyncedAt` stamps now. Returns the whole record.
 */
export function sageSyncRoute<C extends Synced>(
	operationId: string,
	path: string,
	collection: C,
	present: (store: LayerStore, record: Collections[C]) => unknown,
): Route {
	return {
		method: 'PUT',
		path,
		operationId,
		handle: ({ store, params, body }) => {
			const record = mustGet(store, collection, params.id);
			const reader = BodyReader.of(body, SYNC_FIELDS);
			const patch: Partial<SageSync> = {
				synced: reader.bool('synced'),
				sageTransactionId: reader.text('sageTransactionId', { nullable: true }),
				lastSyncError: reader.text('lastSyncError', { nullable: true }),
				lastSyncedAt: reader.timestamp('lastSyncedAt', { nullable: true }),
			};
			if (reader.keys().length === 0) reader.problem('body', 'must set at least one field');
			reader.problems.throwIfAny();
			if ('status' in record && record.status === 'draft') {
				throw invalidState(`Invoice ${record.id} is a draft; only finalised invoices sync`);
			}
			const sageId = patch.sageTransactionId;
			if (typeof sageId === 'string') {
				const clash = store.find(
					collection,
					(r) => r.id !== record.id && r.sage.sageTransactionId === sageId,
				);
				if (clash) {
					throw conflict(`sageTransactionId ${sageId} is already used by ${clash.id}`, clash.id);
				}
			}
			const defined = definedOnly(patch);
			if (defined.synced === true && defined.lastSyncedAt === undefined) {
				defined.lastSyncedAt = store.timestamp();
			}
			const sage = { ...record.sage, ...defined };
			// Every synced collection has the same `sage` block; TypeScript cannot see that generically.
			const updated = store.update(collection, record.id, { sage } as Partial<NewRecord<C>>);
			return ok(present(store, updated));
		},
	};
}
