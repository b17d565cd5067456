import { conflict } from '../errors';
import { totalsOf } from '../decimal';
import { applyAllocations, readAllocations, readLines } from '../ledger';
import { equals, syncedFilter } from '../listing';
import { presentCreditNote } from '../present';
import { API_PREFIX, checkReference, created, getRoute, listRoute } from '../route';
import type { Route } from '../route';
import type { LayerStore } from '../store';
import type { CreditNote } from '../types';
import { BodyReader } from '../validate';
import { sageSyncRoute, UNSYNCED } from './sageSync';

const BASE = `${API_PREFIX}/credit-notes`;
const FIELDS = [
	'number',
	'customerId',
	'invoiceId',
	'issueDate',
	'currency',
	'reason',
	'lines',
	'allocations',
] as const;
const READ_ONLY = ['id', 'createdAt', 'modifiedAt', 'netTotal', 'taxTotal', 'grossTotal', 'sage'];

function present(_store: LayerStore, note: CreditNote): unknown {
	return presentCreditNote(note);
}

export const creditNoteRoutes: Route[] = [
	listRoute(
		'listCreditNotes',
		BASE,
		'credit-notes',
		{
			customerId: equals((n: CreditNote) => n.customerId),
			number: equals((n: CreditNote) => n.number),
			synced: syncedFilter<CreditNote>(),
		},
		present,
	),
	getRoute('getCreditNote', `${BASE}/{id}`, 'credit-notes', present),
	{
		method: 'POST',
		path: BASE,
		operationId: 'createCreditNote',
		handle: ({ store, body }) => {
			const reader = BodyReader.of(body, FIELDS, READ_ONLY);
			const number = reader.text('number', { required: true });
			const customerId = reader.text('customerId', { required: true });
			const invoiceId = reader.text('invoiceId', { nullable: true });
			const issueDate = reader.date('issueDate', { required: true });
			const reason = reader.text('reason', { nullable: true });
			const lines = readLines(store, reader, true);
			const customer = checkReference(store, reader, 'customerId', 'customers', customerId);
			const invoice = checkReference(store, reader, 'invoiceId', 'invoices', invoiceId);
			if (invoice && customerId !== undefined && invoice.customerId !== customerId) {
				reader.problem('invoiceId', `belongs to customer ${invoice.customerId}, not ${customerId}`);
			}
			const currency = reader.currency('currency') ?? customer?.currency;
			// The limit needs the totals, which need valid lines: only check once they are.
			const built = reader.problems.list.length === 0 && lines ? lines('crn_pending') : undefined;
			const allocations = readAllocations(store, reader, 'allocations', {
				customerId,
				currency,
				limit: { amount: built && totalsOf(built).grossTotal, label: 'credit note total' },
			});
			reader.problems.throwIfAny();
			const clash = store.find('credit-notes', (n) => n.number === number);
			if (clash) throw conflict(`Credit note number ${number} is already used`, clash.id);
			const note = store.insert('credit-notes', (id) => ({
				number: number!,
				customerId: customerId!,
				invoiceId: invoiceId ?? null,
				issueDate: issueDate!,
				currency: currency!,
				reason: reason ?? null,
				lines: lines!(id),
				allocations,
				sage: { ...UNSYNCED },
			}));
			applyAllocations(store, allocations);
			return created(presentCreditNote(note));
		},
	},
	sageSyncRoute('setCreditNoteSageSync', `${BASE}/{id}/sage-sync`, 'credit-notes', present),
];
