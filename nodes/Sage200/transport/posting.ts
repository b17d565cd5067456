import type { IDataObject } from 'n8n-workflow';

import { ApiHttpError, ApiNetworkError } from '../../shared/jsonTransport';
import { settle } from '../../shared/settle';
import { odataString, type Sage200Client, type SiteCompany } from './client';

export const TRANSACTION_TYPES = {
	invoice: 'TradingAccountEntryTypeInvoice',
	creditNote: 'TradingAccountEntryTypeCreditNote',
	receipt: 'TradingAccountEntryTypePurchasePaymentSalesReceipt',
	refund: 'TradingAccountEntryTypePurchaseReceiptSalesPayment',
} as const;

export type TransactionKind = keyof typeof TRANSACTION_TYPES;

/** Tries per posting: each one looks for the transaction before posting again. */
const MAX_POST_ATTEMPTS = 4;

async function findPosted(
	client: SiteCompanyClient,
	kind: TransactionKind,
	customerId: string,
	reference: string,
) {
	const [found] = await client.client.list(
		'sales_posted_transactions',
		client.company,
		{
			filter: `customer_id eq ${customerId} and reference eq ${odataString(reference)} and trader_transaction_type eq ${odataString(TRANSACTION_TYPES[kind])}`,
		},
		{ limit: 1 },
	);
	return found;
}

interface SiteCompanyClient {
	client: Sage200Client;
	company: SiteCompany;
}

/**
 * Posts a sales ledger transaction exactly once. Sage 200 has no idempotency key, so the posted
 * transaction is looked up by customer, reference and type first and returned if it is there
 * (outcome "alreadyExists"). A POST whose answer is lost (reset, timeout, 5xx) is never blindly
 * resent: the next attempt looks again, and posts only if the transaction is still missing.
 */
export async function postOnce(
	target: SiteCompanyClient,
	kind: TransactionKind,
	endpoint: string,
	body: IDataObject & { customer_id: number; reference: string },
): Promise<IDataObject> {
	const customerId = String(body.customer_id);
	let posted = false;
	let lastError: unknown;
	for (let attempt = 0; attempt < MAX_POST_ATTEMPTS; attempt++) {
		const existing = await findPosted(target, kind, customerId, body.reference);
		if (existing) return { ...existing, outcome: posted ? 'created' : 'alreadyExists' };
		posted = true;
		const result = await settle(
			target.client.request<{ urn: string | number }>('POST', endpoint, {
				body,
				company: target.company,
				idempotent: false,
			}),
		);
		if (result.ok) {
			const urn = Number(result.value.urn);
			const [transaction] = await target.client.list(
				'sales_posted_transactions',
				target.company,
				{ filter: `urn eq ${urn}` },
				{ limit: 1 },
			);
			return { ...(transaction ?? {}), urn, outcome: 'created' };
		}
		lastError = result.error;
		const ambiguous =
			result.error instanceof ApiNetworkError ||
			(result.error instanceof ApiHttpError &&
				(result.error.status >= 500 || result.error.status === 0));
		if (!ambiguous) break;
	}
	return await Promise.reject(lastError);
}
