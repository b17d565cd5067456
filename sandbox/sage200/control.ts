import type { Clock } from '../shared/clock';
import { ControlError } from '../shared/control';
import type { ControlRoute } from '../shared/control';
import type { Json } from './odata/filter';
import { contactsOf, presentContact } from './resources/contactModel';
import { presentCustomer } from './resources/customers';
import { presentPostedTransaction } from './resources/postedTransactions';
import {
	presentBank,
	presentCurrency,
	presentNominalCode,
	presentTaxCode,
} from './resources/reference';
import type { CompanyData, Sage200Store } from './store';
import type { TokenBook } from './tokens';

/** Every stored record of one company as the (Professional) API shows it, by collection. */
const COLLECTIONS: Record<string, (company: CompanyData) => Json[]> = {
	customers: (c) => c.customers.all().map((r) => presentCustomer(c, r, 'professional')),
	customer_contacts: (c) =>
		c.customers
			.all()
			.flatMap((r) => contactsOf(c, r.id).map((contact) => presentContact(c, contact))),
	sales_posted_transactions: (c) => c.transactions.all().map((t) => presentPostedTransaction(c, t)),
	banks: (c) => c.banks.all().map((b) => presentBank(c, b, 'professional')),
	nominal_codes: (c) => c.nominalCodes.all().map((n) => presentNominalCode(n, 'professional')),
	tax_codes: (c) => c.taxCodes.all().map((t) => presentTaxCode(t, 'professional')),
	currencies: (c) => c.currencies.all().map((r) => presentCurrency(r, 'professional')),
};

/**
 * Sage 200's routes under /__sandbox/, after the common ones (health, meter, faults, reset):
 * `GET records/:collection?company=<id>` (default: the first company), `GET records/sites`,
 * `GET|PUT|DELETE clock`, `POST tokens/expire` (every access token, so the next call refreshes),
 * `POST tokens/revoke` (every refresh token, so the user must sign in again).
 */
export function sage200ControlRoutes(
	store: Sage200Store,
	clock: Clock,
	tokens: TokenBook,
): ControlRoute[] {
	const clockState = () => ({ now: clock.now().toISOString(), frozen: clock.isFrozen });
	return [
		{
			method: 'GET',
			path: '/records/:collection',
			handle: ({ params, query }) => {
				if (params.collection === 'sites') return store.sites;
				const read = COLLECTIONS[params.collection];
				if (!read) {
					const names = ['sites', ...Object.keys(COLLECTIONS)].join(', ');
					throw new ControlError(404, `Unknown collection ${params.collection}; one of ${names}`);
				}
				const id = query.get('company');
				const company = id === null ? store.allCompanies()[0] : store.company(Number(id));
				if (!company) throw new ControlError(404, `No company ${String(id)}`);
				return read(company);
			},
		},
		{ method: 'GET', path: '/clock', handle: clockState },
		{
			method: 'PUT',
			path: '/clock',
			handle: ({ body }) => {
				const { now, advanceSeconds } = (body ?? {}) as { now?: string; advanceSeconds?: number };
				try {
					if (now !== undefined) clock.freeze(now);
					if (advanceSeconds !== undefined) clock.advance(Number(advanceSeconds) * 1000);
				} catch (error) {
					throw new ControlError(400, (error as Error).message);
				}
				return clockState();
			},
		},
		{ method: 'DELETE', path: '/clock', handle: () => (clock.release(), clockState()) },
		{ method: 'POST', path: '/tokens/expire', handle: () => ({ expired: tokens.expireAll() }) },
		{
			method: 'POST',
			path: '/tokens/revoke',
			handle: () => ({ revoked: tokens.revokeRefreshTokens() }),
		},
	];
}
