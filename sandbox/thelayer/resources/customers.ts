import { equals, syncedFilter } from '../listing';
import { presentCustomer } from '../present';
import { API_PREFIX, checkReference, created, getRoute, listRoute, mustGet, ok } from '../route';
import type { Route } from '../route';
import type { LayerStore } from '../store';
import type { Customer, CustomerSageLink } from '../types';
import { BodyReader, definedOnly } from '../validate';

const BASE = `${API_PREFIX}/customers`;
const FIELDS = [
	'companyName',
	'email',
	'website',
	'telephone',
	'mobile',
	'fax',
	'vatNumber',
	'subCompanyId',
	'currency',
	'creditLimit',
	'onHold',
] as const;
const READ_ONLY = ['id', 'createdAt', 'modifiedAt', 'balance', 'contacts', 'sage'];
const LINK_FIELDS = [
	'synced',
	'sageCompany',
	'sageSiteId',
	'sageCustomerId',
	'sageAccountNumber',
	'lastSyncError',
	'lastSyncedAt',
] as const;

export const UNSYNCED_LINK: CustomerSageLink = {
	synced: false,
	sageCompany: null,
	sageSiteId: null,
	sageCustomerId: null,
	sageAccountNumber: null,
	lastSyncError: null,
	lastSyncedAt: null,
};

function readCustomer(store: LayerStore, body: unknown, creating: boolean) {
	const reader = BodyReader.of(body, FIELDS, READ_ONLY);
	const fields = {
		companyName: reader.text('companyName', { required: creating }),
		email: reader.email('email', { nullable: true }),
		website: reader.text('website', { nullable: true }),
		telephone: reader.text('telephone', { nullable: true }),
		mobile: reader.text('mobile', { nullable: true }),
		fax: reader.text('fax', { nullable: true }),
		vatNumber: reader.text('vatNumber', { nullable: true }),
		subCompanyId: reader.text('subCompanyId'),
		currency: reader.currency('currency'),
		creditLimit: reader.money('creditLimit', 'nonNegative'),
		onHold: reader.bool('onHold'),
	};
	checkReference(store, reader, 'subCompanyId', 'sub-companies', fields.subCompanyId);
	const subCompanyId = fields.subCompanyId ?? (creating ? defaultSubCompanyId(store) : undefined);
	if (creating && subCompanyId === undefined && !reader.has('subCompanyId')) {
		reader.problem('subCompanyId', 'is required (there is no default sub-company)');
	}
	reader.problems.throwIfAny();
	return { ...fields, subCompanyId };
}

function defaultSubCompanyId(store: LayerStore): string | undefined {
	return (store.find('sub-companies', (s) => s.isDefault) ?? store.all('sub-companies')[0])?.id;
}

export const customerRoutes: Route[] = [
	listRoute(
		'listCustomers',
		BASE,
		'customers',
		{
			search: {
				kind: 'string',
				test: (c: Customer, value) =>
					c.companyName.toLowerCase().includes(String(value).toLowerCase()),
			},
			subCompanyId: equals((c: Customer) => c.subCompanyId),
			synced: syncedFilter<Customer>(),
			sageCustomerId: equals((c: Customer) => c.sage.sageCustomerId),
			sageAccountNumber: equals((c: Customer) => c.sage.sageAccountNumber),
		},
		presentCustomer,
	),
	getRoute('getCustomer', `${BASE}/{id}`, 'customers', presentCustomer),
	{
		method: 'POST',
		path: BASE,
		operationId: 'createCustomer',
		handle: ({ store, body }) => {
			const f = readCustomer(store, body, true);
			const customer = store.insert('customers', {
				companyName: f.companyName!,
				email: f.email ?? null,
				website: f.website ?? null,
				telephone: f.telephone ?? null,
				mobile: f.mobile ?? null,
				fax: f.fax ?? null,
				vatNumber: f.vatNumber ?? null,
				subCompanyId: f.subCompanyId!,
				currency: f.currency ?? 'GBP',
				creditLimit: f.creditLimit ?? 0,
				balance: 0,
				onHold: f.onHold ?? false,
				sage: { ...UNSYNCED_LINK },
			});
			return created(presentCustomer(store, customer));
		},
	},
	{
		method: 'PATCH',
		path: `${BASE}/{id}`,
		operationId: 'updateCustomer',
		handle: ({ store, params, body }) => {
			const existing = mustGet(store, 'customers', params.id);
			const patch = definedOnly(readCustomer(store, body, false));
			return ok(presentCustomer(store, store.update('customers', existing.id, patch)));
		},
	},
	{
		method: 'GET',
		path: `${BASE}/{id}/sage-link`,
		operationId: 'getCustomerSageLink',
		handle: ({ store, params }) => ok(mustGet(store, 'customers', params.id).sage),
	},
	{
		method: 'PUT',
		path: `${BASE}/{id}/sage-link`,
		operationId: 'setCustomerSageLink',
		handle: ({ store, params, body }) => {
			const existing = mustGet(store, 'customers', params.id);
			const reader = BodyReader.of(body, LINK_FIELDS);
			const patch = definedOnly({
				synced: reader.bool('synced'),
				sageCompany: reader.text('sageCompany', { nullable: true }),
				sageSiteId: reader.text('sageSiteId', { nullable: true }),
				sageCustomerId: reader.text('sageCustomerId', { nullable: true }),
				sageAccountNumber: reader.text('sageAccountNumber', { nullable: true }),
				lastSyncError: reader.text('lastSyncError', { nullable: true }),
				lastSyncedAt: reader.timestamp('lastSyncedAt', { nullable: true }),
			});
			if (reader.keys().length === 0) reader.problem('body', 'must set at least one field');
			const sage: CustomerSageLink = { ...existing.sage, ...patch };
			// The link rules of The Layer's customer upload: a Sage company and at least one key.
			if (sage.synced && sage.sageCompany === null) {
				reader.problem('sageCompany', 'is required when synced is true');
			}
			if (sage.synced && sage.sageCustomerId === null && sage.sageAccountNumber === null) {
				reader.problem('sageCustomerId', 'or sageAccountNumber is required when synced is true');
			}
			reader.problems.throwIfAny();
			if (patch.synced === true && patch.lastSyncedAt === undefined) {
				sage.lastSyncedAt = store.timestamp();
			}
			return ok(store.update('customers', existing.id, { sage }).sage);
		},
	},
	{
		method: 'PUT',
		path: `${BASE}/{id}/balances`,
		operationId: 'setCustomerBalances',
		handle: ({ store, params, body }) => {
			const existing = mustGet(store, 'customers', params.id);
			const reader = BodyReader.of(body, ['balance', 'creditLimit', 'onHold', 'currency']);
			const patch = definedOnly({
				balance: reader.money('balance', 'any'),
				creditLimit: reader.money('creditLimit', 'nonNegative'),
				onHold: reader.bool('onHold'),
				currency: reader.currency('currency'),
			});
			if (reader.keys().length === 0) reader.problem('body', 'must set at least one field');
			reader.problems.throwIfAny();
			return ok(presentCustomer(store, store.update('customers', existing.id, patch)));
		},
	},
];
