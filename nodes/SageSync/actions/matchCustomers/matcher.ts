import type { IDataObject } from 'n8n-workflow';

import { asList, asObject, firstText, pathValue, text } from '../../core/records';
import { normaliseCompanyName } from './companyName';

export type Strategy =
	| 'link'
	| 'customerId'
	| 'companyName'
	| 'email'
	| 'accountNumber'
	| 'catchAll';

export interface StrategyRow {
	strategy: Strategy;
	/** Overrides the Layer-side value this strategy compares (an expression per item). */
	layerValue?: string;
	/** catchAll: the Sage customer (ID or account number) everything unmatched goes to. */
	catchAllCustomer?: string;
}

export interface SageFieldPaths {
	id: string;
	accountNumber: string;
	name: string;
	email: string;
}

export const DEFAULT_PATHS: Record<'intacct' | 'sage200', SageFieldPaths> = {
	intacct: {
		id: 'CUSTOMERID',
		accountNumber: 'CUSTOMERID',
		name: 'NAME',
		email: 'DISPLAYCONTACT.EMAIL1',
	},
	sage200: { id: 'id', accountNumber: 'reference', name: 'name', email: 'email' },
};

export interface SageCustomer {
	id: string;
	accountNumber: string;
	name: string;
	record?: IDataObject;
}

export interface LinkScope {
	/** Only links in this Sage company / site count; '' = any. */
	sageCompany: string;
	sageSiteId: string;
}

export type MatchResult =
	| { outcome: 'matched'; strategy: Strategy; sage: SageCustomer }
	| { outcome: 'notFound'; tried: Strategy[] }
	| { outcome: 'ambiguous'; strategy: Strategy; reason: string; candidates: SageCustomer[] };

const lower = (value: string) => value.trim().toLowerCase();

/** The Sage customer list, indexed once for every strategy. */
export class SageCustomerIndex {
	private readonly byId = new Map<string, SageCustomer[]>();
	private readonly byAccount = new Map<string, SageCustomer[]>();
	private readonly byName = new Map<string, SageCustomer[]>();
	private readonly byEmail = new Map<string, SageCustomer[]>();

	constructor(records: IDataObject[], paths: SageFieldPaths) {
		for (const record of records) {
			const customer: SageCustomer = {
				id: text(pathValue(record, paths.id)),
				accountNumber: text(pathValue(record, paths.accountNumber)),
				name: text(pathValue(record, paths.name)),
				record,
			};
			add(this.byId, lower(customer.id), customer);
			add(this.byAccount, lower(customer.accountNumber), customer);
			add(this.byName, normaliseCompanyName(customer.name), customer);
			add(this.byEmail, lower(text(pathValue(record, paths.email))), customer);
		}
	}

	/** By ID, else by account number (a user-typed customer may be either). */
	findIdOrAccount(value: string): SageCustomer[] {
		const byId = this.find('customerId', value);
		return byId.length ? byId : this.find('accountNumber', value);
	}

	find(strategy: Strategy, value: string): SageCustomer[] {
		if (!value) return [];
		switch (strategy) {
			case 'companyName':
				return this.byName.get(normaliseCompanyName(value)) ?? [];
			case 'email':
				return this.byEmail.get(lower(value)) ?? [];
			case 'accountNumber':
				return this.byAccount.get(lower(value)) ?? [];
			default:
				return this.byId.get(lower(value)) ?? [];
		}
	}
}

function add(map: Map<string, SageCustomer[]>, key: string, customer: SageCustomer): void {
	if (!key) return;
	const list = map.get(key);
	if (!list) map.set(key, [customer]);
	else if (!list.includes(customer)) list.push(customer);
}

/** The customer's Sage link: the Layer record's `sage`, or the customer-upload columns. */
export function linkOf(customer: IDataObject): IDataObject {
	const sage = asObject(customer.sage) ?? {};
	return {
		sageCompany: firstText(sage.sageCompany, customer.SageCompanyName),
		sageSiteId: firstText(sage.sageSiteId, customer.SageSiteId),
		sageCustomerId: firstText(sage.sageCustomerId, customer.SageCustomerId),
		sageAccountNumber: firstText(sage.sageAccountNumber, customer.SageAccountNumber),
	};
}

/** What each strategy compares on the Layer side, unless the row overrides it. */
function layerValue(customer: IDataObject, strategy: Strategy): string {
	switch (strategy) {
		case 'customerId':
			return firstText(customer.id, customer.CustomerId);
		case 'companyName':
			return firstText(customer.companyName, customer.name);
		case 'email': {
			const contacts = asList(customer.contacts);
			const primary = contacts.find((c) => c.isPrimary === true) ?? contacts[0];
			return firstText(customer.email, primary?.email);
		}
		case 'accountNumber':
			return firstText(customer.accountNumber, linkOf(customer).sageAccountNumber);
		default:
			return '';
	}
}

