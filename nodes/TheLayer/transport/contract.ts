/**
 * THE ONE PLACE for The Layer's API paths.
 *
 * The Layer documents only its base URL (https://webapi.thelayer.com) and the Token1/Token2
 * headers. Every path below, and the record shapes, paging and errors, are ASSUMED by this package:
 * see nodes/TheLayer/openapi/the-layer.assumed.openapi.json, which the sandbox implements and a
 * test keeps in agreement with this file. When the real API is known, change it here and there.
 */
export const THE_LAYER_DEFAULT_BASE_URL = 'https://webapi.thelayer.com';

const API = '/api/v1';

export const paths = {
	subCompanies: `${API}/sub-companies`,
	paymentMethods: `${API}/payment-methods`,
	nominalCodes: `${API}/nominal-codes`,
	customers: `${API}/customers`,
	invoices: `${API}/invoices`,
	payments: `${API}/payments`,
	creditNotes: `${API}/credit-notes`,
	refunds: `${API}/refunds`,
	sageTransactions: `${API}/sage-transactions`,
	record: (collection: string, id: string) => `${collection}/${encodeURIComponent(id)}`,
	customerSageLink: (id: string) => `${API}/customers/${encodeURIComponent(id)}/sage-link`,
	customerBalances: (id: string) => `${API}/customers/${encodeURIComponent(id)}/balances`,
	customerContacts: (id: string) => `${API}/customers/${encodeURIComponent(id)}/contacts`,
	customerContact: (id: string, contactId: string) =>
		`${API}/customers/${encodeURIComponent(id)}/contacts/${encodeURIComponent(contactId)}`,
	invoiceFinalise: (id: string) => `${API}/invoices/${encodeURIComponent(id)}/finalise`,
	sageSync: (collection: string, id: string) => `${collection}/${encodeURIComponent(id)}/sage-sync`,
	sageTransactionReconcile: (id: string) =>
		`${API}/sage-transactions/${encodeURIComponent(id)}/reconcile`,
} as const;

/** Largest page the list endpoints accept (assumed). */
export const MAX_PAGE_SIZE = 500;

/** List responses: `{ data, page, pageSize, total, hasMore }` (assumed). */
export interface ListPage<T> {
	data: T[];
	page: number;
	pageSize: number;
	total: number;
	hasMore: boolean;
}

/** Error bodies: `{ error: { code, message, fields?, existingId? } }` (assumed). */
export interface LayerErrorBody {
	error?: {
		code?: string;
		message?: string;
		fields?: Array<{ field: string; message: string }>;
		existingId?: string;
	};
}
