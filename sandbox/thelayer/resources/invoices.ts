import { conflict, invalidState } from '../errors';
import { equals, syncedFilter } from '../listing';
import { readLines } from '../ledger';
import { presentInvoice } from '../present';
import { API_PREFIX, checkReference, created, getRoute, listRoute, mustGet, ok } from '../route';
import type { Route } from '../route';
import type { LayerStore } from '../store';
import type { Invoice, InvoiceStatus } from '../types';
import { addDays, BodyReader, definedOnly } from '../validate';
import { sageSyncRoute, UNSYNCED } from './sageSync';

const BASE = `${API_PREFIX}/invoices`;
const STATUSES: readonly InvoiceStatus[] = ['draft', 'finalised'];
const FIELDS = [
	'number',
	'status',
	'customerId',
	'subCompanyId',
	'issueDate',
	'dueDate',
	'currency',
	'reference',
	'lines',
] as const;
const READ_ONLY = [
	'id',
	'createdAt',
	'modifiedAt',
	'netTotal',
	'taxTotal',
	'grossTotal',
	'amountPaid',
	'amountDue',
	'sage',
];
/** Net 30 when no due date is given. */
const DEFAULT_TERMS_DAYS = 30;

function present(_store: LayerStore, invoice: Invoice): unknown {
	return presentInvoice(invoice);
}

function checkNumberUnique(store: LayerStore, number: string | undefined, self?: string): void {
	const clash = store.find('invoices', (i) => i.number === number && i.id !== self);
	if (clash) throw conflict(`Invoice number ${number} is already used`, clash.id);
}

/** Reads a create (all required fields) or a draft update (any subset; status not allowed). */
function readInvoice(store: LayerStore, body: unknown, existing?: Invoice) {
	const creating = existing === undefined;
	const reader = BodyReader.of(
		body,
		creating ? FIELDS : FIELDS.filter((f) => f !== 'status'),
		creating ? READ_ONLY : [...READ_ONLY, 'status'],
	);
	const fields = {
		number: reader.text('number', { required: creating }),
		status: creating ? reader.oneOf('status', STATUSES) : undefined,
		customerId: reader.text('customerId', { required: creating }),
		subCompanyId: reader.text('subCompanyId'),
		issueDate: reader.date('issueDate', { required: creating }),
		dueDate: reader.date('dueDate'),
		currency: reader.currency('currency'),
		reference: reader.text('reference', { nullable: true }),
		lines: readLines(store, reader, creating),
	};
	const customer = checkReference(store, reader, 'customerId', 'customers', fields.customerId);
	checkReference(store, reader, 'subCompanyId', 'sub-companies', fields.subCompanyId);
	const issueDate = fields.issueDate ?? existing?.issueDate;
	const dueDate = fields.dueDate ?? existing?.dueDate;
	if (issueDate && dueDate && dueDate < issueDate && (fields.dueDate || fields.issueDate)) {
		reader.problem(
			fields.dueDate ? 'dueDate' : 'issueDate',
			'puts the due date before the issue date',
		);
	}
	reader.problems.throwIfAny();
	return { fields, customer };
}

export const invoiceRoutes: Route[] = [
	listRoute(
		'listInvoices',
		BASE,
		'invoices',
		{
			status: { kind: STATUSES, test: (i: Invoice, value) => i.status === value },
			customerId: equals((i: Invoice) => i.customerId),
			number: equals((i: Invoice) => i.number),
			subCompanyId: equals((i: Invoice) => i.subCompanyId),
			synced: syncedFilter<Invoice>(),
		},
		present,
	),
	getRoute('getInvoice', `${BASE}/{id}`, 'invoices', present),
	{
		method: 'POST',
		path: BASE,
		operationId: 'createInvoice',
		handle: ({ store, body }) => {
			const { fields: f, customer: found } = readInvoice(store, body);
			const customer = found!; // a create without a valid customerId is a 400 already
			checkNumberUnique(store, f.number);
			const invoice = store.insert('invoices', (id) => ({
				number: f.number!,
				status: f.status ?? 'draft',
				customerId: customer.id,
				subCompanyId: f.subCompanyId ?? customer.subCompanyId,
				issueDate: f.issueDate!,
				dueDate: f.dueDate ?? addDays(f.issueDate!, DEFAULT_TERMS_DAYS),
				currency: f.currency ?? customer.currency,
				reference: f.reference ?? null,
				lines: f.lines!(id),
				amountPaid: 0,
				sage: { ...UNSYNCED },
			}));
			return created(presentInvoice(invoice));
		},
	},
	{
		method: 'PATCH',
		path: `${BASE}/{id}`,
		operationId: 'updateInvoice',
		handle: ({ store, params, body }) => {
			const existing = mustGet(store, 'invoices', params.id);
			if (existing.status !== 'draft') {
				throw invalidState(`Invoice ${existing.id} is finalised; only drafts can be changed`);
			}
			const { lines, ...f } = readInvoice(store, body, existing).fields;
			if (f.number !== undefined) checkNumberUnique(store, f.number, existing.id);
			const patch = definedOnly({ ...f, lines: lines?.(existing.id) });
			return ok(presentInvoice(store.update('invoices', existing.id, patch)));
		},
	},
	{
		method: 'POST',
		path: `${BASE}/{id}/finalise`,
		operationId: 'finaliseInvoice',
		handle: ({ store, params }) => {
			const existing = mustGet(store, 'invoices', params.id);
			if (existing.status !== 'draft') {
				throw invalidState(`Invoice ${existing.id} is already finalised`);
			}
			return ok(presentInvoice(store.update('invoices', existing.id, { status: 'finalised' })));
		},
	},
	sageSyncRoute('setInvoiceSageSync', `${BASE}/{id}/sage-sync`, 'invoices', present),
];