const sameOrAny = (wanted: string, actual: string) =>
	!wanted || !actual || lower(wanted) === lower(actual);

function byLink(
	customer: IDataObject,
	row: StrategyRow,
	index: SageCustomerIndex,
	scope: LinkScope,
): MatchResult | undefined {
	const link = linkOf(customer);
	if (!sameOrAny(scope.sageCompany, text(link.sageCompany))) return undefined;
	if (!sameOrAny(scope.sageSiteId, text(link.sageSiteId))) return undefined;
	const keys = row.layerValue
		? [row.layerValue]
		: [text(link.sageCustomerId), text(link.sageAccountNumber)].filter(Boolean);
	if (keys.length === 0) return undefined;
	const found = row.layerValue
		? index.findIdOrAccount(row.layerValue)
		: unique([
				...index.find('customerId', text(link.sageCustomerId)),
				...index.find('accountNumber', text(link.sageAccountNumber)),
			]);
	if (found.length === 1) return { outcome: 'matched', strategy: 'link', sage: found[0] };
	return {
		outcome: 'ambiguous',
		strategy: 'link',
		reason:
			found.length === 0
				? `linked to Sage customer ${keys.join(' / ')}, which is not in the Sage customer list`
				: `the link names ${found.length} different Sage customers`,
		candidates: found,
	};
}

function unique(list: SageCustomer[]): SageCustomer[] {
	return [...new Set(list)];
}

/** Tries the strategies in order; the first that finds anything decides. */
export function matchCustomer(
	customer: IDataObject,
	rows: StrategyRow[],
	index: SageCustomerIndex,
	scope: LinkScope,
): MatchResult {
	const tried: Strategy[] = [];
	for (const row of rows) {
		tried.push(row.strategy);
		if (row.strategy === 'link') {
			const result = byLink(customer, row, index, scope);
			if (result) return result;
			continue;
		}
		if (row.strategy === 'catchAll') {
			const target = text(row.catchAllCustomer);
			if (!target) continue;
			const [known] = index.findIdOrAccount(target);
			return {
				outcome: 'matched',
				strategy: 'catchAll',
				sage: known ?? { id: target, accountNumber: target, name: '' },
			};
		}
		const value = row.layerValue ? text(row.layerValue) : layerValue(customer, row.strategy);
		const found = index.find(row.strategy, value);
		if (found.length === 1) return { outcome: 'matched', strategy: row.strategy, sage: found[0] };
		if (found.length > 1)
			return {
				outcome: 'ambiguous',
				strategy: row.strategy,
				reason: `${found.length} Sage customers match ${row.strategy} "${value}"`,
				candidates: found,
			};
	}
	return { outcome: 'notFound', tried };
}

/** Strategies that compare descriptive data; a Sage customer they give to two Layer customers is in doubt. */
const LOOSE: Strategy[] = ['companyName', 'email', 'accountNumber'];

/**
 * Matches every customer, then checks the batch: when a loose strategy gave a Sage customer to a
 * Layer customer and that Sage customer is also claimed by another Layer customer, the loose
 * claims go to a person instead (the other claim may be a link, which stands).
 */
export function matchCustomers(
	customers: Array<{ record: IDataObject; rows: StrategyRow[] }>,
	index: SageCustomerIndex,
	scope: LinkScope,
): MatchResult[] {
	const results = customers.map((c) => matchCustomer(c.record, c.rows, index, scope));
	const claims = new Map<SageCustomer, number[]>();
	results.forEach((result, i) => {
		if (result.outcome !== 'matched' || result.strategy === 'catchAll' || !result.sage.record)
			return;
		claims.set(result.sage, [...(claims.get(result.sage) ?? []), i]);
	});
	for (const [sage, claimants] of claims) {
		if (claimants.length < 2) continue;
		for (const i of claimants) {
			const result = results[i];
			if (result.outcome !== 'matched' || !LOOSE.includes(result.strategy)) continue;
			const others = claimants
				.filter((j) => j !== i)
				.map((j) => firstText(customers[j].record.id, customers[j].record.CustomerId, `item ${j}`));
			results[i] = {
				outcome: 'ambiguous',
				strategy: result.strategy,
				reason: `Sage customer ${sage.id || sage.accountNumber} also matches Layer customer ${others.join(', ')}`,
				candidates: [sage],
			};
		}
	}
	return results;
}
